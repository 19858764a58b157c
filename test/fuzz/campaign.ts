/**
 * A fuzzing campaign: many seeded sequences per strategy and runtime, in
 * batches of child processes; every failure is traced to its seed, shrunk
 * to a short action list and printed as a test to paste into
 * `regressions_test.ts`.
 *
 *   bun test/fuzz/campaign.ts --sequences 100000 --write
 *   deno run -P test/fuzz/campaign.ts --sequences 2000 --strategies weak --runtimes deno
 *   bun test/fuzz/campaign.ts --shrink failing.json --strategy weak
 *
 * Options: --sequences N per strategy and runtime (default 10000), --length
 * actions per sequence (60), --from first seed (0), --batch sequences per
 * child (1000), --jobs children at once (2), --strategies, --runtimes,
 * --write to write test/fuzz/RESULTS.md.
 *
 * @module
 */
import { readFileSync, writeFileSync } from "node:fs";
import process from "node:process";
import { fileURLToPath } from "node:url";
import { STRATEGIES, type StrategyName } from "../../src/mod.ts";
import { availableRuntimes, CURRENT_RUNTIME, findRuntime, type RuntimeExe, versionOf } from "../_runtimes.ts";
import { type ChildOutcome, replay, runFuzzChild, signature } from "./_replay.ts";
import type { Action } from "./engine.ts";

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1]! : fallback;
}

/** A failure, shrunk. */
interface Finding {
  readonly runtime: RuntimeExe;
  readonly strategy: StrategyName;
  readonly seed: number | null;
  readonly signature: string;
  readonly actions: Action[];
  readonly detail: string;
}

/**
 * Shrinks `actions` while replaying them still fails with the same
 * signature: delta debugging (drop chunks, halving the chunk size), then
 * single actions. Costs one child process per try, at most `budget` tries.
 */
export async function shrink(
  strategy: StrategyName,
  runtime: RuntimeExe,
  actions: Action[],
  want: string,
  budget = 400,
): Promise<Action[]> {
  let tries = 0;
  const stillFails = async (candidate: Action[]) => {
    tries++;
    return signature(await replay(strategy, candidate, runtime)) === want;
  };
  let current = actions;
  for (let chunk = Math.max(1, current.length >> 1); chunk >= 1 && tries < budget; chunk >>= 1) {
    for (let start = 0; start < current.length && tries < budget;) {
      const candidate = [...current.slice(0, start), ...current.slice(start + chunk)];
      if (candidate.length > 0 && (await stillFails(candidate))) current = candidate;
      else start += chunk;
    }
  }
  return current;
}

/** A test that replays `f`, ready to paste into regressions_test.ts. */
export function asTest(f: Finding): string {
  const name = `${f.signature.slice(0, 90)} (${f.strategy}, found on ${f.runtime.name}${f.seed !== null ? `, seed ${f.seed}` : ""})`;
  const actions = f.actions.map((a) => `    ${JSON.stringify(a)},`).join("\n");
  return `test(${JSON.stringify(`fuzz: ${name}`)}, async () => {
  await assertReplays(${JSON.stringify(f.strategy)}, [
${actions}
  ]);
});`;
}

async function investigate(
  runtime: RuntimeExe,
  strategy: StrategyName,
  outcome: Exclude<ChildOutcome, { kind: "ok" }>,
): Promise<Finding> {
  let actions = outcome.actions;
  const seed = outcome.seed;
  if (outcome.kind === "crash" && seed !== null) {
    // The child died mid-sequence: run that seed alone, echoing each action.
    const again = await runFuzzChild(runtime, ["--strategy", strategy, "--from", String(seed), "--count", "1"], {
      FUZZ_TRACE_ACTIONS: "1",
    });
    if (again.kind !== "ok") actions = again.actions;
  }
  const sig = signature(outcome);
  console.error(`  shrinking ${actions.length} actions (${sig})`);
  const small = actions.length > 0 ? await shrink(strategy, runtime, actions, sig) : actions;
  const detail = outcome.kind === "crash" ? outcome.detail : outcome.message;
  return { runtime, strategy, seed, signature: sig, actions: small, detail };
}

interface Cell {
  sequences: number;
  actions: number;
  milliseconds: number;
  stats: Map<string, number>;
  findings: Finding[];
}

