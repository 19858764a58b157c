/**
 * The base class of MLIR attributes. Builtin kinds have subclasses in
 * src/attributes/ (`IntegerAttr`, `DenseElementsAttr`, ...); an attribute
 * read from the IR comes back as the most specific one.
 *
 * @module
 */
import { lib } from "../ffi/load.ts";
import { takeText, TEXT, TEXT_CAP } from "../ffi/text.ts";
import type { Type } from "./type.ts";
import { wrapType } from "./class_registry.ts";
import { argumentError } from "../base/args.ts";
import type { ContextState } from "./context_state.ts";
import { Uniqued } from "./uniqued.ts";
import { TypeID } from "./type_id.ts";

/**
 * An MLIR attribute, such as `42 : i32` or `"text"`.
 *
 * @example
 * ```ts
 * import { Context, IntegerAttr } from "../mod.ts";
 * using ctx = new Context();
 * const a = ctx.parseAttribute("42 : i32");
 * console.log(a instanceof IntegerAttr, a.type.toString()); // true i32
 * ```
 */
export class Attribute extends Uniqued {
  /** @internal */
  get _kind(): string {
    return "Attribute";
  }

  /** The attribute's type; `none` for attributes without one. */
  get type(): Type {
    return wrapType(this._state, lib.mlirffi_attr_type(this._live()));
  }

  /** The TypeID of its class (e.g. `IntegerAttr.staticTypeID` for `42 : i32`). */
  get typeID(): TypeID {
    return TypeID._of(lib.mlirffi_attr_type_id(this._live()));
  }

  /** The attribute in MLIR's textual form. */
  override toString(): string {
    return takeText(lib.mlirffi_attr_print(this._live(), TEXT, TEXT_CAP));
  }
}

/** The pointer of an attribute argument, checked to belong to `state`'s context (if given). */
export function attributeArg(a: unknown, state: ContextState | null, what: string): number {
  if (!(a instanceof Attribute)) throw argumentError(what, "an Attribute", a);
  return state === null ? a._live() : a._in(state, what);
}
