/* Builtin attributes: kind detection, constructors and accessors. */
#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "shim.h"

enum {
  ATTR_OTHER = 0,
  ATTR_INTEGER,
  ATTR_FLOAT,
  ATTR_BOOL,
  ATTR_STRING,
  ATTR_UNIT,
  ATTR_TYPE,
  ATTR_ARRAY,
  ATTR_DICTIONARY,
  ATTR_SYMBOL_REF,
  ATTR_FLAT_SYMBOL_REF,
  ATTR_AFFINE_MAP,
  ATTR_DENSE_ELEMENTS,
  ATTR_DENSE_RESOURCE,
  ATTR_DENSE_ARRAY,
  ATTR_OPAQUE,
  ATTR_LOCATION,
  ATTR_STRIDED_LAYOUT,
  ATTR_INTEGER_SET,
  ATTR_SPARSE_ELEMENTS,
};

/* TypeID → kind for the common kinds: one lookup where the isa chain below
 * costs a call per kind tried. Filled once per process. */
static struct {
  MlirTypeID id;
  int32_t kind;
} kind_by_type_id[14];
static pthread_once_t kind_table_once = PTHREAD_ONCE_INIT;

static void fill_kind_table(void) {
  int i = 0;
#define KIND(getter, k) kind_by_type_id[i++] = (typeof(kind_by_type_id[0])){getter(), k}
  KIND(mlirIntegerAttrGetTypeID, ATTR_INTEGER);
  KIND(mlirFloatAttrGetTypeID, ATTR_FLOAT);
  KIND(mlirStringAttrGetTypeID, ATTR_STRING);
  KIND(mlirUnitAttrGetTypeID, ATTR_UNIT);
  KIND(mlirTypeAttrGetTypeID, ATTR_TYPE);
  KIND(mlirArrayAttrGetTypeID, ATTR_ARRAY);
  KIND(mlirDictionaryAttrGetTypeID, ATTR_DICTIONARY);
  KIND(mlirSymbolRefAttrGetTypeID, ATTR_SYMBOL_REF);
  KIND(mlirAffineMapAttrGetTypeID, ATTR_AFFINE_MAP);
  KIND(mlirDenseIntOrFPElementsAttrGetTypeID, ATTR_DENSE_ELEMENTS);
  KIND(mlirDenseArrayAttrGetTypeID, ATTR_DENSE_ARRAY);
  KIND(mlirOpaqueAttrGetTypeID, ATTR_OPAQUE);
  KIND(mlirStridedLayoutAttrGetTypeID, ATTR_STRIDED_LAYOUT);
  KIND(mlirIntegerSetAttrGetTypeID, ATTR_INTEGER_SET);
#undef KIND
}

static int32_t kind_by_isa(MlirAttribute a);

MLIRFFI_EXPORT int32_t mlirffi_attr_kind(H attr) {
  MlirAttribute a = AS_ATTR(attr);
  pthread_once(&kind_table_once, fill_kind_table);
  MlirTypeID id = mlirAttributeGetTypeID(a);
  for (size_t i = 0; i < sizeof kind_by_type_id / sizeof kind_by_type_id[0]; i++) {
    if (!mlirTypeIDEqual(id, kind_by_type_id[i].id)) continue;
    switch (kind_by_type_id[i].kind) {
    /* A BoolAttr is an IntegerAttr of type i1; a FlatSymbolRefAttr a SymbolRefAttr without nesting. */
    case ATTR_INTEGER: return mlirAttributeIsABool(a) ? ATTR_BOOL : ATTR_INTEGER;
    case ATTR_SYMBOL_REF: return mlirAttributeIsAFlatSymbolRef(a) ? ATTR_FLAT_SYMBOL_REF : ATTR_SYMBOL_REF;
    default: return kind_by_type_id[i].kind;
    }
  }
  return kind_by_isa(a);
}

