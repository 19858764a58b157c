/**
 * Affine expressions (`d0 + s0 * 2`, `d1 floordiv 4`): MLIR's `AffineExpr`
 * with one class per kind, as in MLIR's Python bindings. Expressions are
 * uniqued in their context and live as long as it does.
 *
 * MLIR's release builds drop the asserts that guard these objects, so what
 * MLIR asserts on is refused here first, with an `ArgumentError`: a product
 * of two factors that both use dims, a divisor that uses dims or is a
 * constant below 1, positions and counts past {@linkcode AFFINE_LIMITS},
 * expressions larger than MLIR's recursive walks can take. The facts behind
 * those checks come from the shim (native/src/affine.c), computed once per
 * expression.
 *
 * @module
 */
import { ArgumentError } from "../../base/errors.ts";
import { argumentError, intArg } from "../../base/args.ts";
import { lib } from "../../ffi/load.ts";
import { takeText, TEXT, TEXT_CAP } from "../../ffi/text.ts";
import type { Context } from "../../context.ts";
import { type ContextState, contextArg } from "../context_state.ts";
import { Uniqued } from "../uniqued.ts";
import type { AffineMap } from "./map.ts";

/**
 * Bounds on what affine objects may be built from: positions of dims and
 * symbols, how many a map or set has, and how many nodes an expression
 * has (each use of a shared subexpression counted). MLIR walks expressions
 * recursively and allocates per dim, so these keep every walk and
 * allocation small; objects parsed from text are not held to them.
 */
export const AFFINE_LIMITS: Readonly<{ maxPosition: number; maxInputs: number; maxNodes: number }> = Object.freeze({
  /** The highest dim or symbol position. */
  maxPosition: 65535,
  /** The most dims, or symbols, of a map or set. */
  maxInputs: 65536,
  /** The most nodes an expression built here may have. */
  maxNodes: 1_000_000,
});

/** Kinds as the shim numbers them (native/src/affine.c). */
const Kind = { Dim: 0, Symbol: 1, Constant: 2, Add: 3, Mul: 4, Mod: 5, FloorDiv: 6, CeilDiv: 7 } as const;
type BinaryKind = typeof Kind.Add | typeof Kind.Mul | typeof Kind.Mod | typeof Kind.FloorDiv | typeof Kind.CeilDiv;

/** Questions and transformations the shim answers (native/src/affine.c). */
const Query = { PureAffine: 0, SymbolicOrConstant: 1, MultipleOf: 2, FunctionOfDim: 3 } as const;
const Transform = { Compose: 0, ShiftDims: 1, ShiftSymbols: 2, Simplify: 3 } as const;

/** @internal What the shim's print function prints (native/src/affine.c). */
export const Printed = { Expr: 0, Map: 1, Set: 2 } as const;

/** @internal Text of an affine object. */
export function printAffine(what: number, ptr: number): string {
  return takeText(lib.mlirffi_affine_print(what, ptr, TEXT, TEXT_CAP));
}

/** @internal What the shim knows of an expression. */
export interface Facts {
  /** Tree nodes (saturating at 2^32 - 1). */
  readonly size: number;
  /** 1 + the highest dim position used; 0 for none. */
  readonly dims: number;
  readonly syms: number;
  readonly dimLeaves: number;
  readonly symLeaves: number;
  /** A product of two dim-using factors, or a dim-using divisor, somewhere in it. */
  readonly nonAffine: boolean;
  /** A floordiv, ceildiv or mod by a constant below 1 somewhere in it. */
  readonly badDivisor: boolean;
}

const FACTS = new Float64Array(6);

/** @internal The facts of the expression at `ptr`. */
export function factsOf(state: ContextState, ptr: number): Facts {
  lib.mlirffi_affine_expr_facts(state.store, ptr, FACTS);
  const flags = FACTS[5]!;
  return {
    size: FACTS[0]!,
    dims: FACTS[1]!,
    syms: FACTS[2]!,
    dimLeaves: FACTS[3]!,
    symLeaves: FACTS[4]!,
    nonAffine: (flags & 2) !== 0,
    badDivisor: (flags & 4) !== 0,
  };
}

