/* Calls from MLIR into JavaScript: one dispatcher function, installed once
 * per process by src/ffi/callbacks.ts, through which every callback goes
 * (TypeScript passes now; patterns and diagnostic handlers use the same
 * door).
 *
 * The dispatcher runs JS, so it is called only on the thread that installed
 * it and never on the big stack (bigstack.c): a runtime's JIT and garbage
 * collector know only their own thread's stack. A callback that would break
 * either rule is not made; the caller sees a failure with a diagnostic
 * instead. JS exceptions never reach here: the JS side catches everything
 * and returns a status. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "shim.h"

typedef int32_t (*Dispatcher)(int32_t kind, int32_t id, double a, double b);

static Dispatcher dispatcher;
static pthread_t js_thread;

/* What a callback is for (the `kind` argument). */
enum { CALLBACK_PASS_RUN = 1 };

/* The dispatcher's answers: 0 success; anything else a failure the JS side
 * has recorded (its error surfaces when the native call returns). */
enum { CALLBACK_REFUSED = -1 };

MLIRFFI_EXPORT void mlirffi_set_dispatcher(void *fn) {
  dispatcher = (Dispatcher)fn;
  js_thread = pthread_self();
}

/* Calls into JS when that is safe here; otherwise emits `why` at `loc`. */
static int32_t dispatch(int32_t kind, int32_t id, double a, double b, MlirLocation loc) {
  const char *why = NULL;
  if (!dispatcher) why = "mlir-ffi: no JavaScript dispatcher is installed";
  else if (!pthread_equal(pthread_self(), js_thread))
    why = "mlir-ffi: a JavaScript callback was called from another thread; it was not run (run single-threaded)";
  else if (ffi_on_big_stack())
    why = "mlir-ffi: a JavaScript callback was called on the shim's own stack; it was not run";
  if (why) {
    mlirEmitError(loc, why);
    return CALLBACK_REFUSED;
  }
  return dispatcher(kind, id, a, b);
}

/* ---- passes written in TypeScript ----
 * The pass's user data is its id in the JS registry; a clone (MLIR clones
 * passes for each thread of a parallel run) shares it. */
typedef struct {
  int32_t id;
} PassData;

static void pass_construct(void *data) { (void)data; }
static void pass_destruct(void *data) { free(data); }
static MlirLogicalResult pass_initialize(MlirContext ctx, void *data) {
  (void)ctx;
  (void)data;
  return mlirLogicalResultSuccess();
}
static void *pass_clone(void *data) {
  PassData *copy = malloc(sizeof *copy);
  if (!copy) abort();
  *copy = *(PassData *)data;
  return copy;
}
static void pass_run(MlirOperation op, MlirExternalPass pass, void *data) {
  int32_t status = dispatch(CALLBACK_PASS_RUN, ((PassData *)data)->id, ph(op.ptr), ph(pass.ptr),
                            mlirOperationGetLocation(op));
  if (status != 0) mlirExternalPassSignalFailure(pass);
}

/* One TypeID per pass made: MLIR tells passes apart by it. The allocator
 * lives for the process, as the TypeIDs must. */
static MlirTypeIDAllocator type_ids;

/* A pass whose run calls the dispatcher with `id`. `op_name` is empty for a
 * pass on any operation. MLIR copies the name, argument and description; it
 * keeps only a reference to the op name, so that is taken from the context's
 * identifiers, which live as long as the context. */
MLIRFFI_EXPORT H mlirffi_external_pass_create(H ctx, int32_t id, const uint8_t *name, uint32_t name_len,
                                              const uint8_t *argument, uint32_t argument_len,
                                              const uint8_t *description, uint32_t description_len,
                                              const uint8_t *op_name, uint32_t op_name_len) {
  if (!type_ids.ptr) type_ids = mlirTypeIDAllocatorCreate();
  PassData *data = malloc(sizeof *data);
  if (!data) abort();
  data->id = id;
  MlirStringRef anchor = {NULL, 0};
  if (op_name_len > 0) anchor = mlirIdentifierStr(mlirIdentifierGet(ffi_ctx_raw(hp(ctx)), str_ref(op_name, op_name_len)));
  MlirExternalPassCallbacks callbacks = {pass_construct, pass_destruct, pass_initialize, pass_clone, pass_run};
  MlirPass pass = mlirCreateExternalPass(mlirTypeIDAllocatorAllocateTypeID(type_ids), str_ref(name, name_len),
                                         str_ref(argument, argument_len), str_ref(description, description_len),
                                         anchor, 0, NULL, callbacks, data);
  return ph(pass.ptr);
}

/* Hands `pass` to the op pass manager, which owns it from now on. */
MLIRFFI_EXPORT void mlirffi_opm_add_owned_pass(H opm, H pass) {
  mlirOpPassManagerAddOwnedPass((MlirOpPassManager){hp(opm)}, (MlirPass){hp(pass)});
}