/* The rest (dense strings and resources, locations, sparse elements, ...). */
static int32_t kind_by_isa(MlirAttribute a) {
  /* Bool before integer: a BoolAttr is an IntegerAttr of type i1. */
  if (mlirAttributeIsABool(a)) return ATTR_BOOL;
  if (mlirAttributeIsAInteger(a)) return ATTR_INTEGER;
  if (mlirAttributeIsAFloat(a)) return ATTR_FLOAT;
  if (mlirAttributeIsAString(a)) return ATTR_STRING;
  if (mlirAttributeIsAUnit(a)) return ATTR_UNIT;
  if (mlirAttributeIsAType(a)) return ATTR_TYPE;
  if (mlirAttributeIsAArray(a)) return ATTR_ARRAY;
  if (mlirAttributeIsADictionary(a)) return ATTR_DICTIONARY;
  if (mlirAttributeIsAFlatSymbolRef(a)) return ATTR_FLAT_SYMBOL_REF;
  if (mlirAttributeIsASymbolRef(a)) return ATTR_SYMBOL_REF;
  if (mlirAttributeIsAAffineMap(a)) return ATTR_AFFINE_MAP;
  if (mlirAttributeIsADenseElements(a)) return ATTR_DENSE_ELEMENTS;
  if (mlirAttributeIsADenseResourceElements(a)) return ATTR_DENSE_RESOURCE;
  if (mlirAttributeIsADenseBoolArray(a) || mlirAttributeIsADenseI8Array(a) || mlirAttributeIsADenseI16Array(a) ||
      mlirAttributeIsADenseI32Array(a) || mlirAttributeIsADenseI64Array(a) || mlirAttributeIsADenseF32Array(a) ||
      mlirAttributeIsADenseF64Array(a))
    return ATTR_DENSE_ARRAY;
  if (mlirAttributeIsAOpaque(a)) return ATTR_OPAQUE;
  if (mlirAttributeIsALocation(a)) return ATTR_LOCATION;
  if (mlirAttributeIsAStridedLayout(a)) return ATTR_STRIDED_LAYOUT;
  if (mlirAttributeIsAIntegerSet(a)) return ATTR_INTEGER_SET;
  if (mlirAttributeIsASparseElements(a)) return ATTR_SPARSE_ELEMENTS;
  return ATTR_OTHER;
}

MLIRFFI_EXPORT bool mlirffi_attr_equal(H a, H b) { return mlirAttributeEqual(AS_ATTR(a), AS_ATTR(b)); }

static double deliver_string(MlirStringRef s, uint8_t *dst, uint32_t cap) {
  buf_append(out_begin(), s.data, s.length);
  return out_deliver(dst, cap);
}

/* ---- scalars ---- */

MLIRFFI_EXPORT H mlirffi_integer_attr(H type, int64_t value) { return ph(mlirIntegerAttrGet(AS_TYPE(type), value).ptr); }
/* The value sign-extended (signless and signed types) or zero-extended (unsigned). */
MLIRFFI_EXPORT int64_t mlirffi_integer_attr_value(H attr) {
  MlirAttribute a = AS_ATTR(attr);
  MlirType t = mlirAttributeGetType(a);
  if (mlirTypeIsAInteger(t) && mlirIntegerTypeIsUnsigned(t)) return (int64_t)mlirIntegerAttrGetValueUInt(a);
  if (mlirTypeIsAInteger(t) && mlirIntegerTypeIsSigned(t)) return mlirIntegerAttrGetValueSInt(a);
  return mlirIntegerAttrGetValueInt(a);
}
MLIRFFI_EXPORT H mlirffi_float_attr(H loc, H type, double value) {
  return ph(mlirFloatAttrDoubleGetChecked(AS_LOC(loc), AS_TYPE(type), value).ptr);
}
MLIRFFI_EXPORT double mlirffi_float_attr_value(H attr) { return mlirFloatAttrGetValueDouble(AS_ATTR(attr)); }
MLIRFFI_EXPORT H mlirffi_bool_attr(H ctx, bool value) { return ph(mlirBoolAttrGet(ffi_ctx_raw(hp(ctx)), value).ptr); }
MLIRFFI_EXPORT bool mlirffi_bool_attr_value(H attr) { return mlirBoolAttrGetValue(AS_ATTR(attr)); }
MLIRFFI_EXPORT H mlirffi_unit_attr(H ctx) { return ph(mlirUnitAttrGet(ffi_ctx_raw(hp(ctx))).ptr); }
MLIRFFI_EXPORT H mlirffi_type_attr(H type) { return ph(mlirTypeAttrGet(AS_TYPE(type)).ptr); }
MLIRFFI_EXPORT H mlirffi_type_attr_value(H attr) { return ph(mlirTypeAttrGetValue(AS_ATTR(attr)).ptr); }

