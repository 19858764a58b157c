/**
 * `weak`: one handle per native object while the handle is reachable, found
 * through `WeakRef`s in per-context maps; a `FinalizationRegistry` removes an
 * entry once its handle is collected. Handles cost nothing to keep around and
 * `===` holds, but every first access pays for a `WeakRef` and a registry
 * entry (measured: ~600 ns on Deno, ~50 ns on Bun).
 *
 * The maps span the context, so a handle need not move when its object moves
 * between owners: it follows through the ledger the next time it is checked.
 * A freed address is deleted at once; entries for objects freed in bulk
 * (a disposed module, a pass run) are recognised as stale on lookup and
 * replaced.
 *
 * While a run that calls JS back transforms an owner's whole root
 * (`owner.runsOnRoot`), handles to nested objects made in its callbacks are
 * invalidated before the next callback anyway: they go into plain maps on
 * the owner, cleared by `nestedInvalidated`, instead of paying for a
 * `WeakRef` and a registry entry each (a pattern called a million times
 * makes a million handles). One that moves to another owner while live
 * joins the weak maps.
 *
 * @module
 */
import type { Owner } from "../src/safety/ledger.ts";
import { PtrMap } from "../src/base/ptr_map.ts";
import { refresh, type TrackedHandle } from "../src/safety/handle.ts";
import type { ChildCache, HandleFactories, HandleKinds, HandleStrategy, StrategyStats } from "./interface.ts";

interface Entry {
  readonly map: PtrMap<WeakRef<TrackedHandle>>;
  readonly ptr: number;
  readonly ref: WeakRef<TrackedHandle>;
}

function forget(entry: Entry): void {
  // The address may already hold a newer handle's entry.
  if (entry.map.get(entry.ptr) === entry.ref) entry.map.delete(entry.ptr);
}

/** Handles made during a run on the owner's root (see the module comment), on `owner.cache`. */
interface RunMaps {
  ops?: PtrMap<TrackedHandle>;
  blocks?: PtrMap<TrackedHandle>;
  args?: PtrMap<TrackedHandle>;
}

function runMaps(owner: Owner): RunMaps {
  return (owner.cache ??= {}) as RunMaps;
}

function live<T extends TrackedHandle>(h: T | undefined, owner: Owner): h is T {
  if (h === undefined) return false;
  if (h._stamp === h._owner.epoch) return h._owner === owner;
  return refresh(h) && h._owner === owner;
}

class Weak<K extends HandleKinds> implements HandleStrategy<K> {
  readonly name = "weak";
  readonly tracksHandles = true;
  private readonly ops = new PtrMap<WeakRef<K["operation"]>>();
  private readonly blocks = new PtrMap<WeakRef<K["block"]>>();
  private readonly args = new PtrMap<WeakRef<K["argument"]>>();
  private readonly registry = new FinalizationRegistry<Entry>(forget);

  constructor(private readonly make: HandleFactories<K>) {}

  private remember<T extends TrackedHandle>(map: PtrMap<WeakRef<T>>, ptr: number, h: T): T {
    const ref = new WeakRef(h);
    map.set(ptr, ref);
    this.registry.register(h, { map: map as PtrMap<WeakRef<TrackedHandle>>, ptr, ref });
    return h;
  }

  /**
   * The live handle of `ptr` in `owner`, from `map` or (during a run on the
   * root) the owner's run map `kind`, made by `make` if there is none.
   */
  private find<T extends TrackedHandle>(map: PtrMap<WeakRef<T>>, kind: keyof RunMaps, owner: Owner, ptr: number, make: () => T): T {
    if (owner.runsOnRoot > 0 && ptr !== owner.root) {
      const run = (runMaps(owner)[kind] ??= new PtrMap()) as PtrMap<T>;
      const made = run.get(ptr);
      if (live(made, owner)) return made;
      // A live handle of the weak map (one that moved in during the run) stays the one.
      const h = map.get(ptr)?.deref();
      if (live(h, owner)) return h;
      const fresh = make();
      run.set(ptr, fresh);
      return fresh;
    }
    const h = map.get(ptr)?.deref();
    return live(h, owner) ? h : this.remember(map, ptr, make());
  }

