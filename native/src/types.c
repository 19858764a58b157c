/* Builtin types: kind detection, constructors and queries. Constructors that
 * MLIR asserts in use their `*GetChecked` form (a diagnostic and a null
 * result instead of an abort); the JS side checks everything else first. */
#include <math.h>
#include <stdlib.h>

#include "shim.h"

/* Kinds reported to the JS side, which picks the matching Type subclass. */
enum {
  TYPE_OTHER = 0,
  TYPE_INTEGER,
  TYPE_INDEX,
  TYPE_FLOAT,
  TYPE_NONE,
  TYPE_COMPLEX,
  TYPE_TUPLE,
  TYPE_FUNCTION,
  TYPE_VECTOR,
  TYPE_RANKED_TENSOR,
  TYPE_UNRANKED_TENSOR,
  TYPE_MEMREF,
  TYPE_UNRANKED_MEMREF,
  TYPE_OPAQUE,
};

MLIRFFI_EXPORT int32_t mlirffi_type_kind(H type) {
  MlirType t = AS_TYPE(type);
  if (mlirTypeIsAInteger(t)) return TYPE_INTEGER;
  if (mlirTypeIsAIndex(t)) return TYPE_INDEX;
  if (mlirTypeIsAFloat(t)) return TYPE_FLOAT;
  if (mlirTypeIsANone(t)) return TYPE_NONE;
  if (mlirTypeIsAComplex(t)) return TYPE_COMPLEX;
  if (mlirTypeIsATuple(t)) return TYPE_TUPLE;
  if (mlirTypeIsAFunction(t)) return TYPE_FUNCTION;
  if (mlirTypeIsAVector(t)) return TYPE_VECTOR;
  if (mlirTypeIsARankedTensor(t)) return TYPE_RANKED_TENSOR;
  if (mlirTypeIsAUnrankedTensor(t)) return TYPE_UNRANKED_TENSOR;
  if (mlirTypeIsAMemRef(t)) return TYPE_MEMREF;
  if (mlirTypeIsAUnrankedMemRef(t)) return TYPE_UNRANKED_MEMREF;
  if (mlirTypeIsAOpaque(t)) return TYPE_OPAQUE;
  return TYPE_OTHER;
}

MLIRFFI_EXPORT bool mlirffi_type_equal(H a, H b) { return mlirTypeEqual(AS_TYPE(a), AS_TYPE(b)); }

/* ---- integer and index ---- */

/* signedness: 0 signless, 1 signed, 2 unsigned. */
MLIRFFI_EXPORT H mlirffi_integer_type(H ctx, int32_t width, int32_t signedness) {
  MlirContext c = ffi_ctx_raw(hp(ctx));
  if (signedness == 1) return ph(mlirIntegerTypeSignedGet(c, (unsigned)width).ptr);
  if (signedness == 2) return ph(mlirIntegerTypeUnsignedGet(c, (unsigned)width).ptr);
  return ph(mlirIntegerTypeGet(c, (unsigned)width).ptr);
}
MLIRFFI_EXPORT int32_t mlirffi_integer_type_width(H t) { return (int32_t)mlirIntegerTypeGetWidth(AS_TYPE(t)); }
MLIRFFI_EXPORT int32_t mlirffi_integer_type_signedness(H t) {
  MlirType type = AS_TYPE(t);
  return mlirIntegerTypeIsSigned(type) ? 1 : mlirIntegerTypeIsUnsigned(type) ? 2 : 0;
}
MLIRFFI_EXPORT H mlirffi_index_type(H ctx) { return ph(mlirIndexTypeGet(ffi_ctx_raw(hp(ctx))).ptr); }
MLIRFFI_EXPORT H mlirffi_none_type(H ctx) { return ph(mlirNoneTypeGet(ffi_ctx_raw(hp(ctx))).ptr); }

/* ---- floating point, by index in FLOAT_KINDS below (src/types/float.ts has the same order) ---- */

typedef MlirType (*FloatGet)(MlirContext);
static const FloatGet FLOAT_KINDS[] = {
    mlirF16TypeGet,           mlirBF16TypeGet,           mlirF32TypeGet,
    mlirF64TypeGet,           mlirTF32TypeGet,           mlirFloat8E5M2TypeGet,
    mlirFloat8E4M3TypeGet,    mlirFloat8E4M3FNTypeGet,   mlirFloat8E5M2FNUZTypeGet,
    mlirFloat8E4M3FNUZTypeGet, mlirFloat8E4M3B11FNUZTypeGet, mlirFloat8E3M4TypeGet,
    mlirFloat8E8M0FNUTypeGet, mlirFloat4E2M1FNTypeGet,   mlirFloat6E2M3FNTypeGet,
    mlirFloat6E3M2FNTypeGet,
};

