/**
 * What a workload family is, and how its results are recorded.
 *
 * @module
 */
import type { Variant } from "./fixtures.ts";

/** A family of benchmarks run for each variant. */
export interface Workload {
  /** Short name; the mitata bench name. */
  readonly name: string;
  /** What it measures, for the report. */
  readonly title: string;
  /** What the per-unit cost is per: an operation of the module, or one access. */
  readonly unit: "op" | "access";
  /** Whether it takes the module size (1k, 10k, ...) as its argument. */
  readonly sized: boolean;
  /**
   * Whether each sample parses and rewrites a whole module (erase, pass):
   * seconds per sample at 100k ops, so the short run measures these at the
   * smaller sizes only.
   */
  readonly rewrites?: boolean;
  /** Declares its mitata benchmarks for `variant` (nothing if it does not apply). */
  register(variant: Variant, sizes: readonly number[], meta: Meta): void;
}

/** Per-(workload, size) facts learned while setting up, e.g. the exact op count. */
export type Meta = Map<string, { units: number }>;

/** One measured result. */
export interface Result {
  readonly workload: string;
  readonly variant: Variant;
  readonly size: number;
  /** Nanoseconds per unit (operation or access), from the average. */
  readonly nsPerUnit: number;
  /** Nanoseconds per unit from the median sample. */
  readonly p50PerUnit: number;
  readonly samples: number;
  /** For benchmarks that are not one of the workloads (the FFI call shapes): their name. */
  readonly label?: string;
}
