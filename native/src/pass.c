/* Pass managers: built from a textual pipeline or step by step (nested
 * managers, passes by name), run on any operation, with optional IR printing
 * and timing captured as text. */
#include "shim.h"

#define PM(h) ((MlirPassManager){hp(h)})
#define OPM(h) ((MlirOpPassManager){hp(h)})

/* Parses a pipeline. An anchored pipeline (`builtin.module(...)`) replaces
 * the manager's root; otherwise the elements are added to a manager that
 * runs on any operation. Returns 0 on failure with MLIR's message as the text
 * result (MLIR aborts when no error callback is given, so one always is). */
MLIRFFI_EXPORT H mlirffi_pm_parse(H ctx, const uint8_t *text, uint32_t len, bool anchored) {
  MlirPassManager pm = mlirPassManagerCreate(ffi_ctx_raw(hp(ctx)));
  Buf *out = out_begin();
  MlirOpPassManager opm = mlirPassManagerGetAsOpPassManager(pm);
  MlirLogicalResult r = anchored
      ? mlirParsePassPipeline(opm, str_ref(text, len), out_string_callback, out)
      : mlirOpPassManagerAddPipeline(opm, str_ref(text, len), out_string_callback, out);
  if (mlirLogicalResultIsFailure(r)) {
    mlirPassManagerDestroy(pm);
    return 0;
  }
  return ph(pm.ptr);
}

/* An empty pass manager anchored on `anchor` (e.g. "builtin.module", "any"). */
MLIRFFI_EXPORT H mlirffi_pm_create(H ctx, const uint8_t *anchor, uint32_t len) {
  return ph(mlirPassManagerCreateOnOperation(ffi_ctx_raw(hp(ctx)), str_ref(anchor, len)).ptr);
}

/* The pass manager as an op pass manager (its root nesting level). */
MLIRFFI_EXPORT H mlirffi_pm_root(H pm) { return ph(mlirPassManagerGetAsOpPassManager(PM(pm)).ptr); }

/* The nested manager for operations called `name` inside `opm` (created on first use). */
MLIRFFI_EXPORT H mlirffi_opm_nest(H opm, const uint8_t *name, uint32_t len) {
  return ph(mlirOpPassManagerGetNestedUnder(OPM(opm), str_ref(name, len)).ptr);
}

/* Adds pipeline elements (`canonicalize,cse`) to `opm`; on failure the reason
 * is the text result. */
MLIRFFI_EXPORT bool mlirffi_opm_add(H opm, const uint8_t *text, uint32_t len) {
  Buf *out = out_begin();
  return mlirLogicalResultIsSuccess(mlirOpPassManagerAddPipeline(OPM(opm), str_ref(text, len), out_string_callback, out));
}

MLIRFFI_EXPORT double mlirffi_opm_print(H opm, uint8_t *dst, uint32_t cap) {
  mlirPrintPassPipeline(OPM(opm), out_string_callback, out_begin());
  return out_deliver(dst, cap);
}

/* Length of the text result left by the last call (e.g. a pipeline error). */
MLIRFFI_EXPORT double mlirffi_out_length(void) { return out_deliver(NULL, 0); }

typedef struct {
  MlirPassManager pm;
} DestroyJob;

static void destroy_pm(void *p) { mlirPassManagerDestroy(((DestroyJob *)p)->pm); }

/* Destroys the manager. With `capture`, what it prints on the way out (the
 * timing report) becomes the text result. */
MLIRFFI_EXPORT double mlirffi_pm_destroy_capture(H pm, bool capture) {
  DestroyJob j = {PM(pm)};
  if (!capture) {
    destroy_pm(&j);
    return 0;
  }
  Capture c = capture_begin();
  destroy_pm(&j);
  capture_end(c);
  return out_deliver(NULL, 0);
}

MLIRFFI_EXPORT void mlirffi_pm_destroy(H pm) { mlirPassManagerDestroy(PM(pm)); }

MLIRFFI_EXPORT void mlirffi_pm_enable_verifier(H pm, bool enable) { mlirPassManagerEnableVerifier(PM(pm), enable); }

MLIRFFI_EXPORT void mlirffi_pm_enable_timing(H pm) { mlirPassManagerEnableTiming(PM(pm)); }

enum { IR_BEFORE = 1, IR_AFTER = 2, IR_MODULE_SCOPE = 4, IR_ONLY_ON_CHANGE = 8, IR_ONLY_ON_FAILURE = 16 };

MLIRFFI_EXPORT void mlirffi_pm_enable_ir_printing(H pm, int32_t what) {
  MlirOpPrintingFlags flags = mlirOpPrintingFlagsCreate();
  mlirPassManagerEnableIRPrinting(PM(pm), (what & IR_BEFORE) != 0, (what & IR_AFTER) != 0,
                                  (what & IR_MODULE_SCOPE) != 0, (what & IR_ONLY_ON_CHANGE) != 0,
                                  (what & IR_ONLY_ON_FAILURE) != 0, flags, (MlirStringRef){NULL, 0});
  mlirOpPrintingFlagsDestroy(flags);
}

typedef struct {
  MlirPassManager pm;
  MlirOperation op;
  bool ok;
} RunJob;

static void run_pm(void *p) {
  RunJob *j = p;
  j->ok = mlirLogicalResultIsSuccess(mlirPassManagerRunOnOp(j->pm, j->op));
}

/* Runs the manager on `op`. With `capture`, what MLIR prints meanwhile (IR
 * printing) becomes the text result; otherwise the text result is empty.
 * With `big_stack` false (a pipeline with TypeScript passes, which run JS),
 * it runs on the runtime's own stack (see callbacks.c). */
MLIRFFI_EXPORT bool mlirffi_pm_run(H pm, H op, bool capture, bool big_stack) {
  RunJob j = {PM(pm), AS_OP(op), false};
  Capture c;
  if (capture) c = capture_begin();
  else out_begin();
  if (big_stack) run_on_big_stack(run_pm, &j);
  else run_pm(&j);
  if (capture) capture_end(c);
  return j.ok;
}

/* Prints the pipeline in textual form. */
MLIRFFI_EXPORT double mlirffi_pm_print(H pm, uint8_t *dst, uint32_t cap) {
  MlirOpPassManager opm = mlirPassManagerGetAsOpPassManager(PM(pm));
  mlirPrintPassPipeline(opm, out_string_callback, out_begin());
  return out_deliver(dst, cap);
}
