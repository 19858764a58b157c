/**
 * Turning native pointers found while navigating the IR into handles, through
 * the context's strategy. A pointer from a list taken at an older epoch is
 * first checked against the ledger: the object may have been erased or moved
 * since the list was taken.
 *
 * @module
 */
import { lib } from "../ffi/load.ts";
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
  const strategy = stateOf(owner).strategy;
  if (lib.mlirffi_value_is_op_result(ptr)) {
    const def = strategy.operation(owner, lib.mlirffi_result_owner(ptr));
    return strategy.result(def, lib.mlirffi_result_number(ptr), ptr);
  }
  return strategy.argument(owner, ptr);
}