/**
 * @internal Refuses an input holding a divisor below 1 (only text can make
 * one): MLIR's divisor analysis, which composing, shifting and building
 * divisions run, can trap on it (INT64_MIN divided by -1).
 */
export function refuseBadDivisor(state: ContextState, ptr: number, what: string): void {
  if (factsOf(state, ptr).badDivisor) {
    throw new ArgumentError(
      { argument: what, expected: "an expression without a floordiv, ceildiv or mod by a constant below 1", got: printAffine(Printed.Expr, ptr) },
      { advice: "MLIR leaves such divisions undefined; such an expression can be printed and taken apart, not computed with." },
    );
  }
}

/**
 * @internal The expression at `ptr`, a result MLIR just made, after checking
 * that it keeps to what this module lets be built (`what` names the operation
 * in the error).
 */
export function checkedResult(state: ContextState, ptr: number, what: string): AffineExpr {
  const f = factsOf(state, ptr);
  if (f.size > AFFINE_LIMITS.maxNodes) {
    throw new ArgumentError({ argument: `The result of ${what}`, expected: `at most ${AFFINE_LIMITS.maxNodes} nodes`, got: `${f.size} nodes` });
  }
  if (f.nonAffine || f.badDivisor) {
    throw new ArgumentError({
      argument: `The result of ${what}`,
      expected: "an affine expression: products with a symbolic or constant factor, divisors symbolic or a positive constant",
      got: printAffine(Printed.Expr, ptr),
    });
  }
  return wrapExpr(state, ptr);
}

/** @internal Pointers of a map's results (no checks). */
export function mapResultPtrs(map: number): Float64Array {
  const n = lib.mlirffi_affine_map_results(map, null, 0);
  const out = new Float64Array(n);
  lib.mlirffi_affine_map_results(map, out, n);
  return out;
}

/** @internal A map argument's pointer, checked to be of `state`'s context (without importing map.ts: it imports this). */
export function mapArg(map: unknown, state: ContextState, what: string): number {
  if (!(map instanceof Uniqued) || map._kind !== "AffineMap") throw argumentError(what, "an AffineMap", map);
  return map._in(state, what);
}

/** @internal An expression argument's pointer, checked to be of `state`'s context (if given). */
export function exprArg(e: unknown, state: ContextState | null, what: string): number {
  if (!(e instanceof AffineExpr)) throw argumentError(what, "an AffineExpr", e);
  return state === null ? e._live() : e._in(state, what);
}

/** @internal A position of a dim or symbol. */
export function positionArg(p: unknown, what: string): number {
  return intArg(p, 0, AFFINE_LIMITS.maxPosition, what);
}

/** @internal A number of dims or symbols. */
export function countArg(n: unknown, what: string): number {
  return intArg(n, 0, AFFINE_LIMITS.maxInputs, what);
}

const I64_MIN = -(2n ** 63n);
const I64_MAX = 2n ** 63n - 1n;

/** @internal A 64-bit integer argument: a safe integer or a BigInt in range. */
export function int64Arg(v: unknown, what: string): bigint {
  if (typeof v === "number" && Number.isSafeInteger(v)) return BigInt(v);
  if (typeof v === "bigint" && v >= I64_MIN && v <= I64_MAX) return v;
  throw argumentError(what, "a safe integer or a BigInt in the int64 range", v);
}

/** An expression, or an integer standing for a constant expression. */
export type AffineOperand = AffineExpr | number | bigint;

const BINARY_NAMES: Record<number, string> = {
  [Kind.Add]: "add",
  [Kind.Mul]: "mul",
  [Kind.Mod]: "mod",
  [Kind.FloorDiv]: "floorDiv",
  [Kind.CeilDiv]: "ceilDiv",
};

/**
 * An affine expression. Read from a map, a set or another expression, it
 * comes back as its kind's class (`AffineDimExpr`, `AffineAddExpr`, ...);
 * compare with `equals` (uniqued: equal expressions are one object in MLIR).
 *
 * @example
 * ```ts
 * import { AffineAddExpr, AffineExpr, Context } from "../../mod.ts";
 * using ctx = new Context();
 * const d0 = AffineExpr.dim(ctx, 0), s0 = AffineExpr.symbol(ctx, 0);
 * const e = d0.mul(2).add(s0);
 * console.log(e.toString(), e instanceof AffineAddExpr); // "d0 * 2 + s0" true
 * console.log(e.floorDiv(2).toString()); // "d0 + s0 floordiv 2" (MLIR simplifies as it builds)
 * ```
 */
