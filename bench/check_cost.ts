/**
 * What the safety checks cost: the same workload in the same classes, with
 * the checks compiled in (the sources) and out (bench/unchecked.ts), in
 * pairs of fresh processes, one pair per round with the order alternating so
 * that drift on a shared machine falls on both sides alike. Each round gives
 * a ratio checked / unchecked of median samples; the report gives the median
 * ratio and its spread, and a verdict only when the spread allows one.
 *
 *   bun bench/check_cost.ts [--rounds N] [--runtime bun|deno|node]
 *
 * @module
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import process from "node:process";
import { fileURLToPath } from "node:url";
import type { StrategyName } from "../src/mod.ts";
import { STRATEGIES } from "../strategies/mod.ts";
import { availableRuntimes, isMainModule, type RuntimeExe, scriptArgs } from "./runtimes.ts";
import { uncheckedEnv, uncheckedTree } from "./unchecked.ts";
import type { Result } from "./workload.ts";

const root = fileURLToPath(new URL("..", import.meta.url));

/** The workloads measured, each at one size: a walk (one check per op) and a hot read (one check per access). */
export const CHECKED_WORKLOADS = [
  { workload: "walk", size: 10_000 },
  { workload: "hot-name", size: 1 },
] as const;

/** One strategy's rounds for one workload. */
export interface CheckCost {
  readonly strategy: StrategyName;
  readonly workload: string;
  readonly size: number;
  /** Per round: checked / unchecked, of the median samples. */
  readonly ratios: number[];
}

/** How long each process samples each benchmark. */
export interface CheckCostPlan {
  readonly rounds: number;
  readonly minCpuMs: number;
  readonly minSamples: number;
}

function runVariant(
  runtime: RuntimeExe,
  tree: string,
  strategy: StrategyName,
  plan: CheckCostPlan,
  out: string,
  unchecked: Record<string, string | undefined> | null,
): Result[] {
  const sizes = [...new Set(CHECKED_WORKLOADS.map((w) => w.size))].join(",");
  const script = join(tree, "bench", "variant.ts");
  const args = scriptArgs(runtime, script, [strategy, sizes, String(plan.minCpuMs), String(plan.minSamples), "0", out]);
  const env = { ...(unchecked ?? process.env), MLIR_FFI_BENCH_ONLY: CHECKED_WORKLOADS.map((w) => w.workload).join(",") };
  const r = spawnSync(runtime.path, args, { stdio: ["ignore", "ignore", "inherit"], env, cwd: root });
  if (r.status !== 0 || !existsSync(out)) {
    throw new Error(`${runtime.name} ${unchecked ? "unchecked " : ""}${strategy} check-cost run failed (status ${r.status}, signal ${r.signal})`);
  }
  return JSON.parse(readFileSync(out, "utf8")) as Result[];
}

/** Runs `plan.rounds` interleaved pairs for `strategy` on `runtime`. */
export function measureCheckCost(runtime: RuntimeExe, strategy: StrategyName, plan: CheckCostPlan): CheckCost[] {
  const tree = uncheckedTree();
  const env = uncheckedEnv();
  const dir = mkdtempSync(join(tmpdir(), "mlir-ffi-checks-"));
  const costs = CHECKED_WORKLOADS.map((w) => ({ strategy, ...w, ratios: [] as number[] }));
  for (let round = 0; round < plan.rounds; round++) {
    const order = round % 2 === 0 ? [false, true] : [true, false];
    const got = new Map<boolean, Result[]>();
    for (const unchecked of order) {
      const out = join(dir, `${round}-${unchecked}.json`);
      got.set(unchecked, runVariant(runtime, unchecked ? tree : root, strategy, plan, out, unchecked ? env : null));
    }
    for (const c of costs) {
      const find = (rs: Result[]) => rs.find((r) => r.workload === c.workload && r.size === c.size)?.p50PerUnit;
      const checked = find(got.get(false)!);
      const bare = find(got.get(true)!);
      if (checked !== undefined && bare !== undefined && bare > 0) c.ratios.push(checked / bare);
    }
  }
  return costs;
}

/** The `q` quantile (0..1) of `xs`, interpolated. */
export function quantile(xs: readonly number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const at = (s.length - 1) * q;
  const lo = Math.floor(at);
  return s[lo]! + (s[Math.min(lo + 1, s.length - 1)]! - s[lo]!) * (at - lo);
}

/** What the rounds show, against a budget (e.g. 0.05 for 5%). */
export interface CheckVerdict {
  /** Median cost, as a fraction (0.03 = +3%). */
  readonly median: number;
  /** The middle half of the rounds' costs. */
  readonly low: number;
  readonly high: number;
  /** true: even the upper quartile is within budget; false: even the lower is over; null: the spread straddles it. */
  readonly met: boolean | null;
  /** Whether the middle half is wider than the median effect is large. */
  readonly spreadExceedsEffect: boolean;
}

export function verdict(ratios: readonly number[], budget: number): CheckVerdict {
  const median = quantile(ratios, 0.5) - 1;
  const low = quantile(ratios, 0.25) - 1;
  const high = quantile(ratios, 0.75) - 1;
  const met = high <= budget ? true : low > budget ? false : null;
  return { median, low, high, met, spreadExceedsEffect: high - low > Math.abs(median) };
}

if (isMainModule(import.meta)) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(name);
    return i >= 0 ? process.argv[i + 1] : undefined;
  };
  const plan: CheckCostPlan = { rounds: Number(arg("--rounds") ?? 5), minCpuMs: 150, minSamples: 8 };
  const only = arg("--runtime");
  for (const runtime of availableRuntimes().filter((r) => only === undefined || r.name === only)) {
    for (const strategy of STRATEGIES) {
      for (const c of measureCheckCost(runtime, strategy, plan)) {
        const v = verdict(c.ratios, 0.05);
        const pct = (x: number) => `${x >= 0 ? "+" : ""}${(x * 100).toFixed(1)}%`;
        console.log(
          `${runtime.name} ${strategy} ${c.workload}: ${pct(v.median)} (middle half ${pct(v.low)}..${pct(v.high)}, ${c.ratios.length} rounds)` +
            `${v.spreadExceedsEffect ? ", spread exceeds the effect" : ""}`,
        );
      }
    }
  }
}
