/* Batch traversal: each function fills the caller's Float64Array with many
 * handles in one FFI call, so a child list or a whole walk costs one
 * transition instead of one per element. Each returns the full count; when it
 * exceeds `cap`, only the first `cap` entries are written and the caller
 * retries with a larger array. None of them recurses, so arbitrarily deep IR
 * is fine. */
#include <stdlib.h>

#include "shim.h"

#define PUT(dst, cap, n, h) \
  do {                      \
    if ((n) < (cap)) (dst)[(n)] = (h); \
    (n)++;                  \
  } while (0)

MLIRFFI_EXPORT double mlirffi_block_ops(H block, double *dst, uint32_t cap) {
  size_t n = 0;
  for (MlirOperation op = mlirBlockGetFirstOperation(AS_BLOCK(block)); !mlirOperationIsNull(op);
       op = mlirOperationGetNextInBlock(op))
    PUT(dst, cap, n, ph(op.ptr));
  return (double)n;
}

MLIRFFI_EXPORT double mlirffi_region_blocks(H region, double *dst, uint32_t cap) {
  size_t n = 0;
  for (MlirBlock b = mlirRegionGetFirstBlock(AS_REGION(region)); !mlirBlockIsNull(b);
       b = mlirBlockGetNextInRegion(b))
    PUT(dst, cap, n, ph(b.ptr));
  return (double)n;
}

MLIRFFI_EXPORT double mlirffi_op_regions(H op, double *dst, uint32_t cap) {
  size_t n = 0;
  for (MlirRegion r = mlirOperationGetFirstRegion(AS_OP(op)); !mlirRegionIsNull(r);
       r = mlirRegionGetNextInOperation(r))
    PUT(dst, cap, n, ph(r.ptr));
  return (double)n;
}

MLIRFFI_EXPORT double mlirffi_op_results(H op, double *dst, uint32_t cap) {
  MlirOperation o = AS_OP(op);
  intptr_t count = mlirOperationGetNumResults(o);
  for (intptr_t i = 0; i < count && i < (intptr_t)cap; i++)
    dst[i] = ph(mlirOperationGetResult(o, i).ptr);
  return (double)count;
}

MLIRFFI_EXPORT double mlirffi_op_operands(H op, double *dst, uint32_t cap) {
  MlirOperation o = AS_OP(op);
  intptr_t count = mlirOperationGetNumOperands(o);
  for (intptr_t i = 0; i < count && i < (intptr_t)cap; i++)
    dst[i] = ph(mlirOperationGetOperand(o, i).ptr);
  return (double)count;
}

MLIRFFI_EXPORT double mlirffi_block_args(H block, double *dst, uint32_t cap) {
  MlirBlock b = AS_BLOCK(block);
  intptr_t count = mlirBlockGetNumArguments(b);
  for (intptr_t i = 0; i < count && i < (intptr_t)cap; i++)
    dst[i] = ph(mlirBlockGetArgument(b, i).ptr);
  return (double)count;
}

/* The uses of a value: pairs (owner operation, operand number). */
MLIRFFI_EXPORT double mlirffi_value_uses(H value, double *dst, uint32_t cap) {
  size_t n = 0;
  for (MlirOpOperand u = mlirValueGetFirstUse(AS_VALUE(value)); !mlirOpOperandIsNull(u);
       u = mlirOpOperandGetNextUse(u)) {
    PUT(dst, cap, n, ph(mlirOpOperandGetOwner(u).ptr));
    PUT(dst, cap, n, (double)mlirOpOperandGetOperandNumber(u));
  }
  return (double)(n / 2);
}

MLIRFFI_EXPORT bool mlirffi_value_has_uses(H value) {
  return !mlirOpOperandIsNull(mlirValueGetFirstUse(AS_VALUE(value)));
}

/* ---- depth-first traversal without recursion ---- */

typedef struct {
  MlirOperation op;    /* the operation whose children are being visited */
  MlirRegion region;   /* current region of op */
  MlirBlock block;     /* current block of region */
  MlirOperation next;  /* next child operation to visit in block */
  size_t index;        /* op's position in the output (pre-order) */
} Frame;

typedef struct {
  Frame *frames;
  size_t len, cap;
} Stack;

static void push(Stack *s, MlirOperation op, size_t index) {
  if (s->len == s->cap) {
    s->cap = s->cap ? s->cap * 2 : 64;
    Frame *f = realloc(s->frames, s->cap * sizeof *f);
    if (!f) abort();
    s->frames = f;
  }
  Frame *f = &s->frames[s->len++];
  f->op = op;
  f->region = mlirOperationGetFirstRegion(op);
  f->block = mlirRegionIsNull(f->region) ? (MlirBlock){0} : mlirRegionGetFirstBlock(f->region);
  f->next = mlirBlockIsNull(f->block) ? (MlirOperation){0} : mlirBlockGetFirstOperation(f->block);
  f->index = index;
}

