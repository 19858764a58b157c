/**
 * Affine maps (`(d0, d1)[s0] -> (d0 + s0, d1)`): MLIR's `AffineMap`, as in
 * MLIR's Python bindings, uniqued in its context. What MLIR asserts on
 * (results using dims or symbols the map does not have, a permutation that
 * is none, sub-map positions past the results, composing maps whose sizes
 * do not match) is refused first with an `ArgumentError`.
 *
 * @module
 */
import { ArgumentError } from "../../base/errors.ts";
import { argumentError, indexArg, intArg, listArg } from "../../base/args.ts";
import { lib } from "../../ffi/load.ts";
import type { Context } from "../../context.ts";
import { type ContextState, contextArg } from "../context_state.ts";
import { Uniqued } from "../uniqued.ts";
import {
  AFFINE_LIMITS,
  type AffineExpr,
  checkedResult,
  countArg,
  exprArg,
  factsOf,
  int64Arg,
  mapArg,
  mapResultPtrs,
  printAffine,
  Printed,
  refuseBadDivisor,
  refuseLarge,
  wrapExpr,
} from "./expr.ts";
import { f64Array } from "../../base/f64_array.ts";

const Make = { Empty: 0, Constant: 1, Identity: 2, MinorIdentity: 3 } as const;

const INFO = new Float64Array(4);

/** @internal Pointers of `exprs`, each checked to be an expression of `state`'s context using at most `dims` dims and `syms` symbols. */
export function resultsArg(exprs: unknown, state: ContextState, dims: number, syms: number, what: string): Float64Array {
  return f64Array(listArg(exprs, what), (e, i) => {
    const ptr = exprArg(e, state, `${what}[${i}]`);
    const f = factsOf(state, ptr);
    if (f.dims > dims || f.syms > syms) {
      throw new ArgumentError({
        argument: `${what}[${i}]`,
        expected: `an expression of at most ${dims} dims and ${syms} symbols`,
        got: `${e} (it uses ${f.dims > dims ? `d${f.dims - 1}` : `s${f.syms - 1}`})`,
      });
    }
    return ptr;
  });
}

/**
 * A map from dims and symbols to results. Equal maps are one object in
 * MLIR: compare with `equals`.
 *
 * @example
 * ```ts
 * import { AffineExpr, AffineMap, Context } from "../../mod.ts";
 * using ctx = new Context();
 * const [d0, d1] = [AffineExpr.dim(ctx, 0), AffineExpr.dim(ctx, 1)];
 * const m = AffineMap.get(ctx, 2, 0, [d1, d0.add(d1)]);
 * console.log(m.toString()); // "(d0, d1) -> (d1, d0 + d1)"
 * console.log(AffineMap.permutation(ctx, [1, 0]).compose(m).toString()); // "(d0, d1) -> (d0 + d1, d1)"
 * ```
 */
export class AffineMap extends Uniqued {
  /** @internal */
  get _kind(): string {
    return "AffineMap";
  }

  /** The map of `numDims` dims and `numSymbols` symbols to `exprs` (which may use no others). */
  static get(ctx: Context, numDims: number, numSymbols: number, exprs: readonly AffineExpr[]): AffineMap {
    const state = contextArg(ctx, "AffineMap.get's context");
    const dims = countArg(numDims, "AffineMap.get's numDims");
    const syms = countArg(numSymbols, "AffineMap.get's numSymbols");
    const list = resultsArg(exprs, state, dims, syms, "AffineMap.get's exprs");
    return new AffineMap(state, lib.mlirffi_affine_map_get(state.store, dims, syms, list, list.length));
  }

  /** `() -> ()`. */
  static empty(ctx: Context): AffineMap {
    const state = contextArg(ctx, "AffineMap.empty's context");
    return new AffineMap(state, lib.mlirffi_affine_map_make(Make.Empty, state.store, 0, 0, 0n));
  }

  /** `() -> (value)`. */
  static constant(ctx: Context, value: number | bigint): AffineMap {
    const state = contextArg(ctx, "AffineMap.constant's context");
    const v = int64Arg(value, "AffineMap.constant's value");
    return new AffineMap(state, lib.mlirffi_affine_map_make(Make.Constant, state.store, 0, 0, v));
  }

  /** `(d0, ..., dn-1) -> (d0, ..., dn-1)` for n = `numDims`. */
  static identity(ctx: Context, numDims: number): AffineMap {
    const state = contextArg(ctx, "AffineMap.identity's context");
    const n = countArg(numDims, "AffineMap.identity's numDims");
    return new AffineMap(state, lib.mlirffi_affine_map_make(Make.Identity, state.store, n, 0, 0n));
  }

  /** The identity on the last `numResults` of `numDims` dims: `(d0, d1, d2) -> (d1, d2)`. */
  static minorIdentity(ctx: Context, numDims: number, numResults: number): AffineMap {
    const state = contextArg(ctx, "AffineMap.minorIdentity's context");
    const n = countArg(numDims, "AffineMap.minorIdentity's numDims");
    const r = intArg(numResults, 0, n, `AffineMap.minorIdentity's numResults (of ${n} dims)`);
    return new AffineMap(state, lib.mlirffi_affine_map_make(Make.MinorIdentity, state.store, n, r, 0n));
  }

