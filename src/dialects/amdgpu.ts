/**
 * The `amdgpu` dialect: the generated op classes and builders, and its TDM
 * types without the `AMDGPU` prefix the package root gives them
 * (`amdgpu.TDMBaseType`, ...), as upstream's Python module names them.
 *
 * @example
 * ```ts
 * import { Context } from "../mod.ts";
 * import * as amdgpu from "./amdgpu.ts";
 * using ctx = new Context();
 * console.log(amdgpu.TDMDescriptorType.get(ctx).toString()); // !amdgpu.tdm_descriptor
 * ```
 *
 * @module
 */
export * from "./generated/amdgpu.ts";
export {
  AMDGPUTDMBaseType as TDMBaseType,
  AMDGPUTDMDescriptorType as TDMDescriptorType,
  AMDGPUTDMGatherBaseType as TDMGatherBaseType,
} from "../ir/dialect/amdgpu.ts";
