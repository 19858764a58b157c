/* The op interfaces the C API offers: whether an op implements one, and the
 * result inference of InferTypeOpInterface and InferShapedTypeOpInterface
 * for an op that is not built yet.
 *
 * MLIR calls the interface without checking it is there (a null model is
 * dereferenced), so every entry checks first. Inferred types arrive through
 * a callback, possibly several times; they are gathered here, and the JS
 * side reads them from a buffer it gives. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <mlir-c/Interfaces.h>

#include "shim.h"

/* The interfaces by the number the JS side uses. */
enum { IFACE_INFER_TYPE = 0, IFACE_INFER_SHAPED_TYPE = 1 };

static MlirTypeID iface_id(int32_t iface) {
  return iface == IFACE_INFER_TYPE ? mlirInferTypeOpInterfaceTypeID() : mlirInferShapedTypeOpInterfaceTypeID();
}

MLIRFFI_EXPORT bool mlirffi_op_implements_interface(H op, int32_t iface) {
  return mlirOperationImplementsInterface(AS_OP(op), iface_id(iface));
}

/* Whether the op named `name` implements the interface in this context,
 * loading its dialect first (an op counts as registered only once its
 * dialect is loaded). */
MLIRFFI_EXPORT bool mlirffi_op_name_implements_interface(H c, const uint8_t *name, uint32_t len, int32_t iface) {
  MlirContext ctx = ffi_ctx_raw(hp(c));
  uint32_t dot = 0;
  while (dot < len && name[dot] != '.') dot++;
  if (dot < len) mlirContextGetOrLoadDialect(ctx, str_ref(name, dot));
  return mlirOperationImplementsInterfaceStatic(str_ref(name, len), ctx, iface_id(iface));
}

/* What the callbacks gather: doubles, as the JS side reads them. For
 * InferTypeOpInterface, one type handle per result; for the shaped one, per
 * result: has_rank, rank, the dims (NaN: dynamic), the element type, the
 * attribute. */
typedef struct {
  double *data;
  size_t len, cap;
} Gathered;

static void push(Gathered *g, double v) {
  if (g->len == g->cap) {
    size_t cap = g->cap ? g->cap * 2 : 32;
    double *d = realloc(g->data, cap * sizeof *d);
    if (!d) abort();
    g->data = d;
    g->cap = cap;
  }
  g->data[g->len++] = v;
}

static void on_types(intptr_t n, MlirType *types, void *user) {
  for (intptr_t i = 0; i < n; i++) push(user, ph(types[i].ptr));
}

static void on_components(bool has_rank, intptr_t rank, const int64_t *dims, MlirType element, MlirAttribute attr,
                          void *user) {
  push(user, has_rank ? 1 : 0);
  push(user, has_rank ? (double)rank : 0);
  for (intptr_t i = 0; has_rank && i < rank; i++) push(user, mlirShapedTypeIsDynamicSize(dims[i]) ? NAN : (double)dims[i]);
  push(user, ph(element.ptr));
  push(user, ph(attr.ptr));
}

/* ---- the guard ----
 * An op's inference reads the operands and attributes it expects without
 * checking them (a missing operand is read past the end of the list, a
 * missing attribute is a null dereference, a wrong type a bad cast), and
 * release builds have no asserts to stop it. So before inferring, a trial
 * op with the same operands and attributes is built and verified: MLIR
 * checks counts, then attributes, then operand types, before anything about
 * results. The trial has no results of its own, so its first complaint may
 * be about results; then it is built again with 1, 2, ... results (typed as
 * the first operand, to pass same-type rules) until the complaint is about
 * something else. Inference goes ahead only when the trial verifies or the
 * first complaint is about results (whose checks come after those of the
 * operands and attributes); anything else (operands, attributes,
 * regions, a parent the op needs) refuses, with MLIR's words. A refusal can
 * be one inference that would have worked; it is never a crash. */
typedef struct {
  Buf first; /* the first error of the trial's verification */
  bool seen;
} Captured;

static void capture_text(MlirStringRef s, void *user) { buf_append(user, s.data, s.length); }

static MlirLogicalResult capture_first(MlirDiagnostic d, void *user) {
  Captured *c = user;
  if (!c->seen && mlirDiagnosticGetSeverity(d) == MlirDiagnosticError) {
    c->seen = true;
    mlirDiagnosticPrint(d, capture_text, &c->first);
  }
  return mlirLogicalResultSuccess(); /* the trial's diagnostics go no further */
}

static bool mentions(const Buf *b, const char *word) {
  size_t n = strlen(word);
  for (size_t i = 0; i + n <= b->len; i++)
    if (memcmp(b->data + i, word, n) == 0) return true;
  return false;
}

#define MAX_TRIAL_RESULTS 8

/* 1 when inference may run; 0 when the trial refused, with MLIR's first
 * complaint emitted as an error at `loc`. */
