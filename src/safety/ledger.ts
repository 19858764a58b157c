/**
 * The ownership ledger: what every handle checks before it touches native
 * memory. Pure bookkeeping, no FFI.
 *
 * Every native IR object belongs to an {@linkcode Owner}: a module, a detached
 * operation (or block, or region), each of which frees everything inside it
 * when it goes. An owner counts *epochs*: every event that frees or moves
 * objects inside it advances the count. A handle remembers the owner and the
 * epoch at which it was last known valid (its *stamp*); when the two still
 * match, nothing can have happened to it and the check is one comparison.
 *
 * Otherwise the handle is re-checked against the owner's own records, without
 * ever reading the possibly freed native object:
 * - a per-address *log* of objects erased or moved out (with where to),
 * - *barriers*: pass runs on the owner's root, after which everything nested
 *   is suspect (passes free and merge blocks; MLIR does not say which),
 * - the owner's end: disposed (with a reason) or merged into another owner.
 * The first event after the stamp decides: erased → invalid with its reason,
 * moved → continue in the new owner, nothing → valid, restamped.
 *
 * Records live on the owner, so a dropped module takes its records with it,
 * and disposing a whole owner is O(1). A log keeps one chain per address,
 * where consecutive frees collapse into one entry (a few when their reasons
 * differ), so it is bounded by the addresses the owner's objects occupy, not
 * by how many events happened.
 * A stale handle keeps the reason of the first event that made it stale.
 *
 * @module
 */
import { InvalidHandleError, type InvalidReason } from "../base/errors.ts";
import type { NativeCell } from "./native_lifetimes.ts";
import { PtrMap } from "../base/ptr_map.ts";
import { ThreadBound } from "../base/thread_bound.ts";

/** What kind of native object an owner holds at its root. */
export type OwnerKind = "module" | "operation" | "block" | "region";

/** One event in an owner's log for one address. */
interface LogEntry {
  /** The owner's epoch at which it happened. */
  readonly epoch: number;
  /** Why the object was freed, or null when it moved. */
  readonly reason: InvalidReason | null;
  /** Where it moved to (moves only); weak when nothing but this entry needs it. */
  readonly target: Owner | WeakRef<Owner> | null;
  /** The target's epoch when it arrived there. */
  readonly targetEpoch: number;
  /** The previous, older event for the same address. */
  readonly prev: LogEntry | null;
}

/**
 * A root of native ownership and its records. Handles reference their owner,
 * so while any handle into a module is reachable, the module is too.
 */
export class Owner extends ThreadBound {
  /** Advanced by every event that frees or moves objects in this owner. */
  epoch = 0;
  /** Set once the owner no longer owns anything (disposed or merged). */
  closed = false;
  /** The epoch of closing. */
  closedAt = 0;
  /** Why handles into a closed owner are invalid. */
  closedReason: InvalidReason = "disposed";
  /** A different reason for the root object itself (e.g. "operation erased"). */
  rootReason: InvalidReason | null = null;
  /** For a merged owner: where its objects went, and that owner's epoch then. */
  mergedInto: Owner | null = null;
  mergedEpoch = 0;
  /** Per-address event chains, created on first use. */
  log: PtrMap<LogEntry> | null = null;
  /** Epochs of pass runs on the root, ascending. */
  barriers: number[] | null = null;
  /** The handle strategy's private per-owner state (e.g. an intern map). */
  cache: unknown = undefined;
  /**
   * Runs that call JavaScript back (passes, pattern drivers) transforming
   * everything under the root now. While there is one, every handle made
   * for a nested object is invalidated (`strategy.nestedInvalidated`)
   * before its next callback and again before the run returns, so a
   * strategy may keep such handles in a cheap short-lived cache.
   */
  runsOnRoot = 0;
  /** The native object this owner frees, while it owns one. */
  cell: NativeCell | null = null;

  /**
   * @param context The context state this owner belongs to (opaque here).
   * @param kind What the root is.
   * @param root The root's native pointer.
   */
  constructor(readonly context: unknown, readonly kind: OwnerKind, readonly root: number) {
    super();}

  /** Records that the objects at `ptrs[0..count)` were freed. */
  recordFreed(ptrs: Float64Array, count: number, firstReason: InvalidReason, restReason: InvalidReason): void {
    const epoch = ++this.epoch;
    const log = (this.log ??= new PtrMap());
    const lastBarrier = this.barriers?.at(-1) ?? -1;
    for (let i = 0; i < count; i++) {
      const ptr = ptrs[i]!;
      const reason = i === 0 ? firstReason : restReason;
      const head = log.get(ptr) ?? null;
      // Two frees in a row with one reason and no pass run between them
      // decide alike for every stamp, so the newer replaces the older: the
      // chain does not grow with reuse. A pass run between them would not:
      // a handle stamped before the first free must meet that free, not the
      // barrier (the fuzzer found it, seed 39309 on Bun, weak, one run in
      // five: the GC decides which addresses come back).
      const collapse = head !== null && head.target === null && head.reason === reason && lastBarrier < head.epoch;
      const prev = collapse ? head.prev : trimFrees(head);
      log.set(ptr, { epoch, reason, target: null, targetEpoch: 0, prev });
    }
  }

  /**
   * Records that the objects at `ptrs[0..count)` moved into `target`. With
   * `keepTarget`, this owner keeps the target alive: needed when handles made
   * before the move may exist that only this owner's log leads to the moved
   * objects (the ephemeral strategy). Strategies that track every handle move
   * them eagerly, and the entry then holds the target weakly, so a detached
   * operation dropped by its handles is freed even while its old module lives.
   */
  recordMoved(ptrs: Float64Array, count: number, target: Owner, keepTarget: boolean): void {
    const epoch = ++this.epoch;
    const log = (this.log ??= new PtrMap());
    const to = keepTarget ? target : new WeakRef(target);
    for (let i = 0; i < count; i++) {
      const ptr = ptrs[i]!;
      log.set(ptr, { epoch, reason: null, target: to, targetEpoch: target.epoch, prev: log.get(ptr) ?? null });
    }
  }

