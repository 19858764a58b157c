/* The execution engine: JIT-compiles a module in the LLVM dialect and calls
 * its functions through their packed C interface (`llvm.emit_c_interface`).
 *
 * Arguments cross in one byte buffer the JS side lays out: for each packed
 * argument (inputs, then results) an offset into the buffer and a kind.
 * A scalar lives at its offset. A memref's descriptor lives at its offset,
 * preceded by one pointer-sized slot: the C interface takes a pointer to the
 * descriptor, and the packed convention a pointer to that. The data of
 * memref k is typed array argument k of this call, so its address is valid
 * for exactly this call. */
#include <stdlib.h>
#include <string.h>

#include <mlir-c/ExecutionEngine.h>
#include <mlir-c/RegisterEverything.h>

#include "shim.h"

#define JIT(h) ((MlirExecutionEngine){hp(h)})
#define MAX_MEMREFS 8

/* Creates and initialises an engine for `module_op` (which must be in the
 * LLVM dialect). `libs` holds `nlibs` NUL-terminated paths, one after another. */
MLIRFFI_EXPORT H mlirffi_jit_create(H ctx, H module_op, int32_t opt_level, const uint8_t *libs, int32_t nlibs,
                                    bool object_dump) {
  MlirContext c = ffi_ctx_raw(hp(ctx));
  mlirRegisterAllLLVMTranslations(c);
  MlirStringRef *paths = malloc(sizeof *paths * (nlibs > 0 ? (size_t)nlibs : 1));
  if (!paths) abort();
  const char *p = (const char *)libs;
  for (int32_t i = 0; i < nlibs; i++) {
    paths[i] = mlirStringRefCreateFromCString(p);
    p += paths[i].length + 1;
  }
  MlirExecutionEngine jit =
      mlirExecutionEngineCreate(mlirModuleFromOperation(AS_OP(module_op)), opt_level, nlibs, paths, object_dump, false);
  free(paths);
  if (mlirExecutionEngineIsNull(jit)) return 0;
  mlirExecutionEngineInitialize(jit);
  return ph(jit.ptr);
}

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

typedef struct {
  MlirExecutionEngine jit;
  MlirStringRef name;
  void **args;
  bool ok;
} InvokeJob;

static void invoke(void *p) {
  InvokeJob *j = p;
  j->ok = mlirLogicalResultIsSuccess(mlirExecutionEngineInvokePacked(j->jit, j->name, j->args));
}

/* Calls function `name` (on the big stack: compiled code may recurse deeply).
 * Returns false if it does not exist. */
MLIRFFI_EXPORT bool mlirffi_jit_invoke(H jit, const uint8_t *name, uint32_t len, uint8_t *storage,
                                       const int32_t *offsets, const int32_t *kinds, int32_t nargs, uint8_t *m0,
                                       uint8_t *m1, uint8_t *m2, uint8_t *m3, uint8_t *m4, uint8_t *m5, uint8_t *m6,
                                       uint8_t *m7) {
  uint8_t *memrefs[MAX_MEMREFS] = {m0, m1, m2, m3, m4, m5, m6, m7};
  void **args = malloc(sizeof *args * (nargs > 0 ? (size_t)nargs : 1));
  if (!args) abort();
  for (int32_t i = 0; i < nargs; i++) {
    uint8_t *at = storage + offsets[i];
    if (kinds[i] == 0) {
      args[i] = at;
    } else {
      /* Memref descriptor: allocated and aligned pointers first. */
      uint8_t *data = memrefs[(kinds[i] - 1) % MAX_MEMREFS];
      memcpy(at, &data, sizeof data);
      memcpy(at + sizeof data, &data, sizeof data);
      void *descriptor = at;
      memcpy(at - sizeof descriptor, &descriptor, sizeof descriptor);
      args[i] = at - sizeof descriptor;
    }
  }
  /* mlirExecutionEngineInvokePacked adds the _mlir_ciface_ prefix itself. */
  InvokeJob j = {JIT(jit), str_ref(name, len), args, false};
  run_on_big_stack(invoke, &j);
  free(args);
  return j.ok;
}

MLIRFFI_EXPORT void mlirffi_jit_dump_object(H jit, const uint8_t *path, uint32_t len) {
  mlirExecutionEngineDumpToObjectFile(JIT(jit), str_ref(path, len));
}
