/**
 * The walk as a program measures it, alone and in a program that mixes
 * strategies:
 *
 *   bun bench/mixed_walk.ts [--size 100000] [--rounds 8] [--processes 3]
 *
 * Each measuring process parses the functions module (10 ops per function),
 * then walks it through the public API reading every op's name, alternating
 * with MLIR's own C walk of the same IR in the same process; each side keeps
 * its best of `rounds`, and the figure is their ratio. The processes are:
 * each strategy alone, then one that walks with interned, weak and ephemeral
 * in that order (so ephemeral runs after the others have made the shared
 * call sites polymorphic). Every configuration runs in `processes` separate
 * processes on each installed runtime, and the best ratio is kept, because
 * single processes scatter by tens of percent on a shared 2-core machine.
 *
 * Why this exists beside the main suite: bench/main.ts runs each variant in
 * its own process, which keeps each variant's call sites monomorphic; a test
 * suite or a tool comparing strategies does not.
 *
 * @module
 */
import { spawnSync } from "node:child_process";
import process from "node:process";
import { fileURLToPath } from "node:url";
import { Context, STRATEGIES, type StrategyName } from "../src/mod.ts";
import { benchLib } from "./native_symbols.ts";
import { source } from "./fixtures.ts";
import { availableRuntimes, scriptArgs } from "./runtimes.ts";

const args = process.argv.slice(2);
const option = (name: string, fallback: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1]! : fallback;
};
const size = Number(option("size", "100000"));
const rounds = Number(option("rounds", "8"));
const processes = Number(option("processes", "3"));

/** One strategy's walk in one process, against the native walk there. */
interface Measured {
  readonly strategy: StrategyName;
  readonly ratio: number;
  readonly nsPerOp: number;
}

/** Walks with each of `strategies` in turn, in this process. */
function measure(strategies: readonly StrategyName[]): Measured[] {
  const out = new Float64Array(2);
  return strategies.map((strategy) => {
    using ctx = new Context({ strategy });
    using mod = ctx.parseModule(source("functions", size));
    const root = mod.operation;
    let ops = 0;
    root.walk(() => void ops++);
    let best = Infinity, native = Infinity, total = 0;
    for (let r = 0; r < rounds; r++) {
      const t = performance.now();
      root.walk((op) => void (total += op.name.length));
      best = Math.min(best, ((performance.now() - t) * 1e6) / ops);
      native = Math.min(native, benchLib.mlirffi_bench_native_walk(root.unsafePointer, 1, out));
    }
    if (total === 0) throw new Error("the walk read no names");
    return { strategy, ratio: best / native, nsPerOp: best };
  });
}

if (args[0] === "--child") {
  console.log(JSON.stringify(measure(args[1]!.split(",") as StrategyName[])));
} else {
  const configs = [...STRATEGIES.map((s) => [s]), ["interned", "weak", "ephemeral"]] as StrategyName[][];
  const file = fileURLToPath(import.meta.url);
  console.log(`Walk of a ${size}-op module reading each name, best of ${rounds} rounds, best of ${processes} processes, × the native C walk\n`);
  console.log("| runtime | process | strategy | × native | ns/op |\n|---|---|---|---:|---:|");
  for (const runtime of availableRuntimes()) {
    for (const config of configs) {
      const best = new Map<StrategyName, Measured>();
      for (let p = 0; p < processes; p++) {
        const run = spawnSync(runtime.path, scriptArgs(runtime, file, ["--child", config.join(","), "--size", String(size), "--rounds", String(rounds)]), {
          encoding: "utf8",
          stdio: ["ignore", "pipe", "inherit"],
        });
        if (run.status !== 0) throw new Error(`${runtime.name} ${config.join(",")}: exit ${run.status ?? run.signal}`);
        for (const m of JSON.parse(run.stdout.trim().split("\n").pop()!) as Measured[]) {
          if ((best.get(m.strategy)?.ratio ?? Infinity) > m.ratio) best.set(m.strategy, m);
        }
      }
      const label = config.length === 1 ? "alone" : `mixed (${config.join(" → ")})`;
      for (const m of best.values()) console.log(`| ${runtime.name} | ${label} | ${m.strategy} | ${m.ratio.toFixed(2)}× | ${m.nsPerOp.toFixed(1)} |`);
    }
  }
}
