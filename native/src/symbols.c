/* Symbol tables. MLIR's SymbolTable caches name → operation at construction
 * and would return a freed operation if one were erased behind its back, so
 * the shim builds a fresh table for every query instead of keeping one.
 * Each entry point first checks what MLIR only asserts in debug builds. */
#include <stdlib.h>

#include "shim.h"

/* True when `op` can hold a symbol table: the SymbolTable trait (checked by
 * MLIR on creation), one region, one block. */
static bool table_shape_ok(MlirOperation op) {
  if (mlirOperationGetNumRegions(op) != 1) return false;
  MlirBlock b = mlirRegionGetFirstBlock(mlirOperationGetRegion(op, 0));
  return !mlirBlockIsNull(b) && mlirBlockIsNull(mlirBlockGetNextInRegion(b));
}

static MlirSymbolTable open_table(MlirOperation op) {
  if (!table_shape_ok(op)) return (MlirSymbolTable){0};
  return mlirSymbolTableCreate(op);
}

/* Whether `op` is a symbol table operation we can use. */
MLIRFFI_EXPORT bool mlirffi_symbol_table_ok(H op) {
  MlirSymbolTable t = open_table(AS_OP(op));
  if (mlirSymbolTableIsNull(t)) return false;
  mlirSymbolTableDestroy(t);
  return true;
}

/* Whether `op` has a string `sym_name`, as a symbol must. */
MLIRFFI_EXPORT bool mlirffi_is_symbol(H op) {
  MlirAttribute a = mlirOperationGetAttributeByName(AS_OP(op), mlirSymbolTableGetSymbolAttributeName());
  return !mlirAttributeIsNull(a) && mlirAttributeIsAString(a);
}

MLIRFFI_EXPORT H mlirffi_symbol_table_lookup(H table_op, const uint8_t *name, uint32_t len) {
  MlirSymbolTable t = open_table(AS_OP(table_op));
  if (mlirSymbolTableIsNull(t)) return 0;
  MlirOperation found = mlirSymbolTableLookup(t, str_ref(name, len));
  mlirSymbolTableDestroy(t);
  return ph(found.ptr);
}

/* Inserts a detached symbol `op` into the table, renaming it if its name is
 * taken; returns the name attribute it ends up with (0 on misuse). */
MLIRFFI_EXPORT H mlirffi_symbol_table_insert(H table_op, H op) {
  MlirOperation sym = AS_OP(op);
  if (!mlirBlockIsNull(mlirOperationGetBlock(sym)) || !mlirffi_is_symbol(op)) return 0;
  MlirSymbolTable t = open_table(AS_OP(table_op));
  if (mlirSymbolTableIsNull(t)) return 0;
  MlirAttribute name = mlirSymbolTableInsert(t, sym);
  mlirSymbolTableDestroy(t);
  return ph(name.ptr);
}

/* Removes `op` from the table and erases it. The caller has checked that
 * nothing uses its results and recorded the erase. */
MLIRFFI_EXPORT bool mlirffi_symbol_table_erase(H table_op, H op) {
  MlirOperation sym = AS_OP(op);
  MlirOperation table = AS_OP(table_op);
  if (!mlirOperationEqual(mlirOperationGetParentOperation(sym), table)) return false;
  MlirSymbolTable t = open_table(table);
  if (mlirSymbolTableIsNull(t)) return false;
  mlirSymbolTableErase(t, sym);
  mlirSymbolTableDestroy(t);
  return true;
}

MLIRFFI_EXPORT bool mlirffi_symbol_replace_all_uses(const uint8_t *old_name, uint32_t old_len,
                                                    const uint8_t *new_name, uint32_t new_len, H from) {
  return mlirLogicalResultIsSuccess(
      mlirSymbolTableReplaceAllSymbolUses(str_ref(old_name, old_len), str_ref(new_name, new_len), AS_OP(from)));
}

typedef struct {
  double *dst;
  uint32_t cap;
  size_t n;
} TableList;

static void collect_table(MlirOperation op, bool all_uses_visible, void *user) {
  TableList *l = user;
  (void)all_uses_visible;
  if (l->n < l->cap) l->dst[l->n] = ph(op.ptr);
  l->n++;
}

/* Every symbol table operation nested in `from` (itself included). */
MLIRFFI_EXPORT double mlirffi_symbol_tables(H from, double *dst, uint32_t cap) {
  TableList l = {dst, cap, 0};
  mlirSymbolTableWalkSymbolTables(AS_OP(from), true, collect_table, &l);
  return (double)l.n;
}
