/* Types and attributes of upstream dialects with C API support (the
 * headers in mlir-c/Dialect): llvm, gpu, quant, transform, nvgpu, amdgpu, sparse_tensor
 * (pdl, emitc and complex are in dialect_types_more.c; their kinds are here).
 *
 * The C constructors of these call MLIR's unchecked `get`, whose verifier
 * is an assert (off in release builds), so the JS side checks every rule
 * first; where a rule is MLIR's own and easy to get wrong (LLVM element
 * types), the checks here ask MLIR through a `*GetChecked` form or compare
 * TypeIDs. Every constructor loads its dialect first: contexts register all
 * dialects but load them lazily, and making a type of an unloaded dialect is
 * a fatal error. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <mlir-c/Dialect/AMDGPU.h>
#include <mlir-c/Dialect/Complex.h>
#include <mlir-c/Dialect/GPU.h>
#include <mlir-c/Dialect/LLVM.h>
#include <mlir-c/Dialect/NVGPU.h>
#include <mlir-c/Dialect/PDL.h>
#include <mlir-c/Dialect/Quant.h>
#include <mlir-c/Dialect/SparseTensor.h>
#include <mlir-c/Dialect/Transform.h>

#include "shim.h"

/* Kinds reported to the JS side (src/ir/dialect/wrap.ts has the same order). */
enum {
  DT_OTHER = 0,
  DT_LLVM_POINTER,
  DT_LLVM_STRUCT,
  DT_LLVM_ARRAY,
  DT_LLVM_FUNCTION,
  DT_LLVM_VOID,
  DT_GPU_ASYNC_TOKEN,
  DT_QUANT_ANY,
  DT_QUANT_UNIFORM,
  DT_QUANT_PER_AXIS,
  DT_QUANT_SUB_CHANNEL,
  DT_QUANT_CALIBRATED,
  DT_TRANSFORM_ANY_OP,
  DT_TRANSFORM_ANY_PARAM,
  DT_TRANSFORM_ANY_VALUE,
  DT_TRANSFORM_OPERATION,
  DT_TRANSFORM_PARAM,
  DT_NVGPU_TENSOR_MAP_DESCRIPTOR,
  DT_AMDGPU_TDM_BASE,
  DT_AMDGPU_TDM_DESCRIPTOR,
  DT_AMDGPU_TDM_GATHER_BASE,
  DT_PDL_ATTRIBUTE,
  DT_PDL_OPERATION,
  DT_PDL_TYPE,
  DT_PDL_VALUE,
  DT_PDL_RANGE,
  DT_EMITC_ARRAY,
  DT_EMITC_LVALUE,
  DT_EMITC_OPAQUE,
  DT_EMITC_POINTER,
  DT_EMITC_PTRDIFF_T,
  DT_EMITC_SIGNED_SIZE_T,
  DT_EMITC_SIZE_T,
};

enum {
  DA_OTHER = 0,
  DA_SPARSE_TENSOR_ENCODING,
  DA_GPU_OBJECT,
  DA_EMITC_OPAQUE,
  DA_COMPLEX_NUMBER,
};

static bool load(MlirContext c, const char *ns) {
  return !mlirDialectIsNull(mlirContextGetOrLoadDialect(c, mlirStringRefCreateFromCString(ns)));
}

static bool in_dialect(MlirType t, const char *ns) {
  MlirStringRef n = mlirDialectGetNamespace(mlirTypeGetDialect(t));
  return n.length == strlen(ns) && memcmp(n.data, ns, n.length) == 0;
}

static bool same_type_id(MlirType t, MlirType sample) {
  return mlirTypeIDEqual(mlirTypeGetTypeID(t), mlirTypeGetTypeID(sample));
}

/* LLVM types without an isa function in the C API, told apart by comparing
 * TypeIDs with a sample of the kind (uniqued, so no new storage after the
 * first call). */
