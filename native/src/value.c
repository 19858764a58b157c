/* Values, operands and uses. */
#include "shim.h"

MLIRFFI_EXPORT bool mlirffi_value_is_block_arg(H v) { return mlirValueIsABlockArgument(AS_VALUE(v)); }
MLIRFFI_EXPORT bool mlirffi_value_is_op_result(H v) { return mlirValueIsAOpResult(AS_VALUE(v)); }
MLIRFFI_EXPORT H mlirffi_value_type(H v) { return ph(mlirValueGetType(AS_VALUE(v)).ptr); }
MLIRFFI_EXPORT void mlirffi_value_set_type(H v, H t) { mlirValueSetType(AS_VALUE(v), AS_TYPE(t)); }
MLIRFFI_EXPORT H mlirffi_result_owner(H v) { return ph(mlirOpResultGetOwner(AS_VALUE(v)).ptr); }
MLIRFFI_EXPORT int32_t mlirffi_result_number(H v) { return (int32_t)mlirOpResultGetResultNumber(AS_VALUE(v)); }
MLIRFFI_EXPORT H mlirffi_arg_owner(H v) { return ph(mlirBlockArgumentGetOwner(AS_VALUE(v)).ptr); }
MLIRFFI_EXPORT int32_t mlirffi_arg_number(H v) { return (int32_t)mlirBlockArgumentGetArgNumber(AS_VALUE(v)); }
MLIRFFI_EXPORT void mlirffi_value_replace_all_uses(H of, H with) {
  /* MLIR moves uses one at a time until none is left: replacing a value by
   * itself would never finish. */
  if (of == with) return;
  mlirValueReplaceAllUsesOfWith(AS_VALUE(of), AS_VALUE(with));
}

MLIRFFI_EXPORT double mlirffi_value_print(H v, uint8_t *dst, uint32_t cap) {
  mlirValuePrint(AS_VALUE(v), out_string_callback, out_begin());
  return out_deliver(dst, cap);
}

/* Prints the value as an operand (`%0`, `%arg1`) in the scope of its op. */
MLIRFFI_EXPORT double mlirffi_value_print_as_operand(H v, uint8_t *dst, uint32_t cap) {
  MlirOpPrintingFlags flags = mlirOpPrintingFlagsCreate();
  mlirOpPrintingFlagsUseLocalScope(flags);
  MlirAsmState state = mlirAsmStateCreateForValue(AS_VALUE(v), flags);
  mlirValuePrintAsOperand(AS_VALUE(v), state, out_string_callback, out_begin());
  mlirAsmStateDestroy(state);
  mlirOpPrintingFlagsDestroy(flags);
  return out_deliver(dst, cap);
}

/* The address of operand `index` of `op` (its use-list node), found through
 * the used value's uses: the C API has no direct getter. */
MLIRFFI_EXPORT H mlirffi_op_operand_ptr(H op, int32_t index) {
  MlirOperation o = AS_OP(op);
  for (MlirOpOperand u = mlirValueGetFirstUse(mlirOperationGetOperand(o, index)); !mlirOpOperandIsNull(u);
       u = mlirOpOperandGetNextUse(u))
    if (mlirOperationEqual(mlirOpOperandGetOwner(u), o) && mlirOpOperandGetOperandNumber(u) == (unsigned)index)
      return ph(u.ptr);
  return 0;
}

MLIRFFI_EXPORT H mlirffi_value_location(H v) { return ph(mlirValueGetLocation(AS_VALUE(v)).ptr); }

/* Replaces uses of `of` by `with` inside `op` only. */
MLIRFFI_EXPORT void mlirffi_op_replace_uses_of_with(H op, H of, H with) {
  mlirOperationReplaceUsesOfWith(AS_OP(op), AS_VALUE(of), AS_VALUE(with));
}