  /** Records a pass run on the root: everything nested is now suspect. */
  recordPassRun(): void {
    const b = (this.barriers ??= []);
    // Two barriers with nothing between them decide alike: every handle
    // stamped before the second meets a barrier first. So the newer one
    // replaces the older, and a driver that calls JS a million times in a
    // row leaves one barrier, not a million.
    if (b.length > 0 && b[b.length - 1] === this.epoch) b[b.length - 1] = ++this.epoch;
    else b.push(++this.epoch);
  }

  /** Ends the owner: every handle into it becomes invalid with `reason`. */
  close(reason: InvalidReason, rootReason: InvalidReason | null = null): void {
    if (this.closed) return;
    this.closedAt = ++this.epoch;
    this.closed = true;
    this.closedReason = reason;
    this.rootReason = rootReason;
    // The log stays: objects moved out before the end still live elsewhere,
    // and old handles to them must find their way there.
  }

  /** Ends the owner by handing everything it holds to `target`. */
  mergeInto(target: Owner): void {
    if (this.closed) return;
    this.mergedInto = target;
    this.mergedEpoch = target.epoch;
    this.closedAt = ++this.epoch;
    this.closed = true;
  }

  /** Number of log entries (test introspection). */
  get logSize(): number {
    let n = this.barriers?.length ?? 0;
    if (this.log) {
      for (const head of this.log.values()) for (let e: LogEntry | null = head; e !== null; e = e.prev) n++;
    }
    return n;
  }
}

/**
 * Frees in a row with different reasons (a pass run suspects an operation,
 * then it is erased, then a new operation at the same address is suspected
 * again...) each answer handles stamped before them with their own reason.
 * Past a few, one is dropped so the chain stays bounded. The oldest is kept:
 * the handles most likely still held are the oldest (made before the first
 * free, as the fuzzer found: seed 39309 on Bun, weak), and they keep their
 * exact reason; a handle stamped inside the dropped interval (made to a later
 * object at the same address) then sees the next free's reason, still invalid.
 */
const MAX_FREES_IN_A_ROW = 16;

function trimFrees(head: LogEntry | null): LogEntry | null {
  const run: LogEntry[] = [];
  for (let e = head; e !== null && e.target === null; e = e.prev) run.push(e);
  if (run.length < MAX_FREES_IN_A_ROW) return head;
  // run is newest first: keep run.at(-1) (the oldest, with what precedes it),
  // drop run.at(-2), and rebuild the newer ones on top.
  let rebuilt: LogEntry = run.at(-1)!;
  for (let i = run.length - 3; i >= 0; i--) rebuilt = { ...run[i]!, prev: rebuilt };
  return rebuilt;
}

function firstBarrierAfter(barriers: number[] | null, stamp: number): number {
  if (barriers === null || barriers.length === 0 || barriers[barriers.length - 1]! <= stamp) return Infinity;
  // Ascending: binary search (a long-lived module can see many pass runs and pattern drivers).
  let lo = 0, hi = barriers.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (barriers[mid]! > stamp) hi = mid;
    else lo = mid + 1;
  }
  return barriers[lo]!;
}

/**
 * Follows the records from (owner, stamp) to decide whether the object at
 * `ptr` still exists. Returns the owner it lives in now (its epoch is the new
 * stamp) or throws {@linkcode InvalidHandleError} naming `kind` and the cause.
 */
export function resolve(owner: Owner, ptr: number, stamp: number, kind: string): Owner {
  const found = follow(owner, ptr, stamp);
  if (typeof found === "string") throw new InvalidHandleError(kind, found);
  return found;
}

/**
 * {@linkcode resolve} without the throw: the owner the object lives in now,
 * or the reason it is gone. Strategies probing a cache and walks skipping
 * erased entries ask this, because they meet stale handles by the thousand
 * (a cache entry left by a freed module whose address came back) and an
 * exception costs microseconds on V8 (it captures a stack trace).
 */
export function follow(owner: Owner, ptr: number, stamp: number): Owner | InvalidReason {
  let o = owner;
  let s = stamp;
  for (;;) {
    if (s === o.epoch && !o.closed) return o;
    // The earliest logged event for ptr after the stamp.
    let event: LogEntry | null = null;
    for (let e = o.log?.get(ptr) ?? null; e !== null && e.epoch > s; e = e.prev) event = e;
    const barrier = ptr === o.root ? Infinity : firstBarrierAfter(o.barriers, s);
    const end = o.closed && o.closedAt > s ? o.closedAt : Infinity;
    const first = Math.min(event?.epoch ?? Infinity, barrier, end);
    if (first === Infinity) return o;
    if (event !== null && first === event.epoch) {
      if (event.target === null) return event.reason!;
      const target = event.target instanceof WeakRef ? event.target.deref() : event.target;
      // A weakly held target is gone only if no handle kept it: the object
      // moved into a detached operation that was then dropped and freed.
      if (target === undefined) return "disposed";
      o = target;
      s = event.targetEpoch;
      continue;
    }
    if (first === barrier) return "invalidated by pass run";
    if (o.mergedInto !== null) {
      s = o.mergedEpoch;
      o = o.mergedInto;
      continue;
    }
    return ptr === o.root && o.rootReason !== null ? o.rootReason : o.closedReason;
  }
}
