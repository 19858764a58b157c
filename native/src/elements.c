/* Dense elements attributes to and from typed arrays, dense resources and
 * dense arrays. Element kinds cross as small integers (ELEMENT_*), matching
 * src/attributes/elements.ts. MLIR trusts raw buffers (a wrong size reads
 * past the end), so sizes are checked here as well as on the JS side. */
#include <stdlib.h>
#include <string.h>

#include "shim.h"

enum {
  ELEMENT_BOOL = 0, /* one byte per element, 0 or 1 */
  ELEMENT_I8,
  ELEMENT_U8,
  ELEMENT_I16,
  ELEMENT_U16,
  ELEMENT_I32,
  ELEMENT_U32,
  ELEMENT_I64,
  ELEMENT_U64,
  ELEMENT_F32,
  ELEMENT_F64,
  ELEMENT_F16, /* raw 16-bit patterns */
  ELEMENT_BF16,
};

static size_t element_bytes(int32_t kind) {
  switch (kind) {
    case ELEMENT_BOOL: case ELEMENT_I8: case ELEMENT_U8: return 1;
    case ELEMENT_I16: case ELEMENT_U16: case ELEMENT_F16: case ELEMENT_BF16: return 2;
    case ELEMENT_I32: case ELEMENT_U32: case ELEMENT_F32: return 4;
    default: return 8;
  }
}

/* The number of elements of a statically shaped type, or -1. */
static int64_t static_elements(MlirType t) {
  if (!mlirTypeIsAShaped(t) || !mlirShapedTypeHasRank(t) || !mlirShapedTypeHasStaticShape(t)) return -1;
  int64_t n = 1;
  for (intptr_t i = 0, r = mlirShapedTypeGetRank(t); i < r; i++) n *= mlirShapedTypeGetDimSize(t, i);
  return n;
}

/* A dense elements attribute of `type` from `count` elements of `kind` in
 * `data` (a single element makes a splat). Returns 0 when the sizes do not
 * match the type. */
MLIRFFI_EXPORT H mlirffi_dense_elements(H type, int32_t kind, const uint8_t *data, double count) {
  MlirType t = AS_TYPE(type);
  int64_t n = static_elements(t);
  if (n < 0 || (count != (double)n && count != 1)) return 0;
  intptr_t k = (intptr_t)count;
  if (kind == ELEMENT_BOOL) {
    int *flags = malloc(sizeof *flags * (k > 0 ? (size_t)k : 1));
    if (!flags) abort();
    for (intptr_t i = 0; i < k; i++) flags[i] = data[i] != 0;
    MlirAttribute a = k == n ? mlirDenseElementsAttrBoolGet(t, k, flags)
                             : mlirDenseElementsAttrBoolSplatGet(t, flags[0] != 0);
    free(flags);
    return ph(a.ptr);
  }
  MlirType element = mlirShapedTypeGetElementType(t);
  size_t width = mlirTypeIsAInteger(element) ? mlirIntegerTypeGetWidth(element)
                 : mlirTypeIsAFloat(element) ? mlirFloatTypeGetWidth(element)
                 : mlirTypeIsAIndex(element) ? 64 : 0;
  if (width != element_bytes(kind) * 8) return 0;
  return ph(mlirDenseElementsAttrRawBufferGet(t, (size_t)k * element_bytes(kind), data).ptr);
}

MLIRFFI_EXPORT double mlirffi_elements_count(H attr) { return (double)mlirElementsAttrGetNumElements(AS_ATTR(attr)); }
MLIRFFI_EXPORT bool mlirffi_dense_elements_is_splat(H attr) { return mlirDenseElementsAttrIsSplat(AS_ATTR(attr)); }

/* Copies every element (a splat expanded) into dst, which holds `count`
 * elements of `kind`; returns the number copied, or -1 on a kind mismatch. */
MLIRFFI_EXPORT double mlirffi_dense_elements_copy(H attr, int32_t kind, uint8_t *dst, double count) {
  MlirAttribute a = AS_ATTR(attr);
  int64_t n = mlirElementsAttrGetNumElements(a);
  if ((double)n != count) return -1;
  if (kind == ELEMENT_BOOL) {
    bool splat = mlirDenseElementsAttrIsSplat(a);
    for (int64_t i = 0; i < n; i++) dst[i] = mlirDenseElementsAttrGetBoolValue(a, splat ? 0 : i) ? 1 : 0;
    return (double)n;
  }
  MlirType element = mlirShapedTypeGetElementType(mlirAttributeGetType(a));
  size_t width = mlirTypeIsAInteger(element) ? mlirIntegerTypeGetWidth(element)
                 : mlirTypeIsAFloat(element) ? mlirFloatTypeGetWidth(element)
                 : mlirTypeIsAIndex(element) ? 64 : 0;
  size_t bytes = element_bytes(kind);
  if (width != bytes * 8) return -1;
  const uint8_t *raw = mlirDenseElementsAttrGetRawData(a);
  if (mlirDenseElementsAttrIsSplat(a)) {
    for (int64_t i = 0; i < n; i++) memcpy(dst + (size_t)i * bytes, raw, bytes);
  } else {
    memcpy(dst, raw, (size_t)n * bytes);
  }
  return (double)n;
}

