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

#include <mlir-c/Rewrite.h>

#include "shim.h"

typedef int32_t (*Dispatcher)(int32_t kind, int32_t id, double a, double b);

static Dispatcher dispatcher;
static pthread_t js_thread;

/* What a callback is for (the `kind` argument). */
enum { CALLBACK_PASS_RUN = 1, CALLBACK_PATTERN = 2 };

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

/* ---- rewrite patterns written in TypeScript ----
 * A pattern's user data is its id in the JS registry. Its answer: 0 it
 * matched and rewrote, anything else it did not (or failed; the JS side
 * keeps the error and answers "no match" from then on, so the driver runs
 * out without calling JS again). */

typedef struct {
  int32_t id;
} PatternData;

static void pattern_destruct(void *data) { free(data); }

static MlirLogicalResult pattern_match(MlirRewritePattern pattern, MlirOperation op, MlirPatternRewriter rewriter,
                                       void *data) {
  (void)pattern;
  int32_t status = dispatch(CALLBACK_PATTERN, ((PatternData *)data)->id, ph(op.ptr),
                            ph(mlirPatternRewriterAsBase(rewriter).ptr), mlirOperationGetLocation(op));
  return status == 0 ? mlirLogicalResultSuccess() : mlirLogicalResultFailure();
}

MLIRFFI_EXPORT H mlirffi_pattern_set_create(H ctx) { return ph(mlirRewritePatternSetCreate(ffi_ctx_raw(hp(ctx))).ptr); }
MLIRFFI_EXPORT void mlirffi_pattern_set_destroy(H set) { mlirRewritePatternSetDestroy((MlirRewritePatternSet){hp(set)}); }

/* Adds a pattern rooted at ops named `root`, calling the dispatcher with `id`. */
MLIRFFI_EXPORT void mlirffi_pattern_set_add(H set, H ctx, int32_t id, const uint8_t *root, uint32_t root_len,
                                            uint32_t benefit) {
  PatternData *data = malloc(sizeof *data);
  if (!data) abort();
  data->id = id;
  MlirRewritePatternCallbacks callbacks = {NULL, pattern_destruct, pattern_match};
  MlirRewritePattern p = mlirOpRewritePatternCreate(str_ref(root, root_len), benefit, ffi_ctx_raw(hp(ctx)), callbacks,
                                                    data, 0, NULL);
  mlirRewritePatternSetAdd((MlirRewritePatternSet){hp(set)}, p);
}

/* Freezes the set's patterns; the emptied set is freed (the C API moves the
 * patterns out and leaves the set behind). */
MLIRFFI_EXPORT H mlirffi_pattern_set_freeze(H set) {
  MlirRewritePatternSet s = {hp(set)};
  MlirFrozenRewritePatternSet frozen = mlirFreezeRewritePattern(s);
  mlirRewritePatternSetDestroy(s);
  return ph(frozen.ptr);
}
MLIRFFI_EXPORT void mlirffi_frozen_patterns_destroy(H frozen) {
  mlirFrozenRewritePatternSetDestroy((MlirFrozenRewritePatternSet){hp(frozen)});
}

/* Runs the greedy driver on `op`; 1 when it converged, 0 when it did not.
 * Patterns that call JS run on the runtime's own stack (see above). */
MLIRFFI_EXPORT int32_t mlirffi_apply_patterns_greedily(H op, H frozen, double max_iterations, double max_rewrites,
                                                       bool top_down, bool folding, int32_t strictness,
                                                       int32_t region_level, bool constant_cse) {
  MlirGreedyRewriteDriverConfig config = mlirGreedyRewriteDriverConfigCreate();
  mlirGreedyRewriteDriverConfigSetMaxIterations(config, (int64_t)max_iterations);
  mlirGreedyRewriteDriverConfigSetMaxNumRewrites(config, (int64_t)max_rewrites);
  mlirGreedyRewriteDriverConfigSetUseTopDownTraversal(config, top_down);
  mlirGreedyRewriteDriverConfigEnableFolding(config, folding);
  mlirGreedyRewriteDriverConfigSetStrictness(config, (MlirGreedyRewriteStrictness)strictness);
  mlirGreedyRewriteDriverConfigSetRegionSimplificationLevel(config, (MlirGreedySimplifyRegionLevel)region_level);
  mlirGreedyRewriteDriverConfigEnableConstantCSE(config, constant_cse);
  MlirLogicalResult r =
      mlirApplyPatternsAndFoldGreedilyWithOp(AS_OP(op), (MlirFrozenRewritePatternSet){hp(frozen)}, config);
  mlirGreedyRewriteDriverConfigDestroy(config);
  return mlirLogicalResultIsSuccess(r) ? 1 : 0;
}

MLIRFFI_EXPORT void mlirffi_walk_and_apply_patterns(H op, H frozen) {
  mlirWalkAndApplyPatterns(AS_OP(op), (MlirFrozenRewritePatternSet){hp(frozen)});
}

/* ---- the rewriter, during a pattern ---- */
#define RW(h) ((MlirRewriterBase){hp(h)})

MLIRFFI_EXPORT void mlirffi_rewriter_replace_op(H rw, H op, const double *values, int32_t n) {
  MlirValue small[8] = {{NULL}};
  MlirValue *vs = n <= 8 ? small : malloc(sizeof *vs * (size_t)n);
  if (!vs) abort();
  for (int32_t i = 0; i < n; i++) vs[i] = AS_VALUE(values[i]);
  mlirRewriterBaseReplaceOpWithValues(RW(rw), AS_OP(op), n, vs);
  if (vs != small) free(vs);
}
MLIRFFI_EXPORT void mlirffi_rewriter_erase_op(H rw, H op) { mlirRewriterBaseEraseOp(RW(rw), AS_OP(op)); }
MLIRFFI_EXPORT void mlirffi_rewriter_replace_all_uses_with(H rw, H from, H to) {
  mlirRewriterBaseReplaceAllUsesWith(RW(rw), AS_VALUE(from), AS_VALUE(to));
}
MLIRFFI_EXPORT void mlirffi_rewriter_start_modification(H rw, H op) {
  mlirRewriterBaseStartOpModification(RW(rw), AS_OP(op));
}
MLIRFFI_EXPORT void mlirffi_rewriter_finalize_modification(H rw, H op) {
  mlirRewriterBaseFinalizeOpModification(RW(rw), AS_OP(op));
}
MLIRFFI_EXPORT void mlirffi_rewriter_cancel_modification(H rw, H op) {
  mlirRewriterBaseCancelOpModification(RW(rw), AS_OP(op));
}

/* Inserts `op` through the rewriter (so its driver hears of it): at the end
 * of `block` (where 0), before `ref` (1), after `ref` (2). */
MLIRFFI_EXPORT void mlirffi_rewriter_insert(H rw, int32_t where, H block, H ref, H op) {
  if (where == 1) mlirRewriterBaseSetInsertionPointBefore(RW(rw), AS_OP(ref));
  else if (where == 2) mlirRewriterBaseSetInsertionPointAfter(RW(rw), AS_OP(ref));
  else mlirRewriterBaseSetInsertionPointToEnd(RW(rw), AS_BLOCK(block));
  mlirRewriterBaseInsert(RW(rw), AS_OP(op));
}
