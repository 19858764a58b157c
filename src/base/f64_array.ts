/**
 * Native handle lists: a Float64Array filled from a list by a function.
 * `Float64Array.from(list, fn)` would do, but on Deno (V8) it costs about
 * 800 ns even for two elements, against tens for a loop: on the path of
 * every `createOperation`, that was a quarter of the call.
 *
 * @module
 */

/** `Float64Array.from(list, fn)`, as a loop. */
export function f64Array<T>(list: ArrayLike<T>, fn: (v: T, i: number) => number): Float64Array {
  const n = list.length;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = fn(list[i]!, i);
  return out;
}
