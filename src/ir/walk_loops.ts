/**
 * The walk's loop, once per strategy. The three functions are the same code
 * on purpose (test/ir/walk_loops_test.ts holds them identical but for their
 * names): the loop's call `strategy.operation(o, ptr)` is the hottest call
 * of a walk, and a call site that has seen more than one strategy's
 * `operation` is no longer inlined. With one loop, a program that walked
 * with interned and weak before walking with ephemeral paid 1.84× the
 * native walk for ephemeral on Bun, against 1.06× in a process of its own
 * (measured for the performance issue); with a loop per strategy each call
 * site sees one.
 *
 * Each visits `ptrs[0..count)` (listed from `owner` at epoch `stamp`, with
 * name indices and subtree ends), skipping what the callback erased and
 * following what it moved.
 *
 * @module
 */
import { follow, type Owner } from "../safety/ledger.ts";
import type { ContextState } from "./context_state.ts";
import type { Operation } from "./operation.ts";
import type { WalkResult, WalkStatus } from "./walk.ts";

/** What every loop is given. */
export interface WalkList {
  readonly state: ContextState;
  readonly owner: Owner;
  readonly stamp: number;
  readonly ptrs: Float64Array;
  readonly ends: Uint32Array;
  readonly names: Int32Array;
  readonly count: number;
  readonly post: boolean;
}

type Loop = (list: WalkList, callback: (op: Operation) => WalkResult | void) => WalkStatus;

export function walkInterned(list: WalkList, callback: (op: Operation) => WalkResult | void): WalkStatus {
  const { state, owner, stamp, ptrs, ends, names, count, post } = list;
  const strategy = state.strategy;
  for (let i = 0; i < count; i++) {
    const ptr = ptrs[i]!;
    let o = owner;
    if (owner.epoch !== stamp) {
      // The callback changed the IR: this entry may be gone (skipped) or elsewhere.
      const now = follow(owner, ptr, stamp);
      if (typeof now === "string") continue;
      o = now;
    }
    const op = strategy.operation(o, ptr);
    // Names come with the list: reading one costs an array lookup.
    if (op._name === undefined) op._name = state.nameAt(names[i]!);
    const result = callback(op);
    if (result === "interrupt") return "interrupted";
    if (result === "skip" && !post) i = ends[i]! - 1;
  }
  return "completed";
}

export function walkWeak(list: WalkList, callback: (op: Operation) => WalkResult | void): WalkStatus {
  const { state, owner, stamp, ptrs, ends, names, count, post } = list;
  const strategy = state.strategy;
  for (let i = 0; i < count; i++) {
    const ptr = ptrs[i]!;
    let o = owner;
    if (owner.epoch !== stamp) {
      // The callback changed the IR: this entry may be gone (skipped) or elsewhere.
      const now = follow(owner, ptr, stamp);
      if (typeof now === "string") continue;
      o = now;
    }
    const op = strategy.operation(o, ptr);
    // Names come with the list: reading one costs an array lookup.
    if (op._name === undefined) op._name = state.nameAt(names[i]!);
    const result = callback(op);
    if (result === "interrupt") return "interrupted";
    if (result === "skip" && !post) i = ends[i]! - 1;
  }
  return "completed";
}

export function walkEphemeral(list: WalkList, callback: (op: Operation) => WalkResult | void): WalkStatus {
  const { state, owner, stamp, ptrs, ends, names, count, post } = list;
  const strategy = state.strategy;
  for (let i = 0; i < count; i++) {
    const ptr = ptrs[i]!;
    let o = owner;
    if (owner.epoch !== stamp) {
      // The callback changed the IR: this entry may be gone (skipped) or elsewhere.
      const now = follow(owner, ptr, stamp);
      if (typeof now === "string") continue;
      o = now;
    }
    const op = strategy.operation(o, ptr);
    // Names come with the list: reading one costs an array lookup.
    if (op._name === undefined) op._name = state.nameAt(names[i]!);
    const result = callback(op);
    if (result === "interrupt") return "interrupted";
    if (result === "skip" && !post) i = ends[i]! - 1;
  }
  return "completed";
}

/** The loop for each strategy. */
export const WALK_LOOPS: Readonly<Record<ContextState["strategy"]["name"], Loop>> = {
  interned: walkInterned,
  weak: walkWeak,
  ephemeral: walkEphemeral,
};
