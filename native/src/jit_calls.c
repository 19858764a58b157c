/* The execution engine: JIT-compiles a module in the LLVM dialect and calls
 * its functions through their packed C interface (`llvm.emit_c_interface`).
 * Engines are initialised only when the JS side says so, so host functions
 * can be registered first; calls may have memref results and any number of
 * memref arguments, and run on the runtime's own stack when compiled code
 * may call back into JS.
 *
 * Arguments cross in one byte buffer the JS side lays out: for each packed
 * argument (inputs, then results) an offset into the buffer and a kind. A
 * scalar (kind 0) lives at its offset. A memref's descriptor lives at its
 * offset, preceded by one pointer-sized slot: the C interface takes a
 * pointer to the descriptor, and the packed convention a pointer to that. A
 * positive kind k is a memref argument whose data is typed array argument
 * k - 1 of this call (so its address is valid for exactly this call), or,
 * past the eighth, was staged beforehand with mlirffi_jit_stage_memref, as
 * the call has only eight buffer parameters. Kind -1 is a memref *result*:
 * its descriptor is filled by the callee. Kind -2 is the struct MLIR packs
 * several scalar results into, filled by the callee like a descriptor.
 *
 * Memref results and ownership: a result whose allocated pointer is neither
 * null, nor MLIR's sentinel for globals (0xdeadbeef), nor the data of one of
 * the call's own memref arguments, nor that of an earlier result, was
 * allocated by the compiled code with malloc. After the call the shim marks
 * each result owned or not (in the pointer slot before its descriptor, no
 * longer needed then); mlirffi_jit_take_memref copies the data out and frees
 * an owned buffer with free. The compiled code allocates with the same
 * allocator: every engine binds its C allocation functions to this
 * library's own (see bind_allocator). */
#include <dlfcn.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <mlir-c/ExecutionEngine.h>
#include <mlir-c/RegisterEverything.h>

#include "shim.h"

/* Debian's MLIR packages ship no llvm-c headers, which mlir-c/Target/LLVMIR.h
 * includes; these are the declarations used here, from LLVM's stable C API
 * (libLLVM) and MLIR's libMLIRCAPITarget. */
typedef struct LLVMOpaqueContext *LLVMContextRef;
typedef struct LLVMOpaqueModule *LLVMModuleRef;
LLVMContextRef LLVMContextCreate(void);
void LLVMContextDispose(LLVMContextRef c);
char *LLVMPrintModuleToString(LLVMModuleRef m);
void LLVMDisposeMessage(char *message);
void LLVMDisposeModule(LLVMModuleRef m);
LLVMModuleRef mlirTranslateModuleToLLVMIR(MlirOperation module, LLVMContextRef context);

#define JIT(h) ((MlirExecutionEngine){hp(h)})
#define PARAM_MEMREFS 8
/* More memref parameters and results than any real kernel has; the JS side
 * refuses a function with more before calling. */
#define MAX_STAGED 1024
#define GLOBAL_SENTINEL ((uintptr_t)0xdeadbeef)

/* Per thread: each JS worker stages for its own calls. */
static _Thread_local uint8_t *staged[MAX_STAGED];

/* Loads the shared library at `path` (NUL-terminated) as the engine will
 * (lazy binding, global symbols), so a file that is not a loadable library
 * is reported before the engine, which would only print a warning, skips
 * it. Returns 0 when it loads, else the length of dlerror's text, delivered
 * into `dst`. The library stays loaded: the engine keeps it for the process
 * anyway. */
MLIRFFI_EXPORT double mlirffi_jit_load_library(const uint8_t *path, uint8_t *dst, uint32_t cap) {
  if (dlopen((const char *)path, RTLD_LAZY | RTLD_GLOBAL)) return 0;
  const char *why = dlerror();
  Buf *out = out_begin();
  buf_append_cstr(out, why ? why : "dlopen failed");
  return out_deliver(dst, cap);
}

/* Binds the compiled code's C allocation functions (what memref.alloc and
 * memref.dealloc lower to) to the ones this library calls, so a result
 * buffer the code allocates is one this library can free. Left to the
 * engine, they resolve through the process's global scope, which need not
 * give the pair this library binds to: under the official Node 26 build
 * with glibc's debug malloc LD_PRELOADed, freeing the code's buffers here
 * aborted ("free(): invalid pointer"). A preloaded jemalloc or tcmalloc
 * is the same situation. */
