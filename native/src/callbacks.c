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
enum { CALLBACK_PASS_RUN = 1, CALLBACK_PATTERN = 2, CALLBACK_PDL_CONSTRAINT = 3, CALLBACK_PDL_REWRITE = 4 };
/* CALLBACK_DIAGNOSTIC (5) is in shim.h: context.c calls it. */

/* The dispatcher's answers: 0 success; anything else a failure the JS side
 * has recorded (its error surfaces when the native call returns). */
enum { CALLBACK_REFUSED = -1 };

MLIRFFI_EXPORT void mlirffi_set_dispatcher(void *fn) {
  dispatcher = (Dispatcher)fn;
  js_thread = pthread_self();
}

/* The kind as JS gets it: with CALLBACK_DIAGNOSTICS_PENDING when some
 * context has diagnostics JS has not taken (the callback sets its caller's
 * aside then, and only then). */
static int32_t kind_for_js(int32_t kind) {
  return ffi_diagnostics_pending() > 0 ? kind | CALLBACK_DIAGNOSTICS_PENDING : kind;
}

/* Calls into JS when that is safe here; otherwise emits `why` at the
 * location of `op`, or an unknown location of `ctx` when `op` is null (the
 * location is found only then: this runs once per pattern call). */
static int32_t dispatch(int32_t kind, int32_t id, double a, double b, MlirOperation op, MlirContext ctx) {
  const char *why = NULL;
  if (!dispatcher) why = "mlir-ffi: no JavaScript dispatcher is installed";
  else if (!pthread_equal(pthread_self(), js_thread))
    why = "mlir-ffi: a JavaScript callback was called from another thread; it was not run (run single-threaded)";
  else if (ffi_on_big_stack())
    why = "mlir-ffi: a JavaScript callback was called on the shim's own stack; it was not run";
  if (why) {
    mlirEmitError(mlirOperationIsNull(op) ? mlirLocationUnknownGet(ctx) : mlirOperationGetLocation(op), why);
    return CALLBACK_REFUSED;
  }
  return dispatcher(kind_for_js(kind), id, a, b);
}

/* Calls into JS when that is allowed here, without reporting why not (for
 * the diagnostic handler, which cannot emit a diagnostic); -2 when not. */
int32_t ffi_dispatch_quiet(int32_t kind, int32_t id, double a, double b) {
  if (!dispatcher || !pthread_equal(pthread_self(), js_thread) || ffi_on_big_stack()) return -2;
  return dispatcher(kind_for_js(kind), id, a, b);
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
  int32_t status = dispatch(CALLBACK_PASS_RUN, ((PassData *)data)->id, ph(op.ptr), ph(pass.ptr), op,
                            (MlirContext){NULL});
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
                            ph(mlirPatternRewriterAsBase(rewriter).ptr), op, (MlirContext){NULL});
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

/* ---- PDL: pattern modules, and the TypeScript functions they call ----
 * A function's user data is its id in the JS registry, as a pointer-sized
 * integer. A call gives JS a pointer to a PdlCall on this stack; JS reads the
 * arguments and pushes the results through the accessors below, only while
 * the call runs. */
typedef struct {
  MlirRewriterBase rewriter;
  MlirPDLResultList results;
  size_t n;
  MlirPDLValue *values;
} PdlCall;

static MlirLogicalResult pdl_call(int32_t kind, MlirPatternRewriter rewriter, MlirPDLResultList results, size_t n,
                                  MlirPDLValue *values, void *data) {
  PdlCall call = {mlirPatternRewriterAsBase(rewriter), results, n, values};
  int32_t status = dispatch(kind, (int32_t)(intptr_t)data, ph(&call), (double)n, (MlirOperation){NULL},
                            mlirRewriterBaseGetContext(call.rewriter));
  return status == 0 ? mlirLogicalResultSuccess() : mlirLogicalResultFailure();
}
static MlirLogicalResult pdl_constraint(MlirPatternRewriter rw, MlirPDLResultList results, size_t n,
                                        MlirPDLValue *values, void *data) {
  return pdl_call(CALLBACK_PDL_CONSTRAINT, rw, results, n, values, data);
}
static MlirLogicalResult pdl_rewrite(MlirPatternRewriter rw, MlirPDLResultList results, size_t n, MlirPDLValue *values,
                                     void *data) {
  return pdl_call(CALLBACK_PDL_REWRITE, rw, results, n, values, data);
}

/* ---- guarded PDL rewrites ----
 * PDL's own `pdl.erase` and `pdl.replace` trust the pattern: erasing an op
 * whose results are still used, or replacing one with the wrong number of
 * values or with its own results, frees memory still in use. The JS side
 * rewrites those ops in its copy of the module into calls of these native
 * rewrites (pdl_guards.ts), which check first and refuse with a diagnostic,
 * counted for the driver's caller to report. No JS runs. */
static int32_t pdl_refusals;

