/* The execution engine's lifetime and queries: destroying an engine,
 * asking for a function's C-interface wrapper, dumping its object file.
 * Engines are made, initialised and called in jit_calls.c. */
#include <mlir-c/ExecutionEngine.h>

#include "shim.h"

#define JIT(h) ((MlirExecutionEngine){hp(h)})

MLIRFFI_EXPORT void mlirffi_jit_destroy(H jit) { mlirExecutionEngineDestroy(JIT(jit)); }

/* Whether the engine has a C-interface wrapper for function `name`. */
MLIRFFI_EXPORT bool mlirffi_jit_has(H jit, const uint8_t *name, uint32_t len) {
  Buf b = {0};
  buf_append_cstr(&b, "_mlir_ciface_");
  buf_append(&b, (const char *)name, len);
  void *fn = mlirExecutionEngineLookupPacked(JIT(jit), (MlirStringRef){b.data, b.len});
  buf_free(&b);
  return fn != NULL;
}

MLIRFFI_EXPORT void mlirffi_jit_dump_object(H jit, const uint8_t *path, uint32_t len) {
  mlirExecutionEngineDumpToObjectFile(JIT(jit), str_ref(path, len));
}
