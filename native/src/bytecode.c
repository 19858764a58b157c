/* MLIR bytecode: writing an operation to bytes. Reading needs nothing extra:
 * MLIR's parser recognises bytecode by its magic number. */
#include "shim.h"

/* Writes `op` as bytecode (version < 0: the current one) into the text
 * result; returns its length, or -1 when the version cannot be written. */
MLIRFFI_EXPORT double mlirffi_op_write_bytecode(H op, double version) {
  Buf *out = out_begin();
  MlirBytecodeWriterConfig config = mlirBytecodeWriterConfigCreate();
  if (version >= 0) mlirBytecodeWriterConfigDesiredEmitVersion(config, (int64_t)version);
  MlirLogicalResult r = mlirOperationWriteBytecodeWithConfig(AS_OP(op), config, out_string_callback, out);
  mlirBytecodeWriterConfigDestroy(config);
  if (mlirLogicalResultIsFailure(r)) return -1;
  return out_deliver(NULL, 0);
}