  /** The map whose result i is `d<permutation[i]>`: `[1, 2, 0]` gives `(d0, d1, d2) -> (d1, d2, d0)`. */
  static permutation(ctx: Context, permutation: readonly number[]): AffineMap {
    const state = contextArg(ctx, "AffineMap.permutation's context");
    const what = "AffineMap.permutation's permutation";
    const list = listArg(permutation, what);
    const shown = () => `[${list.map(String).join(", ")}]`;
    if (list.length === 0 || list.length > AFFINE_LIMITS.maxInputs) {
      // MLIR reads the largest element of an empty permutation unchecked.
      throw new ArgumentError({ argument: what, expected: `a permutation of 0..n-1 with 1 <= n <= ${AFFINE_LIMITS.maxInputs}`, got: `${list.length} elements` });
    }
    const seen = new Uint8Array(list.length);
    const perm = f64Array(list, (v, i) => {
      const p = intArg(v, 0, list.length - 1, `${what}[${i}]`);
      if (seen[p]) throw new ArgumentError({ argument: what, expected: `a permutation of 0..${list.length - 1} (each once)`, got: shown() });
      seen[p] = 1;
      return p;
    });
    return new AffineMap(state, lib.mlirffi_affine_map_permutation(state.store, perm, perm.length));
  }

  /**
   * The maps with the symbols none of them uses dropped (and the rest
   * renumbered), as MLIR's `compressUnusedSymbols`. The maps must share a
   * context and their numbers of dims and of symbols.
   */
  static compressUnusedSymbols(maps: readonly AffineMap[]): AffineMap[] {
    const what = "AffineMap.compressUnusedSymbols's maps";
    const list = listArg(maps, what);
    if (list.length === 0) return [];
    const first = list[0];
    if (!(first instanceof AffineMap)) throw argumentError(`${what}[0]`, "an AffineMap", first);
    const state = first._state;
    const [dims, syms] = [first.numDims, first.numSymbols];
    const ptrs = f64Array(list, (m, i) => {
      const ptr = mapArg(m, state, `${what}[${i}]`);
      const other = m as AffineMap;
      if (other.numDims !== dims || other.numSymbols !== syms) {
        throw new ArgumentError({
          argument: `${what}[${i}]`,
          expected: `a map of ${dims} dims and ${syms} symbols, as ${what}[0]`,
          got: String(other),
        });
      }
      for (const r of mapResultPtrs(ptr)) refuseBadDivisor(state, r, `${what}[${i}]'s results`);
      return ptr;
    });
    const out = new Float64Array(ptrs.length);
    lib.mlirffi_affine_map_compress_symbols(ptrs, ptrs.length, out);
    return Array.from(out, (p) => new AffineMap(state, p));
  }