/* Advances f to its next child operation, entering further blocks and
 * regions as needed; calls on_block for each block entered. Returns a null
 * operation when op has no more children. */
static MlirOperation next_child(Frame *f, void (*on_block)(MlirBlock, void *), void *user) {
  for (;;) {
    if (!mlirOperationIsNull(f->next)) {
      MlirOperation child = f->next;
      f->next = mlirOperationGetNextInBlock(child);
      return child;
    }
    if (mlirRegionIsNull(f->region)) return (MlirOperation){0};
    if (!mlirBlockIsNull(f->block)) f->block = mlirBlockGetNextInRegion(f->block);
    while (mlirBlockIsNull(f->block)) {
      f->region = mlirRegionGetNextInOperation(f->region);
      if (mlirRegionIsNull(f->region)) return (MlirOperation){0};
      f->block = mlirRegionGetFirstBlock(f->region);
    }
    if (on_block) on_block(f->block, user);
    f->next = mlirBlockGetFirstOperation(f->block);
  }
}

/* Writes op as entry n of the walk: its handle, and its name's index. */
static inline void emit(MlirOperation op, size_t n, double *dst, int32_t *names, NameTable *table,
                        uint32_t cap) {
  if (n >= cap) return;
  dst[n] = ph(op.ptr);
  if (names) names[n] = names_index(table, mlirOperationGetName(op));
}

/* Walks `root` and every operation nested in it, writing operations in
 * pre-order (order 0) or post-order (order 1), and, if `names` is given, the
 * index of each one's name in the context's name table (names.c). In
 * pre-order, ends[i] receives the index just past the last descendant of
 * operation i, so a visitor can skip a subtree. */
MLIRFFI_EXPORT double mlirffi_walk(H ctx, H root, int32_t order, double *dst, uint32_t *ends, int32_t *names,
                                   uint32_t cap) {
  NameTable *table = ffi_ctx_names(hp(ctx));
  Stack s = {0};
  size_t n = 0;
  bool post = order == 1;
  MlirOperation r = AS_OP(root);
  if (!post) emit(r, n++, dst, names, table, cap);
  push(&s, r, 0);
  while (s.len) {
    Frame *f = &s.frames[s.len - 1];
    MlirOperation child = next_child(f, NULL, NULL);
    if (!mlirOperationIsNull(child)) {
      size_t index = n;
      if (!post) emit(child, n++, dst, names, table, cap);
      push(&s, child, index);
      continue;
    }
    if (post) emit(f->op, n++, dst, names, table, cap);
    else if (ends && f->index < cap) ends[f->index] = (uint32_t)n;
    s.len--;
  }
  free(s.frames);
  return (double)n;
}

typedef struct {
  double *dst;
  uint32_t cap;
  size_t n;
} Collector;

static void collect_block(MlirBlock b, void *user) {
  Collector *c = user;
  PUT(c->dst, c->cap, c->n, ph(b.ptr));
  intptr_t args = mlirBlockGetNumArguments(b);
  for (intptr_t i = 0; i < args; i++) PUT(c->dst, c->cap, c->n, ph(mlirBlockGetArgument(b, i).ptr));
}

/* Every native object whose lifetime ends with `root`: the operation itself
 * (first), and every nested operation, block and block argument. Used to
 * record ownership events (erase, detach, pass runs). With include_root false
 * the root is left out. */
MLIRFFI_EXPORT double mlirffi_subtree(H root, bool include_root, double *dst, uint32_t cap) {
  Stack s = {0};
  Collector c = {dst, cap, 0};
  MlirOperation r = AS_OP(root);
  if (include_root) PUT(dst, cap, c.n, ph(r.ptr));
  push(&s, r, 0);
  if (!mlirBlockIsNull(s.frames[0].block)) collect_block(s.frames[0].block, &c);
  while (s.len) {
    MlirOperation child = next_child(&s.frames[s.len - 1], collect_block, &c);
    if (mlirOperationIsNull(child)) {
      s.len--;
      continue;
    }
    PUT(dst, cap, c.n, ph(child.ptr));
    push(&s, child, 0);
    if (!mlirBlockIsNull(s.frames[s.len - 1].block)) collect_block(s.frames[s.len - 1].block, &c);
  }
  free(s.frames);
  return (double)c.n;
}

/* The same for a block: the block, its arguments, and everything nested in
 * its operations. */
MLIRFFI_EXPORT double mlirffi_block_subtree(H block, double *dst, uint32_t cap) {
  Collector c = {dst, cap, 0};
  MlirBlock b = AS_BLOCK(block);
  collect_block(b, &c);
  for (MlirOperation op = mlirBlockGetFirstOperation(b); !mlirOperationIsNull(op);
       op = mlirOperationGetNextInBlock(op)) {
    uint32_t rest = c.n < cap ? cap - (uint32_t)c.n : 0;
    c.n += (size_t)mlirffi_subtree(ph(op.ptr), true, rest ? dst + c.n : NULL, rest);
  }
  return (double)c.n;
}
