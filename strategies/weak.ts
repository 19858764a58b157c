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
 * @module
 */
import type { Owner } from "../src/safety/ledger.ts";
import { PtrMap } from "../src/base/ptr_map.ts";
import type { TrackedHandle } from "../src/safety/handle.ts";
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

function live<T extends TrackedHandle>(h: T | undefined, owner: Owner): h is T {
  if (h === undefined) return false;
  if (h._stamp === h._owner.epoch) return h._owner === owner;
  try {
    h._revalidate();
    return h._owner === owner;
  } catch {
    return false;
  }
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

  operation(owner: Owner, ptr: number): K["operation"] {
    const h = this.ops.get(ptr)?.deref();
    return live(h, owner) ? h : this.remember(this.ops, ptr, this.make.operation(owner, ptr));
  }

  block(owner: Owner, ptr: number): K["block"] {
    const h = this.blocks.get(ptr)?.deref();
    return live(h, owner) ? h : this.remember(this.blocks, ptr, this.make.block(owner, ptr));
  }

  argument(owner: Owner, ptr: number): K["argument"] {
    const h = this.args.get(ptr)?.deref();
    return live(h, owner) ? h : this.remember(this.args, ptr, this.make.argument(owner, ptr));
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

  freed(_owner: Owner, ptrs: Float64Array, count: number): void {
    for (let i = 0; i < count; i++) {
      const ptr = ptrs[i]!;
      this.ops.delete(ptr);
      this.blocks.delete(ptr);
      this.args.delete(ptr);
    }
  }

  moved(from: Owner, to: Owner, ptrs: Float64Array, count: number): void {
    // Not needed for correctness (the ledger forwards), but pointing the
    // handles at their new owner at once lets the old one be freed sooner.
    // A map entry may be a stale handle from a freed module that once used
    // the address: only a handle live in `from` names the moving object.
    for (let i = 0; i < count; i++) {
      const ptr = ptrs[i]!;
      for (const h of [this.ops.get(ptr)?.deref(), this.blocks.get(ptr)?.deref(), this.args.get(ptr)?.deref()]) {
        if (live(h, from)) {
          h._owner = to;
          h._stamp = to.epoch;
        }
      }
    }
  }

  merged(): void {}
  nestedInvalidated(): void {}
  closed(): void {}

  stats(_owners: Iterable<Owner>): StrategyStats {
    return { entries: this.ops.size + this.blocks.size + this.args.size };
  }
}

/** One handle per native object while reachable, through WeakRefs. */
export function weak<K extends HandleKinds>(make: HandleFactories<K>): HandleStrategy<K> {
  return new Weak(make);
}
