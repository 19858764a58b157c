/**
 * `interned`: one handle per native object, kept in a strong map. This is the
 * design of MLIR's original Python bindings ("liveOperations"), done right:
 *
 * - the maps belong to the owner (module, detached op), not to the context,
 *   so a dropped module and its maps are collected together (a context-wide
 *   strong map would keep every module alive forever);
 * - entries leave the maps on every ownership event: freed objects are
 *   deleted, moved objects move to their new owner's maps, a pass run clears
 *   everything nested, so an address reused by a new object never finds the
 *   old handle.
 *
 * @module
 */
import type { Owner } from "../src/safety/ledger.ts";
import { PtrMap } from "../src/base/ptr_map.ts";
import { refresh, type TrackedHandle } from "../src/safety/handle.ts";
import type { ChildCache, HandleFactories, HandleKinds, HandleStrategy, StrategyStats } from "./interface.ts";

interface OwnerMaps<K extends HandleKinds> {
  ops?: PtrMap<K["operation"]>;
  blocks?: PtrMap<K["block"]>;
  args?: PtrMap<K["argument"]>;
  /**
   * While a run that calls JS transforms the whole root (`owner.runsOnRoot`):
   * the addresses interned since the last `nestedInvalidated` (up to
   * {@linkcode YOUNG_MAX}; null past it), which are then dropped one by one
   * instead of the maps being rebuilt: a pattern called a million times
   * interns one op per call.
   */
  young?: number[] | null;
}

const YOUNG_MAX = 32;

function mapsOf<K extends HandleKinds>(owner: Owner): OwnerMaps<K> {
  return (owner.cache ??= {}) as OwnerMaps<K>;
}

/** A cached handle is reused only if it still names this owner's live object. */
function reusable(h: TrackedHandle, owner: Owner): boolean {
  return refresh(h) && h._owner === owner;
}

function moveEntry<T extends TrackedHandle>(
  from: PtrMap<T> | undefined,
  to: () => PtrMap<T>,
  ptr: number,
  owner: Owner,
): void {
  const h = from?.get(ptr);
  if (h === undefined) return;
  from!.delete(ptr);
  to().set(ptr, h);
  h._owner = owner;
  h._stamp = owner.epoch;
}

/** Notes `ptr` as interned during a run (see OwnerMaps.young). */
function young(maps: OwnerMaps<HandleKinds>, ptr: number): void {
  if (maps.young === null) return;
  const list = (maps.young ??= []);
  if (list.length < YOUNG_MAX) list.push(ptr);
  else maps.young = null;
}

class Interned<K extends HandleKinds> implements HandleStrategy<K> {
  readonly name = "interned";
  readonly tracksHandles = true;
  constructor(private readonly make: HandleFactories<K>) {}

  operation(owner: Owner, ptr: number): K["operation"] {
    const maps = mapsOf<K>(owner);
    const map = (maps.ops ??= new PtrMap());
    let h = map.get(ptr);
    if (h === undefined || !(h._stamp === owner.epoch && h._owner === owner || reusable(h, owner))) {
      h = this.make.operation(owner, ptr);
      map.set(ptr, h);
      if (owner.runsOnRoot > 0) young(maps, ptr);
    }
    return h;
  }

  block(owner: Owner, ptr: number): K["block"] {
    const maps = mapsOf<K>(owner);
    const map = (maps.blocks ??= new PtrMap());
    let h = map.get(ptr);
    if (h === undefined || !(h._stamp === owner.epoch && h._owner === owner || reusable(h, owner))) {
      h = this.make.block(owner, ptr);
      map.set(ptr, h);
      if (owner.runsOnRoot > 0) young(maps, ptr);
    }
    return h;
  }

  argument(owner: Owner, ptr: number): K["argument"] {
    const maps = mapsOf<K>(owner);
    const map = (maps.args ??= new PtrMap());
    let h = map.get(ptr);
    if (h === undefined || !(h._stamp === owner.epoch && h._owner === owner || reusable(h, owner))) {
      h = this.make.argument(owner, ptr);
      map.set(ptr, h);
      if (owner.runsOnRoot > 0) young(maps, ptr);
    }
    return h;
  }

  result(op: K["operation"], index: number, ptr: number): K["result"] {
    const kids = (op._kids ??= {}) as ChildCache<K>;
    return ((kids.results ??= [])[index] ??= this.make.result(op, index, ptr));
  }

