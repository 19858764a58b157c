/* Affine expressions, maps and integer sets: thin wrappers over MLIR's C API,
 * plus what the JS side needs to refuse input that MLIR asserts on (in a
 * release build an assert is gone and the call corrupts memory or traps).
 *
 * The checks themselves are made in TypeScript (src/ir/affine/) from the
 * facts computed here for each expression: its tree size, how many dims
 * and symbols it uses, and whether it holds a product or divisor that
 * MLIR's affine form does not allow. Expressions are uniqued and immortal in
 * their context, so facts are computed once per expression and kept in the
 * context record (AffineCache), which makes the check after each operation
 * cost only the nodes that operation created.
 *
 * MLIR walks expressions recursively (printing, simplifying, composing,
 * even the simplifications inside `a * b`), so every call that may walk one
 * runs on the big stack (bigstack.c). */
#include <stdlib.h>
#include <string.h>

#include <mlir-c/AffineExpr.h>
#include <mlir-c/AffineMap.h>
#include <mlir-c/IntegerSet.h>

#include "shim.h"

#define AS_EXPR(h) ((MlirAffineExpr){hp(h)})
#define AS_MAP(h) ((MlirAffineMap){hp(h)})
#define AS_SET(h) ((MlirIntegerSet){hp(h)})

/* Expression kinds, as src/ir/affine/expr.ts numbers its classes. */
enum { EXPR_DIM, EXPR_SYMBOL, EXPR_CONSTANT, EXPR_ADD, EXPR_MUL, EXPR_MOD, EXPR_FLOORDIV, EXPR_CEILDIV };

static int32_t expr_kind(MlirAffineExpr e) {
  if (mlirAffineExprIsADim(e)) return EXPR_DIM;
  if (mlirAffineExprIsASymbol(e)) return EXPR_SYMBOL;
  if (mlirAffineExprIsAConstant(e)) return EXPR_CONSTANT;
  if (mlirAffineExprIsAAdd(e)) return EXPR_ADD;
  if (mlirAffineExprIsAMul(e)) return EXPR_MUL;
  if (mlirAffineExprIsAMod(e)) return EXPR_MOD;
  if (mlirAffineExprIsAFloorDiv(e)) return EXPR_FLOORDIV;
  return EXPR_CEILDIV;
}

MLIRFFI_EXPORT int32_t mlirffi_affine_expr_kind(H e) { return expr_kind(AS_EXPR(e)); }

/* ---- facts ---- */

/* Flags. NON_AFFINE: a product of two factors that both use dims, or a
 * divisor that uses dims (MLIR's parser refuses both; its simplifier
 * asserts on the first). BAD_DIVISOR: a floordiv, ceildiv or mod by a
 * constant below 1, which MLIR leaves undefined, and whose divisor analysis
 * (getLargestKnownDivisor) can then divide INT64_MIN by -1 and trap. */
enum { FACT_DONE = 1, FACT_NON_AFFINE = 2, FACT_BAD_DIVISOR = 4 };

struct AffineFacts {
  uint32_t size;       /* nodes of the tree, shared subtrees counted each time (saturating) */
  uint32_t dims;       /* 1 + the highest dim position used, 0 for none */
  uint32_t syms;       /* likewise for symbols */
  uint32_t dim_leaves; /* dim occurrences in the tree (saturating) */
  uint32_t sym_leaves;
  uint32_t flags;
};

void affine_cache_free(AffineCache *c) {
  names_free(&c->ids);
  free(c->facts);
  *c = (AffineCache){0};
}

static uint32_t sat_add(uint32_t a, uint32_t b) {
  uint64_t s = (uint64_t)a + b;
  return s > UINT32_MAX ? UINT32_MAX : (uint32_t)s;
}

static uint32_t max_u32(uint32_t a, uint32_t b) { return a > b ? a : b; }

