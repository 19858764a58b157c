/**
 * What every IR handle has in common: a validity check before each native
 * call, `isValid`, `equals` and `key`.
 *
 * Operations, blocks and block arguments are *tracked*: they carry their
 * owner and stamp and check themselves against the ledger. Results, regions
 * and operands live exactly as long as their parent operation and delegate
 * the check to it.
 *
 * @module
 */
import { InvalidHandleError } from "../base/errors.ts";
import { follow, type Owner, resolve } from "./ledger.ts";

/**
 * The ledger fields of a tracked handle (used by the strategies).
 *
 * `Operation`, `Block` and `BlockArgument` each declare these fields and
 * their own `_live()` rather than inherit them from one base: a
 * `BlockArgument` is a `Value` first, and a `_live()` per class keeps the
 * check on every hot access monomorphic, with its kind name a constant.
 */
export interface TrackedHandle {
  /** @internal The owner the object was last known to live in. */
  _owner: Owner;
  /** @internal The owner's epoch at which it was last known valid. */
  _stamp: number;
  /** @internal The native pointer. */
  readonly _ptr: number;
  /** @internal Re-checks against the ledger; throws InvalidHandleError. */
  _revalidate(): void;
}

/** Re-checks a tracked handle against the ledger and restamps it. */
export function revalidate(h: TrackedHandle, kind: string): void {
  const owner = resolve(h._owner, h._ptr, h._stamp, kind);
  h._owner = owner;
  h._stamp = owner.epoch;
}

/**
 * Whether a tracked handle still names a live object, restamping it if so:
 * {@linkcode revalidate} as a question, for code that meets stale handles
 * routinely (a strategy's cache) and must not pay for an exception each.
 */
export function refresh(h: TrackedHandle): boolean {
  const owner = follow(h._owner, h._ptr, h._stamp);
  if (typeof owner === "string") return false;
  h._owner = owner;
  h._stamp = owner.epoch;
  return true;
}

/** Identity families: handles of different families are never equal. */
export type Family = "operation" | "block" | "region" | "value" | "operand";

/** The base of every handle to a native IR object. */
export abstract class Handle {
  /**
   * @internal Checks validity (throwing {@linkcode InvalidHandleError} when
   * the native object is gone) and returns the native pointer.
   */
  abstract _live(): number;
  /** @internal Which handles this one can be equal to. */
  abstract get _family(): Family;

  /** Whether the native object still exists. Never throws. */
  get isValid(): boolean {
    try {
      this._live();
      return true;
    } catch (e) {
      if (e instanceof InvalidHandleError) return false;
      throw e;
    }
  }

  /**
   * A primitive identifying the native object: equal for equal handles, so
   * usable as a `Map` key while the object lives. Throws on a stale handle.
   */
  get key(): number {
    return this._live();
  }

  /**
   * The native pointer, for passing to other native code. Unsafe: nothing
   * checks what that code does with it.
   */
  get unsafePointer(): number {
    return this._live();
  }

  /** True exactly when both handles refer to the same live native object. */
  equals(other: unknown): boolean {
    if (!(other instanceof Handle) || other._family !== this._family) return false;
    if (!this.isValid || !other.isValid) return false;
    return this._live() === other._live();
  }
}
