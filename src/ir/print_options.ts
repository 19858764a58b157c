/**
 * Printing options shared by operations and modules, checked in TypeScript
 * and encoded as the shim's flag bits.
 *
 * @module
 */
import { argumentError, boolArg } from "../base/args.ts";

/** How to print an operation. */
export interface PrintOptions {
  /** Print the generic form (`"dialect.op"(...) : (...) -> ...`). */
  readonly generic?: boolean;
  /** Print locations. */
  readonly debugInfo?: boolean;
  /** With `debugInfo`: print locations inline rather than as aliases. */
  readonly prettyDebugInfo?: boolean;
  /** Elide elements attributes with more elements than this. */
  readonly largeElementsLimit?: number;
  /**
   * Leave out of the `dialect_resources` section the resources whose
   * printed string is longer than this (Python's `large_resource_limit`,
   * MLIR's `elideLargeResourceString`).
   */
  readonly largeResourceLimit?: number;
  /**
   * Number values locally, without building printer state for the whole
   * enclosing module: much faster for an op nested in a large module, but
   * values defined outside the op print as `<<UNKNOWN SSA VALUE>>`.
   */
  readonly localScope?: boolean;
  /** Leave out the regions. */
  readonly skipRegions?: boolean;
  /** Print name locations as SSA name prefixes. */
  readonly nameLocAsPrefix?: boolean;
}

const FLAG_BITS: ReadonlyArray<readonly [keyof PrintOptions, number]> = [
  ["generic", 1],
  ["debugInfo", 2],
  ["prettyDebugInfo", 4],
  ["localScope", 8],
  ["skipRegions", 16],
  ["nameLocAsPrefix", 32],
];

/** The shim's flag bits, elements and resource limits (-1: none) for `options`. */
export function encodePrintOptions(options: PrintOptions | undefined): { flags: number; limit: number; resourceLimit: number } {
  if (options === undefined) return { flags: 0, limit: -1, resourceLimit: -1 };
  if (typeof options !== "object" || options === null) {
    throw argumentError("Print options", "an object", options);
  }
  let flags = 0;
  for (const [name, bit] of FLAG_BITS) {
    if (boolArg(options[name], false, `Print option '${name}'`)) flags |= bit;
  }
  return { flags, limit: limitOption(options, "largeElementsLimit"), resourceLimit: limitOption(options, "largeResourceLimit") };
}

function limitOption(options: PrintOptions, name: "largeElementsLimit" | "largeResourceLimit"): number {
  const limit = options[name];
  if (limit !== undefined && (!Number.isSafeInteger(limit) || limit < 0)) {
    throw argumentError(`Print option '${name}'`, "a non-negative integer", limit);
  }
  return limit ?? -1;
}
