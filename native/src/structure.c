/* Structural questions asked before a mutation. MLIR's release build does not
 * check these and corrupts its heap instead (erasing a used value, detaching
 * an op that still points at values outside it), so the JS side refuses such
 * mutations after asking here. */
#include <stdlib.h>

#include "shim.h"

/* True when `ancestor` is `op` or contains it. */
static bool is_ancestor(MlirOperation ancestor, MlirOperation op) {
  for (; !mlirOperationIsNull(op); op = mlirOperationGetParentOperation(op))
    if (mlirOperationEqual(op, ancestor)) return true;
  return false;
}

MLIRFFI_EXPORT bool mlirffi_op_is_ancestor(H ancestor, H op) {
  return is_ancestor(AS_OP(ancestor), AS_OP(op));
}

/* The operation that defines `v`: its producer, or the parent operation of
 * the block that owns the argument (null for a detached block). */
static MlirOperation defining_scope(MlirValue v) {
  if (mlirValueIsAOpResult(v)) return mlirOpResultGetOwner(v);
  return mlirBlockGetParentOperation(mlirBlockArgumentGetOwner(v));
}

static bool block_inside(MlirOperation root, MlirBlock b) {
  return is_ancestor(root, mlirBlockGetParentOperation(b));
}

typedef bool (*OpVisitor)(MlirOperation root, MlirOperation op);

/* Visits root and every nested operation until the visitor returns true. */
static bool any_in_subtree(MlirOperation root, OpVisitor visit) {
  size_t cap = 64, len = 0;
  MlirOperation *stack = malloc(cap * sizeof *stack);
  if (!stack) abort();
  stack[len++] = root;
  bool found = false;
  while (len && !found) {
    MlirOperation op = stack[--len];
    found = visit(root, op);
    for (MlirRegion r = mlirOperationGetFirstRegion(op); !mlirRegionIsNull(r);
         r = mlirRegionGetNextInOperation(r))
      for (MlirBlock b = mlirRegionGetFirstBlock(r); !mlirBlockIsNull(b); b = mlirBlockGetNextInRegion(b))
        for (MlirOperation c = mlirBlockGetFirstOperation(b); !mlirOperationIsNull(c);
             c = mlirOperationGetNextInBlock(c)) {
          if (len == cap) {
            cap *= 2;
            MlirOperation *s = realloc(stack, cap * sizeof *s);
            if (!s) abort();
            stack = s;
          }
          stack[len++] = c;
        }
  }
  free(stack);
  return found;
}

static bool value_used_outside(MlirOperation root, MlirValue v) {
  for (MlirOpOperand u = mlirValueGetFirstUse(v); !mlirOpOperandIsNull(u); u = mlirOpOperandGetNextUse(u))
    if (!is_ancestor(root, mlirOpOperandGetOwner(u))) return true;
  return false;
}

static bool results_used_outside(MlirOperation root, MlirOperation op) {
  intptr_t n = mlirOperationGetNumResults(op);
  for (intptr_t i = 0; i < n; i++)
    if (value_used_outside(root, mlirOperationGetResult(op, i))) return true;
  /* Block arguments of nested blocks can only be used inside their region,
   * which is inside root, so they need no check. */
  return false;
}

/* True when a value defined in root's subtree is used outside it: erasing
 * root would leave those uses pointing at freed memory. */
MLIRFFI_EXPORT bool mlirffi_op_has_outside_uses(H root) {
  return any_in_subtree(AS_OP(root), results_used_outside);
}

static bool refers_outside(MlirOperation root, MlirOperation op) {
  intptr_t n = mlirOperationGetNumOperands(op);
  for (intptr_t i = 0; i < n; i++) {
    MlirOperation scope = defining_scope(mlirOperationGetOperand(op, i));
    if (mlirOperationIsNull(scope) || !is_ancestor(root, scope)) return true;
  }
  intptr_t s = mlirOperationGetNumSuccessors(op);
  for (intptr_t i = 0; i < s; i++)
    if (!block_inside(root, mlirOperationGetSuccessor(op, i))) return true;
  return false;
}

/* True when root's subtree uses a value defined outside it or branches to a
 * block outside it: such a subtree cannot outlive its surroundings. */
