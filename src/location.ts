/**
 * Source locations attached to operations and values.
 *
 * @module
 */
import { lib } from "./ffi/load.ts";
import { takeText, TEXT, TEXT_CAP } from "./ffi/text.ts";
import { Uniqued } from "./uniqued.ts";

/**
 * A source location, such as `loc("in.mlir":3:7)`.
 *
 * @example
 * ```ts
 * import { Context } from "./mod.ts";
 * using ctx = new Context();
 * console.log(ctx.fileLocation("in.mlir", 3, 7).toString()); // loc("in.mlir":3:7)
 * ```
 */
export class Location extends Uniqued {
  /** @internal */
  get _kind(): string {
    return "Location";
  }

  /** The location in MLIR's textual form. */
  override toString(): string {
    return takeText(lib.mlirffi_loc_print(this._live(), TEXT, TEXT_CAP));
  }
}