/* ---- dense resources: the shim owns a copy of the data ---- */

static void free_blob(void *user, const void *data, size_t size, size_t align) {
  (void)user;
  (void)size;
  (void)align;
  free((void *)data);
}

MLIRFFI_EXPORT H mlirffi_dense_resource(H type, const uint8_t *name, uint32_t name_len, int32_t kind,
                                        const uint8_t *data, double count) {
  MlirType t = AS_TYPE(type);
  int64_t n = static_elements(t);
  if (n < 0 || count != (double)n) return 0;
  size_t bytes = (size_t)n * element_bytes(kind);
  void *copy = malloc(bytes > 0 ? bytes : 1);
  if (!copy) abort();
  memcpy(copy, data, bytes);
  size_t align = element_bytes(kind);
  return ph(mlirUnmanagedDenseResourceElementsAttrGet(t, str_ref(name, name_len), copy, bytes, align, false,
                                                      free_blob, NULL)
                .ptr);
}

MLIRFFI_EXPORT double mlirffi_dense_resource_copy(H attr, int32_t kind, uint8_t *dst, double count) {
  MlirAttribute a = AS_ATTR(attr);
  intptr_t n = (intptr_t)count;
  for (intptr_t i = 0; i < n; i++) {
    switch (kind) {
      case ELEMENT_BOOL: dst[i] = mlirDenseBoolResourceElementsAttrGetValue(a, i); break;
      case ELEMENT_I8: ((int8_t *)dst)[i] = mlirDenseInt8ResourceElementsAttrGetValue(a, i); break;
      case ELEMENT_U8: dst[i] = mlirDenseUInt8ResourceElementsAttrGetValue(a, i); break;
      case ELEMENT_I16: ((int16_t *)dst)[i] = mlirDenseInt16ResourceElementsAttrGetValue(a, i); break;
      case ELEMENT_U16: ((uint16_t *)dst)[i] = mlirDenseUInt16ResourceElementsAttrGetValue(a, i); break;
      case ELEMENT_I32: ((int32_t *)dst)[i] = mlirDenseInt32ResourceElementsAttrGetValue(a, i); break;
      case ELEMENT_U32: ((uint32_t *)dst)[i] = mlirDenseUInt32ResourceElementsAttrGetValue(a, i); break;
      case ELEMENT_I64: ((int64_t *)dst)[i] = mlirDenseInt64ResourceElementsAttrGetValue(a, i); break;
      case ELEMENT_U64: ((uint64_t *)dst)[i] = mlirDenseUInt64ResourceElementsAttrGetValue(a, i); break;
      case ELEMENT_F32: ((float *)dst)[i] = mlirDenseFloatResourceElementsAttrGetValue(a, i); break;
      case ELEMENT_F64: ((double *)dst)[i] = mlirDenseDoubleResourceElementsAttrGetValue(a, i); break;
      default: return -1;
    }
  }
  return count;
}

/* ---- dense arrays (array<i32: 1, 2>) ---- */

MLIRFFI_EXPORT H mlirffi_dense_array(H ctx, int32_t kind, const uint8_t *data, int32_t n) {
  MlirContext c = ffi_ctx_raw(hp(ctx));
  switch (kind) {
    case ELEMENT_BOOL: {
      int *flags = malloc(sizeof *flags * (n > 0 ? (size_t)n : 1));
      if (!flags) abort();
      for (int32_t i = 0; i < n; i++) flags[i] = data[i] != 0;
      MlirAttribute a = mlirDenseBoolArrayGet(c, n, flags);
      free(flags);
      return ph(a.ptr);
    }
    case ELEMENT_I8: return ph(mlirDenseI8ArrayGet(c, n, (const int8_t *)data).ptr);
    case ELEMENT_I16: return ph(mlirDenseI16ArrayGet(c, n, (const int16_t *)data).ptr);
    case ELEMENT_I32: return ph(mlirDenseI32ArrayGet(c, n, (const int32_t *)data).ptr);
    case ELEMENT_I64: return ph(mlirDenseI64ArrayGet(c, n, (const int64_t *)data).ptr);
    case ELEMENT_F32: return ph(mlirDenseF32ArrayGet(c, n, (const float *)data).ptr);
    case ELEMENT_F64: return ph(mlirDenseF64ArrayGet(c, n, (const double *)data).ptr);
    default: return 0;
  }
}