static bool used_outside(MlirOperation op) {
  intptr_t n = mlirOperationGetNumResults(op);
  for (intptr_t i = 0; i < n; i++)
    if (!mlirOpOperandIsNull(mlirValueGetFirstUse(mlirOperationGetResult(op, i)))) return true;
  return false;
}

/* Whether `v` is defined by `op` or inside it. */
static bool defined_within(MlirValue v, MlirOperation op) {
  MlirOperation def = mlirValueIsAOpResult(v) ? mlirOpResultGetOwner(v)
                                              : mlirBlockGetParentOperation(mlirBlockArgumentGetOwner(v));
  for (; !mlirOperationIsNull(def); def = mlirOperationGetParentOperation(def))
    if (mlirOperationEqual(def, op)) return true;
  return false;
}

static MlirLogicalResult refuse(MlirOperation op, const char *why) {
  pdl_refusals++;
  mlirEmitError(mlirOperationGetLocation(op), why);
  return mlirLogicalResultSuccess(); /* a failed native rewrite aborts MLIR's greedy driver */
}

static MlirLogicalResult guarded_erase(MlirPatternRewriter rw, MlirPDLResultList results, size_t n,
                                       MlirPDLValue *values, void *data) {
  (void)results, (void)data;
  MlirOperation op = n == 1 ? mlirPDLValueAsOperation(values[0]) : (MlirOperation){NULL};
  if (mlirOperationIsNull(op)) return mlirLogicalResultSuccess();
  if (used_outside(op)) return refuse(op, "mlir-ffi: pdl.erase of an op whose results are still used was refused");
  mlirRewriterBaseEraseOp(mlirPatternRewriterAsBase(rw), op);
  return mlirLogicalResultSuccess();
}

static MlirLogicalResult guarded_replace_op(MlirPatternRewriter rw, MlirPDLResultList results, size_t n,
                                            MlirPDLValue *values, void *data) {
  (void)results, (void)data;
  if (n != 2) return mlirLogicalResultSuccess();
  MlirOperation op = mlirPDLValueAsOperation(values[0]), with = mlirPDLValueAsOperation(values[1]);
  if (mlirOperationIsNull(op) || mlirOperationIsNull(with)) return mlirLogicalResultSuccess();
  if (mlirOperationGetNumResults(op) != mlirOperationGetNumResults(with))
    return refuse(op, "mlir-ffi: pdl.replace with an op of another number of results was refused");
  for (MlirOperation p = with; !mlirOperationIsNull(p); p = mlirOperationGetParentOperation(p))
    if (mlirOperationEqual(p, op)) return refuse(op, "mlir-ffi: pdl.replace of an op with itself or an op inside it was refused");
  mlirRewriterBaseReplaceOpWithOperation(mlirPatternRewriterAsBase(rw), op, with);
  return mlirLogicalResultSuccess();
}

static MlirLogicalResult guarded_replace_values(MlirPatternRewriter rw, MlirPDLResultList results, size_t n,
                                                MlirPDLValue *values, void *data) {
  (void)results, (void)data;
  if (n < 1) return mlirLogicalResultSuccess();
  MlirOperation op = mlirPDLValueAsOperation(values[0]);
  if (mlirOperationIsNull(op)) return mlirLogicalResultSuccess();
  if ((size_t)mlirOperationGetNumResults(op) != n - 1)
    return refuse(op, "mlir-ffi: pdl.replace with another number of values than the op has results was refused");
  MlirValue small[8];
  MlirValue *vs = n - 1 <= 8 ? small : malloc(sizeof *vs * (n - 1));
  if (!vs) abort();
  for (size_t i = 1; i < n; i++) {
    vs[i - 1] = mlirPDLValueAsValue(values[i]);
    if (mlirValueIsNull(vs[i - 1]) || defined_within(vs[i - 1], op)) {
      if (vs != small) free(vs);
      return refuse(op, "mlir-ffi: pdl.replace with a value defined by the op being replaced was refused");
    }
  }
  mlirRewriterBaseReplaceOpWithValues(mlirPatternRewriterAsBase(rw), op, (intptr_t)(n - 1), vs);
  if (vs != small) free(vs);
  return mlirLogicalResultSuccess();
}

/* The count of guarded rewrites refused, set to `n`; returns what it was
 * (a driver saves the count of the run it nests in, and gives it back). */
MLIRFFI_EXPORT int32_t mlirffi_pdl_swap_refusals(int32_t n) {
  int32_t old = pdl_refusals;
  pdl_refusals = n;
  return old;
}

/* A PDL pattern module over a copy of the module `op` (MLIR takes ownership
 * of the module it is given; the caller's stays the caller's), with the
 * guarded rewrites registered. */