export class AffineExpr extends Uniqued {
  /** @internal */
  get _kind(): string {
    return "AffineExpr";
  }

  /** The dim at `position`: `d<position>`. */
  static dim(ctx: Context, position: number): AffineDimExpr {
    const state = contextArg(ctx, "AffineExpr.dim's context");
    return new AffineDimExpr(state, lib.mlirffi_affine_dim(state.store, positionArg(position, "AffineExpr.dim's position")));
  }

  /** The symbol at `position`: `s<position>`. */
  static symbol(ctx: Context, position: number): AffineSymbolExpr {
    const state = contextArg(ctx, "AffineExpr.symbol's context");
    return new AffineSymbolExpr(state, lib.mlirffi_affine_symbol(state.store, positionArg(position, "AffineExpr.symbol's position")));
  }

  /** The constant `value` (a 64-bit integer). */
  static constant(ctx: Context, value: number | bigint): AffineConstantExpr {
    const state = contextArg(ctx, "AffineExpr.constant's context");
    return new AffineConstantExpr(state, lib.mlirffi_affine_constant(state.store, int64Arg(value, "AffineExpr.constant's value")));
  }

  /** `this + other`. */
  add(other: AffineOperand): AffineExpr {
    return this.#binary(Kind.Add, other);
  }

  /** `this - other` (as MLIR writes it: `this + other * -1`). */
  sub(other: AffineOperand): AffineExpr {
    if (other instanceof AffineExpr) {
      exprArg(other, this._state, "AffineExpr.sub's operand");
      return this.add(other.neg());
    }
    const v = int64Arg(other, "AffineExpr.sub's operand");
    // -INT64_MIN is no 64-bit integer (MLIR would overflow).
    if (v === I64_MIN) throw argumentError("AffineExpr.sub's operand", "an integer whose negation is a 64-bit integer", other);
    return this.add(-v);
  }

  /** `-this` (as MLIR writes it: `this * -1`). */
  neg(): AffineExpr {
    return this.#binary(Kind.Mul, -1, "neg");
  }

  /** `this * other`; one of the two must be symbolic or constant (use no dims). */
  mul(other: AffineOperand): AffineExpr {
    return this.#binary(Kind.Mul, other);
  }

  /** `this mod other`; `other` a positive constant or symbolic. */
  mod(other: AffineOperand): AffineExpr {
    return this.#binary(Kind.Mod, other);
  }

  /** `this floordiv other`; `other` a positive constant or symbolic. */
  floorDiv(other: AffineOperand): AffineExpr {
    return this.#binary(Kind.FloorDiv, other);
  }

  /** `this ceildiv other`; `other` a positive constant or symbolic. */
  ceilDiv(other: AffineOperand): AffineExpr {
    return this.#binary(Kind.CeilDiv, other);
  }

