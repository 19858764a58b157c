/**
 * The bounded fuzz run of every test run: a fixed range of seeded sequences
 * per strategy on this runtime, each strategy in its own child process
 * (run at once, so the two cores share the work). Longer campaigns:
 * `campaign.ts`. FUZZ_SEQUENCES changes the count.
 *
 * @module
 */
import { test } from "node:test";
import process from "node:process";
import { STRATEGIES } from "../../src/mod.ts";
import { CURRENT_RUNTIME } from "../../bench/runtimes.ts";
import { runFuzzChild, signature } from "./_replay.ts";

const SEQUENCES = Number(process.env.FUZZ_SEQUENCES ?? "1500");

test(`fuzz: ${SEQUENCES} random sequences per strategy agree with the model and never crash`, { timeout: 1_800_000 }, async () => {
  const outcomes = await Promise.all(
    STRATEGIES.map((strategy) =>
      runFuzzChild(CURRENT_RUNTIME, ["--strategy", strategy, "--from", "0", "--count", String(SEQUENCES), "--length", "60"])
    ),
  );
  const failures = outcomes.flatMap((o, i) =>
    o.kind === "ok" ? [] : [
      `${STRATEGIES[i]} seed ${o.seed}: ${signature(o)}\n` +
      `  shrink it: ${CURRENT_RUNTIME.name} test/fuzz/campaign.ts --from ${o.seed} --sequences 1 --strategies ${STRATEGIES[i]} --runtimes ${CURRENT_RUNTIME.name}\n` +
      (o.kind === "crash" ? o.detail : o.message),
    ]
  );
  if (failures.length > 0) throw new Error(failures.join("\n\n"));
  // Vacuity guard: the sequences did real work, successes and refusals both.
  for (const [i, o] of outcomes.entries()) {
    if (o.kind !== "ok") continue;
    const ok = Object.entries(o.stats).filter(([k]) => k.endsWith(":ok")).reduce((a, [, n]) => a + n, 0);
    const refused = Object.entries(o.stats).filter(([k]) => k.endsWith(":InvalidHandleError")).reduce((a, [, n]) => a + n, 0);
    if (o.sequences !== SEQUENCES || ok < SEQUENCES * 10 || refused < SEQUENCES) {
      throw new Error(`${STRATEGIES[i]}: too little happened: ${JSON.stringify(o.stats)}`);
    }
  }
});