/* The element kind of a dense array attribute (or -1), and its size in out[0]. */
MLIRFFI_EXPORT int32_t mlirffi_dense_array_kind(H attr, double *out) {
  MlirAttribute a = AS_ATTR(attr);
  int32_t kind = mlirAttributeIsADenseBoolArray(a) ? ELEMENT_BOOL
                 : mlirAttributeIsADenseI8Array(a)  ? ELEMENT_I8
                 : mlirAttributeIsADenseI16Array(a) ? ELEMENT_I16
                 : mlirAttributeIsADenseI32Array(a) ? ELEMENT_I32
                 : mlirAttributeIsADenseI64Array(a) ? ELEMENT_I64
                 : mlirAttributeIsADenseF32Array(a) ? ELEMENT_F32
                 : mlirAttributeIsADenseF64Array(a) ? ELEMENT_F64
                                                    : -1;
  out[0] = kind < 0 ? 0 : (double)mlirDenseArrayGetNumElements(a);
  return kind;
}

MLIRFFI_EXPORT void mlirffi_dense_array_copy(H attr, int32_t kind, uint8_t *dst, int32_t n) {
  MlirAttribute a = AS_ATTR(attr);
  for (int32_t i = 0; i < n; i++) {
    switch (kind) {
      case ELEMENT_BOOL: dst[i] = mlirDenseBoolArrayGetElement(a, i); break;
      case ELEMENT_I8: ((int8_t *)dst)[i] = mlirDenseI8ArrayGetElement(a, i); break;
      case ELEMENT_I16: ((int16_t *)dst)[i] = mlirDenseI16ArrayGetElement(a, i); break;
      case ELEMENT_I32: ((int32_t *)dst)[i] = mlirDenseI32ArrayGetElement(a, i); break;
      case ELEMENT_I64: ((int64_t *)dst)[i] = mlirDenseI64ArrayGetElement(a, i); break;
      case ELEMENT_F32: ((float *)dst)[i] = mlirDenseF32ArrayGetElement(a, i); break;
      case ELEMENT_F64: ((double *)dst)[i] = mlirDenseF64ArrayGetElement(a, i); break;
      default: return;
    }
  }
}

/* The splat value of a splat dense elements attribute. */
MLIRFFI_EXPORT H mlirffi_dense_elements_splat_value(H attr) {
  MlirAttribute a = AS_ATTR(attr);
  if (!mlirDenseElementsAttrIsSplat(a)) return 0;
  return ph(mlirDenseElementsAttrGetSplatValue(a).ptr);
}

/* Dense elements of `type` from element attributes (checked by the caller
 * to have the element type). */
MLIRFFI_EXPORT H mlirffi_dense_elements_from_attrs(H type, const double *attrs, int32_t n) {
  MlirType t = AS_TYPE(type);
  int64_t count = static_elements(t);
  if (count < 0 || (n != count && n != 1)) return 0;
  MlirAttribute *as = malloc(sizeof *as * (n > 0 ? (size_t)n : 1));
  if (!as) abort();
  for (int32_t i = 0; i < n; i++) as[i] = AS_ATTR(attrs[i]);
  MlirAttribute r = n == count ? mlirDenseElementsAttrGet(t, n, as) : mlirDenseElementsAttrSplatGet(t, as[0]);
  free(as);
  return ph(r.ptr);
}

/* Prints a module holding `attr` as its only attribute, so that the printer
 * writes the resource's blob (if it has one) in the dialect_resources
 * section: the only way through the C API to learn whether a parsed
 * resource has data, and how much, without reading past it. */
MLIRFFI_EXPORT double mlirffi_resource_text(H ctx, H attr) {
  MlirContext c = ffi_ctx_raw(hp(ctx));
  MlirModule m = mlirModuleCreateEmpty(mlirLocationUnknownGet(c));
  MlirOperation op = mlirModuleGetOperation(m);
  mlirOperationSetDiscardableAttributeByName(op, mlirStringRefCreateFromCString("mlirffi.resource"), AS_ATTR(attr));
  mlirOperationPrint(op, out_string_callback, out_begin());
  mlirModuleDestroy(m);
  return out_deliver(NULL, 0);
}