static AffineFacts *facts_at(AffineCache *c, int32_t i) {
  if ((uint32_t)i >= c->cap) {
    uint32_t cap = c->cap ? c->cap * 2 : 64;
    while (cap <= (uint32_t)i) cap *= 2;
    AffineFacts *f = realloc(c->facts, sizeof *f * cap);
    if (!f) abort();
    memset(f + c->cap, 0, sizeof *f * (cap - c->cap));
    c->facts = f;
    c->cap = cap;
  }
  return &c->facts[i];
}

static AffineFacts *facts_of_known(AffineCache *c, MlirAffineExpr e) {
  return facts_at(c, ptr_table_index(&c->ids, e.ptr, NULL));
}

static void leaf_facts(MlirAffineExpr e, int32_t kind, AffineFacts *f) {
  *f = (AffineFacts){.size = 1, .flags = FACT_DONE};
  if (kind == EXPR_CONSTANT) return;
  uint64_t top = (uint64_t)mlirAffineDimExprGetPosition(e) + 1;
  if (kind == EXPR_SYMBOL) top = (uint64_t)mlirAffineSymbolExprGetPosition(e) + 1;
  uint32_t n = top > UINT32_MAX ? UINT32_MAX : (uint32_t)top;
  if (kind == EXPR_DIM) {
    f->dims = n;
    f->dim_leaves = 1;
  } else {
    f->syms = n;
    f->sym_leaves = 1;
  }
}

static AffineFacts binary_facts(int32_t kind, MlirAffineExpr rhs, AffineFacts l, AffineFacts r) {
  AffineFacts f = {
      .size = sat_add(sat_add(l.size, r.size), 1),
      .dims = max_u32(l.dims, r.dims),
      .syms = max_u32(l.syms, r.syms),
      .dim_leaves = sat_add(l.dim_leaves, r.dim_leaves),
      .sym_leaves = sat_add(l.sym_leaves, r.sym_leaves),
      .flags = FACT_DONE | ((l.flags | r.flags) & (FACT_NON_AFFINE | FACT_BAD_DIVISOR)),
  };
  if (kind == EXPR_MUL && l.dims > 0 && r.dims > 0) f.flags |= FACT_NON_AFFINE;
  if (kind == EXPR_MOD || kind == EXPR_FLOORDIV || kind == EXPR_CEILDIV) {
    if (r.dims > 0) f.flags |= FACT_NON_AFFINE;
    if (mlirAffineExprIsAConstant(rhs) && mlirAffineConstantExprGetValue(rhs) < 1) f.flags |= FACT_BAD_DIVISOR;
  }
  return f;
}

typedef struct {
  const void *expr;
  bool exit;
} Visit;

/* The facts of `root`, computing those of every node not seen before (an
 * iterative post-order walk: MLIR's own walks recurse). */
static AffineFacts facts_of(AffineCache *c, MlirAffineExpr root) {
  size_t cap = 64, n = 0;
  Visit *stack = malloc(sizeof *stack * cap);
  if (!stack) abort();
  stack[n++] = (Visit){root.ptr, false};
  while (n > 0) {
    Visit v = stack[--n];
    MlirAffineExpr e = {v.expr};
    int32_t kind = expr_kind(e);
    if (v.exit) {
      MlirAffineExpr lhs = mlirAffineBinaryOpExprGetLHS(e), rhs = mlirAffineBinaryOpExprGetRHS(e);
      AffineFacts l = *facts_of_known(c, lhs), r = *facts_of_known(c, rhs);
      *facts_of_known(c, e) = binary_facts(kind, rhs, l, r);
      continue;
    }
    AffineFacts *f = facts_of_known(c, e);
    if (f->flags & FACT_DONE) continue;
    if (kind <= EXPR_CONSTANT) {
      leaf_facts(e, kind, f);
      continue;
    }
    if (n + 3 > cap) {
      cap *= 2;
      Visit *grown = realloc(stack, sizeof *stack * cap);
      if (!grown) abort();
      stack = grown;
    }
    stack[n++] = (Visit){e.ptr, true};
    stack[n++] = (Visit){mlirAffineBinaryOpExprGetRHS(e).ptr, false};
    stack[n++] = (Visit){mlirAffineBinaryOpExprGetLHS(e).ptr, false};
  }
  free(stack);
  return *facts_of_known(c, root);
}

