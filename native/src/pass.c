/* Pass managers: built from a textual pipeline, run on any operation. */
#include "shim.h"

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

/* Length of the text result left by the last call (e.g. a pipeline error). */
MLIRFFI_EXPORT double mlirffi_out_length(void) { return out_deliver(NULL, 0); }

MLIRFFI_EXPORT void mlirffi_pm_destroy(H pm) { mlirPassManagerDestroy((MlirPassManager){hp(pm)}); }

MLIRFFI_EXPORT void mlirffi_pm_enable_verifier(H pm, bool enable) {
  mlirPassManagerEnableVerifier((MlirPassManager){hp(pm)}, enable);
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

MLIRFFI_EXPORT bool mlirffi_pm_run(H pm, H op) {
  RunJob j = {(MlirPassManager){hp(pm)}, AS_OP(op), false};
  run_on_big_stack(run_pm, &j);
  return j.ok;
}

/* Prints the pipeline in textual form. */
MLIRFFI_EXPORT double mlirffi_pm_print(H pm, uint8_t *dst, uint32_t cap) {
  MlirOpPassManager opm = mlirPassManagerGetAsOpPassManager((MlirPassManager){hp(pm)});
  mlirPrintPassPipeline(opm, out_string_callback, out_begin());
  return out_deliver(dst, cap);
}
