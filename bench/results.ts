/**
 * The shape of bench/results/<runtime>.json.
 *
 * @module
 */
import type { CheckCost } from "./check_cost.ts";
import type { ChurnResult } from "./churn.ts";
import type { ParsePrintResult } from "./parse_print.ts";
import type { Result } from "./workload.ts";

/**
 * Which run made the results: the short default (`bun bench`) or the
 * reference run behind bench/REPORT.md (`bun bench --full`).
 */
export type BenchMode = "short" | "full";

/** Everything one runtime's run measured. */
export interface RuntimeResults {
  readonly runtime: "bun" | "deno" | "node";
  readonly version: string;
  readonly date: string;
  readonly cpu: string;
  readonly cores: number;
  readonly mode: BenchMode;
  /** Interleaved repetitions; each number is the best round's. */
  readonly rounds?: number;
  readonly sizes: readonly number[];
  readonly results: Result[];
  readonly churn: ChurnResult[];
  parsePrint: ParsePrintResult | null;
  /** Best of several fresh processes, figure by figure; absent in reports made before it was measured. */
  startup?: StartupResult | null;
  /** What the safety checks cost, per strategy and workload (bench/check_cost.ts); absent in older reports. */
  checkCost?: CheckCost[];
}

/** Milliseconds for each step of start-up (bench/startup.mjs). */
export interface StartupResult {
  /** From process start to the script's first line (the runtime itself). */
  readonly runtimeMs: number;
  /** `import "mlir-ffi"` and `new Context()`; the native library loads here. */
  readonly packageMs: number;
  /** Then `import "mlir-ffi/dialects/arith"`. */
  readonly arithMs: number;
  /** Then `import "mlir-ffi/dialects"`: every other dialect. */
  readonly allDialectsMs: number;
}
