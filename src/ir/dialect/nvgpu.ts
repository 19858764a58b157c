/**
 * The `nvgpu` dialect's TMA descriptor type, as
 * `mlir.dialects.nvgpu.TensorMapDescriptorType` has it in Python, with the
 * enum cases named as the text form writes them.
 *
 * @module
 */
import { argumentError, optionsArg } from "../../base/args.ts";
import { lib } from "../../ffi/load.ts";
import { Type, typeArg } from "../type.ts";
import { MemRefType } from "../types/shaped.ts";

/** How the tile is swizzled in shared memory. */
export type NVGPUTensorMapSwizzle = "none" | "swizzle_32b" | "swizzle_64b" | "swizzle_128b";
/** How far loads are promoted into L2. */
export type NVGPUTensorMapL2Promo = "none" | "l2promo_64b" | "l2promo_128b" | "l2promo_256b";
/** What out-of-bounds elements read as. */
export type NVGPUTensorMapOOB = "zero" | "nan";
/** The interleave layout. */
export type NVGPUTensorMapInterleave = "none" | "interleave_16b" | "interleave_32b";

// The NVGPU.td enum cases, in their numeric order.
const SWIZZLE: readonly NVGPUTensorMapSwizzle[] = ["none", "swizzle_32b", "swizzle_64b", "swizzle_128b"];
const L2PROMO: readonly NVGPUTensorMapL2Promo[] = ["none", "l2promo_64b", "l2promo_128b", "l2promo_256b"];
const OOB: readonly NVGPUTensorMapOOB[] = ["zero", "nan"];
const INTERLEAVE: readonly NVGPUTensorMapInterleave[] = ["none", "interleave_16b", "interleave_32b"];

/** The descriptor's modes (each defaults to the first case: `none`, or `zero` for `oob`). */
export interface NVGPUTensorMapOptions {
  /** Swizzling. */
  readonly swizzle?: NVGPUTensorMapSwizzle;
  /** L2 promotion. */
  readonly l2promo?: NVGPUTensorMapL2Promo;
  /** Out-of-bounds fill. */
  readonly oob?: NVGPUTensorMapOOB;
  /** Interleaving. */
  readonly interleave?: NVGPUTensorMapInterleave;
}

function caseArg<T extends string>(cases: readonly T[], v: unknown, what: string): number {
  if (v === undefined) return 0;
  const i = cases.indexOf(v as T);
  if (i < 0) throw argumentError(what, `one of ${cases.join(", ")}`, v);
  return i;
}

/**
 * `!nvgpu.tensormap.descriptor<tensor = memref<...>, swizzle = ..., ...>`:
 * a TMA descriptor for copies of a memref tile.
 *
 * @example
 * ```ts
 * import { Context, FloatType, MemRefType, NVGPUTensorMapDescriptorType } from "../../mod.ts";
 * using ctx = new Context();
 * const tile = MemRefType.get([128], FloatType.get(ctx, "f16"));
 * const d = NVGPUTensorMapDescriptorType.get(tile, { swizzle: "swizzle_128b" });
 * console.log(d.toString().includes("swizzle = swizzle_128b")); // true
 * ```
 */
export class NVGPUTensorMapDescriptorType extends Type {
  /** The descriptor of `tensor` (a memref type) with the given modes. */
  static get(tensor: MemRefType, options?: NVGPUTensorMapOptions): NVGPUTensorMapDescriptorType {
    const ptr = typeArg(tensor, null, "NVGPUTensorMapDescriptorType.get's tensor");
    // MLIR casts it to a memref type unchecked.
    if (!(tensor instanceof MemRefType)) throw argumentError("NVGPUTensorMapDescriptorType.get's tensor", "a MemRefType", tensor);
    const o = optionsArg(options, "NVGPUTensorMapDescriptorType.get's options");
    const what = "NVGPUTensorMapDescriptorType.get's options";
    const s = caseArg(SWIZZLE, o.swizzle, `${what}.swizzle`);
    const l = caseArg(L2PROMO, o.l2promo, `${what}.l2promo`);
    const b = caseArg(OOB, o.oob, `${what}.oob`);
    const i = caseArg(INTERLEAVE, o.interleave, `${what}.interleave`);
    const state = tensor._state;
    return new NVGPUTensorMapDescriptorType(state, lib.mlirffi_nvgpu_tensor_map_descriptor_type(state.store, ptr, s, l, b, i));
  }
}
