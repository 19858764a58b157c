/* IRDL: dialects defined at run time from `irdl.dialect` operations.
 *
 * mlirLoadIRDLDialects trusts its input: a dialect name that already exists
 * (loaded, registered, or defined twice in the module) ends the process
 * with an LLVM fatal error, and unverified definitions are read as if they
 * were valid. So the module is verified first, and every name checked;
 * each problem is an error diagnostic at the definition, and nothing is
 * loaded. */
#include <string.h>

#include <mlir-c/Dialect/IRDL.h>

#include "shim.h"

#define MAX_DIALECTS 256

typedef struct {
  MlirContext ctx;
  MlirStringRef names[MAX_DIALECTS];
  int n;
  bool bad;
} NameCheck;

static bool same(MlirStringRef a, MlirStringRef b) {
  return a.length == b.length && memcmp(a.data, b.data, a.length) == 0;
}

static void refuse(MlirOperation op, const char *why, MlirStringRef name) {
  Buf msg = {0};
  buf_append_cstr(&msg, "mlir-ffi: dialect '");
  buf_append(&msg, name.data, name.length);
  buf_append_cstr(&msg, "' ");
  buf_append_cstr(&msg, why);
  buf_append(&msg, "", 1);
  mlirEmitError(mlirOperationGetLocation(op), msg.data);
  buf_free(&msg);
}

static MlirWalkResult check_dialect(MlirOperation op, void *user) {
  NameCheck *c = user;
  MlirStringRef op_name = mlirIdentifierStr(mlirOperationGetName(op));
  if (!same(op_name, mlirStringRefCreateFromCString("irdl.dialect"))) return MlirWalkResultAdvance;
  MlirAttribute sym = mlirOperationGetAttributeByName(op, mlirStringRefCreateFromCString("sym_name"));
  if (mlirAttributeIsNull(sym) || !mlirAttributeIsAString(sym)) return MlirWalkResultSkip; /* the verifier said so */
  MlirStringRef name = mlirStringAttrGetValue(sym);
  /* A registered dialect is loaded by asking, which is harmless: it would
   * be loaded on first use anyway. */
  if (!mlirDialectIsNull(mlirContextGetOrLoadDialect(c->ctx, name))) {
    refuse(op, "already exists in this context (registered, loaded, or loaded from IRDL before)", name);
    c->bad = true;
    return MlirWalkResultSkip;
  }
  for (int i = 0; i < c->n; i++) {
    if (same(c->names[i], name)) {
      refuse(op, "is defined twice in this module", name);
      c->bad = true;
      return MlirWalkResultSkip;
    }
  }
  if (c->n == MAX_DIALECTS) {
    refuse(op, "is one dialect too many for one module (256 at most)", name);
    c->bad = true;
    return MlirWalkResultInterrupt;
  }
  c->names[c->n++] = name;
  return MlirWalkResultSkip; /* dialects do not nest */
}

/* Big-stack job: verification and the walks recurse once per level. */
typedef struct {
  MlirOperation module;
  bool ok;
} LoadJob;

static void load_job(void *arg) {
  LoadJob *j = arg;
  j->ok = false;
  if (!mlirOperationVerify(j->module)) return;
  NameCheck check = {.ctx = mlirOperationGetContext(j->module)};
  mlirOperationWalk(j->module, check_dialect, &check, MlirWalkPreOrder);
  if (check.bad) return;
  j->ok = mlirLogicalResultIsSuccess(mlirLoadIRDLDialects(mlirModuleFromOperation(j->module)));
}

/* Loads the dialects the module (a builtin.module op) defines; false with
 * the reasons in the context's diagnostics, and nothing loaded. */
MLIRFFI_EXPORT bool mlirffi_irdl_load_dialects(H module_op) {
  LoadJob j = {AS_OP(module_op), false};
  run_on_big_stack(load_job, &j);
  return j.ok;
}
