/* Type IDs: what MLIR tells type, attribute and operation classes apart by.
 * A TypeID is the address of a static object (or one allocated for the
 * process), so it crosses as a handle, compares by address, as
 * mlirTypeIDEqual does, and is never freed. */
#include "shim.h"

MLIRFFI_EXPORT H mlirffi_type_type_id(H type) { return ph(mlirTypeGetTypeID(AS_TYPE(type)).ptr); }

MLIRFFI_EXPORT H mlirffi_attr_type_id(H attr) { return ph(mlirAttributeGetTypeID(AS_ATTR(attr)).ptr); }

/* 0 for an unregistered operation, which has no description to name one. */
MLIRFFI_EXPORT H mlirffi_op_type_id(H op) { return ph(mlirOperationGetTypeID(AS_OP(op)).ptr); }

/* The static TypeIDs of the builtin classes the C API names, by index in
 * STATIC_TYPE_IDS (src/ir/type_id.ts); 0 past the end. */
typedef MlirTypeID (*Getter)(void);
static const Getter STATIC[] = {
    /* types */
    mlirIntegerTypeGetTypeID,
    mlirIndexTypeGetTypeID,
    mlirNoneTypeGetTypeID,
    mlirComplexTypeGetTypeID,
    mlirTupleTypeGetTypeID,
    mlirFunctionTypeGetTypeID,
    mlirVectorTypeGetTypeID,
    mlirRankedTensorTypeGetTypeID,
    mlirUnrankedTensorTypeGetTypeID,
    mlirMemRefTypeGetTypeID,
    mlirUnrankedMemRefTypeGetTypeID,
    mlirOpaqueTypeGetTypeID,
    /* float types, in FLOAT_TYPES order (f80 and f128 have no getter) */
    mlirFloat16TypeGetTypeID,
    mlirBFloat16TypeGetTypeID,
    mlirFloat32TypeGetTypeID,
    mlirFloat64TypeGetTypeID,
    mlirFloatTF32TypeGetTypeID,
    mlirFloat8E5M2TypeGetTypeID,
    mlirFloat8E4M3TypeGetTypeID,
    mlirFloat8E4M3FNTypeGetTypeID,
    mlirFloat8E5M2FNUZTypeGetTypeID,
    mlirFloat8E4M3FNUZTypeGetTypeID,
    mlirFloat8E4M3B11FNUZTypeGetTypeID,
    mlirFloat8E3M4TypeGetTypeID,
    mlirFloat8E8M0FNUTypeGetTypeID,
    mlirFloat4E2M1FNTypeGetTypeID,
    mlirFloat6E2M3FNTypeGetTypeID,
    mlirFloat6E3M2FNTypeGetTypeID,
    /* attributes */
    mlirIntegerAttrGetTypeID,
    mlirFloatAttrGetTypeID,
    mlirStringAttrGetTypeID,
    mlirUnitAttrGetTypeID,
    mlirTypeAttrGetTypeID,
    mlirArrayAttrGetTypeID,
    mlirDictionaryAttrGetTypeID,
    mlirSymbolRefAttrGetTypeID,
    mlirAffineMapAttrGetTypeID,
    mlirDenseIntOrFPElementsAttrGetTypeID,
    mlirDenseArrayAttrGetTypeID,
    mlirOpaqueAttrGetTypeID,
    mlirStridedLayoutAttrGetTypeID,
    mlirIntegerSetAttrGetTypeID,
    mlirSparseElementsAttrGetTypeID,
};

MLIRFFI_EXPORT H mlirffi_static_type_id(int32_t which) {
  if (which < 0 || (size_t)which >= sizeof STATIC / sizeof STATIC[0]) return 0;
  return ph(STATIC[which]().ptr);
}

MLIRFFI_EXPORT int32_t mlirffi_static_type_id_count(void) { return (int32_t)(sizeof STATIC / sizeof STATIC[0]); }