/* out: size, dims, syms, dim leaves, symbol leaves, flags (2 non-affine, 4 bad divisor). */
MLIRFFI_EXPORT void mlirffi_affine_expr_facts(H ctx, H e, double *out) {
  AffineFacts f = facts_of(ffi_ctx_affine(hp(ctx)), AS_EXPR(e));
  out[0] = f.size;
  out[1] = f.dims;
  out[2] = f.syms;
  out[3] = f.dim_leaves;
  out[4] = f.sym_leaves;
  out[5] = f.flags & (FACT_NON_AFFINE | FACT_BAD_DIVISOR);
}

/* ---- calls on the big stack ---- */

typedef struct {
  H a, b, c;
  int32_t i, j, k, l;
  const double *xs, *ys;
  double *out;
  H result;
  int64_t value;
} Job;

#define ON_BIG_STACK(fn, ...) \
  ({ \
    Job job_ = {__VA_ARGS__}; \
    run_on_big_stack(fn, &job_); \
    job_; \
  })

/* ---- expressions ---- */

MLIRFFI_EXPORT H mlirffi_affine_dim(H ctx, int32_t position) {
  return ph(mlirAffineDimExprGet(ffi_ctx_raw(hp(ctx)), position).ptr);
}
MLIRFFI_EXPORT H mlirffi_affine_symbol(H ctx, int32_t position) {
  return ph(mlirAffineSymbolExprGet(ffi_ctx_raw(hp(ctx)), position).ptr);
}
MLIRFFI_EXPORT H mlirffi_affine_constant(H ctx, int64_t value) {
  return ph(mlirAffineConstantExprGet(ffi_ctx_raw(hp(ctx)), value).ptr);
}
/* The position of a dim or symbol expression. */
MLIRFFI_EXPORT double mlirffi_affine_position(H e) {
  MlirAffineExpr x = AS_EXPR(e);
  return (double)(mlirAffineExprIsADim(x) ? mlirAffineDimExprGetPosition(x) : mlirAffineSymbolExprGetPosition(x));
}
MLIRFFI_EXPORT int64_t mlirffi_affine_constant_value(H e) { return mlirAffineConstantExprGetValue(AS_EXPR(e)); }
MLIRFFI_EXPORT H mlirffi_affine_lhs(H e) { return ph(mlirAffineBinaryOpExprGetLHS(AS_EXPR(e)).ptr); }
MLIRFFI_EXPORT H mlirffi_affine_rhs(H e) { return ph(mlirAffineBinaryOpExprGetRHS(AS_EXPR(e)).ptr); }

static void binary_job(void *p) {
  Job *j = p;
  MlirAffineExpr l = AS_EXPR(j->a), r = AS_EXPR(j->b), e;
  switch (j->i) {
    case EXPR_ADD: e = mlirAffineAddExprGet(l, r); break;
    case EXPR_MUL: e = mlirAffineMulExprGet(l, r); break;
    case EXPR_MOD: e = mlirAffineModExprGet(l, r); break;
    case EXPR_FLOORDIV: e = mlirAffineFloorDivExprGet(l, r); break;
    default: e = mlirAffineCeilDivExprGet(l, r); break;
  }
  j->result = ph(e.ptr);
}
/* `lhs <kind> rhs`, simplified as MLIR's builders do. */
MLIRFFI_EXPORT H mlirffi_affine_binary(int32_t kind, H lhs, H rhs) {
  return ON_BIG_STACK(binary_job, .a = lhs, .b = rhs, .i = kind).result;
}

enum { QUERY_PURE_AFFINE, QUERY_SYMBOLIC_OR_CONSTANT, QUERY_MULTIPLE_OF, QUERY_FUNCTION_OF_DIM, QUERY_DIVISOR };

