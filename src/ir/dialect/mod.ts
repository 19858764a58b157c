/**
 * Types and attributes of upstream dialects that have C API support
 * (`mlir-c/Dialect/*.h`): `llvm`, `gpu`, `quant`, `transform`, `nvgpu`,
 * `amdgpu`, `sparse_tensor`, `pdl`, `emitc` and `complex`, one file per dialect, and the table
 * (`wrap.ts`) through which the builtin wrappers give a type or attribute
 * read from the IR its dialect class. Names carry the dialect as a prefix
 * where upstream's Python name alone would be ambiguous in one flat
 * namespace (`LLVMPointerType` for `llvm.PointerType`); the quant types keep
 * their own names, which already say what they are.
 *
 * May import: what `src/ir/` may, and `src/ir/` itself (the Type and
 * Attribute bases, builtin types and attributes, affine maps).
 *
 * @module
 */
export { LLVMArrayType, LLVMFunctionType, LLVMPointerType, type LLVMStructOptions, LLVMStructType, LLVMVoidType } from "./llvm.ts";
export { GPUAsyncTokenType, GPUObjectAttr, type GPUObjectFormat, type GPUObjectOptions } from "./gpu.ts";
export {
  AnyQuantizedType,
  CalibratedQuantizedType,
  MAX_QUANT_STORAGE_BITS,
  type QuantStorageOptions,
  QuantizedType,
  UniformQuantizedPerAxisType,
  UniformQuantizedSubChannelType,
  UniformQuantizedType,
} from "./quant.ts";
export {
  TransformAnyOpType,
  TransformAnyParamType,
  TransformAnyValueType,
  TransformOperationType,
  TransformParamType,
} from "./transform.ts";
export {
  type NVGPUTensorMapInterleave,
  type NVGPUTensorMapL2Promo,
  type NVGPUTensorMapOOB,
  type NVGPUTensorMapOptions,
  type NVGPUTensorMapSwizzle,
  NVGPUTensorMapDescriptorType,
} from "./nvgpu.ts";
export { AMDGPUTDMBaseType, AMDGPUTDMDescriptorType, AMDGPUTDMGatherBaseType } from "./amdgpu.ts";
export {
  SparseTensorEncodingAttr,
  type SparseTensorEncodingOptions,
  type SparseTensorLevelFormat,
  type SparseTensorLevelProperty,
} from "./sparse_tensor.ts";
export { PDLAttributeType, PDLOperationType, PDLRangeType, type PDLRangeElementType, PDLTypeType, PDLValueType } from "./pdl.ts";
export {
  EmitCArrayType,
  EmitCLValueType,
  EmitCOpaqueAttr,
  EmitCOpaqueType,
  EmitCPointerType,
  EmitCPtrDiffTType,
  EmitCSignedSizeTType,
  EmitCSizeTType,
} from "./emitc.ts";
export { ComplexNumberAttr } from "./complex.ts";