MLIRFFI_EXPORT bool mlirffi_op_refers_outside(H root) {
  return any_in_subtree(AS_OP(root), refers_outside);
}

/* True when the block's arguments or the block itself (as a successor) are
 * still referenced. */
MLIRFFI_EXPORT bool mlirffi_block_is_referenced(H block) {
  MlirBlock b = AS_BLOCK(block);
  intptr_t n = mlirBlockGetNumArguments(b);
  for (intptr_t i = 0; i < n; i++)
    if (!mlirOpOperandIsNull(mlirValueGetFirstUse(mlirBlockGetArgument(b, i)))) return true;
  return mlirBlockGetNumPredecessors(b) > 0;
}

/* True when `op` is in `block` or nested inside an operation of it. */
static bool inside_block(MlirBlock block, MlirOperation op) {
  for (; !mlirOperationIsNull(op); op = mlirOperationGetParentOperation(op))
    if (mlirBlockEqual(mlirOperationGetBlock(op), block)) return true;
  return false;
}

/* True when a value defined in the block (an argument, or a result of an
 * operation in it or nested in one) is used outside it, or another block
 * branches to it: erasing the block would leave those references dangling. */
MLIRFFI_EXPORT bool mlirffi_block_has_outside_references(H block) {
  MlirBlock b = AS_BLOCK(block);
  if (mlirBlockGetNumPredecessors(b) > 0) return true;
  intptr_t n = mlirBlockGetNumArguments(b);
  for (intptr_t i = 0; i < n; i++)
    for (MlirOpOperand u = mlirValueGetFirstUse(mlirBlockGetArgument(b, i)); !mlirOpOperandIsNull(u);
         u = mlirOpOperandGetNextUse(u))
      if (!inside_block(b, mlirOpOperandGetOwner(u))) return true;
  for (MlirOperation op = mlirBlockGetFirstOperation(b); !mlirOperationIsNull(op); op = mlirOperationGetNextInBlock(op)) {
    size_t cap = 64, len = 0;
    MlirOperation *stack = malloc(cap * sizeof *stack);
    if (!stack) abort();
    stack[len++] = op;
    bool found = false;
    while (len && !found) {
      MlirOperation cur = stack[--len];
      intptr_t r = mlirOperationGetNumResults(cur);
      for (intptr_t i = 0; i < r && !found; i++)
        for (MlirOpOperand u = mlirValueGetFirstUse(mlirOperationGetResult(cur, i)); !mlirOpOperandIsNull(u);
             u = mlirOpOperandGetNextUse(u))
          if (!inside_block(b, mlirOpOperandGetOwner(u))) {
            found = true;
            break;
          }
      for (MlirRegion reg = mlirOperationGetFirstRegion(cur); !mlirRegionIsNull(reg); reg = mlirRegionGetNextInOperation(reg))
        for (MlirBlock nb = mlirRegionGetFirstBlock(reg); !mlirBlockIsNull(nb); nb = mlirBlockGetNextInRegion(nb))
          for (MlirOperation c = mlirBlockGetFirstOperation(nb); !mlirOperationIsNull(c); c = mlirOperationGetNextInBlock(c)) {
            if (len == cap) {
              cap *= 2;
              MlirOperation *s = realloc(stack, cap * sizeof *s);
              if (!s) abort();
              stack = s;
            }
            stack[len++] = c;
          }
    }
    free(stack);
    if (found) return true;
  }
  return false;
}

/* Whether `op` is its block's terminator. */
MLIRFFI_EXPORT bool mlirffi_op_is_terminator(H op) {
  MlirOperation o = AS_OP(op);
  MlirBlock b = mlirOperationGetBlock(o);
  if (mlirBlockIsNull(b)) return false;
  return mlirOperationEqual(mlirBlockGetTerminator(b), o);
}

/* The region of `block` is the same as the region `op` is in. */
MLIRFFI_EXPORT bool mlirffi_same_region(H block, H op) {
  MlirBlock b = mlirOperationGetBlock(AS_OP(op));
  return !mlirBlockIsNull(b) && mlirRegionEqual(mlirBlockGetParentRegion(b), mlirBlockGetParentRegion(AS_BLOCK(block)));
}