MLIRFFI_EXPORT H mlirffi_pdl_module_create(H op) {
  MlirModule copy = mlirModuleFromOperation(mlirOperationClone(AS_OP(op)));
  MlirPDLPatternModule m = mlirPDLPatternModuleFromModule(copy);
  mlirPDLPatternModuleRegisterRewriteFunction(m, mlirStringRefCreateFromCString("__mlirffi_erase"), guarded_erase, NULL);
  mlirPDLPatternModuleRegisterRewriteFunction(m, mlirStringRefCreateFromCString("__mlirffi_replace_op"),
                                              guarded_replace_op, NULL);
  mlirPDLPatternModuleRegisterRewriteFunction(m, mlirStringRefCreateFromCString("__mlirffi_replace_values"),
                                              guarded_replace_values, NULL);
  return ph(m.ptr);
}
MLIRFFI_EXPORT void mlirffi_pdl_module_destroy(H pdl) { mlirPDLPatternModuleDestroy((MlirPDLPatternModule){hp(pdl)}); }

/* Registers the function `name` (a constraint when `constraint`), calling the
 * dispatcher with `id`. MLIR copies the name. */
MLIRFFI_EXPORT void mlirffi_pdl_register(H pdl, bool constraint, int32_t id, const uint8_t *name, uint32_t name_len) {
  MlirPDLPatternModule m = {hp(pdl)};
  void *data = (void *)(intptr_t)id;
  if (constraint) mlirPDLPatternModuleRegisterConstraintFunction(m, str_ref(name, name_len), pdl_constraint, data);
  else mlirPDLPatternModuleRegisterRewriteFunction(m, str_ref(name, name_len), pdl_rewrite, data);
}

/* Freezes the module's patterns (compiling them to PDL bytecode); the
 * module, emptied by the move, is freed. */
MLIRFFI_EXPORT H mlirffi_pdl_freeze(H pdl) {
  MlirPDLPatternModule m = {hp(pdl)};
  MlirRewritePatternSet set = mlirRewritePatternSetFromPDLPatternModule(m);
  mlirPDLPatternModuleDestroy(m);
  MlirFrozenRewritePatternSet frozen = mlirFreezeRewritePattern(set);
  mlirRewritePatternSetDestroy(set);
  return ph(frozen.ptr);
}

/* Argument `i` of a PDL call: its kind (1 operation, 2 value, 3 type,
 * 4 attribute, 0 a range, which the C API cannot read) and its handle. */
MLIRFFI_EXPORT int32_t mlirffi_pdl_arg_kind(H call, uint32_t i) {
  PdlCall *c = hp(call);
  if (i >= c->n) return 0;
  MlirPDLValue v = c->values[i];
  if (!mlirOperationIsNull(mlirPDLValueAsOperation(v))) return 1;
  if (!mlirValueIsNull(mlirPDLValueAsValue(v))) return 2;
  if (!mlirTypeIsNull(mlirPDLValueAsType(v))) return 3;
  if (!mlirAttributeIsNull(mlirPDLValueAsAttribute(v))) return 4;
  return 0;
}
MLIRFFI_EXPORT H mlirffi_pdl_arg(H call, uint32_t i, int32_t kind) {
  PdlCall *c = hp(call);
  if (i >= c->n) return 0;
  MlirPDLValue v = c->values[i];
  switch (kind) {
    case 1: return ph(mlirPDLValueAsOperation(v).ptr);
    case 2: return ph(mlirPDLValueAsValue(v).ptr);
    case 3: return ph((void *)mlirPDLValueAsType(v).ptr);
    case 4: return ph((void *)mlirPDLValueAsAttribute(v).ptr);
    default: return 0;
  }
}
MLIRFFI_EXPORT H mlirffi_pdl_rewriter(H call) { return ph(((PdlCall *)hp(call))->rewriter.ptr); }

/* Pushes a result of the kind numbered as above (checked by the JS side
 * against what the PDL op declares: the bytecode trusts the count and kinds). */
MLIRFFI_EXPORT void mlirffi_pdl_push(H call, int32_t kind, H ptr) {
  MlirPDLResultList r = ((PdlCall *)hp(call))->results;
  switch (kind) {
    case 1: mlirPDLResultListPushBackOperation(r, AS_OP(ptr)); break;
    case 2: mlirPDLResultListPushBackValue(r, AS_VALUE(ptr)); break;
    case 3: mlirPDLResultListPushBackType(r, (MlirType){hp(ptr)}); break;
    case 4: mlirPDLResultListPushBackAttribute(r, (MlirAttribute){hp(ptr)}); break;
    default: break;
  }
}

/* The rewriter's insertion point: the op it inserts before (0 at a block's
 * end), and its block (0 when it has none). */
MLIRFFI_EXPORT H mlirffi_rewriter_ip_op(H rw) { return ph(mlirRewriterBaseGetOperationAfterInsertion(RW(rw)).ptr); }
MLIRFFI_EXPORT H mlirffi_rewriter_ip_block(H rw) { return ph(mlirRewriterBaseGetInsertionBlock(RW(rw)).ptr); }
