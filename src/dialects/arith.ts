/**
 * The `arith` dialect: the generated op classes and builders, with
 * `constant` taking a type and a plain value, as upstream's Python extension
 * (`mlir/python/mlir/dialects/arith.py`) overrides the generated
 * `constant(value)`.
 *
 * @example
 * ```ts
 * import { Context, IndexType, InsertionPoint } from "../mod.ts";
 * import * as arith from "./arith.ts";
 * using ctx = new Context();
 * using mod = ctx.createModule();
 * using _ = InsertionPoint.atEnd(mod.body).enter();
 * const c = arith.constant(IndexType.get(ctx), 42);
 * console.log(c.owner.toString()); // %c42 = arith.constant 42 : index
 * ```
 *
 * @module
 */
import { ArgumentError } from "../base/errors.ts";
import { Attribute } from "../ir/attribute.ts";
import { DenseElementsAttr } from "../ir/attributes/elements.ts";
import { FloatAttr, IntegerAttr } from "../ir/attributes/scalar.ts";
import type { OpResult } from "../ir/value.ts";
import { Type } from "../ir/type.ts";
import { FloatType } from "../ir/types/float.ts";
import { IndexType, IntegerType } from "../ir/types/integer.ts";
import { ShapedType } from "../ir/types/shaped.ts";
import type { BuildOptions } from "./support/build.ts";
import { ConstantOp } from "./generated/arith.ts";
import * as $ from "./support/mod.ts";

export * from "./generated/arith.ts";

/** The attribute `value` stands for under `type`: an IntegerAttr, a FloatAttr, or a splat for a shaped type. */
function constantValue(type: Type, value: number | bigint | boolean): Attribute {
  if (type instanceof IntegerType || type instanceof IndexType) {
    const n = typeof value === "boolean" ? (value ? 1 : 0) : value;
    if (typeof n === "number" && !Number.isInteger(n)) {
      throw new ArgumentError({ argument: "arith.constant's value", expected: `an integer for ${type}`, got: String(value) });
    }
    return IntegerAttr.get(type, n);
  }
  if (type instanceof FloatType) {
    if (typeof value !== "number") throw new ArgumentError({ argument: "arith.constant's value", expected: `a number for ${type}`, got: String(value) });
    return FloatAttr.get(type, value);
  }
  if (type instanceof ShapedType) return DenseElementsAttr.splat(type, value);
  throw new ArgumentError({ argument: "arith.constant's type", expected: "an integer, index, float or shaped type", got: String(type) });
}

/**
 * `arith.constant` of `type` holding `value` (an Attribute is used as it is;
 * a number or bigint becomes an IntegerAttr or FloatAttr of `type`, or a
 * splat DenseElementsAttr for a vector or tensor type).
 */
export function constant(type: Type, value: number | bigint | boolean | Attribute, options: BuildOptions = {}): OpResult {
  if (!(type instanceof Type)) throw new ArgumentError({ argument: "arith.constant's type", expected: "a Type", got: String(type) });
  const attr = value instanceof Attribute ? value : constantValue(type, value);
  return $.buildOp(ConstantOp, { resultTypes: [type], operands: [], attributes: { value: attr } }, options).result;
}