  operation(owner: Owner, ptr: number): K["operation"] {
    return this.find(this.ops, "ops", owner, ptr, () => this.make.operation(owner, ptr));
  }

  block(owner: Owner, ptr: number): K["block"] {
    return this.find(this.blocks, "blocks", owner, ptr, () => this.make.block(owner, ptr));
  }

  argument(owner: Owner, ptr: number): K["argument"] {
    return this.find(this.args, "args", owner, ptr, () => this.make.argument(owner, ptr));
  }

  // Children live as long as their parent handle: caching them there keeps
  // one handle per object without a WeakRef each.
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
    const run = owner.cache as RunMaps | undefined;
    for (let i = 0; i < count; i++) {
      const ptr = ptrs[i]!;
      this.ops.delete(ptr);
      this.blocks.delete(ptr);
      this.args.delete(ptr);
      if (run !== undefined) {
        run.ops?.delete(ptr);
        run.blocks?.delete(ptr);
        run.args?.delete(ptr);
      }
    }
  }

  moved(from: Owner, to: Owner, ptrs: Float64Array, count: number): void {
    // Not needed for correctness (the ledger forwards), but pointing the
    // handles at their new owner at once lets the old one be freed sooner.
    // A map entry may be a stale handle from a freed module that once used
    // the address: only a handle live in `from` names the moving object.
    const run = from.cache as RunMaps | undefined;
    for (let i = 0; i < count; i++) {
      const ptr = ptrs[i]!;
      if (run !== undefined) {
        // A handle made during a run on `from` outlives the run once it has moved out.
        this.adopt(run.ops, this.ops, ptr, from);
        this.adopt(run.blocks, this.blocks, ptr, from);
        this.adopt(run.args, this.args, ptr, from);
      }
      for (const h of [this.ops.get(ptr)?.deref(), this.blocks.get(ptr)?.deref(), this.args.get(ptr)?.deref()]) {
        if (live(h, from)) {
          h._owner = to;
          h._stamp = to.epoch;
        }
      }
    }
  }

  /** Moves the live handle of `ptr` from a run map into the weak map `to`. */
  private adopt<T extends TrackedHandle>(run: PtrMap<TrackedHandle> | undefined, to: PtrMap<WeakRef<T>>, ptr: number, owner: Owner): void {
    const h = run?.get(ptr);
    if (h === undefined) return;
    run!.delete(ptr);
    if (live(h, owner)) this.remember(to, ptr, h as T);
  }

  merged(from: Owner): void {
    // `from`'s objects follow through the ledger; only its run maps are private to it.
    const run = from.cache as RunMaps | undefined;
    if (run === undefined) return;
    this.adoptAll(run.ops, this.ops, from);
    this.adoptAll(run.blocks, this.blocks, from);
    this.adoptAll(run.args, this.args, from);
    from.cache = undefined;
  }

  private adoptAll<T extends TrackedHandle>(run: PtrMap<TrackedHandle> | undefined, to: PtrMap<WeakRef<T>>, owner: Owner): void {
    for (const ptr of run?.keys() ?? []) this.adopt(run, to, ptr, owner);
  }

  nestedInvalidated(owner: Owner): void {
    const run = owner.cache as RunMaps | undefined;
    if (run === undefined) return;
    // What one callback made is usually a handful: cleared in place rather
    // than allocated again for the next callback.
    for (const kind of ["ops", "blocks", "args"] as const) {
      const map = run[kind];
      if (map !== undefined && map.size > 0) {
        if (map.size <= 16) map.clear();
        else run[kind] = undefined;
      }
    }
  }

  closed(owner: Owner): void {
    owner.cache = undefined;
  }

  stats(owners: Iterable<Owner>): StrategyStats {
    let entries = this.ops.size + this.blocks.size + this.args.size;
    for (const o of owners) {
      const run = o.cache as RunMaps | undefined;
      entries += (run?.ops?.size ?? 0) + (run?.blocks?.size ?? 0) + (run?.args?.size ?? 0);
    }
    return { entries };
  }
}

/** One handle per native object while reachable, through WeakRefs. */
export function weak<K extends HandleKinds>(make: HandleFactories<K>): HandleStrategy<K> {
  return new Weak(make);
}
