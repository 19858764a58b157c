/**
 * The `amdgpu` dialect's tensor data mover (TDM) types: the address pairs
 * and the descriptor that `amdgpu.make_dma_base`, `make_gather_dma_base`
 * and `make_dma_descriptor` produce.
 *
 * @module
 */
import { contextArg } from "../context_state.ts";
import { ArgumentError } from "../../base/errors.ts";
import { lib } from "../../ffi/load.ts";
import { Type, typeArg } from "../type.ts";
import { IntegerType } from "../types/integer.ts";
import type { Context } from "../../context.ts";

/**
 * `!amdgpu.tdm_base<f32>`: an LDS and a global address for moving `element`s.
 *
 * @example
 * ```ts
 * import { AMDGPUTDMBaseType, Context, FloatType } from "../../mod.ts";
 * using ctx = new Context();
 * console.log(AMDGPUTDMBaseType.get(FloatType.f32(ctx)).toString()); // !amdgpu.tdm_base<f32>
 * ```
 */
export class AMDGPUTDMBaseType extends Type {
  /** The base type for `element`s. */
  static get(element: Type): AMDGPUTDMBaseType {
    const ptr = typeArg(element, null, "AMDGPUTDMBaseType.get's element type");
    const state = element._state;
    return new AMDGPUTDMBaseType(state, lib.mlirffi_amdgpu_tdm_type(state.store, 0, ptr, 0));
  }
}

/**
 * `!amdgpu.tdm_gather_base<i32, i16>`: a base for gathers, with the type of the indices.
 *
 * @example
 * ```ts
 * import { AMDGPUTDMGatherBaseType, Context, IntegerType } from "../../mod.ts";
 * using ctx = new Context();
 * const t = AMDGPUTDMGatherBaseType.get(IntegerType.get(ctx, 32), IntegerType.get(ctx, 16));
 * console.log(t.toString()); // !amdgpu.tdm_gather_base<i32, i16>
 * ```
 */
export class AMDGPUTDMGatherBaseType extends Type {
  /** The gather base for `element`s indexed by `index` (i16 or i32, as MLIR's verifier requires). */
  static get(element: Type, index: IntegerType): AMDGPUTDMGatherBaseType {
    const el = typeArg(element, null, "AMDGPUTDMGatherBaseType.get's element type");
    const state = element._state;
    const ix = typeArg(index, state, "AMDGPUTDMGatherBaseType.get's index type");
    if (!(index instanceof IntegerType) || index.signedness !== "signless" || (index.width !== 16 && index.width !== 32)) {
      throw new ArgumentError({ argument: "AMDGPUTDMGatherBaseType.get's index type", expected: "i16 or i32", got: String(index) });
    }
    return new AMDGPUTDMGatherBaseType(state, lib.mlirffi_amdgpu_tdm_type(state.store, 2, el, ix));
  }
}

/**
 * `!amdgpu.tdm_descriptor`: the descriptor groups of a tensor load or store.
 *
 * @example
 * ```ts
 * import { AMDGPUTDMDescriptorType, Context } from "../../mod.ts";
 * using ctx = new Context();
 * console.log(AMDGPUTDMDescriptorType.get(ctx).toString()); // !amdgpu.tdm_descriptor
 * ```
 */
export class AMDGPUTDMDescriptorType extends Type {
  /** The descriptor type of `ctx`. */
  static get(ctx: Context): AMDGPUTDMDescriptorType {
    const state = contextArg(ctx, "AMDGPUTDMDescriptorType.get's context");
    return new AMDGPUTDMDescriptorType(state, lib.mlirffi_amdgpu_tdm_type(state.store, 1, 0, 0));
  }
}