static MlirType llvm_void(MlirContext c) { return mlirLLVMVoidTypeGet(c); }
static MlirType llvm_function_sample(MlirContext c) { return mlirLLVMFunctionTypeGet(llvm_void(c), 0, NULL, false); }
static MlirType llvm_array_sample(MlirContext c) { return mlirLLVMArrayTypeGet(mlirIntegerTypeGet(c, 8), 1); }
static MlirType parse_sample(MlirContext c, const char *text) {
  return mlirTypeParseGet(c, mlirStringRefCreateFromCString(text));
}

MLIRFFI_EXPORT int32_t mlirffi_dialect_type_kind(H type) {
  MlirType t = AS_TYPE(type);
  MlirContext c = mlirTypeGetContext(t);
  if (in_dialect(t, "llvm")) {
    if (mlirTypeIsALLVMPointerType(t)) return DT_LLVM_POINTER;
    if (mlirTypeIsALLVMStructType(t)) return DT_LLVM_STRUCT;
    if (same_type_id(t, llvm_array_sample(c))) return DT_LLVM_ARRAY;
    if (same_type_id(t, llvm_function_sample(c))) return DT_LLVM_FUNCTION;
    if (same_type_id(t, llvm_void(c))) return DT_LLVM_VOID;
    return DT_OTHER;
  }
  if (in_dialect(t, "gpu")) return mlirTypeIsAGPUAsyncTokenType(t) ? DT_GPU_ASYNC_TOKEN : DT_OTHER;
  if (in_dialect(t, "quant")) {
    if (mlirTypeIsAAnyQuantizedType(t)) return DT_QUANT_ANY;
    if (mlirTypeIsAUniformQuantizedType(t)) return DT_QUANT_UNIFORM;
    if (mlirTypeIsAUniformQuantizedPerAxisType(t)) return DT_QUANT_PER_AXIS;
    if (mlirTypeIsAUniformQuantizedSubChannelType(t)) return DT_QUANT_SUB_CHANNEL;
    if (mlirTypeIsACalibratedQuantizedType(t)) return DT_QUANT_CALIBRATED;
    return DT_OTHER;
  }
  if (in_dialect(t, "transform")) {
    if (mlirTypeIsATransformAnyOpType(t)) return DT_TRANSFORM_ANY_OP;
    if (mlirTypeIsATransformAnyParamType(t)) return DT_TRANSFORM_ANY_PARAM;
    if (mlirTypeIsATransformAnyValueType(t)) return DT_TRANSFORM_ANY_VALUE;
    if (mlirTypeIsATransformOperationType(t)) return DT_TRANSFORM_OPERATION;
    if (mlirTypeIsATransformParamType(t)) return DT_TRANSFORM_PARAM;
    return DT_OTHER;
  }
  if (in_dialect(t, "nvgpu")) return mlirTypeIsANVGPUTensorMapDescriptorType(t) ? DT_NVGPU_TENSOR_MAP_DESCRIPTOR : DT_OTHER;
  if (in_dialect(t, "amdgpu")) {
    if (mlirTypeIsAAMDGPUTDMBaseType(t)) return DT_AMDGPU_TDM_BASE;
    if (mlirTypeIsAAMDGPUTDMDescriptorType(t)) return DT_AMDGPU_TDM_DESCRIPTOR;
    if (mlirTypeIsAAMDGPUTDMGatherBaseType(t)) return DT_AMDGPU_TDM_GATHER_BASE;
    return DT_OTHER;
  }
  if (in_dialect(t, "pdl")) {
    if (mlirTypeIsAPDLAttributeType(t)) return DT_PDL_ATTRIBUTE;
    if (mlirTypeIsAPDLOperationType(t)) return DT_PDL_OPERATION;
    if (mlirTypeIsAPDLTypeType(t)) return DT_PDL_TYPE;
    if (mlirTypeIsAPDLValueType(t)) return DT_PDL_VALUE;
    if (mlirTypeIsAPDLRangeType(t)) return DT_PDL_RANGE;
    return DT_OTHER;
  }
  if (in_dialect(t, "emitc")) {
    /* Asked in dialect_types_more.c, which has EmitC.h's declarations. */
    int32_t k = emitc_type_kind(t);
    return k == 0 ? DT_OTHER : DT_EMITC_ARRAY + k - 1;
  }
  return DT_OTHER;
}

