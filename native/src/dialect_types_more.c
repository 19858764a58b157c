/* Types and attributes of the pdl, emitc and complex dialects (the headers
 * mlir-c/Dialect/{PDL,EmitC,Complex}.h); their kinds are reported by
 * mlirffi_dialect_type_kind / mlirffi_dialect_attr_kind in dialect_types.c.
 *
 * As there, the C constructors call MLIR's unchecked `get`, so the JS side
 * checks every rule first (src/ir/dialect/{pdl,emitc,complex}.ts): the pdl
 * range element is checked here with MLIR's isa functions, the emitc element
 * types by MLIR's own verifier through the parser, and the complex number
 * goes through the C API's checked form. Every constructor loads its dialect
 * first. */
#include <stdlib.h>

#include <mlir-c/BuiltinTypes.h>
#include <mlir-c/Dialect/Complex.h>
#include <mlir-c/Dialect/PDL.h>

#include "shim.h"

/* mlir-c/Dialect/EmitC.h declares its predicate enum with a fixed
 * underlying type (`enum MlirEmitCCmpPredicate : uint64_t`), which C11 does
 * not have, so it cannot be included: what the shim uses of it is declared
 * here instead, as the header has it. */
bool mlirTypeIsAEmitCArrayType(MlirType type);
MlirType mlirEmitCArrayTypeGet(intptr_t nDims, int64_t *shape, MlirType elementType);
bool mlirTypeIsAEmitCLValueType(MlirType type);
MlirType mlirEmitCLValueTypeGet(MlirType valueType);
bool mlirTypeIsAEmitCOpaqueType(MlirType type);
MlirType mlirEmitCOpaqueTypeGet(MlirContext ctx, MlirStringRef value);
bool mlirTypeIsAEmitCPointerType(MlirType type);
MlirType mlirEmitCPointerTypeGet(MlirType pointee);
bool mlirTypeIsAEmitCPtrDiffTType(MlirType type);
MlirType mlirEmitCPtrDiffTTypeGet(MlirContext ctx);
bool mlirTypeIsAEmitCSignedSizeTType(MlirType type);
MlirType mlirEmitCSignedSizeTTypeGet(MlirContext ctx);
bool mlirTypeIsAEmitCSizeTType(MlirType type);
MlirType mlirEmitCSizeTTypeGet(MlirContext ctx);
bool mlirAttributeIsAEmitCOpaque(MlirAttribute attr);
MlirAttribute mlirEmitCOpaqueAttrGet(MlirContext ctx, MlirStringRef value);
MlirStringRef mlirEmitCOpaqueAttrGetValue(MlirAttribute attr);

/* 1 + the index of an emitc type kind in dialect_types.c's enum, from
 * DT_EMITC_ARRAY on (array, lvalue, opaque, ptr, ptrdiff_t, signed_size_t,
 * size_t); 0 for none. */
int32_t emitc_type_kind(MlirType t) {
  if (mlirTypeIsAEmitCArrayType(t)) return 1;
  if (mlirTypeIsAEmitCLValueType(t)) return 2;
  if (mlirTypeIsAEmitCOpaqueType(t)) return 3;
  if (mlirTypeIsAEmitCPointerType(t)) return 4;
  if (mlirTypeIsAEmitCPtrDiffTType(t)) return 5;
  if (mlirTypeIsAEmitCSignedSizeTType(t)) return 6;
  if (mlirTypeIsAEmitCSizeTType(t)) return 7;
  return 0;
}
/* Whether `a` is an #emitc.opaque attribute. (There is no kind for the
 * cmp predicate: in MLIR 22 it is an IntegerAttr of i64, which the isa
 * function cannot tell from any other `2 : i64`.) */
bool emitc_attr_is_opaque(MlirAttribute a) { return mlirAttributeIsAEmitCOpaque(a); }

static bool load(MlirContext c, const char *ns) {
  return !mlirDialectIsNull(mlirContextGetOrLoadDialect(c, mlirStringRefCreateFromCString(ns)));
}

/* ---- pdl ---- */

/* kind: 0 attribute, 1 operation, 2 type, 3 value. */
MLIRFFI_EXPORT H mlirffi_pdl_simple_type(H ctx, int32_t kind) {
  MlirContext c = ffi_ctx_raw(hp(ctx));
  if (!load(c, "pdl")) return 0;
  switch (kind) {
    case 1: return ph(mlirPDLOperationTypeGet(c).ptr);
    case 2: return ph(mlirPDLTypeTypeGet(c).ptr);
    case 3: return ph(mlirPDLValueTypeGet(c).ptr);
    default: return ph(mlirPDLAttributeTypeGet(c).ptr);
  }
}
/* Whether `element` may be a pdl.range element: a pdl type but not a range
 * (RangeType::verify; the C get does not check). */