static int trial(MlirContext ctx, MlirStringRef name, MlirLocation loc, MlirValue *values, int32_t n_operands,
                 MlirNamedAttribute *attrs, int32_t n_attrs) {
  Captured cap = {{0}, false};
  MlirDiagnosticHandlerID id = mlirContextAttachDiagnosticHandler(ctx, capture_first, &cap, NULL);
  MlirType result = n_operands > 0 ? mlirValueGetType(values[0]) : mlirNoneTypeGet(ctx);
  MlirType results[MAX_TRIAL_RESULTS];
  for (int i = 0; i < MAX_TRIAL_RESULTS; i++) results[i] = result;
  int ok = 0;
  for (int k = 0; k < MAX_TRIAL_RESULTS; k++) {
    cap.first.len = 0;
    cap.seen = false;
    MlirOperationState state = mlirOperationStateGet(name, loc);
    if (n_operands) mlirOperationStateAddOperands(&state, n_operands, values);
    if (n_attrs) mlirOperationStateAddAttributes(&state, n_attrs, attrs);
    if (k) mlirOperationStateAddResults(&state, k, results);
    MlirOperation op = mlirOperationCreate(&state);
    if (mlirOperationIsNull(op)) break; /* e.g. attributes its properties refuse */
    bool verified = mlirOperationVerify(op);
    mlirOperationDestroy(op);
    if (verified) {
      ok = 1;
      break;
    }
    /* The count traits come first, results before operands: a count of
     * results says nothing yet about the operands; try another. */
    bool result_count = mentions(&cap.first, "requires zero results") || mentions(&cap.first, "requires one result") ||
                        mentions(&cap.first, "results, but found") || mentions(&cap.first, "or more results");
    if (result_count) continue;
    /* Anything else about results is checked after every operand and
     * attribute check, which therefore passed. */
    ok = mentions(&cap.first, "result");
    break;
  }
  mlirContextDetachDiagnosticHandler(ctx, id);
  if (!ok) {
    Buf msg = {0};
    buf_append_cstr(&msg, "mlir-ffi: not inferred, as the op built from these inputs does not verify: ");
    if (cap.first.len) buf_append(&msg, cap.first.data, cap.first.len);
    else buf_append_cstr(&msg, "it could not be built");
    buf_append(&msg, "", 1);
    mlirEmitError(loc, msg.data);
    buf_free(&msg);
  }
  buf_free(&cap.first);
  return ok;
}

static Gathered gathered; /* the last inference's result, until taken */

/* Infers the results of an op `name` would have with these operands and
 * attributes (names as identifiers, values) and no regions; `shaped` picks
 * InferShapedTypeOpInterface. Returns how many doubles were gathered
 * (mlirffi_infer_take copies them), or -1 on failure with the reasons in the
 * context's diagnostics. The caller has checked the op implements it. */
MLIRFFI_EXPORT int32_t mlirffi_infer_results(H c, const uint8_t *name, uint32_t len, H loc, const double *operands,
                                             int32_t n_operands, const double *attr_names, const double *attr_values,
                                             int32_t n_attrs, bool shaped) {
  MlirContext ctx = ffi_ctx_raw(hp(c));
  MlirValue *values = malloc(sizeof *values * (n_operands > 0 ? (size_t)n_operands : 1));
  MlirNamedAttribute *attrs = malloc(sizeof *attrs * (n_attrs > 0 ? (size_t)n_attrs : 1));
  if (!values || !attrs) abort();
  for (int32_t i = 0; i < n_operands; i++) values[i] = AS_VALUE(operands[i]);
  for (int32_t i = 0; i < n_attrs; i++)
    attrs[i] = mlirNamedAttributeGet((MlirIdentifier){hp(attr_names[i])}, AS_ATTR(attr_values[i]));
  MlirAttribute dict = mlirDictionaryAttrGet(ctx, n_attrs, attrs);
  gathered.len = 0;
  if (!trial(ctx, str_ref(name, len), AS_LOC(loc), values, n_operands, attrs, n_attrs)) {
    free(values);
    free(attrs);
    return -1;
  }
  MlirLogicalResult r =
      shaped ? mlirInferShapedTypeOpInterfaceInferReturnTypes(str_ref(name, len), ctx, AS_LOC(loc), n_operands, values,
                                                              dict, NULL, 0, NULL, on_components, &gathered)
             : mlirInferTypeOpInterfaceInferReturnTypes(str_ref(name, len), ctx, AS_LOC(loc), n_operands, values, dict,
                                                        NULL, 0, NULL, on_types, &gathered);
  free(values);
  free(attrs);
  return mlirLogicalResultIsSuccess(r) ? (int32_t)gathered.len : -1;
}

/* Copies the gathered doubles into `dst` (at most `cap`). */
MLIRFFI_EXPORT void mlirffi_infer_take(double *dst, uint32_t cap) {
  for (size_t i = 0; i < gathered.len && i < cap; i++) dst[i] = gathered.data[i];
}
