/**
 * The classes of dialect types and attributes, by the kind the shim reports
 * (native/src/dialect_types.c). The builtin tables (types/wrap.ts,
 * attributes/wrap.ts) ask here for what they do not know, so a value's type
 * read from the IR is an `LLVMPointerType`, a `UniformQuantizedType`, ...
 *
 * @module
 */
import { lib } from "../../ffi/load.ts";
import type { ContextState } from "../context_state.ts";
import type { Type } from "../type.ts";
import type { Attribute } from "../attribute.ts";
import { LLVMArrayType, LLVMFunctionType, LLVMPointerType, LLVMStructType, LLVMVoidType } from "./llvm.ts";
import { GPUAsyncTokenType, GPUObjectAttr } from "./gpu.ts";
import {
  AnyQuantizedType,
  CalibratedQuantizedType,
  UniformQuantizedPerAxisType,
  UniformQuantizedSubChannelType,
  UniformQuantizedType,
} from "./quant.ts";
import {
  TransformAnyOpType,
  TransformAnyParamType,
  TransformAnyValueType,
  TransformOperationType,
  TransformParamType,
} from "./transform.ts";
import { NVGPUTensorMapDescriptorType } from "./nvgpu.ts";
import { AMDGPUTDMBaseType, AMDGPUTDMDescriptorType, AMDGPUTDMGatherBaseType } from "./amdgpu.ts";
import { SparseTensorEncodingAttr } from "./sparse_tensor.ts";
import { PDLAttributeType, PDLOperationType, PDLRangeType, PDLTypeType, PDLValueType } from "./pdl.ts";
import {
  EmitCArrayType,
  EmitCLValueType,
  EmitCOpaqueAttr,
  EmitCOpaqueType,
  EmitCPointerType,
  EmitCPtrDiffTType,
  EmitCSignedSizeTType,
  EmitCSizeTType,
} from "./emitc.ts";
import { ComplexNumberAttr } from "./complex.ts";

type TypeClass = new (state: ContextState, ptr: number) => Type;
type AttributeClass = new (state: ContextState, ptr: number) => Attribute;

let types: (TypeClass | undefined)[] | undefined;
let attributes: (AttributeClass | undefined)[] | undefined;

/** The dialect type classes by the shim's kind (index 0: none). */
function typeTable(): (TypeClass | undefined)[] {
  // Built on first use, like the builtin tables: the classes may not exist
  // yet while this module is evaluated.
  return types ??= [
    undefined,
    LLVMPointerType,
    LLVMStructType,
    LLVMArrayType,
    LLVMFunctionType,
    LLVMVoidType,
    GPUAsyncTokenType,
    AnyQuantizedType,
    UniformQuantizedType,
    UniformQuantizedPerAxisType,
    UniformQuantizedSubChannelType,
    CalibratedQuantizedType,
    TransformAnyOpType,
    TransformAnyParamType,
    TransformAnyValueType,
    TransformOperationType,
    TransformParamType,
    NVGPUTensorMapDescriptorType,
    AMDGPUTDMBaseType,
    AMDGPUTDMDescriptorType,
    AMDGPUTDMGatherBaseType,
    PDLAttributeType,
    PDLOperationType,
    PDLTypeType,
    PDLValueType,
    PDLRangeType,
    EmitCArrayType,
    EmitCLValueType,
    EmitCOpaqueType,
    EmitCPointerType,
    EmitCPtrDiffTType,
    EmitCSignedSizeTType,
    EmitCSizeTType,
  ];
}

/** The dialect Type subclass for the type at `ptr`, or undefined for none. */
export function dialectTypeClass(ptr: number): TypeClass | undefined {
  return typeTable()[lib.mlirffi_dialect_type_kind(ptr)];
}

/** Every dialect type class (for the checked casts of src/ir/uniqued.ts). */
export function dialectTypeClasses(): TypeClass[] {
  return typeTable().filter((c): c is TypeClass => c !== undefined);
}

/** The dialect Attribute subclass for the attribute at `ptr`, or undefined for none. */
export function dialectAttributeClass(ptr: number): AttributeClass | undefined {
  return attributeTable()[lib.mlirffi_dialect_attr_kind(ptr)];
}

/** Every dialect attribute class (for the checked casts of src/ir/uniqued.ts). */
export function dialectAttributeClasses(): AttributeClass[] {
  return attributeTable().filter((c): c is AttributeClass => c !== undefined);
}

function attributeTable(): (AttributeClass | undefined)[] {
  return attributes ??= [
    undefined,
    SparseTensorEncodingAttr,
    GPUObjectAttr,
    EmitCOpaqueAttr,
    ComplexNumberAttr,
  ];
}