static void bind_allocator(MlirExecutionEngine jit) {
  mlirExecutionEngineRegisterSymbol(jit, mlirStringRefCreateFromCString("malloc"), (void *)malloc);
  mlirExecutionEngineRegisterSymbol(jit, mlirStringRefCreateFromCString("calloc"), (void *)calloc);
  mlirExecutionEngineRegisterSymbol(jit, mlirStringRefCreateFromCString("realloc"), (void *)realloc);
  mlirExecutionEngineRegisterSymbol(jit, mlirStringRefCreateFromCString("aligned_alloc"), (void *)aligned_alloc);
  mlirExecutionEngineRegisterSymbol(jit, mlirStringRefCreateFromCString("free"), (void *)free);
}

/* Creates an engine for `module_op` (which must be in the LLVM dialect),
 * without running the module's global constructors: mlirffi_jit_initialize
 * does that, once the host functions they may call are registered. `libs`
 * holds `nlibs` NUL-terminated paths, one after another. */
MLIRFFI_EXPORT H mlirffi_jit_create_deferred(H ctx, H module_op, int32_t opt_level, const uint8_t *libs,
                                             int32_t nlibs, bool object_dump) {
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
  bind_allocator(jit);
  return ph(jit.ptr);
}

MLIRFFI_EXPORT void mlirffi_jit_initialize(H jit) { mlirExecutionEngineInitialize(JIT(jit)); }

/* Binds external symbol `name` to `sym` for the engine's compiled code. */
MLIRFFI_EXPORT void mlirffi_jit_register_symbol(H jit, const uint8_t *name, uint32_t len, void *sym) {
  mlirExecutionEngineRegisterSymbol(JIT(jit), str_ref(name, len), sym);
}

/* The process's handle, through which the engine resolves what the module
 * neither defines nor has registered. */
static void *process_handle(void) {
  static void *process;
  if (!process) process = dlopen(NULL, RTLD_LAZY);
  return process;
}

/* Whether the engine would find `name` (NUL-terminated) among the process's
 * global symbols, where it resolves what the module declares and neither
 * defines nor has registered (shared libraries load with global symbols).
 * The process's handle, not RTLD_DEFAULT: that would also search this
 * library's own dependencies, which the engine does not see. */
MLIRFFI_EXPORT bool mlirffi_jit_process_has_symbol(const uint8_t *name) {
  void *process = process_handle();
  dlerror();
  return process && dlsym(process, (const char *)name) != NULL;
}

/* The address of `name` in the compiled code, or 0: the packed wrapper
 * `_mlir_<name>` when `packed`, else the symbol itself. Compiles the module
 * on first use. */
MLIRFFI_EXPORT H mlirffi_jit_lookup(H jit, const uint8_t *name, uint32_t len, bool packed) {
  MlirStringRef s = str_ref(name, len);
  return ph(packed ? mlirExecutionEngineLookupPacked(JIT(jit), s) : mlirExecutionEngineLookup(JIT(jit), s));
}

/* Stages the data pointer of memref `index` (from the eighth on) for the
 * next mlirffi_jit_call on this thread. */
MLIRFFI_EXPORT void mlirffi_jit_stage_memref(int32_t index, uint8_t *data) {
  if (index >= PARAM_MEMREFS && index < MAX_STAGED) staged[index] = data;
}

typedef struct {
  MlirExecutionEngine jit;
  MlirStringRef name;
  void **args;
  bool ok;
} CallJob;

static void call(void *p) {
  CallJob *j = p;
  j->ok = mlirLogicalResultIsSuccess(mlirExecutionEngineInvokePacked(j->jit, j->name, j->args));
}

/* Calls function `name` through its C interface. Kinds: 0 a scalar at its
 * offset; k > 0 memref argument k - 1; -1 a memref result; -2 the struct of
 * several scalar results. On the big stack when `big_stack` (deep
 * recursion), else on the caller's stack (the compiled code calls JS host
 * functions). Returns false if the function
 * cannot be looked up. */
