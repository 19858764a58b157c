/**
 * Walking nested IR: one native call lists every operation under the root,
 * then the JS loop turns each into a handle for the callback. The callback
 * may mutate the IR: an operation it erased is skipped, one it moved is
 * visited in its new place.
 *
 * @module
 */
import { lib } from "../ffi/load.ts";
import type { Owner } from "../safety/ledger.ts";
import { stateOf } from "./context_state.ts";
import type { Operation } from "./operation.ts";
import { argumentError } from "../base/args.ts";
import { WALK_LOOPS } from "./walk_loops.ts";

/** What a walk callback asks for next (nothing means `"advance"`). */
export type WalkResult = "advance" | "skip" | "interrupt";
/** How a walk ended. */
export type WalkStatus = "completed" | "interrupted";

/** Walk options. */
export interface WalkOptions {
  /** Visit parents before (`"pre"`, default) or after (`"post"`) their children. */
  readonly order?: "pre" | "post";
}

interface WalkBuffers {
  ptrs: Float64Array;
  ends: Uint32Array;
  names: Int32Array;
}

// One spare set of buffers; a walk started from inside a walk callback
// allocates its own.
let spare: WalkBuffers | null = null;

function takeBuffers(min: number): WalkBuffers {
  const b = spare !== null && spare.ptrs.length >= min ? spare : null;
  if (b !== null) {
    spare = null;
    return b;
  }
  const size = Math.max(min, 1024);
  return { ptrs: new Float64Array(size), ends: new Uint32Array(size), names: new Int32Array(size) };
}

function giveBack(b: WalkBuffers): void {
  if (spare === null || spare.ptrs.length < b.ptrs.length) spare = b;
}

/** Lists the operations under `root` with their name indices, in one native call. */
function listNested(store: number, root: number, post: boolean): { buffers: WalkBuffers; count: number } {
  let b = takeBuffers(0);
  let count = lib.mlirffi_walk(store, root, post ? 1 : 0, b.ptrs, b.ends, b.names, b.ptrs.length);
  if (count > b.ptrs.length) {
    giveBack(b);
    b = takeBuffers(count);
    count = lib.mlirffi_walk(store, root, post ? 1 : 0, b.ptrs, b.ends, b.names, b.ptrs.length);
  }
  return { buffers: b, count };
}

/** See {@linkcode Operation.walk}. */
export function walk(
  root: Operation,
  callback: (op: Operation) => WalkResult | void,
  options?: WalkOptions,
): WalkStatus {
  if (typeof callback !== "function") throw argumentError("walk's callback", "a function", callback);
  const order = options?.order ?? "pre";
  if (order !== "pre" && order !== "post") throw argumentError("walk's options.order", '"pre" or "post"', order);
  const post = order === "post";
  const rootPtr = root._live();
  const owner: Owner = root._owner;
  const state = stateOf(owner);
  const { buffers, count } = listNested(state.store, rootPtr, post);
  try {
    const { ptrs, ends, names } = buffers;
    return WALK_LOOPS[state.strategy.name]({ state, owner, stamp: owner.epoch, ptrs, ends, names, count, post }, callback);
  } finally {
    giveBack(buffers);
  }
}
