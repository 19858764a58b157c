/**
 * The one small interface every handle strategy implements.
 *
 * A strategy decides how handles are *made*: whether two accesses of the same
 * native object give the same JS object, and what that costs. It does not
 * decide whether a handle is valid: every handle checks itself against the
 * ownership ledger (src/ledger.ts), the same way under every strategy. The
 * ledger tells the strategy about ownership events so it can keep any cache
 * it has consistent with the native IR.
 *
 * @module
 */
import type { Owner } from "../src/safety/ledger.ts";
import type { TrackedHandle } from "../src/safety/handle.ts";

/** The names of the strategies. */
export type StrategyName = "interned" | "weak" | "ephemeral";

/**
 * A tracked handle that can also be the parent of results, regions and
 * operands: an operation handle. The strategy may keep those children in
 * `_kids` (see {@linkcode ChildCache}); nothing else touches it.
 */
export interface ParentHandle extends TrackedHandle {
  /** @internal The strategy's cache of child handles. */
  _kids: unknown;
}

/**
 * The kinds of handle a strategy makes, named by the IR layer: tracked
 * handles (operations, blocks, block arguments), which check themselves
 * against the ledger, and children of an operation (results, regions,
 * operands), whose identity follows their parent's. A strategy knows them
 * only by these shapes, never by class.
 */
export interface HandleKinds {
  readonly operation: ParentHandle;
  readonly block: TrackedHandle;
  readonly argument: TrackedHandle;
  readonly result: object;
  readonly region: object;
  readonly operand: object;
}

/** How to construct each kind of handle; supplied by the IR layer. */
export interface HandleFactories<K extends HandleKinds = HandleKinds> {
  operation(owner: Owner, ptr: number): K["operation"];
  block(owner: Owner, ptr: number): K["block"];
  argument(owner: Owner, ptr: number): K["argument"];
  result(op: K["operation"], index: number, ptr: number): K["result"];
  region(op: K["operation"], index: number, ptr: number): K["region"];
  operand(op: K["operation"], index: number): K["operand"];
}

/**
 * Produces handles. `owner` is always the owner the object lives in now, and
 * the object is known to be live at `owner.epoch`.
 */
export interface HandleStrategy<K extends HandleKinds = HandleKinds> {
  readonly name: StrategyName;
  /**
   * Whether every reachable handle is known to the strategy (and so is moved
   * eagerly in `moved`). If not, the ledger keeps moved objects' new owners
   * alive for the sake of handles it cannot see.
   */
  readonly tracksHandles: boolean;
  operation(owner: Owner, ptr: number): K["operation"];
  block(owner: Owner, ptr: number): K["block"];
  argument(owner: Owner, ptr: number): K["argument"];
  /** Handles whose identity follows a parent operation handle. */
  result(op: K["operation"], index: number, ptr: number): K["result"];
  region(op: K["operation"], index: number, ptr: number): K["region"];
  operand(op: K["operation"], index: number): K["operand"];

  /** The objects at `ptrs[0..count)` in `owner` were freed. */
  freed(owner: Owner, ptrs: Float64Array, count: number): void;
  /** The objects at `ptrs[0..count)` moved from `from` to `to`. */
  moved(from: Owner, to: Owner, ptrs: Float64Array, count: number): void;
  /** Everything in `from` now belongs to `to` (a detached op was inserted). */
  merged(from: Owner, to: Owner): void;
  /** Everything nested under `owner`'s root may be gone (a pass ran on it). */
  nestedInvalidated(owner: Owner): void;
  /** `owner` is gone. */
  closed(owner: Owner): void;
  /** The strategy's own bookkeeping, for tests of bounded memory. */
  stats(owners: Iterable<Owner>): StrategyStats;
}

/** Sizes of a strategy's bookkeeping. */
export interface StrategyStats {
  /** Cached handles (map entries). */
  readonly entries: number;
}

/** The children a parent operation handle caches (interned and weak). */
export interface ChildCache<K extends HandleKinds = HandleKinds> {
  results?: K["result"][];
  regions?: K["region"][];
  operands?: K["operand"][];
}