MLIRFFI_EXPORT int32_t mlirffi_dialect_attr_kind(H attr) {
  MlirAttribute a = AS_ATTR(attr);
  if (mlirAttributeIsASparseTensorEncodingAttr(a)) return DA_SPARSE_TENSOR_ENCODING;
  if (mlirAttributeIsAGPUObjectAttr(a)) return DA_GPU_OBJECT;
  if (emitc_attr_is_opaque(a)) return DA_EMITC_OPAQUE;
  if (mlirAttributeIsAComplex(a)) return DA_COMPLEX_NUMBER;
  return DA_OTHER;
}

static MlirType *types_of(const double *handles, int32_t n) {
  MlirType *out = malloc(sizeof *out * (n > 0 ? (size_t)n : 1));
  if (!out) abort();
  for (int32_t i = 0; i < n; i++) out[i] = AS_TYPE(handles[i]);
  return out;
}

/* ---- llvm ---- */

MLIRFFI_EXPORT H mlirffi_llvm_pointer_type(H ctx, double address_space) {
  MlirContext c = ffi_ctx_raw(hp(ctx));
  if (!load(c, "llvm")) return 0;
  return ph(mlirLLVMPointerTypeGet(c, (unsigned)address_space).ptr);
}
MLIRFFI_EXPORT double mlirffi_llvm_pointer_address_space(H t) {
  return (double)mlirLLVMPointerTypeGetAddressSpace(AS_TYPE(t));
}
MLIRFFI_EXPORT H mlirffi_llvm_void_type(H ctx) {
  MlirContext c = ffi_ctx_raw(hp(ctx));
  if (!load(c, "llvm")) return 0;
  return ph(llvm_void(c).ptr);
}

/* Whether `t` may be a struct field or array element: MLIR's own answer,
 * from the checked literal-struct constructor (the two rules are the same:
 * no void, label, metadata, token or function type). Emits MLIR's
 * diagnostic at `loc` when not. */
static bool valid_element(H loc, MlirType t) {
  return !mlirTypeIsNull(mlirLLVMStructTypeLiteralGetChecked(AS_LOC(loc), 1, &t, false));
}

static bool valid_elements(H loc, const double *elements, int32_t n) {
  for (int32_t i = 0; i < n; i++)
    if (!valid_element(loc, AS_TYPE(elements[i]))) return false;
  return true;
}

MLIRFFI_EXPORT H mlirffi_llvm_array_type(H loc, H element, double count) {
  MlirType el = AS_TYPE(element);
  if (!load(mlirTypeGetContext(el), "llvm") || !valid_element(loc, el)) return 0;
  return ph(mlirLLVMArrayTypeGet(el, (unsigned)count).ptr);
}
MLIRFFI_EXPORT H mlirffi_llvm_array_element(H t) { return ph(mlirLLVMArrayTypeGetElementType(AS_TYPE(t)).ptr); }

/* 0 ok; 1 + i: argument i may not be an argument (void or a function);
 * -1: the result may not be a result (a function, label or metadata). */
MLIRFFI_EXPORT int32_t mlirffi_llvm_function_check(H result, const double *args, int32_t n) {
  MlirType r = AS_TYPE(result);
  MlirContext c = mlirTypeGetContext(r);
  if (!load(c, "llvm")) return -2;
  MlirType fn = llvm_function_sample(c), v = llvm_void(c);
  if (same_type_id(r, fn) || same_type_id(r, parse_sample(c, "!llvm.label")) ||
      same_type_id(r, parse_sample(c, "!llvm.metadata")))
    return -1;
  for (int32_t i = 0; i < n; i++) {
    MlirType a = AS_TYPE(args[i]);
    if (same_type_id(a, fn) || same_type_id(a, v)) return 1 + i;
  }
  return 0;
}
MLIRFFI_EXPORT H mlirffi_llvm_function_type(H result, const double *args, int32_t n, bool var_arg) {
  MlirType *types = types_of(args, n);
  MlirType t = mlirLLVMFunctionTypeGet(AS_TYPE(result), n, types, var_arg);
  free(types);
  return ph(t.ptr);
}
MLIRFFI_EXPORT int32_t mlirffi_llvm_function_num_inputs(H t) {
  return (int32_t)mlirLLVMFunctionTypeGetNumInputs(AS_TYPE(t));
}
MLIRFFI_EXPORT H mlirffi_llvm_function_input(H t, int32_t i) { return ph(mlirLLVMFunctionTypeGetInput(AS_TYPE(t), i).ptr); }
MLIRFFI_EXPORT H mlirffi_llvm_function_return(H t) { return ph(mlirLLVMFunctionTypeGetReturnType(AS_TYPE(t)).ptr); }

