/**
 * MLIR types.
 *
 * @module
 */
import { lib } from "./ffi/load.ts";
import { takeText, TEXT, TEXT_CAP } from "./ffi/text.ts";
import { Uniqued } from "./uniqued.ts";

/**
 * An MLIR type, such as `i32` or `tensor<4xf32>`.
 *
 * @example
 * ```ts
 * import { Context } from "./mod.ts";
 * using ctx = new Context();
 * const t = ctx.parseType("tensor<4xf32>");
 * console.log(t.toString()); // "tensor<4xf32>"
 * ```
 */
export class Type extends Uniqued {
  /** @internal */
  get _kind(): string {
    return "Type";
  }

  /** The type in MLIR's textual form. */
  override toString(): string {
    return takeText(lib.mlirffi_type_print(this._live(), TEXT, TEXT_CAP));
  }
}
