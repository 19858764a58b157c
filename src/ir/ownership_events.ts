/**
 * Ownership events: every mutation that frees native objects or moves them
 * between owners goes through here, in the same order each time:
 *
 * 1. refuse it if it would corrupt the IR (MLIR's release build does not
 *    check; see docs/CONTRACT.md clause 9), before anything changes;
 * 2. list, in one native call, every object whose fate changes;
 * 3. tell the strategy (its caches), then the ledger (the handles);
 * 4. only then do the native mutation, so no list is taken of freed memory.
 *
 * @module
 */
import { StructuralError } from "../base/errors.ts";
import { collectShared } from "../ffi/batch.ts";
import { lib } from "../ffi/load.ts";
import type { InvalidReason } from "../base/errors.ts";
import type { Owner } from "../safety/ledger.ts";
import { free, relinquish } from "../safety/native_lifetimes.ts";
import { refuseBlockChange, refuseDisposeWhileTransformed, refuseStructuralChange } from "./active_transforms.ts";
import { stateOf } from "./context_state.ts";

function subtree(root: number, includeRoot: boolean): { handles: Float64Array; count: number } {
  return collectShared((dst, cap) => lib.mlirffi_subtree(root, includeRoot, dst, cap));
}

/** Ends an owner: frees its native object; every handle into it becomes invalid. */
export function disposeOwner(owner: Owner, reason: InvalidReason, rootReason: InvalidReason | null = null): void {
  if (owner.closed) return;
  refuseDisposeWhileTransformed(owner, owner.kind === "module" ? "a module" : "an operation");
  stateOf(owner).strategy.closed(owner);
  owner.close(reason, rootReason);
  if (owner.cell !== null) {
    free(owner.cell);
    owner.cell = null;
  }
}

function refuseOutsideUses(ptr: number, what: string, name: string): void {
  if (lib.mlirffi_op_has_outside_uses(ptr)) {
    throw new StructuralError(
      `Cannot ${what} '${name}': values it defines are still used outside it. Replace those uses (Value.replaceAllUsesWith) or erase the users first.`,
    );
  }
}

function refuseOutsideReferences(ptr: number, what: string, name: string): void {
  if (lib.mlirffi_op_refers_outside(ptr)) {
    throw new StructuralError(
      `Cannot ${what} '${name}': it uses values defined outside it or branches to blocks outside it, which would dangle once it leaves. Move it within its module instead, or rewrite those operands first.`,
    );
  }
}

/** Erases the operation at `ptr` (valid in `owner`) with everything nested in it. */
export function eraseOperation(owner: Owner, ptr: number, name: string): void {
  refuseStructuralChange(owner, ptr, `erase '${name}'`, false);
  if (ptr === owner.root) {
    disposeOwner(owner, "parent erased", "operation erased");
    return;
  }
  forgetSubtree(owner, ptr, name, true);
  lib.mlirffi_op_destroy(ptr);
}

/**
 * Records that the op at `ptr` and everything nested in it are about to be
 * erased (by `op.erase()`, or by MLIR through a pattern's rewriter),
 * refusing first, with `checkUses`, if values it defines are still used
 * outside it.
 */
export function forgetSubtree(owner: Owner, ptr: number, name: string, checkUses: boolean): void {
  if (checkUses) refuseOutsideUses(ptr, "erase", name);
  const { handles, count } = subtree(ptr, true);
  stateOf(owner).strategy.freed(owner, handles, count);
  owner.recordFreed(handles, count, "operation erased", "parent erased");
}

/** Unlinks the operation from its block; returns its new owner (the operation itself). */
export function detachOperation(owner: Owner, ptr: number, name: string): Owner {
  if (lib.mlirffi_op_block(ptr) === 0) {
    throw new StructuralError(`Cannot detach '${name}': it has no parent.`);
  }
  refuseStructuralChange(owner, ptr, `detach '${name}'`, false);
  refuseOutsideReferences(ptr, "detach", name);
  refuseOutsideUses(ptr, "detach", name);
  const state = stateOf(owner);
  const detached = state.newOwner("operation", ptr, "operation");
  const { handles, count } = subtree(ptr, true);
  state.strategy.moved(owner, detached, handles, count);
  owner.recordMoved(handles, count, detached, !state.strategy.tracksHandles);
  lib.mlirffi_op_remove_from_parent(ptr);
  return detached;
}