  #info(): Float64Array {
    lib.mlirffi_affine_map_info(this._live(), INFO);
    return INFO;
  }

  /** Number of dims. */
  get numDims(): number {
    return this.#info()[0]!;
  }

  /** Number of symbols. */
  get numSymbols(): number {
    return this.#info()[1]!;
  }

  /** Number of results. */
  get numResults(): number {
    return this.#info()[2]!;
  }

  /** Number of inputs: dims and symbols. */
  get numInputs(): number {
    const info = this.#info();
    return info[0]! + info[1]!;
  }

  /** The results, each as its kind's class. */
  get results(): AffineExpr[] {
    const state = this._state;
    return Array.from(mapResultPtrs(this._live()), (p) => wrapExpr(state, p));
  }

  /** Whether it is `(d0, ..., dn-1) -> (d0, ..., dn-1)`. */
  get isIdentity(): boolean {
    return (this.#info()[3]! & 1) !== 0;
  }

  /** Whether its results are its last dims, in order. */
  get isMinorIdentity(): boolean {
    return (this.#info()[3]! & 2) !== 0;
  }

  /** Whether its results are its dims, each once, in some order (no symbols). */
  get isPermutation(): boolean {
    return (this.#info()[3]! & 4) !== 0;
  }

  /** Whether its results are distinct dims (or zeros): a permutation of some of its dims. */
  get isProjectedPermutation(): boolean {
    return (this.#info()[3]! & 8) !== 0;
  }

  /** Whether it has one result, a constant. */
  get isSingleConstant(): boolean {
    return (this.#info()[3]! & 16) !== 0;
  }

  /** Whether it has no dims, symbols or results. */
  get isEmpty(): boolean {
    return (this.#info()[3]! & 32) !== 0;
  }

  /** The constant of a single-constant map; null for any other map. */
  get singleConstantResult(): bigint | null {
    return this.isSingleConstant ? lib.mlirffi_affine_map_single_constant(this._ptr) : null;
  }

  /** The map with the results at `positions` (each below `numResults`; repeats allowed). */
  getSubMap(positions: readonly number[]): AffineMap {
    const self = this._live();
    const n = this.numResults;
    const what = "AffineMap.getSubMap's positions";
    const list = f64Array(listArg(positions, what), (p, i) => indexArg(p, n, `${what}[${i}]`));
    return new AffineMap(this._state, lib.mlirffi_affine_map_sub(self, list, list.length));
  }

  /** The map with its first `numResults` results. */
  getMajorSubMap(numResults: number): AffineMap {
    return this.#slice(false, numResults, "getMajorSubMap");
  }

  /** The map with its last `numResults` results. */
  getMinorSubMap(numResults: number): AffineMap {
    return this.#slice(true, numResults, "getMinorSubMap");
  }

  #slice(minor: boolean, numResults: number, name: string): AffineMap {
    const self = this._live();
    const n = intArg(numResults, 0, this.numResults, `AffineMap.${name}'s numResults (of ${this.numResults} results)`);
    return new AffineMap(this._state, lib.mlirffi_affine_map_major_minor(self, minor, n));
  }

  /**
   * `this ∘ other`: the map that applies `other`, then this. `other` needs
   * one result per dim of this map; the result has `other`'s dims, and this
   * map's symbols followed by `other`'s.
   */
  compose(other: AffineMap): AffineMap {
    const state = this._state;
    const self = this._live();
    const o = mapArg(other, state, "AffineMap.compose's other map");
    const inner = mapResultPtrs(o);
    const dims = this.numDims;
    if (inner.length !== dims) {
      throw new ArgumentError({
        argument: "AffineMap.compose's other map",
        expected: `a map with ${dims} results, one for each dim of ${this}`,
        got: `${other} (${inner.length} results)`,
      });
    }
    if (this.numSymbols + other.numSymbols > AFFINE_LIMITS.maxInputs) {
      throw new ArgumentError({
        argument: "AffineMap.compose's maps",
        expected: `at most ${AFFINE_LIMITS.maxInputs} symbols together`,
        got: `${this.numSymbols} and ${other.numSymbols}`,
      });
    }
    let largest = 0;
    for (const r of inner) {
      refuseBadDivisor(state, r, "AffineMap.compose's other map's results");
      largest = Math.max(largest, factsOf(state, r).size);
    }
    for (const r of mapResultPtrs(self)) {
      refuseBadDivisor(state, r, "AffineMap.compose's map's results");
      const f = factsOf(state, r);
      refuseLarge(f.size + f.dimLeaves * largest, "AffineMap.compose");
    }
    return checkedMap(state, lib.mlirffi_affine_map_compose(self, o), "AffineMap.compose");
  }

  /**
   * The map with each occurrence of `expr` in its results replaced by
   * `replacement`, as a map of `numDims` dims and `numSymbols` symbols
   * (which the new results may not exceed).
   */
  replace(expr: AffineExpr, replacement: AffineExpr, numDims: number, numSymbols: number): AffineMap {
    const state = this._state;
    const self = this._live();
    const e = exprArg(expr, state, "AffineMap.replace's expr");
    const r = exprArg(replacement, state, "AffineMap.replace's replacement");
    const dims = countArg(numDims, "AffineMap.replace's numDims");
    const syms = countArg(numSymbols, "AffineMap.replace's numSymbols");
    refuseBadDivisor(state, r, "AffineMap.replace's replacement");
    const [fe, fr] = [factsOf(state, e), factsOf(state, r)];
    for (const x of mapResultPtrs(self)) {
      refuseBadDivisor(state, x, "AffineMap.replace's map's results");
      // Occurrences of `expr` are disjoint subtrees of at least its size.
      const size = factsOf(state, x).size;
      refuseLarge(size + Math.floor(size / fe.size) * fr.size, "AffineMap.replace");
    }
    // Counts every new result fits, so that MLIR never builds an invalid map;
    // then the counts asked for are checked against what the results use.
    const safeDims = Math.max(dims, this.numDims, fr.dims);
    const safeSyms = Math.max(syms, this.numSymbols, fr.syms);
    const wide = lib.mlirffi_affine_map_replace(self, e, r, safeDims, safeSyms);
    const results = mapResultPtrs(wide);
    for (const x of results) {
      checkedResult(state, x, "AffineMap.replace");
      const f = factsOf(state, x);
      if (f.dims > dims) {
        throw new ArgumentError({ argument: "AffineMap.replace's numDims", expected: `at least ${f.dims} (a new result uses d${f.dims - 1})`, got: String(dims) });
      }
      if (f.syms > syms) {
        throw new ArgumentError({ argument: "AffineMap.replace's numSymbols", expected: `at least ${f.syms} (a new result uses s${f.syms - 1})`, got: String(syms) });
      }
    }
    const ptr = safeDims === dims && safeSyms === syms ? wide : lib.mlirffi_affine_map_get(state.store, dims, syms, results, results.length);
    return new AffineMap(state, ptr);
  }

  /** The map in MLIR's textual form. */
  override toString(): string {
    return printAffine(Printed.Map, this._live());
  }
}

/** The map at `ptr` that MLIR just made, after checking each result as `checkedResult` does. */
function checkedMap(state: ContextState, ptr: number, what: string): AffineMap {
  for (const r of mapResultPtrs(ptr)) checkedResult(state, r, what);
  return new AffineMap(state, ptr);
}