async function campaign(): Promise<void> {
  const sequences = Number(option("sequences", "10000"));
  const length = option("length", "60");
  const from = Number(option("from", "0"));
  const batch = Number(option("batch", "1000"));
  const jobs = Number(option("jobs", "2"));
  const strategies = option("strategies", STRATEGIES.join(",")).split(",") as StrategyName[];
  const wanted = option("runtimes", "bun,deno").split(",");
  const runtimes = availableRuntimes().filter((r) => wanted.includes(r.name));

  const cells = new Map<string, Cell>();
  const queue: { runtime: RuntimeExe; strategy: StrategyName; from: number; count: number }[] = [];
  for (const runtime of runtimes) {
    for (const strategy of strategies) {
      cells.set(`${runtime.name}|${strategy}`, { sequences: 0, actions: 0, milliseconds: 0, stats: new Map(), findings: [] });
      for (let s = from; s < from + sequences; s += batch) {
        queue.push({ runtime, strategy, from: s, count: Math.min(batch, from + sequences - s) });
      }
    }
  }
  const started = Date.now();
  const worker = async () => {
    for (let job = queue.shift(); job !== undefined; job = queue.shift()) {
      const cell = cells.get(`${job.runtime.name}|${job.strategy}`)!;
      const t0 = Date.now();
      const outcome = await runFuzzChild(job.runtime, [
        "--strategy",
        job.strategy,
        "--from",
        String(job.from),
        "--count",
        String(job.count),
        "--length",
        length,
      ]);
      cell.milliseconds += Date.now() - t0;
      if (outcome.kind === "ok") {
        cell.sequences += outcome.sequences;
        for (const [k, n] of Object.entries(outcome.stats)) cell.stats.set(k, (cell.stats.get(k) ?? 0) + n);
        console.error(`${job.runtime.name} ${job.strategy} seeds ${job.from}..${job.from + job.count - 1}: ok`);
        continue;
      }
      const done = (outcome.seed ?? job.from) - job.from;
      cell.sequences += done;
      console.error(`${job.runtime.name} ${job.strategy} seed ${outcome.seed}: ${signature(outcome)}`);
      const finding = await investigate(job.runtime, job.strategy, outcome);
      cell.findings.push(finding);
      console.log(`\n${asTest(finding)}\n`);
      // Carry on after the failing seed.
      const rest = job.from + job.count - (outcome.seed ?? job.from) - 1;
      if (rest > 0) queue.push({ ...job, from: (outcome.seed ?? job.from) + 1, count: rest });
    }
  };
  await Promise.all(Array.from({ length: jobs }, worker));
  for (const cell of cells.values()) cell.actions = [...cell.stats.values()].reduce((a, b) => a + b, 0);
  const minutes = (Date.now() - started) / 60_000;
  const findings = [...cells.values()].flatMap((c) => c.findings);
  console.error(`\n${findings.length} finding(s) in ${minutes.toFixed(1)} min`);
  if (process.argv.includes("--write")) writeResults(runtimes, cells, Number(length), minutes);
  if (findings.length > 0) process.exitCode = 1;
}

function writeResults(runtimes: RuntimeExe[], cells: Map<string, Cell>, length: number, minutes: number): void {
  const rows = [...cells].map(([key, c]) => {
    const [runtime, strategy] = key.split("|");
    const count = (suffix: string) =>
      [...c.stats].filter(([k]) => k.endsWith(suffix)).reduce((a, [, n]) => a + n, 0);
    const typed = c.actions - count(":ok") - count(":skipped") - count(":InvalidHandleError");
    return `| ${runtime} | ${strategy} | ${c.sequences} | ${c.actions - count(":skipped")} | ${count(":ok")} | ${
      count(":InvalidHandleError")
    } | ${typed} | ${c.findings.length} | ${(c.milliseconds / 1000).toFixed(0)} s |`;
  });
  const byAction = new Map<string, number>();
  for (const c of cells.values()) for (const [k, n] of c.stats) byAction.set(k, (byAction.get(k) ?? 0) + n);
  const actionRows = [...new Set([...byAction.keys()].map((k) => k.split(":")[0]!))].sort().map((t) => {
    const outcomes = [...byAction].filter(([k]) => k.startsWith(`${t}:`) && !k.endsWith(":skipped"))
      .map(([k, n]) => `${k.split(":")[1]} ${n}`).join(", ");
    return `| ${t} | ${outcomes} |`;
  });
  const findings = [...cells.values()].flatMap((c) => c.findings);
  const text = [
    "# Fuzzing results",
    "",
    "Generated by `test/fuzz/campaign.ts --write`; do not edit by hand. The differential fuzzer runs random",
    "sequences of API calls (parse, fetch, erase, detach, clone, move, create, replace uses, pass runs,",
    "verify, print, dispose, drop and collect) against the binding and an independent model of CONTRACT.md,",
    "in child processes with `MALLOC_PERTURB_` set; a crash, a hang, an untyped error or any disagreement",
    "(outcome, error reason, identity, structure) is a finding.",
    "",
    `Runtimes: ${runtimes.map((r) => `${r.name} ${versionOf(r)}`).join(", ")}. ${
      new Date().toISOString().slice(0, 10)
    }, ${length} actions per sequence, ${minutes.toFixed(0)} min in all.`,
    "",
    "| runtime | strategy | sequences | calls | ok | InvalidHandleError | other typed errors | findings | time |",
    "|---|---|---:|---:|---:|---:|---:|---:|---:|",
    ...rows,
    "",
    "## Outcomes by call (all cells)",
    "",
    "| call | outcomes |",
    "|---|---|",
    ...actionRows,
    "",
    "## Findings",
    "",
    findings.length === 0 ? "None in this campaign." : findings.map((f) => `- ${f.runtime.name}, ${f.strategy}: ${f.signature}`).join("\n"),
    "",
  ].join("\n");
  writeFileSync(fileURLToPath(new URL("./RESULTS.md", import.meta.url)), text);
}

async function shrinkFile(): Promise<void> {
  const strategy = option("strategy", "interned") as StrategyName;
  const runtime = findRuntime(option("runtime", CURRENT_RUNTIME.name) as "bun" | "deno")!;
  const actions = JSON.parse(readFileSync(option("shrink", ""), "utf8")) as Action[];
  const outcome = await replay(strategy, actions, runtime);
  if (outcome.kind === "ok") {
    console.error("The actions replay without failing; nothing to shrink.");
    return;
  }
  const finding = await investigate(runtime, strategy, outcome);
  console.log(asTest(finding));
}

if (import.meta.main) await (process.argv.includes("--shrink") ? shrinkFile() : campaign());
