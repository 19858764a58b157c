/**
 * The `transform` dialect: the generated op classes and builders, and its
 * types under upstream's Python names (`transform.AnyOpType`,
 * `transform.OperationType`, ...); the package root exports them with a
 * `Transform` prefix.
 *
 * @example
 * ```ts
 * import { Context } from "../mod.ts";
 * import * as transform from "./transform.ts";
 * using ctx = new Context();
 * console.log(transform.OperationType.get(ctx, "func.func").toString()); // !transform.op<"func.func">
 * ```
 *
 * @module
 */
export * from "./generated/transform.ts";
export {
  TransformAnyOpType as AnyOpType,
  TransformAnyParamType as AnyParamType,
  TransformAnyValueType as AnyValueType,
  TransformOperationType as OperationType,
  TransformParamType as ParamType,
} from "../ir/dialect/transform.ts";