MLIRFFI_EXPORT H mlirffi_llvm_struct_literal(H loc, const double *elements, int32_t n, bool packed) {
  if (!load(mlirLocationGetContext(AS_LOC(loc)), "llvm")) return 0;
  MlirType *types = types_of(elements, n);
  MlirType t = mlirLLVMStructTypeLiteralGetChecked(AS_LOC(loc), n, types, packed);
  free(types);
  return ph(t.ptr);
}

/* kind: 0 identified (existing or new, no body), 1 opaque. */
MLIRFFI_EXPORT H mlirffi_llvm_struct_named(H ctx, const uint8_t *name, uint32_t len, int32_t kind) {
  MlirContext c = ffi_ctx_raw(hp(ctx));
  if (!load(c, "llvm")) return 0;
  MlirStringRef s = str_ref(name, len);
  return ph((kind == 1 ? mlirLLVMStructTypeOpaqueGet(c, s) : mlirLLVMStructTypeIdentifiedGet(c, s)).ptr);
}

MLIRFFI_EXPORT H mlirffi_llvm_struct_new_identified(H loc, const uint8_t *name, uint32_t len, const double *elements,
                                                    int32_t n, bool packed) {
  MlirContext c = mlirLocationGetContext(AS_LOC(loc));
  if (!load(c, "llvm") || !valid_elements(loc, elements, n)) return 0;
  MlirType *types = types_of(elements, n);
  MlirType t = mlirLLVMStructTypeIdentifiedNewGet(c, str_ref(name, len), n, types, packed);
  free(types);
  return ph(t.ptr);
}

/* 0 set (or already the same body); 1 a literal struct (MLIR asserts);
 * 2 an invalid element (diagnostic at loc); 3 a different body is set or
 * the struct is opaque. */
MLIRFFI_EXPORT int32_t mlirffi_llvm_struct_set_body(H loc, H t, const double *elements, int32_t n, bool packed) {
  MlirType st = AS_TYPE(t);
  if (mlirLLVMStructTypeIsLiteral(st)) return 1;
  if (!valid_elements(loc, elements, n)) return 2;
  MlirType *types = types_of(elements, n);
  MlirLogicalResult r = mlirLLVMStructTypeSetBody(st, n, types, packed);
  free(types);
  return mlirLogicalResultIsSuccess(r) ? 0 : 3;
}

/* Bits: 1 literal, 2 packed, 4 opaque (or not yet given a body). */
MLIRFFI_EXPORT int32_t mlirffi_llvm_struct_flags(H t) {
  MlirType st = AS_TYPE(t);
  return (mlirLLVMStructTypeIsLiteral(st) ? 1 : 0) | (mlirLLVMStructTypeIsPacked(st) ? 2 : 0) |
         (mlirLLVMStructTypeIsOpaque(st) ? 4 : 0);
}
/* The body's size; -1 when it has none (MLIR asserts on asking). */
MLIRFFI_EXPORT int32_t mlirffi_llvm_struct_num_elements(H t) {
  MlirType st = AS_TYPE(t);
  if (mlirLLVMStructTypeIsOpaque(st)) return -1;
  return (int32_t)mlirLLVMStructTypeGetNumElementTypes(st);
}
MLIRFFI_EXPORT H mlirffi_llvm_struct_element(H t, int32_t i) {
  return ph(mlirLLVMStructTypeGetElementType(AS_TYPE(t), i).ptr);
}
MLIRFFI_EXPORT double mlirffi_llvm_struct_name(H t, uint8_t *dst, uint32_t cap) {
  MlirStringRef s = mlirLLVMStructTypeGetIdentifier(AS_TYPE(t));
  out_string_callback(s, out_begin());
  return out_deliver(dst, cap);
}

