/**
 * Integer sets (`(d0)[s0] : (d0 >= 0, s0 - d0 - 1 >= 0)`): MLIR's
 * `IntegerSet`, as in MLIR's Python bindings, uniqued in its context: the
 * conditions of `affine.if`. A set has at least one constraint (MLIR reads
 * the first unchecked), and its constraints use only its dims and symbols.
 *
 * @module
 */
import { ArgumentError } from "../../base/errors.ts";
import { argumentError, listArg } from "../../base/args.ts";
import { lib } from "../../ffi/load.ts";
import type { Context } from "../../context.ts";
import { contextArg } from "../context_state.ts";
import { Uniqued } from "../uniqued.ts";
import { type AffineExpr, checkedResult, countArg, exprArg, factsOf, printAffine, Printed, refuseBadDivisor, refuseLarge, wrapExpr } from "./expr.ts";
import { resultsArg } from "./map.ts";
import { f64Array } from "../../base/f64_array.ts";

/** One constraint of a set: `expr == 0` when `isEq`, else `expr >= 0`. */
export interface IntegerSetConstraint {
  /** The constrained expression. */
  readonly expr: AffineExpr;
  /** Whether it must be zero (else non-negative). */
  readonly isEq: boolean;
}

const INFO = new Float64Array(5);

/**
 * The points of `numDims` dims (for given symbols) where every constraint
 * holds. Equal sets are one object in MLIR: compare with `equals`.
 *
 * @example
 * ```ts
 * import { AffineExpr, Context, IntegerSet } from "../../mod.ts";
 * using ctx = new Context();
 * const d0 = AffineExpr.dim(ctx, 0), s0 = AffineExpr.symbol(ctx, 0);
 * const inside = IntegerSet.get(ctx, 1, 1, [d0, s0.sub(d0).sub(1)], [false, false]);
 * console.log(inside.toString()); // "(d0)[s0] : (d0 >= 0, -d0 + s0 - 1 >= 0)"
 * ```
 */
export class IntegerSet extends Uniqued {
  /** @internal */
  get _kind(): string {
    return "IntegerSet";
  }

  /**
   * The set of `constraints` (at least one), each `== 0` where `eqFlags`
   * is true and `>= 0` where false, over `numDims` dims and `numSymbols` symbols.
   */
  static get(
    ctx: Context,
    numDims: number,
    numSymbols: number,
    constraints: readonly AffineExpr[],
    eqFlags: readonly boolean[],
  ): IntegerSet {
    const state = contextArg(ctx, "IntegerSet.get's context");
    const dims = countArg(numDims, "IntegerSet.get's numDims");
    const syms = countArg(numSymbols, "IntegerSet.get's numSymbols");
    const exprs = resultsArg(constraints, state, dims, syms, "IntegerSet.get's constraints");
    if (exprs.length === 0) throw argumentError("IntegerSet.get's constraints", "at least one constraint", constraints);
    const flags = listArg(eqFlags, "IntegerSet.get's eqFlags");
    if (flags.length !== exprs.length) {
      throw new ArgumentError({
        argument: "IntegerSet.get's eqFlags",
        expected: `one flag per constraint (${exprs.length})`,
        got: `${flags.length} flags`,
      });
    }
    const eq = Uint8Array.from(flags, (f, i) => {
      if (typeof f !== "boolean") throw argumentError(`IntegerSet.get's eqFlags[${i}]`, "a boolean", f);
      return f ? 1 : 0;
    });
    return new IntegerSet(state, lib.mlirffi_integer_set_get(state.store, dims, syms, exprs, eq, exprs.length));
  }

  /** The canonical empty set of `numDims` dims and `numSymbols` symbols: `1 == 0`. */
  static empty(ctx: Context, numDims: number, numSymbols: number): IntegerSet {
    const state = contextArg(ctx, "IntegerSet.empty's context");
    const dims = countArg(numDims, "IntegerSet.empty's numDims");
    const syms = countArg(numSymbols, "IntegerSet.empty's numSymbols");
    return new IntegerSet(state, lib.mlirffi_integer_set_empty(state.store, dims, syms));
  }

  #info(): Float64Array {
    lib.mlirffi_integer_set_info(this._live(), INFO);
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

  /** Number of inputs: dims and symbols. */
  get numInputs(): number {
    const info = this.#info();
    return info[0]! + info[1]!;
  }

  /** Number of constraints. */
  get numConstraints(): number {
    return this.#info()[2]!;
  }

  /** Number of `== 0` constraints. */
  get numEqualities(): number {
    return this.#info()[3]!;
  }

  /** Number of `>= 0` constraints. */
  get numInequalities(): number {
    const info = this.#info();
    return info[2]! - info[3]!;
  }

