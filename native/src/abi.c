/* Library identity: what the loader checks before it trusts the library. */
#include "shim.h"

MLIRFFI_EXPORT int32_t mlirffi_abi_version(void) { return MLIRFFI_ABI_VERSION; }

/* The MLIR major version the library was compiled against. */
MLIRFFI_EXPORT int32_t mlirffi_mlir_version(void) { return MLIRFFI_MLIR_MAJOR; }