static void query_job(void *p) {
  Job *j = p;
  MlirAffineExpr e = AS_EXPR(j->a);
  switch (j->i) {
    case QUERY_PURE_AFFINE: j->value = mlirAffineExprIsPureAffine(e); break;
    case QUERY_SYMBOLIC_OR_CONSTANT: j->value = mlirAffineExprIsSymbolicOrConstant(e); break;
    case QUERY_MULTIPLE_OF: j->value = mlirAffineExprIsMultipleOf(e, j->value); break;
    case QUERY_FUNCTION_OF_DIM: j->value = mlirAffineExprIsFunctionOfDim(e, j->value); break;
    default: j->value = mlirAffineExprGetLargestKnownDivisor(e); break;
  }
}
/* A yes/no question about `e` (QUERY_*, with its argument). */
MLIRFFI_EXPORT bool mlirffi_affine_expr_is(int32_t what, H e, int64_t arg) {
  return ON_BIG_STACK(query_job, .a = e, .i = what, .value = arg).value != 0;
}
MLIRFFI_EXPORT int64_t mlirffi_affine_expr_divisor(H e) {
  return ON_BIG_STACK(query_job, .a = e, .i = QUERY_DIVISOR).value;
}

enum { TRANSFORM_COMPOSE, TRANSFORM_SHIFT_DIMS, TRANSFORM_SHIFT_SYMBOLS, TRANSFORM_SIMPLIFY };

static void transform_job(void *p) {
  Job *j = p;
  MlirAffineExpr e = AS_EXPR(j->a), r;
  switch (j->i) {
    case TRANSFORM_COMPOSE: r = mlirAffineExprCompose(e, AS_MAP(j->b)); break;
    case TRANSFORM_SHIFT_DIMS: r = mlirAffineExprShiftDims(e, j->j, j->k, j->l); break;
    case TRANSFORM_SHIFT_SYMBOLS: r = mlirAffineExprShiftSymbols(e, j->j, j->k, j->l); break;
    default: r = mlirSimplifyAffineExpr(e, j->j, j->k); break;
  }
  j->result = ph(r.ptr);
}
/* A new expression from `e` (TRANSFORM_*; `map` for compose, counts for the rest). */
MLIRFFI_EXPORT H mlirffi_affine_expr_transform(int32_t what, H e, H map, int32_t a, int32_t b, int32_t c) {
  return ON_BIG_STACK(transform_job, .a = e, .b = map, .i = what, .j = a, .k = b, .l = c).result;
}

enum { PRINT_EXPR, PRINT_MAP, PRINT_SET };

static void print_job(void *p) {
  Job *j = p;
  Buf *out = out_begin();
  if (j->i == PRINT_EXPR) mlirAffineExprPrint(AS_EXPR(j->a), out_string_callback, out);
  else if (j->i == PRINT_MAP) mlirAffineMapPrint(AS_MAP(j->a), out_string_callback, out);
  else mlirIntegerSetPrint(AS_SET(j->a), out_string_callback, out);
}
MLIRFFI_EXPORT double mlirffi_affine_print(int32_t what, H object, uint8_t *dst, uint32_t cap) {
  ON_BIG_STACK(print_job, .a = object, .i = what);
  return out_deliver(dst, cap);
}

/* ---- maps ---- */

static MlirAffineExpr *expr_list(const double *xs, int32_t n) {
  MlirAffineExpr *list = malloc(sizeof *list * (n > 0 ? (size_t)n : 1));
  if (!list) abort();
  for (int32_t i = 0; i < n; i++) list[i] = AS_EXPR(xs[i]);
  return list;
}

MLIRFFI_EXPORT H mlirffi_affine_map_get(H ctx, int32_t dims, int32_t syms, const double *exprs, int32_t n) {
  MlirAffineExpr *list = expr_list(exprs, n);
  MlirAffineMap m = mlirAffineMapGet(ffi_ctx_raw(hp(ctx)), dims, syms, n, list);
  free(list);
  return ph(m.ptr);
}

enum { MAP_EMPTY, MAP_CONSTANT, MAP_IDENTITY, MAP_MINOR_IDENTITY, MAP_ZERO_RESULT };