MLIRFFI_EXPORT bool mlirffi_pdl_range_element_ok(H element) {
  MlirType t = AS_TYPE(element);
  return mlirTypeIsAPDLType(t) && !mlirTypeIsAPDLRangeType(t);
}
MLIRFFI_EXPORT H mlirffi_pdl_range_type(H element) {
  MlirType t = AS_TYPE(element);
  if (!load(mlirTypeGetContext(t), "pdl")) return 0;
  return ph(mlirPDLRangeTypeGet(t).ptr);
}
MLIRFFI_EXPORT H mlirffi_pdl_range_element(H t) { return ph(mlirPDLRangeTypeGetElementType(AS_TYPE(t)).ptr); }

/* ---- emitc ---- */

/* kind: 0 ptrdiff_t, 1 signed_size_t, 2 size_t. */
MLIRFFI_EXPORT H mlirffi_emitc_simple_type(H ctx, int32_t kind) {
  MlirContext c = ffi_ctx_raw(hp(ctx));
  if (!load(c, "emitc")) return 0;
  switch (kind) {
    case 1: return ph(mlirEmitCSignedSizeTTypeGet(c).ptr);
    case 2: return ph(mlirEmitCSizeTTypeGet(c).ptr);
    default: return ph(mlirEmitCPtrDiffTTypeGet(c).ptr);
  }
}
MLIRFFI_EXPORT H mlirffi_emitc_array_type(const double *shape, int32_t n, H element) {
  MlirType el = AS_TYPE(element);
  if (!load(mlirTypeGetContext(el), "emitc")) return 0;
  int64_t *dims = malloc(sizeof *dims * (n > 0 ? (size_t)n : 1));
  if (!dims) abort();
  for (int32_t i = 0; i < n; i++) dims[i] = (int64_t)shape[i];
  MlirType t = mlirEmitCArrayTypeGet(n, dims, el);
  free(dims);
  return ph(t.ptr);
}
/* The array's rank, and its dims into out[0..rank) when they fit in cap
 * (emitc.array is a ShapedType; the C API has no getters of its own). */
MLIRFFI_EXPORT int32_t mlirffi_emitc_array_shape(H t, double *out, int32_t cap) {
  MlirType type = AS_TYPE(t);
  int32_t n = (int32_t)mlirShapedTypeGetRank(type);
  if (n <= cap)
    for (int32_t i = 0; i < n; i++) out[i] = (double)mlirShapedTypeGetDimSize(type, i);
  return n;
}
MLIRFFI_EXPORT H mlirffi_emitc_array_element(H t) { return ph(mlirShapedTypeGetElementType(AS_TYPE(t)).ptr); }
/* kind: 0 lvalue, 1 ptr. */
MLIRFFI_EXPORT H mlirffi_emitc_wrapper_type(H inner, int32_t kind) {
  MlirType t = AS_TYPE(inner);
  if (!load(mlirTypeGetContext(t), "emitc")) return 0;
  return ph((kind == 1 ? mlirEmitCPointerTypeGet(t) : mlirEmitCLValueTypeGet(t)).ptr);
}
MLIRFFI_EXPORT H mlirffi_emitc_opaque_type(H ctx, const uint8_t *value, uint32_t len) {
  MlirContext c = ffi_ctx_raw(hp(ctx));
  if (!load(c, "emitc")) return 0;
  return ph(mlirEmitCOpaqueTypeGet(c, str_ref(value, len)).ptr);
}
MLIRFFI_EXPORT H mlirffi_emitc_opaque_attr(H ctx, const uint8_t *value, uint32_t len) {
  MlirContext c = ffi_ctx_raw(hp(ctx));
  if (!load(c, "emitc")) return 0;
  return ph(mlirEmitCOpaqueAttrGet(c, str_ref(value, len)).ptr);
}
MLIRFFI_EXPORT double mlirffi_emitc_opaque_attr_value(H a, uint8_t *dst, uint32_t cap) {
  out_string_callback(mlirEmitCOpaqueAttrGetValue(AS_ATTR(a)), out_begin());
  return out_deliver(dst, cap);
}
/* ---- complex ---- */

/* `type` must be a complex type of a float (the JS side checks: the C API
 * casts it unchecked); the rest MLIR's verifier checks, with a diagnostic
 * at `loc`. */
MLIRFFI_EXPORT H mlirffi_complex_number_attr(H loc, H type, double real, double imag) {
  MlirLocation l = AS_LOC(loc);
  if (!load(mlirLocationGetContext(l), "complex")) return 0;
  return ph(mlirComplexAttrDoubleGetChecked(l, AS_TYPE(type), real, imag).ptr);
}
/* part: 0 real, 1 imaginary. */
MLIRFFI_EXPORT double mlirffi_complex_number_part(H a, int32_t part) {
  MlirAttribute attr = AS_ATTR(a);
  return part == 1 ? mlirComplexAttrGetImagDouble(attr) : mlirComplexAttrGetRealDouble(attr);
}
