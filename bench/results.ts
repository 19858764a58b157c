/**
 * The shape of bench/results/<runtime>.json.
 *
 * @module
 */
import type { ChurnResult } from "./churn.ts";
import type { ParsePrintResult } from "./parse_print.ts";
import type { StartupResult } from "./startup.ts";
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
}