/* Strings are byte strings: any bytes, NUL included. */
MLIRFFI_EXPORT H mlirffi_string_attr(H ctx, const uint8_t *s, uint32_t len) {
  return ph(mlirStringAttrGet(ffi_ctx_raw(hp(ctx)), str_ref(s, len)).ptr);
}
MLIRFFI_EXPORT H mlirffi_string_attr_typed(H type, const uint8_t *s, uint32_t len) {
  return ph(mlirStringAttrTypedGet(AS_TYPE(type), str_ref(s, len)).ptr);
}
MLIRFFI_EXPORT double mlirffi_string_attr_value(H attr, uint8_t *dst, uint32_t cap) {
  return deliver_string(mlirStringAttrGetValue(AS_ATTR(attr)), dst, cap);
}

/* ---- containers ---- */

MLIRFFI_EXPORT H mlirffi_array_attr(H ctx, const double *elements, int32_t n) {
  MlirAttribute *attrs = malloc(sizeof *attrs * (n > 0 ? (size_t)n : 1));
  if (!attrs) abort();
  for (int32_t i = 0; i < n; i++) attrs[i] = AS_ATTR(elements[i]);
  MlirAttribute a = mlirArrayAttrGet(ffi_ctx_raw(hp(ctx)), n, attrs);
  free(attrs);
  return ph(a.ptr);
}
MLIRFFI_EXPORT int32_t mlirffi_array_attr_size(H attr) { return (int32_t)mlirArrayAttrGetNumElements(AS_ATTR(attr)); }
MLIRFFI_EXPORT H mlirffi_array_attr_at(H attr, int32_t i) { return ph(mlirArrayAttrGetElement(AS_ATTR(attr), i).ptr); }

/* A dictionary from parallel arrays of name identifiers and attributes. */
MLIRFFI_EXPORT H mlirffi_dictionary_attr(H ctx, const double *names, const double *values, int32_t n) {
  MlirNamedAttribute *entries = malloc(sizeof *entries * (n > 0 ? (size_t)n : 1));
  if (!entries) abort();
  for (int32_t i = 0; i < n; i++)
    entries[i] = mlirNamedAttributeGet((MlirIdentifier){hp(names[i])}, AS_ATTR(values[i]));
  MlirAttribute a = mlirDictionaryAttrGet(ffi_ctx_raw(hp(ctx)), n, entries);
  free(entries);
  return ph(a.ptr);
}
MLIRFFI_EXPORT int32_t mlirffi_dictionary_attr_size(H attr) {
  return (int32_t)mlirDictionaryAttrGetNumElements(AS_ATTR(attr));
}
/* Entry i: out[0] = name identifier, out[1] = attribute. */
MLIRFFI_EXPORT void mlirffi_dictionary_attr_at(H attr, int32_t i, double *out) {
  MlirNamedAttribute e = mlirDictionaryAttrGetElement(AS_ATTR(attr), i);
  out[0] = ph(e.name.ptr);
  out[1] = ph(e.attribute.ptr);
}
MLIRFFI_EXPORT H mlirffi_dictionary_attr_get(H attr, const uint8_t *name, uint32_t len) {
  return ph(mlirDictionaryAttrGetElementByName(AS_ATTR(attr), str_ref(name, len)).ptr);
}

/* ---- symbol references ---- */

