/* Building IR: operations from a description, blocks in regions, block
 * arguments. */
#include <stdlib.h>

#include "shim.h"

static void *alloc_array(size_t size, int32_t n) {
  void *p = malloc(size * (n > 0 ? (size_t)n : 1));
  if (!p) abort();
  return p;
}

/* Up to this many of each part live on the stack; more are malloc'ed. */
#define SMALL 8
#define PART_ARRAY(type, var, n) \
  type var##_small[SMALL];       \
  type *var = (n) <= SMALL ? var##_small : alloc_array(sizeof(type), (n))
#define PART_FREE(var) \
  if (var != var##_small) free(var)

/* Creates a detached operation. `parts` holds, one after the other, the
 * result types, the operands, the attribute names (identifiers), the
 * attribute values and the successors: one buffer crosses the FFI instead of
 * five. Returns 0 on failure (e.g. result type inference was asked for but
 * failed), with the reason in the context's diagnostics. */
MLIRFFI_EXPORT H mlirffi_op_create(const uint8_t *name, uint32_t name_len, H loc, const double *parts, int32_t n_results,
                                   int32_t n_operands, int32_t n_attrs, int32_t n_successors, int32_t n_regions,
                                   bool infer) {
  const double *results = parts, *operands = results + n_results, *attr_names = operands + n_operands,
               *attr_values = attr_names + n_attrs, *successors = attr_values + n_attrs;
  MlirOperationState state = mlirOperationStateGet(str_ref(name, name_len), AS_LOC(loc));
  PART_ARRAY(MlirType, types, n_results);
  for (int32_t i = 0; i < n_results; i++) types[i] = AS_TYPE(results[i]);
  PART_ARRAY(MlirValue, values, n_operands);
  for (int32_t i = 0; i < n_operands; i++) values[i] = AS_VALUE(operands[i]);
  PART_ARRAY(MlirNamedAttribute, attrs, n_attrs);
  for (int32_t i = 0; i < n_attrs; i++)
    attrs[i] = mlirNamedAttributeGet((MlirIdentifier){hp(attr_names[i])}, AS_ATTR(attr_values[i]));
  PART_ARRAY(MlirBlock, blocks, n_successors);
  for (int32_t i = 0; i < n_successors; i++) blocks[i] = AS_BLOCK(successors[i]);
  PART_ARRAY(MlirRegion, regions, n_regions);
  for (int32_t i = 0; i < n_regions; i++) regions[i] = mlirRegionCreate();

  if (n_results) mlirOperationStateAddResults(&state, n_results, types);
  if (n_operands) mlirOperationStateAddOperands(&state, n_operands, values);
  if (n_attrs) mlirOperationStateAddAttributes(&state, n_attrs, attrs);
  if (n_successors) mlirOperationStateAddSuccessors(&state, n_successors, blocks);
  if (n_regions) mlirOperationStateAddOwnedRegions(&state, n_regions, regions);
  if (infer) mlirOperationStateEnableResultTypeInference(&state);
  MlirOperation op = mlirOperationCreate(&state);
  /* On failure the state still owns the regions. */
  if (mlirOperationIsNull(op))
    for (int32_t i = 0; i < n_regions; i++) mlirRegionDestroy(regions[i]);
  PART_FREE(types);
  PART_FREE(values);
  PART_FREE(attrs);
  PART_FREE(blocks);
  PART_FREE(regions);
  return ph(op.ptr);
}

/* Whether `name` is an operation of a registered dialect, loading the
 * dialect first: dialects are registered in every context but loaded only on
 * first use, and only a loaded dialect's operations count as registered. */
MLIRFFI_EXPORT bool mlirffi_is_registered_operation(H ctx, const uint8_t *name, uint32_t len) {
  MlirContext c = ffi_ctx_raw(hp(ctx));
  uint32_t dot = 0;
  while (dot < len && name[dot] != '.') dot++;
  if (dot < len) mlirContextGetOrLoadDialect(c, str_ref(name, dot));
  return mlirContextIsRegisteredOperation(c, str_ref(name, len));
}

/* A new block with arguments of the given types and locations, placed in
 * `region` at position `pos` (-1: at the end). */
MLIRFFI_EXPORT H mlirffi_region_add_block(H region, int32_t pos, const double *types, const double *locs, int32_t n) {
  MlirType *ts = alloc_array(sizeof *ts, n);
  MlirLocation *ls = alloc_array(sizeof *ls, n);
  for (int32_t i = 0; i < n; i++) {
    ts[i] = AS_TYPE(types[i]);
    ls[i] = AS_LOC(locs[i]);
  }
  MlirBlock b = mlirBlockCreate(n, ts, ls);
  free(ts);
  free(ls);
  if (pos < 0) mlirRegionAppendOwnedBlock(AS_REGION(region), b);
  else mlirRegionInsertOwnedBlock(AS_REGION(region), pos, b);
  return ph(b.ptr);
}

/* Moves every block of `src` to the end of `dst` (MLIR's Region::takeBody
 * replaces dst's blocks, so dst must be empty: the caller checks). */
MLIRFFI_EXPORT void mlirffi_region_take_body(H dst, H src) {
  mlirRegionTakeBody(AS_REGION(dst), AS_REGION(src));
}

MLIRFFI_EXPORT H mlirffi_block_add_argument(H block, H type, H loc) {
  return ph(mlirBlockAddArgument(AS_BLOCK(block), AS_TYPE(type), AS_LOC(loc)).ptr);
}
MLIRFFI_EXPORT H mlirffi_block_insert_argument(H block, int32_t pos, H type, H loc) {
  return ph(mlirBlockInsertArgument(AS_BLOCK(block), pos, AS_TYPE(type), AS_LOC(loc)).ptr);
}
MLIRFFI_EXPORT void mlirffi_block_erase_argument(H block, int32_t index) {
  mlirBlockEraseArgument(AS_BLOCK(block), (unsigned)index);
}

typedef struct {
  MlirBlock block;
} EraseBlockJob;

static void erase_block(void *p) {
  EraseBlockJob *j = p;
  mlirBlockDetach(j->block);
  mlirBlockDestroy(j->block);
}

/* Unlinks the block from its region and frees it with everything in it. */
MLIRFFI_EXPORT void mlirffi_block_erase(H block) {
  EraseBlockJob j = {AS_BLOCK(block)};
  run_on_big_stack(erase_block, &j);
}

MLIRFFI_EXPORT int32_t mlirffi_block_num_predecessors(H block) {
  return (int32_t)mlirBlockGetNumPredecessors(AS_BLOCK(block));
}

/* The operand slot of `op` at `index` now uses `value`. */
MLIRFFI_EXPORT void mlirffi_value_set_location_of_arg(H value, H loc) {
  mlirBlockArgumentSetLocation(AS_VALUE(value), AS_LOC(loc));
}
