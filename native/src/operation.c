/* Operations: parsing, verification, destruction and the scalar accessors
 * (printing is in printing.c). Calls that recurse through nested IR run on
 * the big stack. */
#include "shim.h"

/* ---- parsing ---- */

typedef struct {
  MlirContext ctx;
  MlirStringRef source, name;
  MlirOperation op;
} ParseJob;

static void parse_op(void *p) {
  ParseJob *j = p;
  j->op = mlirOperationCreateParse(j->ctx, j->source, j->name);
}

static void parse_module(void *p) {
  ParseJob *j = p;
  MlirModule m = mlirModuleCreateParse(j->ctx, j->source);
  j->op = mlirModuleIsNull(m) ? (MlirOperation){0} : mlirModuleGetOperation(m);
}

/* Parses one top-level operation. `src[len]` must be a NUL byte: MLIR's lexer
 * reads one byte past the text to find its end. Returns 0 on failure, with
 * the reasons in the context's diagnostics. */
MLIRFFI_EXPORT H mlirffi_parse_op(H ctx, const uint8_t *src, uint32_t len,
                                  const uint8_t *name, uint32_t name_len) {
  ParseJob j = {ffi_ctx_raw(hp(ctx)), str_ref(src, len), str_ref(name, name_len), {0}};
  run_on_big_stack(parse_op, &j);
  return ph(j.op.ptr);
}

/* Parses a module, wrapping several top-level operations in an implicit
 * `builtin.module`. MLIR's C API offers this only without a source name. */
MLIRFFI_EXPORT H mlirffi_parse_module_implicit(H ctx, const uint8_t *src, uint32_t len) {
  ParseJob j = {ffi_ctx_raw(hp(ctx)), str_ref(src, len), {0}, {0}};
  run_on_big_stack(parse_module, &j);
  return ph(j.op.ptr);
}

/* An empty `builtin.module` at `loc`; returns its operation. */
MLIRFFI_EXPORT H mlirffi_module_create_empty(H loc) {
  return ph(mlirModuleGetOperation(mlirModuleCreateEmpty(AS_LOC(loc))).ptr);
}

/* ---- destruction ---- */

static void destroy_op(void *p) { mlirOperationDestroy(*(MlirOperation *)p); }

/* Erases the operation: unlinks it from its block, if any, and frees it
 * together with everything nested in it. */
MLIRFFI_EXPORT void mlirffi_op_destroy(H op) {
  MlirOperation o = AS_OP(op);
  run_on_big_stack(destroy_op, &o);
}

/* ---- verification ---- */

typedef struct {
  MlirOperation op;
  bool ok;
} VerifyJob;

static void verify_op(void *p) {
  VerifyJob *j = p;
  j->ok = mlirOperationVerify(j->op);
}

MLIRFFI_EXPORT bool mlirffi_op_verify(H op) {
  VerifyJob j = {AS_OP(op), false};
  run_on_big_stack(verify_op, &j);
  return j.ok;
}

/* ---- scalar accessors ---- */

MLIRFFI_EXPORT H mlirffi_op_name(H op) { return ph(mlirOperationGetName(AS_OP(op)).ptr); }
MLIRFFI_EXPORT H mlirffi_op_context(H op) { return ph(mlirOperationGetContext(AS_OP(op)).ptr); }
MLIRFFI_EXPORT H mlirffi_op_location(H op) { return ph(mlirOperationGetLocation(AS_OP(op)).ptr); }
MLIRFFI_EXPORT void mlirffi_op_set_location(H op, H loc) {
  mlirOperationSetLocation(AS_OP(op), AS_LOC(loc));
}
MLIRFFI_EXPORT H mlirffi_op_block(H op) { return ph(mlirOperationGetBlock(AS_OP(op)).ptr); }
MLIRFFI_EXPORT H mlirffi_op_parent(H op) {
  return ph(mlirOperationGetParentOperation(AS_OP(op)).ptr);
}
MLIRFFI_EXPORT H mlirffi_op_next(H op) { return ph(mlirOperationGetNextInBlock(AS_OP(op)).ptr); }
MLIRFFI_EXPORT int32_t mlirffi_op_num_regions(H op) {
  return (int32_t)mlirOperationGetNumRegions(AS_OP(op));
}
MLIRFFI_EXPORT int32_t mlirffi_op_num_results(H op) {
  return (int32_t)mlirOperationGetNumResults(AS_OP(op));
}
MLIRFFI_EXPORT int32_t mlirffi_op_num_operands(H op) {
  return (int32_t)mlirOperationGetNumOperands(AS_OP(op));
}
MLIRFFI_EXPORT int32_t mlirffi_op_num_successors(H op) {
  return (int32_t)mlirOperationGetNumSuccessors(AS_OP(op));
}
MLIRFFI_EXPORT H mlirffi_op_region(H op, int32_t i) {
  return ph(mlirOperationGetRegion(AS_OP(op), i).ptr);
}
MLIRFFI_EXPORT H mlirffi_op_result(H op, int32_t i) {
  return ph(mlirOperationGetResult(AS_OP(op), i).ptr);
}
MLIRFFI_EXPORT H mlirffi_op_operand(H op, int32_t i) {
  return ph(mlirOperationGetOperand(AS_OP(op), i).ptr);
}
MLIRFFI_EXPORT void mlirffi_op_set_operand(H op, int32_t i, H value) {
  mlirOperationSetOperand(AS_OP(op), i, AS_VALUE(value));
}
MLIRFFI_EXPORT H mlirffi_op_successor(H op, int32_t i) {
  return ph(mlirOperationGetSuccessor(AS_OP(op), i).ptr);
}
MLIRFFI_EXPORT void mlirffi_op_set_successor(H op, int32_t i, H block) {
  mlirOperationSetSuccessor(AS_OP(op), i, AS_BLOCK(block));
}
MLIRFFI_EXPORT bool mlirffi_op_is_before_in_block(H a, H b) {
  return mlirOperationIsBeforeInBlock(AS_OP(a), AS_OP(b));
}

