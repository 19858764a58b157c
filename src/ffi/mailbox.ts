/**
 * The native mailbox: a few doubles of this thread's native memory
 * (native/src/describe.c) where a call that has more than one result leaves
 * the rest, read here through a typed array over that memory at the cost of
 * an array read rather than a further FFI call. Read it right after the call
 * that filled it, before any other native call.
 *
 * @module
 */
import { lib, nativeView } from "./load.ts";

function open(): Float64Array {
  try {
    return new Float64Array(nativeView(lib.mlirffi_mailbox(), 4 * Float64Array.BYTES_PER_ELEMENT));
  } catch {
    // The library did not load: every call that would fill the mailbox
    // throws the load error first, so this stand-in is never read.
    return new Float64Array(4);
  }
}

/**
 * After `mlirffi_value_describe`, or `mlirffi_op_operand_described` when it
 * found the operand: `[0]`
 * the value's owner (its defining op, or its block), `[1]` its result
 * number, or -1 for a block argument.
 */
export const MAILBOX: Float64Array = open();
