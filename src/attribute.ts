/**
 * MLIR attributes.
 *
 * @module
 */
import { lib } from "./ffi/load.ts";
import { takeText, TEXT, TEXT_CAP } from "./ffi/text.ts";
import { Type } from "./type.ts";
import { Uniqued } from "./uniqued.ts";

/**
 * An MLIR attribute, such as `42 : i32` or `"text"`.
 *
 * @example
 * ```ts
 * import { Context } from "./mod.ts";
 * using ctx = new Context();
 * const a = ctx.parseAttribute("42 : i32");
 * console.log(a.toString(), a.type.toString()); // "42 : i32" "i32"
 * ```
 */
export class Attribute extends Uniqued {
  /** @internal */
  get _kind(): string {
    return "Attribute";
  }

  /** The attribute's type; `none` for attributes without one. */
  get type(): Type {
    return new Type(this._state, lib.mlirffi_attr_type(this._live()));
  }

  /** The attribute in MLIR's textual form. */
  override toString(): string {
    return takeText(lib.mlirffi_attr_print(this._live(), TEXT, TEXT_CAP));
  }
}
