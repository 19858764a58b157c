/* One-call reads of a value and what defines it, for hot paths.
 *
 * Turning an operand into a handle needs the value, whether it is a result or
 * a block argument, its owner and its number: four FFI calls one at a time.
 * These functions make one call and leave the extra facts in a small
 * per-thread mailbox that JS reads through a typed array over this memory
 * (src/ffi/mailbox.ts), so the read costs no further transition. The mailbox
 * is thread-local because workers load the same library in one process; JS
 * reads it right after the call that filled it, before any other native call
 * on its thread. */
#include "shim.h"

/* [0] the owner (defining op or block), [1] the result number, or -1 for a
 * block argument. */
static _Thread_local double mailbox[4];

/* The address of this thread's mailbox, as a pointer each runtime can view. */
MLIRFFI_EXPORT void *mlirffi_mailbox(void) { return mailbox; }

static H describe(MlirValue v) {
  if (mlirValueIsAOpResult(v)) {
    mailbox[0] = ph(mlirOpResultGetOwner(v).ptr);
    mailbox[1] = (double)mlirOpResultGetResultNumber(v);
  } else {
    mailbox[0] = ph(mlirBlockArgumentGetOwner(v).ptr);
    mailbox[1] = -1;
  }
  return ph(v.ptr);
}

/* Value `v` itself, its owner and number in the mailbox. */
MLIRFFI_EXPORT H mlirffi_value_describe(H v) { return describe(AS_VALUE(v)); }

/* Operand `index` of `op`, described, or 0 when `index` is out of range: one
 * call per operand read, range check included. */
MLIRFFI_EXPORT H mlirffi_op_operand_described(H op, int32_t index) {
  MlirOperation o = AS_OP(op);
  if (index < 0 || index >= mlirOperationGetNumOperands(o)) return 0;
  return describe(mlirOperationGetOperand(o, index));
}
