/**
 * One fuzzing child: runs seeded sequences (or replays one action list)
 * against the binding and the model, in this process.
 *
 *   run.ts --strategy weak --from 0 --count 500 --length 60
 *   run.ts --strategy weak --replay actions.json
 *
 * Prints one JSON line per finished batch: `{"ok":N}` or, on a mismatch,
 * `{"seed":S,"actions":[...],"message":"..."}` and exits 1. A crash shows up
 * to the parent as a signal; the last `{"started":S}` line names its seed.
 *
 * @module
 */
import { readFileSync } from "node:fs";
import process from "node:process";
import type { StrategyName } from "../../src/mod.ts";
import { type Action, Fuzzer, Mismatch, rng } from "./engine.ts";
import { isMainModule } from "../../bench/runtimes.ts";

function arg(name: string, fallback?: string): string {
  const i = process.argv.indexOf(`--${name}`);
  if (i >= 0 && process.argv[i + 1] !== undefined) return process.argv[i + 1]!;
  if (fallback === undefined) throw new Error(`missing --${name}`);
  return fallback;
}

/** Runs `actions` (or generates `length` of them from `seed`) in a fresh pool. */
export async function runSequence(
  strategy: StrategyName,
  source: { seed: number; length: number } | { actions: Action[] },
  stats?: Map<string, number>,
): Promise<Action[]> {
  const fuzzer = new Fuzzer(strategy);
  if (process.env.FUZZ_VERBOSE) fuzzer.log = (a, o) => console.error(`${JSON.stringify(a)} -> ${o}`);
  const done: Action[] = [];
  // For crashes: every action reaches stdout before it runs.
  const trace = process.env.FUZZ_TRACE_ACTIONS ? (a: Action) => process.stdout.write(`${JSON.stringify({ action: a })}\n`) : null;
  try {
    if ("actions" in source) {
      for (const a of source.actions) {
        trace?.(a);
        done.push(a);
        await fuzzer.run(a);
      }
    } else {
      const r = rng(source.seed);
      for (let i = 0; i < source.length; i++) {
        const a = fuzzer.generate(r);
        trace?.(a);
        done.push(a);
        await fuzzer.run(a);
      }
    }
  } catch (e) {
    if (e instanceof Mismatch) throw Object.assign(e, { actions: done });
    throw Object.assign(new Mismatch(`threw ${(e as Error)?.stack ?? e}`), { actions: done });
  } finally {
    fuzzer.dispose();
    if (stats) for (const [k, n] of fuzzer.stats) stats.set(k, (stats.get(k) ?? 0) + n);
  }
  return done;
}

async function main(): Promise<void> {
  const strategy = arg("strategy") as StrategyName;
  const write = (o: unknown) => process.stdout.write(JSON.stringify(o) + "\n");
  const replay = process.argv.includes("--replay") ? arg("replay") : undefined;
  if (replay !== undefined) {
    const actions = JSON.parse(readFileSync(replay, "utf8")) as Action[];
    try {
      await runSequence(strategy, { actions });
      write({ ok: 1 });
    } catch (e) {
      write({ seed: -1, actions: (e as { actions: Action[] }).actions, message: (e as Error).message });
      process.exit(1);
    }
    return;
  }
  const from = Number(arg("from", "0"));
  const count = Number(arg("count", "100"));
  const length = Number(arg("length", "60"));
  const stats = new Map<string, number>();
  for (let seed = from; seed < from + count; seed++) {
    // Written before the run so a crash can be traced to its seed.
    if (process.env.FUZZ_TRACE_SEEDS) write({ started: seed });
    try {
      await runSequence(strategy, { seed, length }, stats);
    } catch (e) {
      write({ seed, actions: (e as { actions: Action[] }).actions, message: (e as Error).message });
      process.exit(1);
    }
  }
  write({ ok: count, stats: Object.fromEntries([...stats].sort()) });
}

if (isMainModule(import.meta)) await main();
