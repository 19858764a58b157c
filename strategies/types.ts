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
import type { Owner } from "../src/ledger.ts";
import type { Block } from "../src/block.ts";
import type { Operation } from "../src/operation.ts";
import type { Region } from "../src/region.ts";
import type { BlockArgument, OpOperand, OpResult } from "../src/value.ts";

/** The names of the strategies. */
export type StrategyName = "interned" | "weak" | "ephemeral";

/** How to construct each kind of handle; supplied by the core. */
export interface HandleFactories {
  operation(owner: Owner, ptr: number): Operation;
  block(owner: Owner, ptr: number): Block;
  argument(owner: Owner, ptr: number): BlockArgument;
  result(op: Operation, index: number, ptr: number): OpResult;
  region(op: Operation, index: number, ptr: number): Region;
  operand(op: Operation, index: number): OpOperand;
}

/**
 * Produces handles. `owner` is always the owner the object lives in now, and
 * the object is known to be live at `owner.epoch`.
 */
export interface HandleStrategy {
  readonly name: StrategyName;
  /**
   * Whether every reachable handle is known to the strategy (and so is moved
   * eagerly in `moved`). If not, the ledger keeps moved objects' new owners
   * alive for the sake of handles it cannot see.
   */
  readonly tracksHandles: boolean;
  operation(owner: Owner, ptr: number): Operation;
  block(owner: Owner, ptr: number): Block;
  argument(owner: Owner, ptr: number): BlockArgument;
  /** Handles whose identity follows a parent operation handle. */
  result(op: Operation, index: number, ptr: number): OpResult;
  region(op: Operation, index: number, ptr: number): Region;
  operand(op: Operation, index: number): OpOperand;

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
export interface ChildCache {
  results?: OpResult[];
  regions?: Region[];
  operands?: OpOperand[];
}
