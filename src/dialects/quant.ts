/**
 * The `quant` dialect: the generated op classes and builders, and its types
 * as upstream's Python module has them (`quant.UniformQuantizedType`, ...);
 * the package root exports the same classes under the same names.
 *
 * @example
 * ```ts
 * import { Context, FloatType, IntegerType } from "../mod.ts";
 * import * as quant from "./quant.ts";
 * using ctx = new Context();
 * const i8 = IntegerType.get(ctx, 8);
 * const t = quant.UniformQuantizedType.get(i8, FloatType.get(ctx, "f32"), 0.5, 0);
 * console.log(t.toString()); // !quant.uniform<i8:f32, 5.000000e-01>
 * ```
 *
 * @module
 */
export * from "./generated/quant.ts";
export {
  AnyQuantizedType,
  CalibratedQuantizedType,
  QuantizedType,
  UniformQuantizedPerAxisType,
  UniformQuantizedSubChannelType,
  UniformQuantizedType,
} from "../ir/dialect/quant.ts";