/* ---- gpu ---- */

MLIRFFI_EXPORT H mlirffi_gpu_async_token_type(H ctx) {
  MlirContext c = ffi_ctx_raw(hp(ctx));
  if (!load(c, "gpu")) return 0;
  return ph(mlirGPUAsyncTokenTypeGet(c).ptr);
}

MLIRFFI_EXPORT H mlirffi_gpu_object_attr(H ctx, H target, int32_t format, const uint8_t *object, uint32_t len, H props,
                                         H kernels) {
  MlirContext c = ffi_ctx_raw(hp(ctx));
  if (!load(c, "gpu")) return 0;
  MlirStringRef s = str_ref(object, len);
  if (kernels) return ph(mlirGPUObjectAttrGetWithKernels(c, AS_ATTR(target), (uint32_t)format, s, AS_ATTR(props), AS_ATTR(kernels)).ptr);
  return ph(mlirGPUObjectAttrGet(c, AS_ATTR(target), (uint32_t)format, s, AS_ATTR(props)).ptr);
}
MLIRFFI_EXPORT H mlirffi_gpu_object_attr_target(H a) { return ph(mlirGPUObjectAttrGetTarget(AS_ATTR(a)).ptr); }
MLIRFFI_EXPORT int32_t mlirffi_gpu_object_attr_format(H a) { return (int32_t)mlirGPUObjectAttrGetFormat(AS_ATTR(a)); }
MLIRFFI_EXPORT double mlirffi_gpu_object_attr_object(H a, uint8_t *dst, uint32_t cap) {
  out_string_callback(mlirGPUObjectAttrGetObject(AS_ATTR(a)), out_begin());
  return out_deliver(dst, cap);
}
MLIRFFI_EXPORT H mlirffi_gpu_object_attr_properties(H a) {
  MlirAttribute attr = AS_ATTR(a);
  return mlirGPUObjectAttrHasProperties(attr) ? ph(mlirGPUObjectAttrGetProperties(attr).ptr) : 0;
}
MLIRFFI_EXPORT H mlirffi_gpu_object_attr_kernels(H a) {
  MlirAttribute attr = AS_ATTR(a);
  return mlirGPUObjectAttrHasKernels(attr) ? ph(mlirGPUObjectAttrGetKernels(attr).ptr) : 0;
}

/* ---- quant: the JS side checks MLIR's verifier rules first ---- */

static bool load_for(MlirType t, const char *ns) { return load(mlirTypeGetContext(t), ns); }

MLIRFFI_EXPORT H mlirffi_quant_any_type(bool is_signed, H storage, H expressed, double min, double max) {
  MlirType st = AS_TYPE(storage);
  if (!load_for(st, "quant")) return 0;
  unsigned flags = is_signed ? mlirQuantizedTypeGetSignedFlag() : 0;
  return ph(mlirAnyQuantizedTypeGet(flags, st, AS_TYPE(expressed), (int64_t)min, (int64_t)max).ptr);
}
MLIRFFI_EXPORT H mlirffi_quant_uniform_type(bool is_signed, H storage, H expressed, double scale, double zero_point,
                                            double min, double max) {
  MlirType st = AS_TYPE(storage);
  if (!load_for(st, "quant")) return 0;
  unsigned flags = is_signed ? mlirQuantizedTypeGetSignedFlag() : 0;
  return ph(mlirUniformQuantizedTypeGet(flags, st, AS_TYPE(expressed), scale, (int64_t)zero_point, (int64_t)min,
                                        (int64_t)max)
                .ptr);
}
MLIRFFI_EXPORT H mlirffi_quant_per_axis_type(bool is_signed, H storage, H expressed, const double *scales,
                                             const double *zero_points, int32_t n, int32_t dim, double min,
                                             double max) {
  MlirType st = AS_TYPE(storage);
  if (!load_for(st, "quant")) return 0;
  unsigned flags = is_signed ? mlirQuantizedTypeGetSignedFlag() : 0;
  double *s = malloc(sizeof *s * (n > 0 ? (size_t)n : 1));
  int64_t *z = malloc(sizeof *z * (n > 0 ? (size_t)n : 1));
  if (!s || !z) abort();
  for (int32_t i = 0; i < n; i++) {
    s[i] = scales[i];
    z[i] = (int64_t)zero_points[i];
  }
  MlirType t = mlirUniformQuantizedPerAxisTypeGet(flags, st, AS_TYPE(expressed), n, s, z, dim, (int64_t)min, (int64_t)max);
  free(s);
  free(z);
  return ph(t.ptr);
}
MLIRFFI_EXPORT H mlirffi_quant_calibrated_type(H expressed, double min, double max) {
  MlirType e = AS_TYPE(expressed);
  if (!load_for(e, "quant")) return 0;
  return ph(mlirCalibratedQuantizedTypeGet(e, min, max).ptr);
}