MLIRFFI_EXPORT H mlirffi_float_type(H ctx, int32_t kind) {
  if (kind < 0 || (size_t)kind >= sizeof FLOAT_KINDS / sizeof *FLOAT_KINDS) return 0;
  return ph(FLOAT_KINDS[kind](ffi_ctx_raw(hp(ctx))).ptr);
}
MLIRFFI_EXPORT int32_t mlirffi_float_type_width(H t) { return (int32_t)mlirFloatTypeGetWidth(AS_TYPE(t)); }

/* ---- complex, tuple, function ---- */

MLIRFFI_EXPORT H mlirffi_complex_type(H element) { return ph(mlirComplexTypeGet(AS_TYPE(element)).ptr); }
MLIRFFI_EXPORT H mlirffi_complex_type_element(H t) { return ph(mlirComplexTypeGetElementType(AS_TYPE(t)).ptr); }

static MlirType *types_of(const double *handles, int32_t n) {
  MlirType *out = malloc(sizeof *out * (n > 0 ? (size_t)n : 1));
  if (!out) abort();
  for (int32_t i = 0; i < n; i++) out[i] = AS_TYPE(handles[i]);
  return out;
}

MLIRFFI_EXPORT H mlirffi_tuple_type(H ctx, const double *elements, int32_t n) {
  MlirType *types = types_of(elements, n);
  MlirType t = mlirTupleTypeGet(ffi_ctx_raw(hp(ctx)), n, types);
  free(types);
  return ph(t.ptr);
}
MLIRFFI_EXPORT int32_t mlirffi_tuple_type_size(H t) { return (int32_t)mlirTupleTypeGetNumTypes(AS_TYPE(t)); }
MLIRFFI_EXPORT H mlirffi_tuple_type_at(H t, int32_t i) { return ph(mlirTupleTypeGetType(AS_TYPE(t), i).ptr); }

MLIRFFI_EXPORT H mlirffi_function_type(H ctx, const double *inputs, int32_t n_in, const double *results,
                                       int32_t n_out) {
  MlirType *in = types_of(inputs, n_in);
  MlirType *out = types_of(results, n_out);
  MlirType t = mlirFunctionTypeGet(ffi_ctx_raw(hp(ctx)), n_in, in, n_out, out);
  free(in);
  free(out);
  return ph(t.ptr);
}
MLIRFFI_EXPORT int32_t mlirffi_function_type_inputs(H t) { return (int32_t)mlirFunctionTypeGetNumInputs(AS_TYPE(t)); }
MLIRFFI_EXPORT int32_t mlirffi_function_type_results(H t) { return (int32_t)mlirFunctionTypeGetNumResults(AS_TYPE(t)); }
MLIRFFI_EXPORT H mlirffi_function_type_input(H t, int32_t i) { return ph(mlirFunctionTypeGetInput(AS_TYPE(t), i).ptr); }
MLIRFFI_EXPORT H mlirffi_function_type_result(H t, int32_t i) { return ph(mlirFunctionTypeGetResult(AS_TYPE(t), i).ptr); }

/* ---- shaped types: dims cross as doubles, NaN for a dynamic size ---- */

static int64_t *dims_of(const double *shape, int32_t rank) {
  int64_t *dims = malloc(sizeof *dims * (rank > 0 ? (size_t)rank : 1));
  if (!dims) abort();
  for (int32_t i = 0; i < rank; i++) dims[i] = isnan(shape[i]) ? mlirShapedTypeGetDynamicSize() : (int64_t)shape[i];
  return dims;
}

MLIRFFI_EXPORT H mlirffi_vector_type(H loc, const double *shape, int32_t rank, const uint8_t *scalable, H element) {
  int64_t *dims = dims_of(shape, rank);
  MlirType t;
  if (scalable) {
    bool *flags = malloc(sizeof *flags * (rank > 0 ? (size_t)rank : 1));
    if (!flags) abort();
    for (int32_t i = 0; i < rank; i++) flags[i] = scalable[i] != 0;
    t = mlirVectorTypeGetScalableChecked(AS_LOC(loc), rank, dims, flags, AS_TYPE(element));
    free(flags);
  } else {
    t = mlirVectorTypeGetChecked(AS_LOC(loc), rank, dims, AS_TYPE(element));
  }
  free(dims);
  return ph(t.ptr);
}
MLIRFFI_EXPORT bool mlirffi_vector_type_dim_scalable(H t, int32_t i) {
  return mlirVectorTypeIsDimScalable(AS_TYPE(t), i);
}