/* The maps MLIR makes from counts alone (MAP_*). */
MLIRFFI_EXPORT H mlirffi_affine_map_make(int32_t what, H ctx, int32_t a, int32_t b, int64_t value) {
  MlirContext c = ffi_ctx_raw(hp(ctx));
  switch (what) {
    case MAP_EMPTY: return ph(mlirAffineMapEmptyGet(c).ptr);
    case MAP_CONSTANT: return ph(mlirAffineMapConstantGet(c, value).ptr);
    case MAP_IDENTITY: return ph(mlirAffineMapMultiDimIdentityGet(c, a).ptr);
    case MAP_MINOR_IDENTITY: return ph(mlirAffineMapMinorIdentityGet(c, a, b).ptr);
    default: return ph(mlirAffineMapZeroResultGet(c, a, b).ptr);
  }
}

/* `perm` must be a permutation of [0, n), n >= 1 (checked by the caller). */
MLIRFFI_EXPORT H mlirffi_affine_map_permutation(H ctx, const double *perm, int32_t n) {
  unsigned *p = malloc(sizeof *p * (n > 0 ? (size_t)n : 1));
  if (!p) abort();
  for (int32_t i = 0; i < n; i++) p[i] = (unsigned)perm[i];
  MlirAffineMap m = mlirAffineMapPermutationGet(ffi_ctx_raw(hp(ctx)), n, p);
  free(p);
  return ph(m.ptr);
}

/* out: numDims, numSymbols, numResults, flags (1 identity, 2 minor identity,
 * 4 permutation, 8 projected permutation, 16 single constant, 32 empty). */
MLIRFFI_EXPORT void mlirffi_affine_map_info(H map, double *out) {
  MlirAffineMap m = AS_MAP(map);
  out[0] = (double)mlirAffineMapGetNumDims(m);
  out[1] = (double)mlirAffineMapGetNumSymbols(m);
  out[2] = (double)mlirAffineMapGetNumResults(m);
  out[3] = (mlirAffineMapIsIdentity(m) ? 1 : 0) | (mlirAffineMapIsMinorIdentity(m) ? 2 : 0) |
           (mlirAffineMapIsPermutation(m) ? 4 : 0) | (mlirAffineMapIsProjectedPermutation(m) ? 8 : 0) |
           (mlirAffineMapIsSingleConstant(m) ? 16 : 0) | (mlirAffineMapIsEmpty(m) ? 32 : 0);
}

/* Writes up to `cap` results; returns how many the map has. */
MLIRFFI_EXPORT int32_t mlirffi_affine_map_results(H map, double *out, int32_t cap) {
  MlirAffineMap m = AS_MAP(map);
  intptr_t n = mlirAffineMapGetNumResults(m);
  for (intptr_t i = 0; i < n && i < cap; i++) out[i] = ph(mlirAffineMapGetResult(m, i).ptr);
  return (int32_t)n;
}

/* The constant of a map that is a single constant (checked by the caller). */
MLIRFFI_EXPORT int64_t mlirffi_affine_map_single_constant(H map) {
  return mlirAffineMapGetSingleConstantResult(AS_MAP(map));
}

/* The results at `positions` (each checked to be below the number of results). */
MLIRFFI_EXPORT H mlirffi_affine_map_sub(H map, const double *positions, int32_t n) {
  intptr_t *p = malloc(sizeof *p * (n > 0 ? (size_t)n : 1));
  if (!p) abort();
  for (int32_t i = 0; i < n; i++) p[i] = (intptr_t)positions[i];
  MlirAffineMap m = mlirAffineMapGetSubMap(AS_MAP(map), n, p);
  free(p);
  return ph(m.ptr);
}

/* The first (or, with `minor`, last) `n` results, n <= numResults. MLIR
 * gives a null map for n = 0; this gives the map with no results. */