/* Common queries of every quantized type but the calibrated one, into out[]:
 * signed, storage type, expressed type (0 for none), storage min, max, width. */
MLIRFFI_EXPORT void mlirffi_quant_info(H type, double *out) {
  MlirType t = AS_TYPE(type);
  if (mlirTypeIsACalibratedQuantizedType(t)) {
    /* No storage type: asking for its width would dereference null. */
    out[0] = out[1] = out[3] = out[4] = out[5] = 0;
    out[2] = ph(mlirQuantizedTypeGetExpressedType(t).ptr);
    return;
  }
  out[0] = mlirQuantizedTypeIsSigned(t);
  out[1] = ph(mlirQuantizedTypeGetStorageType(t).ptr);
  out[2] = ph(mlirQuantizedTypeGetExpressedType(t).ptr);
  out[3] = (double)mlirQuantizedTypeGetStorageTypeMin(t);
  out[4] = (double)mlirQuantizedTypeGetStorageTypeMax(t);
  out[5] = (double)mlirQuantizedTypeGetStorageTypeIntegralWidth(t);
}
MLIRFFI_EXPORT double mlirffi_quant_default_bound(bool is_signed, int32_t width, bool max) {
  return (double)(max ? mlirQuantizedTypeGetDefaultMaximumForInteger(is_signed, (unsigned)width)
                      : mlirQuantizedTypeGetDefaultMinimumForInteger(is_signed, (unsigned)width));
}
/* op: 0 castFromStorageType, 1 castFromExpressedType, 2 castExpressedToStorageType,
 * 3 isCompatibleExpressedType (1 or 0 as a handle-sized number). */
MLIRFFI_EXPORT H mlirffi_quant_cast(H type, H candidate, int32_t op) {
  MlirType t = AS_TYPE(type), c = AS_TYPE(candidate);
  switch (op) {
    case 0: return ph(mlirQuantizedTypeCastFromStorageType(t, c).ptr);
    case 1: return ph(mlirQuantizedTypeCastFromExpressedType(t, c).ptr);
    case 2: return ph(mlirQuantizedTypeCastExpressedToStorageType(t, c).ptr);
    default: return mlirQuantizedTypeIsCompatibleExpressedType(t, c) ? 1 : 0;
  }
}
/* op: 0 castToStorageType, 1 castToExpressedType, 2 getQuantizedElementType
 * (null when `type` is not quantized or a shaped type of one). */
