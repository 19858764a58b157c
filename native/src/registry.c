/* Dialect registries: which dialects a context knows. A registry is filled
 * by dialect name (each upstream dialect's C API handle) or with everything
 * upstream has (mlirRegisterAllDialects, which also adds the dialect
 * extensions and external interface models); a context is created from one
 * or has one appended. MLIR copies what it registers, so a registry can be
 * destroyed once used. A registered dialect loads on first use (parsing,
 * building, or loadDialect). */
#include <string.h>

#include <mlir-c/RegisterEverything.h>

#include "shim.h"

/* Every upstream dialect with a C API handle, by namespace, sorted. Their
 * getters are declared here rather than through each dialect's header: some
 * of those headers are not valid C. */
#define DIALECTS_LIST(X) \
  X(acc) \
  X(affine) \
  X(amdgpu) \
  X(amx) \
  X(arith) \
  X(arm_neon) \
  X(arm_sme) \
  X(arm_sve) \
  X(async) \
  X(bufferization) \
  X(cf) \
  X(complex) \
  X(dlti) \
  X(emitc) \
  X(func) \
  X(gpu) \
  X(index) \
  X(irdl) \
  X(linalg) \
  X(llvm) \
  X(math) \
  X(memref) \
  X(ml_program) \
  X(mpi) \
  X(nvgpu) \
  X(nvvm) \
  X(omp) \
  X(pdl) \
  X(pdl_interp) \
  X(ptr) \
  X(quant) \
  X(rocdl) \
  X(scf) \
  X(shape) \
  X(shard) \
  X(smt) \
  X(sparse_tensor) \
  X(spirv) \
  X(tensor) \
  X(tosa) \
  X(transform) \
  X(ub) \
  X(vcix) \
  X(vector) \
  X(wasmssa) \
  X(x86vector) \
  X(xegpu) \
  X(xevm)

#define DECLARE(ns) MlirDialectHandle mlirGetDialectHandle__##ns##__(void);
DIALECTS_LIST(DECLARE)

typedef MlirDialectHandle (*HandleGetter)(void);

static const struct {
  const char *name;
  HandleGetter get;
} DIALECTS[] = {
#define ENTRY(ns) {#ns, mlirGetDialectHandle__##ns##__},
    DIALECTS_LIST(ENTRY)
};

#define N_DIALECTS (sizeof DIALECTS / sizeof DIALECTS[0])

MLIRFFI_EXPORT H mlirffi_registry_create(void) { return ph(mlirDialectRegistryCreate().ptr); }

MLIRFFI_EXPORT void mlirffi_registry_destroy(H r) { mlirDialectRegistryDestroy((MlirDialectRegistry){hp(r)}); }

/* Adds the dialect `name` to the registry; false when no upstream dialect has
 * that namespace. */
MLIRFFI_EXPORT bool mlirffi_registry_insert(H r, const uint8_t *name, uint32_t len) {
  for (size_t i = 0; i < N_DIALECTS; i++) {
    if (strlen(DIALECTS[i].name) == len && memcmp(DIALECTS[i].name, name, len) == 0) {
      mlirDialectHandleInsertDialect(DIALECTS[i].get(), (MlirDialectRegistry){hp(r)});
      return true;
    }
  }
  return false;
}

/* Adds every upstream dialect, extension and interface model. */
MLIRFFI_EXPORT void mlirffi_registry_insert_all(H r) { mlirRegisterAllDialects((MlirDialectRegistry){hp(r)}); }

/* The names registry_insert knows, comma-separated, as the text result. */
MLIRFFI_EXPORT double mlirffi_registry_known_dialects(uint8_t *dst, uint32_t cap) {
  Buf *out = out_begin();
  for (size_t i = 0; i < N_DIALECTS; i++) {
    if (i) buf_append(out, ",", 1);
    buf_append_cstr(out, DIALECTS[i].name);
  }
  return out_deliver(dst, cap);
}

/* A context record with only the registry's dialects (and builtin). */
MLIRFFI_EXPORT H mlirffi_context_create_with_registry(H r, bool allow_unregistered, bool threading) {
  return ph(ffi_context_create((MlirDialectRegistry){hp(r)}, allow_unregistered, threading));
}

MLIRFFI_EXPORT void mlirffi_context_append_registry(H c, H r) {
  mlirContextAppendDialectRegistry(ffi_ctx_raw(hp(c)), (MlirDialectRegistry){hp(r)});
}

MLIRFFI_EXPORT int32_t mlirffi_context_num_registered_dialects(H c) {
  return (int32_t)mlirContextGetNumRegisteredDialects(ffi_ctx_raw(hp(c)));
}

MLIRFFI_EXPORT int32_t mlirffi_context_num_loaded_dialects(H c) {
  return (int32_t)mlirContextGetNumLoadedDialects(ffi_ctx_raw(hp(c)));
}

/* Loads the registered dialect `name` (a no-op when loaded); false when the
 * context has no such dialect registered. */
MLIRFFI_EXPORT bool mlirffi_context_load_dialect(H c, const uint8_t *name, uint32_t len) {
  return !mlirDialectIsNull(mlirContextGetOrLoadDialect(ffi_ctx_raw(hp(c)), str_ref(name, len)));
}

MLIRFFI_EXPORT void mlirffi_context_load_all_available_dialects(H c) {
  mlirContextLoadAllAvailableDialects(ffi_ctx_raw(hp(c)));
}
