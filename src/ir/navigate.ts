/**
 * Turning native pointers found while navigating the IR into handles, through
 * the context's strategy. A pointer from a list taken at an older epoch is
 * first checked against the ledger: the object may have been erased or moved
 * since the list was taken.
 *
 * @module
 */
import { lib } from "../ffi/load.ts";
import { MAILBOX } from "../ffi/mailbox.ts";
import { type Owner, resolve } from "../safety/ledger.ts";
import { stateOf } from "./context_state.ts";
import type { Block } from "./block.ts";
import type { Operation } from "./operation.ts";
import type { BlockArgument, Value } from "./value.ts";

/** The operation at `ptr`, listed from `owner` at epoch `stamp`. */
export function operationAt(owner: Owner, stamp: number, ptr: number): Operation {
  const o = stamp === owner.epoch ? owner : resolve(owner, ptr, stamp, "Operation");
  return stateOf(o).strategy.operation(o, ptr);
}

/** The block at `ptr`, listed from `owner` at epoch `stamp`. */
export function blockAt(owner: Owner, stamp: number, ptr: number): Block {
  const o = stamp === owner.epoch ? owner : resolve(owner, ptr, stamp, "Block");
  return stateOf(o).strategy.block(o, ptr);
}

/** The block argument at `ptr`, listed from `owner` at epoch `stamp`. */
export function argumentAt(owner: Owner, stamp: number, ptr: number): BlockArgument {
  const o = stamp === owner.epoch ? owner : resolve(owner, ptr, stamp, "BlockArgument");
  return stateOf(o).strategy.argument(o, ptr);
}

/**
 * The value at `ptr`, used or defined inside `owner` (valid now). Values never
 * cross owners: the ownership events refuse any move that would let them.
 */
export function valueAt(owner: Owner, ptr: number): Value {
  lib.mlirffi_value_describe(ptr);
  return described(owner, ptr);
}

/** Operand `index` of the operation at `op` in `owner` (valid now), or undefined when `index` is out of range. */
export function operandAt(owner: Owner, op: number, index: number): Value | undefined {
  const ptr = lib.mlirffi_op_operand_described(op, index);
  return ptr === 0 ? undefined : described(owner, ptr);
}

/** The value at `ptr`, whose owner and number the last native call left in the mailbox. */
function described(owner: Owner, ptr: number): Value {
  const def = MAILBOX[0]!;
  const number = MAILBOX[1]!;
  const strategy = stateOf(owner).strategy;
  return number >= 0 ? strategy.result(strategy.operation(owner, def), number, ptr) : strategy.argument(owner, ptr);
}