MLIRFFI_EXPORT H mlirffi_quant_cast_self(H type, int32_t op) {
  MlirType t = AS_TYPE(type);
  if (op == 2) return ph(mlirQuantizedTypeGetQuantizedElementType(t).ptr);
  if (op == 1) return ph(mlirQuantizedTypeCastToExpressedType(t).ptr);
  return ph(mlirQuantizedTypeCastToStorageType(t).ptr);
}
MLIRFFI_EXPORT double mlirffi_quant_uniform_scale(H t) { return mlirUniformQuantizedTypeGetScale(AS_TYPE(t)); }
MLIRFFI_EXPORT double mlirffi_quant_uniform_zero_point(H t) {
  return (double)mlirUniformQuantizedTypeGetZeroPoint(AS_TYPE(t));
}
MLIRFFI_EXPORT bool mlirffi_quant_is_fixed_point(H t) {
  MlirType type = AS_TYPE(t);
  return mlirTypeIsAUniformQuantizedType(type) ? mlirUniformQuantizedTypeIsFixedPoint(type)
                                               : mlirUniformQuantizedPerAxisTypeIsFixedPoint(type);
}
/* Per-axis scales and zero points into out[0..n) and out[n..2n); returns n. */
MLIRFFI_EXPORT int32_t mlirffi_quant_per_axis_info(H t, double *out, int32_t cap) {
  MlirType type = AS_TYPE(t);
  int32_t n = (int32_t)mlirUniformQuantizedPerAxisTypeGetNumDims(type);
  if (2 * n <= cap) {
    for (int32_t i = 0; i < n; i++) {
      out[i] = mlirUniformQuantizedPerAxisTypeGetScale(type, i);
      out[n + i] = (double)mlirUniformQuantizedPerAxisTypeGetZeroPoint(type, i);
    }
  }
  return n;
}
MLIRFFI_EXPORT int32_t mlirffi_quant_per_axis_dimension(H t) {
  return mlirUniformQuantizedPerAxisTypeGetQuantizedDimension(AS_TYPE(t));
}
/* Sub-channel block sizes and their dimensions into out[0..n) and out[n..2n). */
MLIRFFI_EXPORT int32_t mlirffi_quant_sub_channel_info(H t, double *out, int32_t cap) {
  MlirType type = AS_TYPE(t);
  int32_t n = (int32_t)mlirUniformQuantizedSubChannelTypeGetNumBlockSizes(type);
  if (2 * n <= cap) {
    for (int32_t i = 0; i < n; i++) {
      out[i] = (double)mlirUniformQuantizedSubChannelTypeGetQuantizedDimension(type, i);
      out[n + i] = (double)mlirUniformQuantizedSubChannelTypeGetBlockSize(type, i);
    }
  }
  return n;
}
MLIRFFI_EXPORT H mlirffi_quant_sub_channel_attr(H t, bool zero_points) {
  MlirType type = AS_TYPE(t);
  return ph((zero_points ? mlirUniformQuantizedSubChannelTypeGetZeroPoints(type)
                         : mlirUniformQuantizedSubChannelTypeGetScales(type))
                .ptr);
}
MLIRFFI_EXPORT double mlirffi_quant_calibrated_bound(H t, bool max) {
  MlirType type = AS_TYPE(t);
  return max ? mlirCalibratedQuantizedTypeGetMax(type) : mlirCalibratedQuantizedTypeGetMin(type);
}

/* ---- transform ---- */

/* kind: 0 any_op, 1 any_param, 2 any_value. */
MLIRFFI_EXPORT H mlirffi_transform_simple_type(H ctx, int32_t kind) {
  MlirContext c = ffi_ctx_raw(hp(ctx));
  if (!load(c, "transform")) return 0;
  if (kind == 1) return ph(mlirTransformAnyParamTypeGet(c).ptr);
  if (kind == 2) return ph(mlirTransformAnyValueTypeGet(c).ptr);
  return ph(mlirTransformAnyOpTypeGet(c).ptr);
}
MLIRFFI_EXPORT H mlirffi_transform_operation_type(H ctx, const uint8_t *name, uint32_t len) {
  MlirContext c = ffi_ctx_raw(hp(ctx));
  if (!load(c, "transform")) return 0;
  return ph(mlirTransformOperationTypeGet(c, str_ref(name, len)).ptr);
}
MLIRFFI_EXPORT double mlirffi_transform_operation_type_name(H t, uint8_t *dst, uint32_t cap) {
  out_string_callback(mlirTransformOperationTypeGetOperationName(AS_TYPE(t)), out_begin());
  return out_deliver(dst, cap);
}
MLIRFFI_EXPORT H mlirffi_transform_param_type(H ctx, H type) {
  MlirContext c = ffi_ctx_raw(hp(ctx));
  if (!load(c, "transform")) return 0;
  return ph(mlirTransformParamTypeGet(c, AS_TYPE(type)).ptr);
}
MLIRFFI_EXPORT H mlirffi_transform_param_type_type(H t) { return ph(mlirTransformParamTypeGetType(AS_TYPE(t)).ptr); }

