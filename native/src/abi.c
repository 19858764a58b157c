/* Library identity, and trivial functions that measure the FFI itself. */
#include "shim.h"

MLIRFFI_EXPORT int32_t mlirffi_abi_version(void) { return MLIRFFI_ABI_VERSION; }

/* The MLIR major version the library was compiled against. */
MLIRFFI_EXPORT int32_t mlirffi_mlir_version(void) { return MLIRFFI_MLIR_MAJOR; }

/* Identity functions in each candidate pointer representation, used by
 * bench/ffi_repr.bench.ts to price one call per representation. */
MLIRFFI_EXPORT void mlirffi_bench_noop(void) {}
MLIRFFI_EXPORT double mlirffi_bench_f64(double h) { return h; }
MLIRFFI_EXPORT void *mlirffi_bench_ptr(void *p) { return p; }
MLIRFFI_EXPORT uint64_t mlirffi_bench_u64(uint64_t v) { return v; }
/* Returns an MLIR-like one-pointer struct the way the C API does. */
MLIRFFI_EXPORT MlirOperation mlirffi_bench_struct(MlirOperation op) { return op; }
