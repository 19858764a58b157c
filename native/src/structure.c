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

/* What a structural question is about: an operation with everything nested
 * in it, or a block with its operations and everything nested in them. */
typedef struct {
  MlirOperation op; /* null for a block scope */
  MlirBlock block;
} Scope;

/* True when `op` is in the scope (nested at any depth). */
static bool scope_has_op(const Scope *scope, MlirOperation op) {
  if (!mlirOperationIsNull(scope->op)) return is_ancestor(scope->op, op);
  for (; !mlirOperationIsNull(op); op = mlirOperationGetParentOperation(op))
    if (mlirBlockEqual(mlirOperationGetBlock(op), scope->block)) return true;
  return false;
}

static bool scope_has_block(const Scope *scope, MlirBlock b) {
  if (mlirOperationIsNull(scope->op) && mlirBlockEqual(b, scope->block)) return true;
  return scope_has_op(scope, mlirBlockGetParentOperation(b));
}

typedef bool (*OpVisitor)(const Scope *scope, MlirOperation op);

/* Visits `first` and the operations after it in its block (all of them when
 * `siblings`), and everything nested in them, until the visitor returns true. */
static bool any_op(const Scope *scope, MlirOperation first, bool siblings, OpVisitor visit) {
  size_t cap = 64, len = 0;
  MlirOperation *stack = malloc(cap * sizeof *stack);
  if (!stack) abort();
  bool found = false;
  for (MlirOperation top = first; !mlirOperationIsNull(top) && !found;
       top = siblings ? mlirOperationGetNextInBlock(top) : (MlirOperation){NULL}) {
    stack[len++] = top;
    while (len && !found) {
      MlirOperation op = stack[--len];
      found = visit(scope, op);
      for (MlirRegion r = mlirOperationGetFirstRegion(op); !mlirRegionIsNull(r) && !found;
           r = mlirRegionGetNextInOperation(r))
        for (MlirBlock b = mlirRegionGetFirstBlock(r); !mlirBlockIsNull(b); b = mlirBlockGetNextInRegion(b))
          for (MlirOperation c = mlirBlockGetFirstOperation(b); !mlirOperationIsNull(c);
               c = mlirOperationGetNextInBlock(c)) {
            if (len == cap) {
              cap *= 2;
              MlirOperation *grown = realloc(stack, cap * sizeof *grown);
              if (!grown) abort();
              stack = grown;
            }
            stack[len++] = c;
          }
    }
    len = 0;
  }
  free(stack);
  return found;
}

static bool value_used_outside(const Scope *scope, MlirValue v) {
  for (MlirOpOperand u = mlirValueGetFirstUse(v); !mlirOpOperandIsNull(u); u = mlirOpOperandGetNextUse(u))
    if (!scope_has_op(scope, mlirOpOperandGetOwner(u))) return true;
  return false;
}

/* True when the block's arguments are used, or the block is branched to,
 * from outside the scope. */
static bool block_referenced_outside(const Scope *scope, MlirBlock b) {
  intptr_t n = mlirBlockGetNumArguments(b);
  for (intptr_t i = 0; i < n; i++)
    if (value_used_outside(scope, mlirBlockGetArgument(b, i))) return true;
  intptr_t p = mlirBlockGetNumPredecessors(b);
  for (intptr_t i = 0; i < p; i++)
    if (!scope_has_block(scope, mlirBlockGetPredecessor(b, i))) return true;
  return false;
}

/* True when something `op` defines (a result, or a block of its regions, or
 * that block's arguments) is referenced from outside the scope. Invalid IR
 * built with createOperation can use a nested block's argument from outside,
 * so nested blocks are checked too. */
static bool defines_used_outside(const Scope *scope, MlirOperation op) {
  intptr_t n = mlirOperationGetNumResults(op);
  for (intptr_t i = 0; i < n; i++)
    if (value_used_outside(scope, mlirOperationGetResult(op, i))) return true;
  for (MlirRegion r = mlirOperationGetFirstRegion(op); !mlirRegionIsNull(r); r = mlirRegionGetNextInOperation(r))
    for (MlirBlock b = mlirRegionGetFirstBlock(r); !mlirBlockIsNull(b); b = mlirBlockGetNextInRegion(b))
      if (block_referenced_outside(scope, b)) return true;
  return false;
}

/* True when something defined in root's subtree is referenced outside it:
 * erasing or detaching root would leave those references dangling. */
MLIRFFI_EXPORT bool mlirffi_op_has_outside_uses(H root) {
  Scope scope = {AS_OP(root), {NULL}};
  return any_op(&scope, scope.op, false, defines_used_outside);
}

/* As defines_used_outside, but the scope's root may have its results used
 * outside (they are meant to be): only what is nested in it counts. */
static bool nested_defines_used_outside(const Scope *scope, MlirOperation op) {
  if (!mlirOperationEqual(op, scope->op)) return defines_used_outside(scope, op);
  for (MlirRegion r = mlirOperationGetFirstRegion(op); !mlirRegionIsNull(r); r = mlirRegionGetNextInOperation(r))
    for (MlirBlock b = mlirRegionGetFirstBlock(r); !mlirBlockIsNull(b); b = mlirBlockGetNextInRegion(b))
      if (block_referenced_outside(scope, b)) return true;
  return false;
}

/* True when a value or block defined inside root (not root's own results)
 * is referenced from outside it: IR that verifying root alone does not
 * catch, and that MLIR's region DCE would free while it is still used. */
MLIRFFI_EXPORT bool mlirffi_op_inside_used_outside(H root) {
  Scope scope = {AS_OP(root), {NULL}};
  return any_op(&scope, scope.op, false, nested_defines_used_outside);
}

static bool refers_outside(const Scope *scope, MlirOperation op) {
  intptr_t n = mlirOperationGetNumOperands(op);
  for (intptr_t i = 0; i < n; i++) {
    MlirValue v = mlirOperationGetOperand(op, i);
    if (mlirValueIsAOpResult(v)) {
      if (!scope_has_op(scope, mlirOpResultGetOwner(v))) return true;
    } else {
      MlirBlock owner = mlirBlockArgumentGetOwner(v);
      if (mlirBlockIsNull(owner) || !scope_has_block(scope, owner)) return true;
    }
  }
  intptr_t s = mlirOperationGetNumSuccessors(op);
  for (intptr_t i = 0; i < s; i++)
    if (!scope_has_block(scope, mlirOperationGetSuccessor(op, i))) return true;
  return false;
}

/* True when root's subtree uses a value defined outside it or branches to a
 * block outside it: such a subtree cannot outlive its surroundings. */
MLIRFFI_EXPORT bool mlirffi_op_refers_outside(H root) {
  Scope scope = {AS_OP(root), {NULL}};
  return any_op(&scope, scope.op, false, refers_outside);
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

/* True when something defined in the block (an argument, the block itself as
 * a successor, or anything its operations define at any depth) is referenced
 * from outside it: erasing the block would leave those references dangling. */
MLIRFFI_EXPORT bool mlirffi_block_has_outside_references(H block) {
  Scope scope = {{NULL}, AS_BLOCK(block)};
  if (block_referenced_outside(&scope, scope.block)) return true;
  return any_op(&scope, mlirBlockGetFirstOperation(scope.block), true, defines_used_outside);
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