  #constant(v: bigint): AffineConstantExpr {
    return new AffineConstantExpr(this._state, lib.mlirffi_affine_constant(this._state.store, v));
  }

  #binary(kind: BinaryKind, other: AffineOperand, name = BINARY_NAMES[kind]!): AffineExpr {
    const state = this._state;
    const self = this._live();
    const what = `AffineExpr.${name}'s operand`;
    let rhs: number;
    if (other instanceof AffineExpr) rhs = other._in(state, what);
    else if (typeof other === "number" || typeof other === "bigint") rhs = this.#constant(int64Arg(other, what))._ptr;
    else throw argumentError(what, "an AffineExpr or an integer", other);
    const r = factsOf(state, rhs);
    if (kind === Kind.Mul && r.dims > 0 && factsOf(state, self).dims > 0) {
      throw new ArgumentError(
        { argument: what, expected: `a factor without dims (${this} uses some)`, got: printAffine(Printed.Expr, rhs) },
        { advice: "MLIR's affine form needs one factor of each product to be symbolic or constant." },
      );
    }
    if (kind === Kind.Mod || kind === Kind.FloorDiv || kind === Kind.CeilDiv) {
      const isConstant = lib.mlirffi_affine_expr_kind(rhs) === Kind.Constant;
      if (r.dims > 0 || (isConstant && lib.mlirffi_affine_constant_value(rhs) < 1n)) {
        throw new ArgumentError(
          { argument: what, expected: "a positive constant or a symbolic expression (no dims)", got: printAffine(Printed.Expr, rhs) },
          { advice: "MLIR leaves division by zero or a negative number undefined, and its parser refuses divisors with dims." },
        );
      }
      // Simplifying a division asks for the dividend's largest known divisor.
      refuseBadDivisor(state, self, `The expression AffineExpr.${name} divides`);
    }
    return checkedResult(state, lib.mlirffi_affine_binary(kind, self, rhs), `AffineExpr.${name}`);
  }

  /**
   * This expression with each dim `d<i>` replaced by result `i` of `map`
   * (symbols stay). The map needs a result for each dim used here.
   */
  compose(map: AffineMap): AffineExpr {
    const state = this._state;
    const self = this._live();
    const m = mapArg(map, state, "AffineExpr.compose's map");
    const f = factsOf(state, self);
    const results = mapResultPtrs(m);
    if (f.dims > results.length) {
      throw new ArgumentError({
        argument: "AffineExpr.compose's map",
        expected: `a map with at least ${f.dims} results (${this} uses d${f.dims - 1})`,
        got: `${results.length} results`,
      });
    }
    refuseBadDivisor(state, self, "The expression AffineExpr.compose composes");
    let largest = 0;
    for (const r of results) {
      refuseBadDivisor(state, r, "AffineExpr.compose's map results");
      largest = Math.max(largest, factsOf(state, r).size);
    }
    refuseLarge(f.size + f.dimLeaves * largest, "AffineExpr.compose");
    return checkedResult(state, lib.mlirffi_affine_expr_transform(Transform.Compose, self, m, 0, 0, 0), "AffineExpr.compose");
  }

  /** Dims `d<offset>`..`d<numDims - 1>` renumbered `shift` positions up. */
  shiftDims(numDims: number, shift: number, offset = 0): AffineExpr {
    return this.#shift(Transform.ShiftDims, "shiftDims", numDims, shift, offset);
  }

  /** Symbols `s<offset>`..`s<numSymbols - 1>` renumbered `shift` positions up. */
  shiftSymbols(numSymbols: number, shift: number, offset = 0): AffineExpr {
    return this.#shift(Transform.ShiftSymbols, "shiftSymbols", numSymbols, shift, offset);
  }

  #shift(how: number, name: string, count: number, shift: number, offset: number): AffineExpr {
    const state = this._state;
    const self = this._live();
    const n = countArg(count, `AffineExpr.${name}'s count`);
    const by = intArg(shift, 0, AFFINE_LIMITS.maxInputs - n, `AffineExpr.${name}'s shift (with a count of ${n})`);
    const from = intArg(offset, 0, n, `AffineExpr.${name}'s offset`);
    refuseBadDivisor(state, self, `The expression AffineExpr.${name} shifts`);
    return checkedResult(state, lib.mlirffi_affine_expr_transform(how, self, 0, n, by, from), `AffineExpr.${name}`);
  }

  /**
   * The expression simplified by flattening it (MLIR's `simplifyAffineExpr`),
   * for `numDims` dims and `numSymbols` symbols: all it uses must be among them.
   */
  simplify(numDims: number, numSymbols: number): AffineExpr {
    const state = this._state;
    const self = this._live();
    const dims = countArg(numDims, "AffineExpr.simplify's numDims");
    const syms = countArg(numSymbols, "AffineExpr.simplify's numSymbols");
    const f = factsOf(state, self);
    if (f.dims > dims) {
      throw new ArgumentError({ argument: "AffineExpr.simplify's numDims", expected: `at least ${f.dims} (${this} uses d${f.dims - 1})`, got: String(dims) });
    }
    if (f.syms > syms) {
      throw new ArgumentError({ argument: "AffineExpr.simplify's numSymbols", expected: `at least ${f.syms} (${this} uses s${f.syms - 1})`, got: String(syms) });
    }
    refuseBadDivisor(state, self, "The expression AffineExpr.simplify simplifies");
    // The flattener keeps a row of (dims + symbols + locals + 1) coefficients per pending node.
    if ((dims + syms + f.size + 1) * f.size > SIMPLIFY_BUDGET) {
      throw new ArgumentError({
        argument: "AffineExpr.simplify's expression",
        expected: `(numDims + numSymbols + nodes + 1) × nodes of at most ${SIMPLIFY_BUDGET}`,
        got: `${f.size} nodes with ${dims} dims and ${syms} symbols`,
      });
    }
    return checkedResult(state, lib.mlirffi_affine_expr_transform(Transform.Simplify, self, 0, dims, syms, 0), "AffineExpr.simplify");
  }

  /** Whether it is pure affine: products, divisions and mods only by constants. */
  get isPureAffine(): boolean {
    return lib.mlirffi_affine_expr_is(Query.PureAffine, this._live(), 0n);
  }

  /** Whether it uses no dims (only symbols and constants). */
  get isSymbolicOrConstant(): boolean {
    return lib.mlirffi_affine_expr_is(Query.SymbolicOrConstant, this._live(), 0n);
  }

  /** The largest integer known to divide the expression's value (at least 1). */
  get largestKnownDivisor(): bigint {
    const self = this._live();
    refuseBadDivisor(this._state, self, "The expression of largestKnownDivisor");
    return lib.mlirffi_affine_expr_divisor(self);
  }

  /** Whether the expression's value is known to be a multiple of `factor` (a positive integer). */
  isMultipleOf(factor: number | bigint): boolean {
    const self = this._live();
    const f = int64Arg(factor, "AffineExpr.isMultipleOf's factor");
    if (f < 1n) throw argumentError("AffineExpr.isMultipleOf's factor", "a positive integer", factor);
    refuseBadDivisor(this._state, self, "The expression of isMultipleOf");
    return lib.mlirffi_affine_expr_is(Query.MultipleOf, self, f);
  }

  /** Whether the expression uses dim `d<position>`. */
  isFunctionOfDim(position: number): boolean {
    const self = this._live();
    return lib.mlirffi_affine_expr_is(Query.FunctionOfDim, self, BigInt(positionArg(position, "AffineExpr.isFunctionOfDim's position")));
  }

  /** The expression in MLIR's textual form. */
  override toString(): string {
    return printAffine(Printed.Expr, this._live());
  }
}