/** A copy of the operation, owned by the returned (new) owner. */
export function cloneOperation(owner: Owner, ptr: number, name: string): Owner {
  refuseOutsideReferences(ptr, "clone", name);
  const clone = lib.mlirffi_op_clone(ptr);
  if (clone === 0) {
    throw new StructuralError(
      `Cannot clone '${name}': a value in it is used before its definition or across an isolated operation, so the copy would refer to the original. Make the IR valid first (verify() says where).`,
    );
  }
  return stateOf(owner).newOwner("operation", clone, "operation");
}

/** Where an insertion puts the operation, as a native call. */
export type Placement = (opPtr: number) => void;

/**
 * Inserts the operation at `ptr` (valid in `from`) into a block of `to`,
 * whose parent operation is `blockParent` (0 for a detached block). An
 * operation that already has a parent is moved, as upstream's Block.append
 * does. Returns the operation's owner afterwards.
 */
export function insertOperation(
  from: Owner,
  ptr: number,
  name: string,
  to: Owner,
  blockParent: number,
  place: Placement,
): Owner {
  if (from.context !== to.context) {
    throw new StructuralError(`Cannot insert '${name}' into a block of another context.`);
  }
  if (blockParent !== 0 && lib.mlirffi_op_is_ancestor(ptr, blockParent)) {
    throw new StructuralError(`Cannot insert '${name}' into a block nested inside itself.`);
  }
  refuseStructuralChange(to, blockParent, `insert '${name}'`, true);
  const strategy = stateOf(from).strategy;
  const hasParent = lib.mlirffi_op_block(ptr) !== 0;
  if (hasParent) refuseStructuralChange(from, ptr, `move '${name}'`, false);
  if (!hasParent) {
    // A detached operation is the root of its own owner, which merges into
    // the destination: MLIR owns it from now on. It never refers outside
    // itself: detach and clone refuse such operations, and createOperation
    // inserts those that do at once, where what they refer to lives.
    strategy.merged(from, to);
    from.mergeInto(to);
    if (from.cell !== null) {
      relinquish(from.cell);
      from.cell = null;
    }
    place(ptr);
    return to;
  }
  if (from !== to) {
    refuseOutsideReferences(ptr, "move", name);
    refuseOutsideUses(ptr, "move", name);
    const { handles, count } = subtree(ptr, true);
    strategy.moved(from, to, handles, count);
    from.recordMoved(handles, count, to, !strategy.tracksHandles);
  }
  lib.mlirffi_op_remove_from_parent(ptr);
  place(ptr);
  return to;
}

/**
 * Records that a pass manager is about to run on the operation at `ptr`:
 * everything nested in it may be freed or replaced.
 */
export function beforePassRun(owner: Owner, ptr: number): void {
  const strategy = stateOf(owner).strategy;
  if (ptr === owner.root) {
    strategy.nestedInvalidated(owner);
    owner.recordPassRun();
    return;
  }
  const { handles, count } = subtree(ptr, false);
  strategy.freed(owner, handles, count);
  owner.recordFreed(handles, count, "invalidated by pass run", "invalidated by pass run");
}

/** Erases a block argument that nothing uses. */
export function eraseArgument(owner: Owner, block: number, index: number, arg: number): void {
  refuseBlockChange(owner, block, "erase a block argument");
  if (lib.mlirffi_value_has_uses(arg)) {
    throw new StructuralError(`Cannot erase argument ${index}: it is still used. Replace its uses first.`);
  }
  const one = new Float64Array([arg]);
  stateOf(owner).strategy.freed(owner, one, 1);
  owner.recordFreed(one, 1, "argument erased", "argument erased");
  lib.mlirffi_block_erase_argument(block, index);
}

/** Erases a block with everything in it; refused while anything outside refers to it. */
export function eraseBlock(owner: Owner, block: number): void {
  refuseBlockChange(owner, block, "erase a block");
  if (lib.mlirffi_block_has_outside_references(block)) {
    throw new StructuralError(
      "Cannot erase the block: other blocks branch to it, or values it defines are used outside it. Rewrite those first.",
    );
  }
  const { handles, count } = collectShared((dst, cap) => lib.mlirffi_block_subtree(block, dst, cap));
  stateOf(owner).strategy.freed(owner, handles, count);
  owner.recordFreed(handles, count, "block erased", "parent erased");
  lib.mlirffi_block_erase(block);
}
