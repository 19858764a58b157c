/* Renaming the source file in parsed locations. MLIR's C API can parse
 * several top-level operations into an implicit module only without a source
 * name (it uses "-"); the JS side then renames "-" to the caller's file name
 * in every operation and block argument location. */
#include "shim.h"

typedef struct {
  MlirContext ctx;
  MlirIdentifier from;
  MlirStringRef to;
} Rename;

static MlirLocation renamed(Rename *r, MlirLocation loc) {
  if (!mlirLocationIsAFileLineColRange(loc)) return loc;
  if (!mlirIdentifierEqual(mlirLocationFileLineColRangeGetFilename(loc), r->from)) return loc;
  unsigned line = (unsigned)mlirLocationFileLineColRangeGetStartLine(loc);
  unsigned col = (unsigned)mlirLocationFileLineColRangeGetStartColumn(loc);
  unsigned end_line = (unsigned)mlirLocationFileLineColRangeGetEndLine(loc);
  unsigned end_col = (unsigned)mlirLocationFileLineColRangeGetEndColumn(loc);
  /* The parser makes plain file:line:col locations; keep them plain, or
   * they would not equal the same location made any other way. */
  if (end_line == line && end_col == col) return mlirLocationFileLineColGet(r->ctx, r->to, line, col);
  return mlirLocationFileLineColRangeGet(r->ctx, r->to, line, col, end_line, end_col);
}

static MlirWalkResult rename_op(MlirOperation op, void *user) {
  Rename *r = user;
  mlirOperationSetLocation(op, renamed(r, mlirOperationGetLocation(op)));
  for (MlirRegion reg = mlirOperationGetFirstRegion(op); !mlirRegionIsNull(reg); reg = mlirRegionGetNextInOperation(reg))
    for (MlirBlock b = mlirRegionGetFirstBlock(reg); !mlirBlockIsNull(b); b = mlirBlockGetNextInRegion(b)) {
      intptr_t n = mlirBlockGetNumArguments(b);
      for (intptr_t i = 0; i < n; i++) {
        MlirValue arg = mlirBlockGetArgument(b, i);
        mlirBlockArgumentSetLocation(arg, renamed(r, mlirValueGetLocation(arg)));
      }
    }
  return MlirWalkResultAdvance;
}

typedef struct {
  MlirOperation root;
  Rename rename;
} RenameJob;

static void run_rename(void *p) {
  RenameJob *j = p;
  mlirOperationWalk(j->root, rename_op, &j->rename, MlirWalkPreOrder);
}

/* Replaces the file name `from` by `to` in the locations under `root`. */
MLIRFFI_EXPORT void mlirffi_rename_source(H root, const uint8_t *from, uint32_t from_len, const uint8_t *to,
                                          uint32_t to_len) {
  MlirContext ctx = mlirOperationGetContext(AS_OP(root));
  RenameJob j = {AS_OP(root), {ctx, mlirIdentifierGet(ctx, str_ref(from, from_len)), str_ref(to, to_len)}};
  run_on_big_stack(run_rename, &j);
}