MLIRFFI_EXPORT H mlirffi_flat_symbol_ref_attr(H ctx, const uint8_t *s, uint32_t len) {
  return ph(mlirFlatSymbolRefAttrGet(ffi_ctx_raw(hp(ctx)), str_ref(s, len)).ptr);
}
MLIRFFI_EXPORT double mlirffi_flat_symbol_ref_attr_value(H attr, uint8_t *dst, uint32_t cap) {
  return deliver_string(mlirFlatSymbolRefAttrGetValue(AS_ATTR(attr)), dst, cap);
}
/* A nested reference @root::@a::@b from the root name and flat references. */
MLIRFFI_EXPORT H mlirffi_symbol_ref_attr(H ctx, const uint8_t *root, uint32_t len, const double *nested, int32_t n) {
  MlirAttribute *refs = malloc(sizeof *refs * (n > 0 ? (size_t)n : 1));
  if (!refs) abort();
  for (int32_t i = 0; i < n; i++) refs[i] = AS_ATTR(nested[i]);
  MlirAttribute a = mlirSymbolRefAttrGet(ffi_ctx_raw(hp(ctx)), str_ref(root, len), n, refs);
  free(refs);
  return ph(a.ptr);
}
MLIRFFI_EXPORT double mlirffi_symbol_ref_attr_root(H attr, uint8_t *dst, uint32_t cap) {
  return deliver_string(mlirSymbolRefAttrGetRootReference(AS_ATTR(attr)), dst, cap);
}
MLIRFFI_EXPORT double mlirffi_symbol_ref_attr_leaf(H attr, uint8_t *dst, uint32_t cap) {
  return deliver_string(mlirSymbolRefAttrGetLeafReference(AS_ATTR(attr)), dst, cap);
}
MLIRFFI_EXPORT int32_t mlirffi_symbol_ref_attr_num_nested(H attr) {
  return (int32_t)mlirSymbolRefAttrGetNumNestedReferences(AS_ATTR(attr));
}
MLIRFFI_EXPORT H mlirffi_symbol_ref_attr_nested(H attr, int32_t i) {
  return ph(mlirSymbolRefAttrGetNestedReference(AS_ATTR(attr), i).ptr);
}

/* ---- opaque ---- */

MLIRFFI_EXPORT H mlirffi_opaque_attr(H ctx, const uint8_t *ns, uint32_t ns_len, const uint8_t *data, uint32_t len,
                                     H type) {
  return ph(mlirOpaqueAttrGet(ffi_ctx_raw(hp(ctx)), str_ref(ns, ns_len), len, (const char *)data, AS_TYPE(type)).ptr);
}
MLIRFFI_EXPORT double mlirffi_opaque_attr_namespace(H attr, uint8_t *dst, uint32_t cap) {
  return deliver_string(mlirOpaqueAttrGetDialectNamespace(AS_ATTR(attr)), dst, cap);
}
MLIRFFI_EXPORT double mlirffi_opaque_attr_data(H attr, uint8_t *dst, uint32_t cap) {
  return deliver_string(mlirOpaqueAttrGetData(AS_ATTR(attr)), dst, cap);
}

/* ---- strided layout ---- */

MLIRFFI_EXPORT H mlirffi_strided_layout_attr(H ctx, double offset, const double *strides, int32_t n) {
  int64_t *s = malloc(sizeof *s * (n > 0 ? (size_t)n : 1));
  if (!s) abort();
  for (int32_t i = 0; i < n; i++) s[i] = strides[i] != strides[i] ? mlirShapedTypeGetDynamicStrideOrOffset() : (int64_t)strides[i];
  int64_t off = offset != offset ? mlirShapedTypeGetDynamicStrideOrOffset() : (int64_t)offset;
  MlirAttribute a = mlirStridedLayoutAttrGet(ffi_ctx_raw(hp(ctx)), off, n, s);
  free(s);
  return ph(a.ptr);
}

/* out[0] = offset, out[1..n] = strides (NaN for dynamic); returns n. */
MLIRFFI_EXPORT int32_t mlirffi_strided_layout_attr_info(H attr, double *out, uint32_t cap) {
  MlirAttribute a = AS_ATTR(attr);
  int64_t dynamic = mlirShapedTypeGetDynamicStrideOrOffset();
  int64_t off = mlirStridedLayoutAttrGetOffset(a);
  intptr_t n = mlirStridedLayoutAttrGetNumStrides(a);
  if (cap > 0) out[0] = off == dynamic ? (double)NAN : (double)off;
  for (intptr_t i = 0; i < n && (uint32_t)(i + 1) < cap; i++) {
    int64_t s = mlirStridedLayoutAttrGetStride(a, i);
    out[i + 1] = s == dynamic ? (double)NAN : (double)s;
  }
  return (int32_t)n;
}
