/**
 * The shape of bench/results/<runtime>.json.
 *
 * @module
 */
import type { ChurnResult } from "./churn.ts";
import type { ParsePrintResult } from "./parse_print.ts";
import type { Result } from "./workload.ts";

/** Everything one runtime's run measured. */
export interface RuntimeResults {
  readonly runtime: "bun" | "deno";
  readonly version: string;
  readonly date: string;
  readonly cpu: string;
  readonly cores: number;
  readonly quick: boolean;
  /** Interleaved repetitions; each number is the best round's. */
  readonly rounds?: number;
  readonly sizes: readonly number[];
  readonly results: Result[];
  readonly churn: ChurnResult[];
  parsePrint: ParsePrintResult | null;
}
