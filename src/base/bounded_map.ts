/**
 * A map that forgets everything once it is full: the caches a context keeps
 * of things MLIR itself keeps until the context goes (identifiers, uniqued
 * types and attributes). A miss only costs a native call, so emptying the
 * whole map is enough to keep memory bounded, and a hot path pays for one
 * `Map.get`, not for an LRU's bookkeeping.
 *
 * @module
 */

/** A `Map` with at most `limit` entries; a `set` that would exceed it clears it first. */
export class BoundedMap<K, V> {
  readonly #entries = new Map<K, V>();

  constructor(readonly limit: number) {}

  get size(): number {
    return this.#entries.size;
  }

  get(key: K): V | undefined {
    return this.#entries.get(key);
  }

  /** Stores `value` under `key` and returns it. */
  set(key: K, value: V): V {
    if (this.#entries.size >= this.limit) this.#entries.clear();
    this.#entries.set(key, value);
    return value;
  }

  clear(): void {
    this.#entries.clear();
  }
}
