/* Blocks and regions: scalar accessors and ownership transfers. */
#include <stdlib.h>

#include "shim.h"

MLIRFFI_EXPORT H mlirffi_block_parent_op(H b) { return ph(mlirBlockGetParentOperation(AS_BLOCK(b)).ptr); }
MLIRFFI_EXPORT H mlirffi_block_parent_region(H b) { return ph(mlirBlockGetParentRegion(AS_BLOCK(b)).ptr); }
MLIRFFI_EXPORT H mlirffi_block_next(H b) { return ph(mlirBlockGetNextInRegion(AS_BLOCK(b)).ptr); }
MLIRFFI_EXPORT H mlirffi_block_first_op(H b) { return ph(mlirBlockGetFirstOperation(AS_BLOCK(b)).ptr); }
MLIRFFI_EXPORT H mlirffi_block_terminator(H b) { return ph(mlirBlockGetTerminator(AS_BLOCK(b)).ptr); }
MLIRFFI_EXPORT int32_t mlirffi_block_num_args(H b) { return (int32_t)mlirBlockGetNumArguments(AS_BLOCK(b)); }
MLIRFFI_EXPORT H mlirffi_block_arg(H b, int32_t i) { return ph(mlirBlockGetArgument(AS_BLOCK(b), i).ptr); }

MLIRFFI_EXPORT void mlirffi_block_append_op(H b, H op) {
  mlirBlockAppendOwnedOperation(AS_BLOCK(b), AS_OP(op));
}
MLIRFFI_EXPORT void mlirffi_block_insert_op(H b, int32_t pos, H op) {
  mlirBlockInsertOwnedOperation(AS_BLOCK(b), pos, AS_OP(op));
}
MLIRFFI_EXPORT void mlirffi_block_insert_op_before(H b, H ref, H op) {
  mlirBlockInsertOwnedOperationBefore(AS_BLOCK(b), AS_OP(ref), AS_OP(op));
}
MLIRFFI_EXPORT void mlirffi_block_insert_op_after(H b, H ref, H op) {
  mlirBlockInsertOwnedOperationAfter(AS_BLOCK(b), AS_OP(ref), AS_OP(op));
}

static void print_block(void *p) {
  void **args = p;
  mlirBlockPrint(*(MlirBlock *)args[0], out_string_callback, args[1]);
}

MLIRFFI_EXPORT double mlirffi_block_print(H block, uint8_t *dst, uint32_t cap) {
  MlirBlock b = AS_BLOCK(block);
  void *args[2] = {&b, out_begin()};
  run_on_big_stack(print_block, args);
  return out_deliver(dst, cap);
}


static void destroy_block(void *p) { mlirBlockDestroy(*(MlirBlock *)p); }
static void destroy_region(void *p) { mlirRegionDestroy(*(MlirRegion *)p); }

/* Frees a block that no region owns, with everything in it. */
MLIRFFI_EXPORT void mlirffi_block_destroy(H block) {
  MlirBlock b = AS_BLOCK(block);
  run_on_big_stack(destroy_block, &b);
}

/* Frees a region that no operation owns, with everything in it. */
MLIRFFI_EXPORT void mlirffi_region_destroy(H region) {
  MlirRegion r = AS_REGION(region);
  run_on_big_stack(destroy_region, &r);
}

MLIRFFI_EXPORT H mlirffi_block_predecessor(H b, int32_t i) { return ph(mlirBlockGetPredecessor(AS_BLOCK(b), i).ptr); }
MLIRFFI_EXPORT int32_t mlirffi_block_num_successors(H b) { return (int32_t)mlirBlockGetNumSuccessors(AS_BLOCK(b)); }
MLIRFFI_EXPORT H mlirffi_block_successor(H b, int32_t i) { return ph(mlirBlockGetSuccessor(AS_BLOCK(b), i).ptr); }