/* ---- nvgpu, amdgpu ---- */

MLIRFFI_EXPORT H mlirffi_nvgpu_tensor_map_descriptor_type(H ctx, H memref, int32_t swizzle, int32_t l2promo,
                                                          int32_t oob, int32_t interleave) {
  MlirContext c = ffi_ctx_raw(hp(ctx));
  if (!load(c, "nvgpu")) return 0;
  return ph(mlirNVGPUTensorMapDescriptorTypeGet(c, AS_TYPE(memref), swizzle, l2promo, oob, interleave).ptr);
}

/* kind: 0 tdm_base<element>, 1 tdm_descriptor, 2 tdm_gather_base<element, index>. */
MLIRFFI_EXPORT H mlirffi_amdgpu_tdm_type(H ctx, int32_t kind, H element, H index) {
  MlirContext c = ffi_ctx_raw(hp(ctx));
  if (!load(c, "amdgpu")) return 0;
  if (kind == 1) return ph(mlirAMDGPUTDMDescriptorTypeGet(c).ptr);
  if (kind == 2) return ph(mlirAMDGPUTDMGatherBaseTypeGet(c, AS_TYPE(element), AS_TYPE(index)).ptr);
  return ph(mlirAMDGPUTDMBaseTypeGet(c, AS_TYPE(element)).ptr);
}

/* ---- sparse_tensor encoding ---- */

/* Level types cross as doubles: MLIR's 64-bit encoding stays below 2^48
 * (src/ir/dialect/sparse_tensor.ts builds and checks them). */
MLIRFFI_EXPORT H mlirffi_sparse_encoding(H ctx, const double *levels, int32_t rank, H dim_to_lvl, H lvl_to_dim,
                                         int32_t pos_width, int32_t crd_width, H explicit_val, H implicit_val) {
  MlirContext c = ffi_ctx_raw(hp(ctx));
  if (!load(c, "sparse_tensor")) return 0;
  MlirSparseTensorLevelType *l = malloc(sizeof *l * (rank > 0 ? (size_t)rank : 1));
  if (!l) abort();
  for (int32_t i = 0; i < rank; i++) l[i] = (MlirSparseTensorLevelType)levels[i];
  MlirAttribute a = mlirSparseTensorEncodingAttrGet(c, rank, l, (MlirAffineMap){hp(dim_to_lvl)},
                                                    (MlirAffineMap){hp(lvl_to_dim)}, pos_width, crd_width,
                                                    AS_ATTR(explicit_val), AS_ATTR(implicit_val));
  free(l);
  return ph(a.ptr);
}
MLIRFFI_EXPORT int32_t mlirffi_sparse_encoding_rank(H a) { return (int32_t)mlirSparseTensorEncodingGetLvlRank(AS_ATTR(a)); }
MLIRFFI_EXPORT double mlirffi_sparse_encoding_level(H a, int32_t i) {
  return (double)mlirSparseTensorEncodingAttrGetLvlType(AS_ATTR(a), i);
}
/* what: 0 dimToLvl, 1 lvlToDim (affine maps); 2 explicitVal, 3 implicitVal (attributes). */
MLIRFFI_EXPORT H mlirffi_sparse_encoding_part(H a, int32_t what) {
  MlirAttribute attr = AS_ATTR(a);
  switch (what) {
    case 0: return ph(mlirSparseTensorEncodingAttrGetDimToLvl(attr).ptr);
    case 1: return ph(mlirSparseTensorEncodingAttrGetLvlToDim(attr).ptr);
    case 2: return ph(mlirSparseTensorEncodingAttrGetExplicitVal(attr).ptr);
    default: return ph(mlirSparseTensorEncodingAttrGetImplicitVal(attr).ptr);
  }
}
MLIRFFI_EXPORT int32_t mlirffi_sparse_encoding_width(H a, bool crd) {
  MlirAttribute attr = AS_ATTR(a);
  return crd ? mlirSparseTensorEncodingAttrGetCrdWidth(attr) : mlirSparseTensorEncodingAttrGetPosWidth(attr);
}
