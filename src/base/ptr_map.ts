/**
 * A hash map keyed by native pointers (as numbers), for the strategies'
 * caches.
 *
 * Pointers are 47-bit numbers: outside the small-integer range, so a JS `Map`
 * hashes each as a heap number (measured on Deno: ~390 ns per lookup in a
 * 100k-entry Map inside a walk, against ~10 ns here). This is open addressing
 * with linear probing over a Float64Array of keys (0 marks an empty slot:
 * null is never a key) and backward-shift deletion, so there are no
 * tombstones and the table stays as small as what is live.
 *
 * @module
 */

const MIN_CAPACITY = 16;

/** A map from non-zero pointers to values. */
export class PtrMap<V> {
  #keys: Float64Array;
  #values: (V | undefined)[];
  #mask: number;
  #size = 0;

  constructor(capacity = MIN_CAPACITY) {
    let cap = MIN_CAPACITY;
    while (cap < capacity * 2) cap *= 2;
    this.#keys = new Float64Array(cap);
    this.#values = new Array(cap).fill(undefined);
    this.#mask = cap - 1;
  }

  /** Number of entries. */
  get size(): number {
    return this.#size;
  }

  #home(ptr: number): number {
    // Allocations are at least 8-byte aligned; mix the low 32 bits of ptr/8.
    return (Math.imul((ptr / 8) >>> 0, 0x9e3779b1) >>> 0) & this.#mask;
  }

  /** The value for `ptr`, or undefined. */
  get(ptr: number): V | undefined {
    const keys = this.#keys;
    const mask = this.#mask;
    for (let i = this.#home(ptr);; i = (i + 1) & mask) {
      const k = keys[i]!;
      if (k === ptr) return this.#values[i];
      if (k === 0) return undefined;
    }
  }

  /** Sets the value for `ptr` (non-zero). */
  set(ptr: number, value: V): void {
    const keys = this.#keys;
    const mask = this.#mask;
    for (let i = this.#home(ptr);; i = (i + 1) & mask) {
      const k = keys[i]!;
      if (k === ptr) {
        this.#values[i] = value;
        return;
      }
      if (k === 0) {
        keys[i] = ptr;
        this.#values[i] = value;
        if (++this.#size * 2 > keys.length) this.#resize(keys.length * 2);
        return;
      }
    }
  }

  /** Removes `ptr`; returns whether it was there. */
  delete(ptr: number): boolean {
    const keys = this.#keys;
    const values = this.#values;
    const mask = this.#mask;
    let i = this.#home(ptr);
    for (;; i = (i + 1) & mask) {
      const k = keys[i]!;
      if (k === 0) return false;
      if (k === ptr) break;
    }
    // Backward shift: move later entries of the probe chain into the hole
    // when their home slot does not lie between the hole and them.
    for (let j = (i + 1) & mask;; j = (j + 1) & mask) {
      const k = keys[j]!;
      if (k === 0) break;
      const home = this.#home(k);
      const between = i <= j ? i < home && home <= j : i < home || home <= j;
      if (!between) {
        keys[i] = k;
        values[i] = values[j];
        i = j;
      }
    }
    keys[i] = 0;
    values[i] = undefined;
    this.#size--;
    if (this.#size * 8 < keys.length && keys.length > MIN_CAPACITY) this.#resize(keys.length / 2);
    return true;
  }

  /** Removes every entry. */
  clear(): void {
    if (this.#keys.length === MIN_CAPACITY) {
      // Small (the common case for short-lived caches): emptied in place,
      // slot by slot (cheaper than fill() at this size).
      const keys = this.#keys;
      for (let i = 0; i < MIN_CAPACITY; i++) {
        if (keys[i] !== 0) {
          keys[i] = 0;
          this.#values[i] = undefined;
        }
      }
      this.#size = 0;
      return;
    }
    this.#keys = new Float64Array(MIN_CAPACITY);
    this.#values = new Array(MIN_CAPACITY).fill(undefined);
    this.#mask = MIN_CAPACITY - 1;
    this.#size = 0;
  }

  /** The values, as an array (a snapshot). */
  values(): V[] {
    const out: V[] = [];
    const keys = this.#keys;
    for (let i = 0; i < keys.length; i++) if (keys[i] !== 0) out.push(this.#values[i]!);
    return out;
  }

  /** The keys, as an array (a snapshot). */
  keys(): number[] {
    const out: number[] = [];
    const keys = this.#keys;
    for (let i = 0; i < keys.length; i++) if (keys[i] !== 0) out.push(keys[i]!);
    return out;
  }

  #resize(capacity: number): void {
    const keys = this.#keys;
    const values = this.#values;
    this.#keys = new Float64Array(capacity);
    this.#values = new Array(capacity).fill(undefined);
    this.#mask = capacity - 1;
    this.#size = 0;
    for (let i = 0; i < keys.length; i++) if (keys[i] !== 0) this.set(keys[i]!, values[i]!);
  }
}

