/**
 * The `tensor` dialect: the generated op classes and builders, with
 * `empty` taking mixed static and dynamic sizes, as upstream's Python
 * extension (`dialects/tensor.py`) does: a number is a static size, a Value
 * a dynamic one.
 *
 * @example
 * ```ts
 * import { Context, FloatType, IndexType, InsertionPoint } from "../mod.ts";
 * import * as arith from "./arith.ts";
 * import * as tensor from "./tensor.ts";
 * using ctx = new Context();
 * using mod = ctx.createModule();
 * using _ = InsertionPoint.atEnd(mod.body).enter();
 * const n = arith.constant(IndexType.get(ctx), 8);
 * console.log(tensor.empty([4, n], FloatType.f32(ctx)).type.toString()); // tensor<4x?xf32>
 * ```
 *
 * @module
 */
import { ArgumentError } from "../base/errors.ts";
import type { Type } from "../ir/type.ts";
import { RankedTensorType } from "../ir/types/shaped.ts";
import { type OpResult, Value } from "../ir/value.ts";
import { EmptyOp } from "./generated/tensor.ts";
import * as $ from "./support/mod.ts";

export * from "./generated/tensor.ts";

/** `tensor.empty` of `sizes` (numbers static, Values dynamic) and `elementType`. */
export function empty(sizes: readonly (number | Value)[], elementType: Type, options: $.BuildOptions = {}): OpResult {
  if (!Array.isArray(sizes)) throw new ArgumentError({ argument: "tensor.empty's sizes", expected: "an array of numbers and Values", got: String(sizes) });
  const shape = sizes.map((s) => (s instanceof Value ? null : s));
  const dynamic = sizes.filter((s): s is Value => s instanceof Value);
  return $.buildOp(EmptyOp, { results: [RankedTensorType.get(shape, elementType)], operands: [dynamic] }, options).result;
}