MLIRFFI_EXPORT H mlirffi_affine_map_major_minor(H map, bool minor, int32_t n) {
  MlirAffineMap m = AS_MAP(map);
  if (n == 0) {
    return ph(mlirAffineMapZeroResultGet(mlirAffineMapGetContext(m), mlirAffineMapGetNumDims(m),
                                         mlirAffineMapGetNumSymbols(m))
                  .ptr);
  }
  return ph((minor ? mlirAffineMapGetMinorSubMap(m, n) : mlirAffineMapGetMajorSubMap(m, n)).ptr);
}

/* AffineMap::compose, which the C API lacks, from the C API's parts as MLIR
 * writes it: `other`'s symbols move after `self`'s, then each result of
 * `self` has its dims replaced by `other`'s results. The caller checks that
 * self's dims are as many as other's results (MLIR asserts it). */
static void compose_job(void *p) {
  Job *j = p;
  MlirAffineMap self = AS_MAP(j->a), other = AS_MAP(j->b);
  MlirContext ctx = mlirAffineMapGetContext(self);
  intptr_t selfSyms = mlirAffineMapGetNumSymbols(self), otherSyms = mlirAffineMapGetNumSymbols(other);
  intptr_t dims = mlirAffineMapGetNumDims(other), syms = selfSyms + otherSyms;
  intptr_t nOther = mlirAffineMapGetNumResults(other), nSelf = mlirAffineMapGetNumResults(self);
  MlirAffineExpr *shifted = malloc(sizeof *shifted * (nOther > 0 ? (size_t)nOther : 1));
  MlirAffineExpr *results = malloc(sizeof *results * (nSelf > 0 ? (size_t)nSelf : 1));
  if (!shifted || !results) abort();
  for (intptr_t i = 0; i < nOther; i++)
    shifted[i] = mlirAffineExprShiftSymbols(mlirAffineMapGetResult(other, i), otherSyms, selfSyms, 0);
  MlirAffineMap moved = mlirAffineMapGet(ctx, dims, syms, nOther, shifted);
  for (intptr_t i = 0; i < nSelf; i++) results[i] = mlirAffineExprCompose(mlirAffineMapGetResult(self, i), moved);
  j->result = ph(mlirAffineMapGet(ctx, dims, syms, nSelf, results).ptr);
  free(shifted);
  free(results);
}
MLIRFFI_EXPORT H mlirffi_affine_map_compose(H self, H other) {
  return ON_BIG_STACK(compose_job, .a = self, .b = other).result;
}

static void replace_job(void *p) {
  Job *j = p;
  j->result = ph(mlirAffineMapReplace(AS_MAP(j->a), AS_EXPR(j->b), AS_EXPR(j->c), j->j, j->k).ptr);
}
/* `expr` replaced by `replacement` in every result; the counts must fit the
 * results (the caller passes counts that do, then checks). */
MLIRFFI_EXPORT H mlirffi_affine_map_replace(H map, H expr, H replacement, int32_t dims, int32_t syms) {
  return ON_BIG_STACK(replace_job, .a = map, .b = expr, .c = replacement, .j = dims, .k = syms).result;
}

static void put_map(void *out, intptr_t i, MlirAffineMap m) { ((double *)out)[i] = ph(m.ptr); }
static void compress_job(void *p) {
  Job *j = p;
  MlirAffineMap *maps = malloc(sizeof *maps * (j->i > 0 ? (size_t)j->i : 1));
  if (!maps) abort();
  for (int32_t i = 0; i < j->i; i++) maps[i] = AS_MAP(j->xs[i]);
  mlirAffineMapCompressUnusedSymbols(maps, j->i, j->out, put_map);
  free(maps);
}
/* The maps (same context, dims and symbols: checked by the caller) without
 * the symbols none of them uses; out[i] is the new maps[i]. */
MLIRFFI_EXPORT void mlirffi_affine_map_compress_symbols(const double *maps, int32_t n, double *out) {
  ON_BIG_STACK(compress_job, .xs = maps, .i = n, .out = out);
}

/* ---- integer sets ---- */

