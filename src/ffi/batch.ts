/**
 * Batch calls: native functions that fill a Float64Array with many handles
 * in one FFI transition (children of an operation, a whole walk).
 *
 * @module
 */

/** A native batch function: writes up to `cap` handles, returns the count. */
export type BatchFill = (dst: Float64Array, cap: number) => number;

let scratch = new Float64Array(4096);

/** The empty result, shared: nothing can be written to a zero-length array. */
const NONE = new Float64Array(0);

/** Runs a batch call and returns exactly the handles it produced, as a new array. */
export function collect(fill: BatchFill): Float64Array {
  let n = fill(scratch, scratch.length);
  if (n > scratch.length) {
    scratch = new Float64Array(Math.max(n, scratch.length * 2));
    n = fill(scratch, scratch.length);
  }
  if (n === 0) return NONE;
  // A loop into a new array, not `slice`: on Bun a short slice costs about
  // twice as much, and nearly every list is short.
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = scratch[i]!;
  return out;
}

/**
 * Runs a batch call into the shared scratch array and returns it with the
 * count; the contents are valid only until the next batch call.
 */
export function collectShared(fill: BatchFill): { handles: Float64Array; count: number } {
  let n = fill(scratch, scratch.length);
  if (n > scratch.length) {
    scratch = new Float64Array(Math.max(n, scratch.length * 2));
    n = fill(scratch, scratch.length);
  }
  return { handles: scratch, count: n };
}
