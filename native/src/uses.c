/* Replacing uses of a value everywhere but in some operations. */
#include <stdlib.h>

#include "shim.h"

/* `exceptions` holds `n` operation handles. The JS side has checked that
 * `of` and `with` are live values of one owner and the exceptions live
 * operations of the same context. */
MLIRFFI_EXPORT void mlirffi_value_replace_all_uses_except(H of, H with, const double *exceptions, int32_t n) {
  /* Replacing a value by itself changes nothing; skip MLIR's walk. */
  if (of == with) return;
  MlirOperation small[16];
  MlirOperation *ops = n <= 16 ? small : malloc(sizeof(MlirOperation) * (size_t)n);
  if (!ops) return;
  for (int32_t i = 0; i < n; i++) ops[i] = AS_OP(exceptions[i]);
  mlirValueReplaceAllUsesExcept(AS_VALUE(of), AS_VALUE(with), n, ops);
  if (ops != small) free(ops);
}