  /** Whether it is the canonical empty set (`1 == 0`). */
  get isCanonicalEmpty(): boolean {
    return this.#info()[4] === 1;
  }

  /** The constraints, in order. */
  get constraints(): IntegerSetConstraint[] {
    const state = this._state;
    const pairs = this.#constraintPtrs();
    const out: IntegerSetConstraint[] = [];
    for (let i = 0; i < pairs.length; i += 2) out.push({ expr: wrapExpr(state, pairs[i]!), isEq: pairs[i + 1] === 1 });
    return out;
  }

  #constraintPtrs(): Float64Array {
    const self = this._live();
    const n = lib.mlirffi_integer_set_constraints(self, null, 0);
    const out = new Float64Array(2 * n);
    lib.mlirffi_integer_set_constraints(self, out, n);
    return out;
  }

  /**
   * The set with dim i replaced by `dimReplacements[i]` and symbol j by
   * `symbolReplacements[j]` (one for each), as a set of `numDims` dims and
   * `numSymbols` symbols, which the new constraints may not exceed.
   */
  replace(
    dimReplacements: readonly AffineExpr[],
    symbolReplacements: readonly AffineExpr[],
    numDims: number,
    numSymbols: number,
  ): IntegerSet {
    const state = this._state;
    const self = this._live();
    const dims = countArg(numDims, "IntegerSet.replace's numDims");
    const syms = countArg(numSymbols, "IntegerSet.replace's numSymbols");
    const replacements = (list: unknown, count: number, kind: string) => {
      const what = `IntegerSet.replace's ${kind}Replacements`;
      const items = listArg(list, what);
      if (items.length !== count) {
        throw new ArgumentError({ argument: what, expected: `one expression per ${kind} of ${this} (${count})`, got: `${items.length}` });
      }
      return f64Array(items, (e, i) => {
        const ptr = exprArg(e, state, `${what}[${i}]`);
        refuseBadDivisor(state, ptr, `${what}[${i}]`);
        return ptr;
      });
    };
    const dimRepl = replacements(dimReplacements, this.numDims, "dim");
    const symRepl = replacements(symbolReplacements, this.numSymbols, "symbol");
    const largest = (ptrs: Float64Array) => ptrs.reduce((m, p) => Math.max(m, factsOf(state, p).size), 0);
    const [dimSize, symSize] = [largest(dimRepl), largest(symRepl)];
    const pairs = this.#constraintPtrs();
    for (let i = 0; i < pairs.length; i += 2) {
      const f = factsOf(state, pairs[i]!);
      if (f.badDivisor) refuseBadDivisor(state, pairs[i]!, "IntegerSet.replace's set's constraints");
      refuseLarge(f.size + f.dimLeaves * dimSize + f.symLeaves * symSize, "IntegerSet.replace");
    }
    // As AffineMap.replace: counts every replacement fits first, then the
    // counts asked for, checked against what the new constraints use.
    const fits = (ptrs: Float64Array, key: "dims" | "syms") => ptrs.reduce((m, p) => Math.max(m, factsOf(state, p)[key]), 0);
    const safeDims = Math.max(dims, fits(dimRepl, "dims"), fits(symRepl, "dims"));
    const safeSyms = Math.max(syms, fits(dimRepl, "syms"), fits(symRepl, "syms"));
    const wide = new IntegerSet(state, lib.mlirffi_integer_set_replace(self, dimRepl, symRepl, safeDims, safeSyms));
    const result = wide.#constraintPtrs();
    for (let i = 0; i < result.length; i += 2) {
      checkedResult(state, result[i]!, "IntegerSet.replace");
      const f = factsOf(state, result[i]!);
      if (f.dims > dims) {
        throw new ArgumentError({ argument: "IntegerSet.replace's numDims", expected: `at least ${f.dims} (a new constraint uses d${f.dims - 1})`, got: String(dims) });
      }
      if (f.syms > syms) {
        throw new ArgumentError({ argument: "IntegerSet.replace's numSymbols", expected: `at least ${f.syms} (a new constraint uses s${f.syms - 1})`, got: String(syms) });
      }
    }
    if (safeDims === dims && safeSyms === syms) return wide;
    const exprs = result.filter((_, i) => i % 2 === 0);
    const eq = Uint8Array.from(result.filter((_, i) => i % 2 === 1));
    return new IntegerSet(state, lib.mlirffi_integer_set_get(state.store, dims, syms, exprs, eq, exprs.length));
  }

  /** The set in MLIR's textual form. */
  override toString(): string {
    return printAffine(Printed.Set, this._live());
  }
}