  region(op: K["operation"], index: number, ptr: number): K["region"] {
    const kids = (op._kids ??= {}) as ChildCache<K>;
    return ((kids.regions ??= [])[index] ??= this.make.region(op, index, ptr));
  }

  operand(op: K["operation"], index: number): K["operand"] {
    const kids = (op._kids ??= {}) as ChildCache<K>;
    return ((kids.operands ??= [])[index] ??= this.make.operand(op, index));
  }

  freed(owner: Owner, ptrs: Float64Array, count: number): void {
    const { ops, blocks, args } = mapsOf<K>(owner);
    for (let i = 0; i < count; i++) {
      const ptr = ptrs[i]!;
      ops?.delete(ptr);
      blocks?.delete(ptr);
      args?.delete(ptr);
    }
  }

  moved(from: Owner, to: Owner, ptrs: Float64Array, count: number): void {
    const src = mapsOf<K>(from);
    const dst = mapsOf<K>(to);
    for (let i = 0; i < count; i++) {
      const ptr = ptrs[i]!;
      moveEntry(src.ops, () => (dst.ops ??= new PtrMap()), ptr, to);
      moveEntry(src.blocks, () => (dst.blocks ??= new PtrMap()), ptr, to);
      moveEntry(src.args, () => (dst.args ??= new PtrMap()), ptr, to);
    }
  }

  merged(from: Owner, to: Owner): void {
    const src = mapsOf<K>(from);
    const dst = mapsOf<K>(to);
    for (const ptr of src.ops?.keys() ?? []) moveEntry(src.ops, () => (dst.ops ??= new PtrMap()), ptr, to);
    for (const ptr of src.blocks?.keys() ?? []) moveEntry(src.blocks, () => (dst.blocks ??= new PtrMap()), ptr, to);
    for (const ptr of src.args?.keys() ?? []) moveEntry(src.args, () => (dst.args ??= new PtrMap()), ptr, to);
    from.cache = undefined;
  }

  nestedInvalidated(owner: Owner): void {
    const maps = mapsOf<K>(owner);
    // Nothing but (at most) the root interned: nothing to drop. Drivers
    // calling JS invalidate before every call, so this is their common case.
    const ops = maps.ops?.size ?? 0;
    const onlyRoot = ops === 0 || (ops === 1 && maps.ops!.get(owner.root) !== undefined);
    if (onlyRoot && !maps.blocks?.size && !maps.args?.size) return;
    // During a run on the root, what was interned since the last time is
    // known: drop just that, if it is all there is (an entry that moved in
    // is not in the list).
    const list = maps.young;
    if (list != null) {
      maps.young = undefined;
      for (const ptr of list) {
        if (ptr === owner.root) continue;
        maps.ops?.delete(ptr);
        maps.blocks?.delete(ptr);
        maps.args?.delete(ptr);
      }
      const left = (maps.ops?.size ?? 0) + (maps.blocks?.size ?? 0) + (maps.args?.size ?? 0);
      if (left === 0 || (left === 1 && maps.ops?.get(owner.root) !== undefined)) return;
    }
    maps.young = undefined;
    // A few entries (what one callback interned): drop them in place rather
    // than allocate new maps.
    if (ops + (maps.blocks?.size ?? 0) + (maps.args?.size ?? 0) <= 16) {
      if (ops > 0) {
        const root = maps.ops!.get(owner.root);
        maps.ops!.clear();
        if (root !== undefined) maps.ops!.set(owner.root, root);
      }
      maps.blocks?.clear();
      maps.args?.clear();
      return;
    }
    const root = maps.ops?.get(owner.root);
    const kept = new PtrMap<K["operation"]>();
    if (root !== undefined) kept.set(owner.root, root);
    owner.cache = { ops: kept };
  }

  closed(owner: Owner): void {
    owner.cache = undefined;
  }

  stats(owners: Iterable<Owner>): StrategyStats {
    let entries = 0;
    for (const owner of owners) {
      const maps = owner.cache as OwnerMaps<K> | undefined;
      entries += (maps?.ops?.size ?? 0) + (maps?.blocks?.size ?? 0) + (maps?.args?.size ?? 0);
    }
    return { entries };
  }
}

/** One handle per native object, through per-owner strong maps. */
export function interned<K extends HandleKinds>(make: HandleFactories<K>): HandleStrategy<K> {
  return new Interned(make);
}
