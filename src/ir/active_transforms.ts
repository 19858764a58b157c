/**
 * What MLIR is transforming while JavaScript runs inside it (a TypeScript
 * pass, later a rewrite pattern), and what that JavaScript may therefore not
 * do (CONTRACT.md clause 11).
 *
 * A pass manager or a driver iterates over the IR it transforms and keeps
 * pointers into it; the callback that runs in the middle must not free or
 * move what the driver will touch next. So while a transform is active:
 * - the module (or detached op) being transformed, and its context, cannot
 *   be disposed;
 * - no pass manager or driver may start on that IR again;
 * - inside a pass, structural changes (erase, detach, move, insert, block
 *   and argument removal) are allowed only strictly inside the op the pass
 *   runs on, which is what MLIR allows a pass to touch;
 * - inside a rewrite pattern, they are allowed only through the pattern's
 *   rewriter, which tells the driver.
 * Each refusal is a StructuralError thrown into the callback; nothing has
 * changed when it is thrown.
 *
 * @module
 */
import { StructuralError } from "../base/errors.ts";
import { lib } from "../ffi/load.ts";
import type { Owner } from "../safety/ledger.ts";
import { type ContextState, stateOf } from "./context_state.ts";

/** One transform in progress: a pass run or a rewrite-pattern driver. */
export interface ActiveTransform {
  readonly kind: "pass run" | "pattern driver";
  /** The owner of the IR being transformed. */
  readonly owner: Owner;
  /** The op it was started on. */
  readonly root: number;
  /**
   * The op a pass callback is running on now (0 between callbacks and
   * always for patterns): structural changes must be strictly inside it.
   * Patterns change IR only through their rewriter, which is not checked here.
   */
  scope: number;
}

/**
 * A diagnostic handler called from inside MLIR: while it runs, no IR of its
 * context may change at all (owner null: every owner).
 */
export interface HandlerTransform {
  readonly kind: "diagnostic handler";
  readonly owner: null;
  readonly root: 0;
  readonly scope: 0;
}

/**
 * JIT-compiled code calling JS host functions: the context cannot go while
 * that code runs (its engine would go with it); IR may change freely, as
 * the code does not touch it (owner undefined: no owner's).
 */
export interface EngineCallTransform {
  readonly kind: "JIT call";
  readonly owner: undefined;
  readonly root: 0;
  readonly scope: 0;
}

type Transform = ActiveTransform | HandlerTransform | EngineCallTransform;

const active = new WeakMap<ContextState, Transform[]>();

/** Marks `t` as in progress until `end` is called. */
export function beginTransform(state: ContextState, t: Transform): () => void {
  let list = active.get(state);
  if (list === undefined) active.set(state, list = []);
  list.push(t);
  return () => {
    const i = list.lastIndexOf(t);
    if (i >= 0) list.splice(i, 1);
  };
}

function transformOf(owner: Owner): Transform | undefined {
  const list = active.get(stateOf(owner));
  if (list === undefined || list.length === 0) return undefined;
  for (let i = list.length - 1; i >= 0; i--) if (list[i]!.owner === owner || list[i]!.owner === null) return list[i];
  return undefined;
}

/** The transforms in progress in `state`'s context, innermost last. */
export function activeTransforms(state: ContextState): readonly Transform[] {
  return active.get(state) ?? [];
}

/** Refuses to dispose `owner` while it is being transformed. */
export function refuseDisposeWhileTransformed(owner: Owner, what: string): void {
  const t = transformOf(owner);
  if (t !== undefined) {
    throw new StructuralError(`Cannot dispose ${what} while a ${t.kind} is transforming it; dispose it after the run returns.`);
  }
}

/** Refuses to dispose a context in which a transform is in progress. */
export function refuseContextDisposeWhileTransforming(state: ContextState): void {
  const list = active.get(state);
  if (list !== undefined && list.length > 0) {
    throw new StructuralError(`Cannot dispose the context while a ${list[list.length - 1]!.kind} is running in it; dispose it after the run returns.`);
  }
}

/**
 * Refuses to start a pass run or driver on IR of `owner` that a transform is
 * working on. A pattern driver inside a pass, on the pass's op or within it,
 * is allowed: that is how passes apply patterns (MLIR's own do).
 */
export function refuseNestedTransform(owner: Owner, what: string, target: number, driver: boolean): void {
  const t = transformOf(owner);
  if (t === undefined) return;
  if (driver && t.kind === "pass run" && t.scope !== 0 && lib.mlirffi_op_is_ancestor(t.scope, target)) return;
  throw new StructuralError(
    `Cannot start ${what} on IR that a ${t.kind} is transforming; run it after the first returns${
      t.kind === "pass run" ? " (a pattern driver may run inside a pass, on the pass's op)" : ""
    }.`,
  );
}

/**
 * Refuses a structural change at the op `ptr` in `owner` unless it is
 * strictly inside the op the running callback was given: `ptr` is the op
 * erased, detached or moved, or, with `orScope`, the parent op of the block
 * changed or inserted into (which may be that op itself).
 */
export function refuseStructuralChange(owner: Owner, ptr: number, what: string, orScope: boolean): void {
  const t = transformOf(owner);
  if (t === undefined) return;
  const inside = t.scope !== 0 && ptr !== 0 && (orScope || ptr !== t.scope) && lib.mlirffi_op_is_ancestor(t.scope, ptr);
  if (!inside) {
    throw new StructuralError(
      t.kind === "pattern driver"
        ? `Cannot ${what} inside a rewrite pattern except through its rewriter (rewriter.eraseOp, replaceOp, insertionPoint...): the driver must hear of every change.`
        : t.kind === "diagnostic handler"
        ? `Cannot ${what} inside a diagnostic handler: MLIR is in the middle of the call that reported it. Change the IR after that call returns.`
        : `Cannot ${what} during a ${t.kind} outside the operation the pass runs on: MLIR is iterating over that IR. Change only what is nested inside the pass's operation.`,
    );
  }
}

/**
 * {@linkcode refuseStructuralChange} for a change of the block at `block`
 * (or an insert into it): its parent op is looked up only while a transform
 * is active, so the common case costs no native call.
 */
export function refuseBlockChange(owner: Owner, block: number, what: string): void {
  if (transformOf(owner) === undefined) return;
  refuseStructuralChange(owner, lib.mlirffi_block_parent_op(block), what, true);
}
