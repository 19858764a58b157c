/**
 * The base class of MLIR types. Builtin kinds have subclasses in src/types/
 * (`IntegerType`, `RankedTensorType`, ...); a type read from the IR comes back
 * as the most specific one, so `instanceof` works.
 *
 * @module
 */
import { lib } from "../ffi/load.ts";
import { takeText, TEXT, TEXT_CAP } from "../ffi/text.ts";
import { argumentError, listArg } from "../base/args.ts";
import type { ContextState } from "./context_state.ts";
import { Uniqued } from "./uniqued.ts";
import { f64Array } from "../base/f64_array.ts";
import { TypeID } from "./type_id.ts";

/**
 * An MLIR type, such as `i32` or `tensor<4xf32>`.
 *
 * @example
 * ```ts
 * import { Context, RankedTensorType } from "../mod.ts";
 * using ctx = new Context();
 * const t = ctx.parseType("tensor<4xf32>");
 * console.log(t instanceof RankedTensorType, t.toString()); // true "tensor<4xf32>"
 * ```
 */
export class Type extends Uniqued {
  /** @internal */
  get _kind(): string {
    return "Type";
  }

  /** The namespace of the dialect that defines the type, e.g. `builtin`. */
  get dialect(): string {
    return takeText(lib.mlirffi_type_dialect(this._live(), TEXT, TEXT_CAP));
  }

  /** The TypeID of its class (e.g. `IntegerType.staticTypeID` for `i32`). */
  get typeID(): TypeID {
    return TypeID._of(lib.mlirffi_type_type_id(this._live()));
  }

  /** The type in MLIR's textual form. */
  override toString(): string {
    return takeText(lib.mlirffi_type_print(this._live(), TEXT, TEXT_CAP));
  }
}

/** The pointer of a type argument, checked to belong to `state`'s context (if given). */
export function typeArg(t: unknown, state: ContextState | null, what: string): number {
  if (!(t instanceof Type)) throw argumentError(what, "a Type", t);
  return state === null ? t._live() : t._in(state, what);
}

/** Pointers of a list of types, as the Float64Array the shim takes. */
export function typesArg(list: unknown, state: ContextState, what: string): Float64Array {
  return f64Array(listArg(list, what), (t, i) => typeArg(t, state, `${what}[${i}]`));
}