/** The flattener's coefficient rows for `simplify`, in 64-bit words (128 MiB). */
const SIMPLIFY_BUDGET = 1 << 24;

/** @internal Refuses an operation whose result could have `bound` nodes, past the limit. */
export function refuseLarge(bound: number, what: string): void {
  if (bound > AFFINE_LIMITS.maxNodes) {
    throw new ArgumentError(
      { argument: `The operands of ${what}`, expected: `a result of at most ${AFFINE_LIMITS.maxNodes} nodes`, got: `up to ${bound} nodes` },
    );
  }
}

/**
 * `d<position>`: a dimension, the map's or set's input at `position`.
 *
 * @example
 * ```ts
 * import { AffineDimExpr, Context } from "../../mod.ts";
 * using ctx = new Context();
 * console.log(AffineDimExpr.get(ctx, 1).position); // 1
 * ```
 */
export class AffineDimExpr extends AffineExpr {
  /** The dim at `position` (as `AffineExpr.dim`). */
  static get(ctx: Context, position: number): AffineDimExpr {
    return AffineExpr.dim(ctx, position);
  }

  /** Its position. */
  get position(): number {
    return lib.mlirffi_affine_position(this._live());
  }
}

/**
 * `s<position>`: a symbol, a value fixed for the map's or set's whole use.
 *
 * @example
 * ```ts
 * import { AffineSymbolExpr, Context } from "../../mod.ts";
 * using ctx = new Context();
 * console.log(AffineSymbolExpr.get(ctx, 2).toString()); // "s2"
 * ```
 */
export class AffineSymbolExpr extends AffineExpr {
  /** The symbol at `position` (as `AffineExpr.symbol`). */
  static get(ctx: Context, position: number): AffineSymbolExpr {
    return AffineExpr.symbol(ctx, position);
  }

  /** Its position. */
  get position(): number {
    return lib.mlirffi_affine_position(this._live());
  }
}