/* ---- moving and cloning ---- */

MLIRFFI_EXPORT void mlirffi_op_remove_from_parent(H op) {
  mlirOperationRemoveFromParent(AS_OP(op));
}
MLIRFFI_EXPORT void mlirffi_op_move_before(H op, H other) {
  mlirOperationMoveBefore(AS_OP(op), AS_OP(other));
}
MLIRFFI_EXPORT void mlirffi_op_move_after(H op, H other) {
  mlirOperationMoveAfter(AS_OP(op), AS_OP(other));
}

typedef struct {
  MlirOperation op, clone;
} CloneJob;

static void clone_op(void *p) {
  CloneJob *j = p;
  j->clone = mlirOperationClone(j->op);
}

/* Clones `op`, or returns 0 when the copy would use values of the original:
 * MLIR maps an operand to its copy only if the definition was cloned first,
 * so invalid IR (a use before its definition, or a use inside an isolated
 * op of a value defined outside it) leaves the copy referring to the
 * original, and freeing either one later corrupts the heap. Such a copy is
 * destroyed at once, which unlinks its uses cleanly. */
MLIRFFI_EXPORT H mlirffi_op_clone(H op) {
  CloneJob j = {AS_OP(op), {0}};
  run_on_big_stack(clone_op, &j);
  if (mlirffi_op_refers_outside(ph(j.clone.ptr))) {
    run_on_big_stack(destroy_op, &j.clone);
    return 0;
  }
  return ph(j.clone.ptr);
}

/* ---- attributes (by name) ---- */

MLIRFFI_EXPORT int32_t mlirffi_op_num_attributes(H op) {
  return (int32_t)mlirOperationGetNumAttributes(AS_OP(op));
}
/* The i-th attribute's name (identifier) and value, written to out[0..1]. */
MLIRFFI_EXPORT void mlirffi_op_attribute_at(H op, int32_t i, double *out) {
  MlirNamedAttribute a = mlirOperationGetAttribute(AS_OP(op), i);
  out[0] = ph(a.name.ptr);
  out[1] = ph(a.attribute.ptr);
}
MLIRFFI_EXPORT H mlirffi_op_attribute_get(H op, const uint8_t *name, uint32_t len) {
  return ph(mlirOperationGetAttributeByName(AS_OP(op), str_ref(name, len)).ptr);
}
/* The attribute named by identifier `name`, or 0: an identifier crosses FFI
 * as one number where a name would need a buffer. */
MLIRFFI_EXPORT H mlirffi_op_attribute_get_by_id(H op, H name) {
  return ph(mlirOperationGetAttributeByName(AS_OP(op), mlirIdentifierStr((MlirIdentifier){hp(name)})).ptr);
}
MLIRFFI_EXPORT void mlirffi_op_attribute_set(H op, const uint8_t *name, uint32_t len, H attr) {
  mlirOperationSetAttributeByName(AS_OP(op), str_ref(name, len), AS_ATTR(attr));
}
MLIRFFI_EXPORT bool mlirffi_op_attribute_remove(H op, const uint8_t *name, uint32_t len) {
  return mlirOperationRemoveAttributeByName(AS_OP(op), str_ref(name, len));
}

/* The body block of a module operation (first block of its first region). */
MLIRFFI_EXPORT H mlirffi_module_body(H op) {
  MlirRegion r = mlirOperationGetRegion(AS_OP(op), 0);
  return ph(mlirRegionGetFirstBlock(r).ptr);
}
