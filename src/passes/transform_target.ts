/**
 * What a pass run or pattern driver requires of the op it starts on: that
 * it verifies, and that nothing defined inside it is used outside it.
 *
 * The second is invalid IR that verifying the op alone does not catch (the
 * user outside is what breaks dominance), and MLIR would free it while still
 * used: region simplification and dead-code elimination look only inside
 * the op, find such a value unused there, and erase its definition. The
 * fuzzer found it with a constant moved into a nested module.
 *
 * @module
 */
import { MlirVerificationError } from "../base/errors.ts";
import { lib } from "../ffi/load.ts";
import type { ContextState } from "../ir/context_state.ts";

/** Throws MlirVerificationError unless `ptr` (named `name`) may be transformed; `what` ends the message. */
export function verifyTarget(state: ContextState, ptr: number, name: string, what: string): void {
  state.callNative(
    () => lib.mlirffi_op_verify(ptr),
    (diagnostics) => new MlirVerificationError(`'${name}' does not verify; ${what}.`, diagnostics),
  );
  if (lib.mlirffi_op_inside_used_outside(ptr)) {
    throw new MlirVerificationError(
      `'${name}' defines values inside it that are used outside it (invalid IR: verify its parent to see where); ${what}.`,
      [],
    );
  }
}
