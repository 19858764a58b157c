/**
 * The `gpu` dialect: the generated op classes and builders, and its type and
 * attribute under upstream's Python names (`gpu.AsyncTokenType`,
 * `gpu.ObjectAttr`); the package root exports them with a `GPU` prefix.
 *
 * @example
 * ```ts
 * import { Context } from "../mod.ts";
 * import * as gpu from "./gpu.ts";
 * using ctx = new Context();
 * console.log(gpu.AsyncTokenType.get(ctx).toString()); // !gpu.async.token
 * ```
 *
 * @module
 */
export * from "./generated/gpu.ts";
export {
  GPUAsyncTokenType as AsyncTokenType,
  GPUObjectAttr as ObjectAttr,
  type GPUObjectFormat as ObjectFormat,
  type GPUObjectOptions as ObjectOptions,
} from "../ir/dialect/gpu.ts";