/* `n` >= 1 constraints, `eq[i]` 1 for `== 0`, 0 for `>= 0` (checked by the caller). */
MLIRFFI_EXPORT H mlirffi_integer_set_get(H ctx, int32_t dims, int32_t syms, const double *exprs, const uint8_t *eq,
                                         int32_t n) {
  MlirAffineExpr *list = expr_list(exprs, n);
  bool *flags = malloc(sizeof *flags * (n > 0 ? (size_t)n : 1));
  if (!flags) abort();
  for (int32_t i = 0; i < n; i++) flags[i] = eq[i] != 0;
  MlirIntegerSet s = mlirIntegerSetGet(ffi_ctx_raw(hp(ctx)), dims, syms, n, list, flags);
  free(list);
  free(flags);
  return ph(s.ptr);
}

MLIRFFI_EXPORT H mlirffi_integer_set_empty(H ctx, int32_t dims, int32_t syms) {
  return ph(mlirIntegerSetEmptyGet(ffi_ctx_raw(hp(ctx)), dims, syms).ptr);
}

/* out: numDims, numSymbols, numConstraints, numEqualities, isCanonicalEmpty. */
MLIRFFI_EXPORT void mlirffi_integer_set_info(H set, double *out) {
  MlirIntegerSet s = AS_SET(set);
  out[0] = (double)mlirIntegerSetGetNumDims(s);
  out[1] = (double)mlirIntegerSetGetNumSymbols(s);
  out[2] = (double)mlirIntegerSetGetNumConstraints(s);
  out[3] = (double)mlirIntegerSetGetNumEqualities(s);
  out[4] = mlirIntegerSetIsCanonicalEmpty(s) ? 1 : 0;
}

/* Writes up to `cap` constraints as pairs (expression, 1 if `== 0`); returns how many there are. */
MLIRFFI_EXPORT int32_t mlirffi_integer_set_constraints(H set, double *out, int32_t cap) {
  MlirIntegerSet s = AS_SET(set);
  intptr_t n = mlirIntegerSetGetNumConstraints(s);
  for (intptr_t i = 0; i < n && i < cap; i++) {
    out[2 * i] = ph(mlirIntegerSetGetConstraint(s, i).ptr);
    out[2 * i + 1] = mlirIntegerSetIsConstraintEq(s, i) ? 1 : 0;
  }
  return (int32_t)n;
}

static void set_replace_job(void *p) {
  Job *j = p;
  MlirIntegerSet s = AS_SET(j->a);
  MlirAffineExpr *dims = expr_list(j->xs, (int32_t)mlirIntegerSetGetNumDims(s));
  MlirAffineExpr *syms = expr_list(j->ys, (int32_t)mlirIntegerSetGetNumSymbols(s));
  j->result = ph(mlirIntegerSetReplaceGet(s, dims, syms, j->j, j->k).ptr);
  free(dims);
  free(syms);
}
/* Every dim and symbol replaced (one expression for each: checked by the
 * caller, with counts that fit the replacements). */
MLIRFFI_EXPORT H mlirffi_integer_set_replace(H set, const double *dims, const double *syms, int32_t numDims,
                                             int32_t numSyms) {
  return ON_BIG_STACK(set_replace_job, .a = set, .xs = dims, .ys = syms, .j = numDims, .k = numSyms).result;
}

/* ---- attributes ---- */

MLIRFFI_EXPORT H mlirffi_affine_map_attr(H map) { return ph(mlirAffineMapAttrGet(AS_MAP(map)).ptr); }
MLIRFFI_EXPORT H mlirffi_affine_map_attr_value(H attr) { return ph(mlirAffineMapAttrGetValue(AS_ATTR(attr)).ptr); }
MLIRFFI_EXPORT H mlirffi_integer_set_attr(H set) { return ph(mlirIntegerSetAttrGet(AS_SET(set)).ptr); }
MLIRFFI_EXPORT H mlirffi_integer_set_attr_value(H attr) { return ph(mlirIntegerSetAttrGetValue(AS_ATTR(attr)).ptr); }