MLIRFFI_EXPORT bool mlirffi_jit_call(H jit, const uint8_t *name, uint32_t len, uint8_t *storage,
                                     const int32_t *offsets, const int32_t *kinds, int32_t nargs, bool big_stack,
                                     uint8_t *m0, uint8_t *m1, uint8_t *m2, uint8_t *m3, uint8_t *m4, uint8_t *m5,
                                     uint8_t *m6, uint8_t *m7) {
  uint8_t *params[PARAM_MEMREFS] = {m0, m1, m2, m3, m4, m5, m6, m7};
  void **args = malloc(sizeof *args * (nargs > 0 ? (size_t)nargs : 1));
  if (!args) abort();
  for (int32_t i = 0; i < nargs; i++) {
    uint8_t *at = storage + offsets[i];
    if (kinds[i] == 0) {
      args[i] = at;
      continue;
    }
    if (kinds[i] > 0) {
      int32_t k = kinds[i] - 1;
      uint8_t *data = k < PARAM_MEMREFS ? params[k] : k < MAX_STAGED ? staged[k] : NULL;
      /* Descriptor: allocated and aligned pointers first. */
      memcpy(at, &data, sizeof data);
      memcpy(at + sizeof data, &data, sizeof data);
    } else if (kinds[i] == -1) {
      /* A result: null pointers until the callee fills it, so a failed call
       * leaves nothing to free. */
      memset(at, 0, 2 * sizeof(void *));
    }
    /* kind -2, the struct of several scalar results: the JS side zeroed it. */
    void *descriptor = at;
    memcpy(at - sizeof descriptor, &descriptor, sizeof descriptor);
    args[i] = at - sizeof descriptor;
  }
  /* mlirExecutionEngineInvokePacked adds the _mlir_ciface_ prefix itself. */
  CallJob j = {JIT(jit), str_ref(name, len), args, false};
  if (big_stack) run_on_big_stack(call, &j);
  else call(&j);
  free(args);
  /* Who owns each result's buffer (see the top of this file). */
  for (int32_t i = 0; i < nargs; i++) {
    if (kinds[i] != -1) continue;
    uint8_t *at = storage + offsets[i];
    void *allocated;
    memcpy(&allocated, at, sizeof allocated);
    int64_t owned = allocated != NULL && (uintptr_t)allocated != GLOBAL_SENTINEL;
    for (int32_t k = 0; owned && k < nargs; k++) {
      if (kinds[k] == 0 || kinds[k] == -2 || k == i) continue;
      void *other;
      memcpy(&other, storage + offsets[k], sizeof other);
      if (other == allocated && (kinds[k] > 0 || k < i)) owned = 0;
    }
    memcpy(at - sizeof(void *), &owned, sizeof owned);
  }
  return j.ok;
}

/* Copies the memref result whose descriptor is at `storage + offset` (rank
 * `rank`, elements of `elem_size` bytes) into `out`, row-major, following
 * its offset and strides; `out` is null to skip the copy. Then frees its
 * buffer when `owned`. The JS side has checked the sizes against `out`. */
MLIRFFI_EXPORT void mlirffi_jit_take_memref(const uint8_t *storage, int32_t offset, int32_t rank, int32_t elem_size,
                                            uint8_t *out, bool owned) {
  const uint8_t *d = storage + offset;
  void *allocated;
  const uint8_t *aligned;
  int64_t elem_offset, sizes[64], strides[64], index[64] = {0};
  if (rank < 0 || rank > 64) return;
  memcpy(&allocated, d, sizeof allocated);
  memcpy(&aligned, d + 8, sizeof aligned);
  memcpy(&elem_offset, d + 16, 8);
  memcpy(sizes, d + 24, 8 * (size_t)rank);
  memcpy(strides, d + 24 + 8 * (size_t)rank, 8 * (size_t)rank);
  int64_t count = 1;
  for (int32_t r = 0; r < rank; r++) count *= sizes[r];
  if (out && aligned && count > 0) {
    for (int64_t n = 0; n < count; n++) {
      int64_t at = elem_offset;
      for (int32_t r = 0; r < rank; r++) at += index[r] * strides[r];
      memcpy(out + n * elem_size, aligned + at * elem_size, (size_t)elem_size);
      for (int32_t r = rank - 1; r >= 0; r--) {
        if (++index[r] < sizes[r]) break;
        index[r] = 0;
      }
    }
  }
  if (owned) free(allocated);
}

typedef struct {
  MlirOperation module;
  double len;
} TranslateJob;

static void translate(void *p) {
  TranslateJob *j = p;
  LLVMContextRef llvm = LLVMContextCreate();
  /* mlirTranslateModuleToLLVMIRToString would print a null module (and
   * crash) when translation fails; this checks first. */
  LLVMModuleRef m = mlirTranslateModuleToLLVMIR(j->module, llvm);
  if (m) {
    char *text = LLVMPrintModuleToString(m);
    buf_append_cstr(out_begin(), text);
    LLVMDisposeMessage(text);
    LLVMDisposeModule(m);
    j->len = 1;
  }
  LLVMContextDispose(llvm);
}

/* Translates `module_op` (in the LLVM dialect) to LLVM IR text, delivered
 * into `dst`; returns its length, or 0 when translation fails (with
 * diagnostics). */
MLIRFFI_EXPORT double mlirffi_translate_to_llvm_ir(H ctx, H module_op, uint8_t *dst, uint32_t cap) {
  mlirRegisterAllLLVMTranslations(ffi_ctx_raw(hp(ctx)));
  TranslateJob j = {AS_OP(module_op), 0};
  out_begin();
  run_on_big_stack(translate, &j);
  return j.len ? out_deliver(dst, cap) : 0;
}
