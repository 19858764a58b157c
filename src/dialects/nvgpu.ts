/**
 * The `nvgpu` dialect: the generated op classes and builders, and its type
 * under upstream's Python name (`nvgpu.TensorMapDescriptorType`); the
 * package root exports it with an `NVGPU` prefix.
 *
 * @example
 * ```ts
 * import { Context, MemRefType } from "../mod.ts";
 * import * as nvgpu from "./nvgpu.ts";
 * using ctx = new Context();
 * const t = nvgpu.TensorMapDescriptorType.get(MemRefType.get([8, 8], ctx.parseType("f16")));
 * console.log(t instanceof nvgpu.TensorMapDescriptorType); // true
 * ```
 *
 * @module
 */
export * from "./generated/nvgpu.ts";
export {
  NVGPUTensorMapDescriptorType as TensorMapDescriptorType,
  type NVGPUTensorMapOptions as TensorMapOptions,
} from "../ir/dialect/nvgpu.ts";