/**
 * An integer constant.
 *
 * @example
 * ```ts
 * import { AffineConstantExpr, Context } from "../../mod.ts";
 * using ctx = new Context();
 * console.log(AffineConstantExpr.get(ctx, 42).value); // 42n
 * ```
 */
export class AffineConstantExpr extends AffineExpr {
  /** The constant `value` (as `AffineExpr.constant`). */
  static get(ctx: Context, value: number | bigint): AffineConstantExpr {
    return AffineExpr.constant(ctx, value);
  }

  /** Its value, exactly (MLIR's constants are 64-bit). */
  get value(): bigint {
    return lib.mlirffi_affine_constant_value(this._live());
  }
}

/**
 * An expression of two operands: the base of the add, mul, mod, floordiv
 * and ceildiv classes.
 *
 * @example
 * ```ts
 * import { AffineBinaryExpr, AffineExpr, Context } from "../../mod.ts";
 * using ctx = new Context();
 * const e = AffineExpr.dim(ctx, 0).add(3) as AffineBinaryExpr;
 * console.log(e.lhs.toString(), e.rhs.toString()); // "d0" "3"
 * ```
 */
export class AffineBinaryExpr extends AffineExpr {
  /** The left operand. */
  get lhs(): AffineExpr {
    return wrapExpr(this._state, lib.mlirffi_affine_lhs(this._live()));
  }

  /** The right operand. */
  get rhs(): AffineExpr {
    return wrapExpr(this._state, lib.mlirffi_affine_rhs(this._live()));
  }
}

/**
 * `lhs + rhs`.
 *
 * @example
 * ```ts
 * import { AffineAddExpr, AffineExpr, Context } from "../../mod.ts";
 * using ctx = new Context();
 * console.log(AffineExpr.dim(ctx, 0).add(1) instanceof AffineAddExpr); // true
 * ```
 */
export class AffineAddExpr extends AffineBinaryExpr {}

/**
 * `lhs * rhs`.
 *
 * @example
 * ```ts
 * import { AffineExpr, AffineMulExpr, Context } from "../../mod.ts";
 * using ctx = new Context();
 * console.log(AffineExpr.dim(ctx, 0).mul(2) instanceof AffineMulExpr); // true
 * ```
 */
export class AffineMulExpr extends AffineBinaryExpr {}

/**
 * `lhs mod rhs`.
 *
 * @example
 * ```ts
 * import { AffineExpr, AffineModExpr, Context } from "../../mod.ts";
 * using ctx = new Context();
 * console.log(AffineExpr.dim(ctx, 0).mod(4) instanceof AffineModExpr); // true
 * ```
 */
export class AffineModExpr extends AffineBinaryExpr {}

/**
 * `lhs floordiv rhs`.
 *
 * @example
 * ```ts
 * import { AffineExpr, AffineFloorDivExpr, Context } from "../../mod.ts";
 * using ctx = new Context();
 * console.log(AffineExpr.dim(ctx, 0).floorDiv(4) instanceof AffineFloorDivExpr); // true
 * ```
 */
export class AffineFloorDivExpr extends AffineBinaryExpr {}

/**
 * `lhs ceildiv rhs`.
 *
 * @example
 * ```ts
 * import { AffineCeilDivExpr, AffineExpr, Context } from "../../mod.ts";
 * using ctx = new Context();
 * console.log(AffineExpr.dim(ctx, 0).ceilDiv(4) instanceof AffineCeilDivExpr); // true
 * ```
 */
export class AffineCeilDivExpr extends AffineBinaryExpr {}

type ExprClass = new (state: ContextState, ptr: number) => AffineExpr;

/** By the shim's kind number. */
const CLASSES: readonly ExprClass[] = [
  AffineDimExpr,
  AffineSymbolExpr,
  AffineConstantExpr,
  AffineAddExpr,
  AffineMulExpr,
  AffineModExpr,
  AffineFloorDivExpr,
  AffineCeilDivExpr,
];

/** @internal The expression at `ptr` (non-null) as its kind's class. */
export function wrapExpr(state: ContextState, ptr: number): AffineExpr {
  return new CLASSES[lib.mlirffi_affine_expr_kind(ptr)]!(state, ptr);
}
