/* Printing an operation: the flag bits (generic form, debug info, local
 * scope, ...), a limit on the elements of large attributes, and one on the
 * resource strings printed in the `dialect_resources` section.
 * mlirffi_op_print is the entry point without the resource limit, kept
 * for the ABI.
 *
 * MLIR's `assumeVerified` flag is deliberately not offered: custom printers
 * then run on IR that may not verify, and they dereference what the verifier
 * would have required (printing a `func.func` without `function_type`, an
 * `arith.cmpi` without operands or an `scf.for` without a body segfaults
 * with it; without it MLIR falls back to the generic form). */
#include "shim.h"

enum {
  PRINT_GENERIC = 1,
  PRINT_DEBUG_INFO = 2,
  PRINT_PRETTY_DEBUG_INFO = 4,
  PRINT_LOCAL_SCOPE = 8,
  PRINT_SKIP_REGIONS = 16,
  PRINT_NAME_LOC_AS_PREFIX = 32,
};

typedef struct {
  MlirOperation op;
  MlirOpPrintingFlags flags;
  Buf *out;
} PrintJob;

static void print_op(void *p) {
  PrintJob *j = p;
  mlirOperationPrintWithFlags(j->op, j->flags, out_string_callback, j->out);
}

/* A limit < 0 means none. */
MLIRFFI_EXPORT double mlirffi_op_print_limits(H op, int32_t flags, double large_elements_limit,
                                              double large_resource_limit, uint8_t *dst, uint32_t cap) {
  MlirOpPrintingFlags f = mlirOpPrintingFlagsCreate();
  if (flags & PRINT_GENERIC) mlirOpPrintingFlagsPrintGenericOpForm(f);
  if (flags & PRINT_DEBUG_INFO)
    mlirOpPrintingFlagsEnableDebugInfo(f, true, (flags & PRINT_PRETTY_DEBUG_INFO) != 0);
  if (flags & PRINT_LOCAL_SCOPE) mlirOpPrintingFlagsUseLocalScope(f);
  if (flags & PRINT_SKIP_REGIONS) mlirOpPrintingFlagsSkipRegions(f);
  if (flags & PRINT_NAME_LOC_AS_PREFIX) mlirOpPrintingFlagsPrintNameLocAsPrefix(f);
  if (large_elements_limit >= 0)
    mlirOpPrintingFlagsElideLargeElementsAttrs(f, (intptr_t)large_elements_limit);
  if (large_resource_limit >= 0)
    mlirOpPrintingFlagsElideLargeResourceString(f, (intptr_t)large_resource_limit);
  PrintJob j = {AS_OP(op), f, out_begin()};
  run_on_big_stack(print_op, &j);
  mlirOpPrintingFlagsDestroy(f);
  return out_deliver(dst, cap);
}

/* Prints the operation. `large_elements_limit` < 0 prints every element. */
MLIRFFI_EXPORT double mlirffi_op_print(H op, int32_t flags, double large_elements_limit,
                                       uint8_t *dst, uint32_t cap) {
  return mlirffi_op_print_limits(op, flags, large_elements_limit, -1, dst, cap);
}