MLIRFFI_EXPORT H mlirffi_ranked_tensor_type(H loc, const double *shape, int32_t rank, H element, H encoding) {
  int64_t *dims = dims_of(shape, rank);
  MlirType t = mlirRankedTensorTypeGetChecked(AS_LOC(loc), rank, dims, AS_TYPE(element), AS_ATTR(encoding));
  free(dims);
  return ph(t.ptr);
}
MLIRFFI_EXPORT H mlirffi_ranked_tensor_type_encoding(H t) { return ph(mlirRankedTensorTypeGetEncoding(AS_TYPE(t)).ptr); }
MLIRFFI_EXPORT H mlirffi_unranked_tensor_type(H loc, H element) {
  return ph(mlirUnrankedTensorTypeGetChecked(AS_LOC(loc), AS_TYPE(element)).ptr);
}

MLIRFFI_EXPORT H mlirffi_memref_type(H loc, H element, const double *shape, int32_t rank, H layout, H space) {
  int64_t *dims = dims_of(shape, rank);
  MlirType t = mlirMemRefTypeGetChecked(AS_LOC(loc), AS_TYPE(element), rank, dims, AS_ATTR(layout), AS_ATTR(space));
  free(dims);
  return ph(t.ptr);
}
MLIRFFI_EXPORT H mlirffi_memref_type_layout(H t) { return ph(mlirMemRefTypeGetLayout(AS_TYPE(t)).ptr); }
MLIRFFI_EXPORT H mlirffi_memref_type_memory_space(H t) { return ph(mlirMemRefTypeGetMemorySpace(AS_TYPE(t)).ptr); }
MLIRFFI_EXPORT H mlirffi_unranked_memref_type(H loc, H element, H space) {
  return ph(mlirUnrankedMemRefTypeGetChecked(AS_LOC(loc), AS_TYPE(element), AS_ATTR(space)).ptr);
}
MLIRFFI_EXPORT H mlirffi_unranked_memref_type_memory_space(H t) {
  return ph(mlirUnrankedMemrefGetMemorySpace(AS_TYPE(t)).ptr);
}

MLIRFFI_EXPORT H mlirffi_shaped_type_element(H t) { return ph(mlirShapedTypeGetElementType(AS_TYPE(t)).ptr); }
MLIRFFI_EXPORT int32_t mlirffi_shaped_type_rank(H t) {
  MlirType type = AS_TYPE(t);
  return mlirShapedTypeHasRank(type) ? (int32_t)mlirShapedTypeGetRank(type) : -1;
}
/* Writes the shape (NaN for dynamic sizes) into dst; returns the rank. */
MLIRFFI_EXPORT int32_t mlirffi_shaped_type_shape(H t, double *dst, uint32_t cap) {
  MlirType type = AS_TYPE(t);
  if (!mlirShapedTypeHasRank(type)) return -1;
  int32_t rank = (int32_t)mlirShapedTypeGetRank(type);
  for (int32_t i = 0; i < rank && (uint32_t)i < cap; i++)
    dst[i] = mlirShapedTypeIsDynamicDim(type, i) ? NAN : (double)mlirShapedTypeGetDimSize(type, i);
  return rank;
}

/* ---- opaque ---- */

MLIRFFI_EXPORT H mlirffi_opaque_type(H ctx, const uint8_t *ns, uint32_t ns_len, const uint8_t *data, uint32_t len) {
  return ph(mlirOpaqueTypeGet(ffi_ctx_raw(hp(ctx)), str_ref(ns, ns_len), str_ref(data, len)).ptr);
}
MLIRFFI_EXPORT double mlirffi_opaque_type_namespace(H t, uint8_t *dst, uint32_t cap) {
  MlirStringRef s = mlirOpaqueTypeGetDialectNamespace(AS_TYPE(t));
  buf_append(out_begin(), s.data, s.length);
  return out_deliver(dst, cap);
}
MLIRFFI_EXPORT double mlirffi_opaque_type_data(H t, uint8_t *dst, uint32_t cap) {
  MlirStringRef s = mlirOpaqueTypeGetData(AS_TYPE(t));
  buf_append(out_begin(), s.data, s.length);
  return out_deliver(dst, cap);
}

/* The dialect namespace a type belongs to (e.g. "builtin"). */
MLIRFFI_EXPORT double mlirffi_type_dialect(H t, uint8_t *dst, uint32_t cap) {
  MlirStringRef s = mlirDialectGetNamespace(mlirTypeGetDialect(AS_TYPE(t)));
  buf_append(out_begin(), s.data, s.length);
  return out_deliver(dst, cap);
}
