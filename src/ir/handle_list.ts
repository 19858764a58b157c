/**
 * Read-only lists of child handles (a block's operations, an operation's
 * results, ...). A list is a snapshot taken by one native batch call; its
 * elements are turned into handles only when accessed.
 *
 * @module
 */
import { argumentError } from "../base/args.ts";

const DONE: IteratorReturnResult<undefined> = Object.freeze({ done: true, value: undefined });

/** The iterator of every empty list: shared, as it has no state. */
const DONE_ITERATOR: Iterator<never> = Object.freeze({ next: () => DONE });

class ListIterator<T> implements Iterator<T> {
  #i = 0;
  constructor(private readonly ptrs: Float64Array, private readonly make: (ptr: number, index: number) => T) {}

  next(): IteratorResult<T> {
    const i = this.#i;
    if (i >= this.ptrs.length) return DONE;
    this.#i = i + 1;
    return { done: false, value: this.make(this.ptrs[i]!, i) };
  }
}

/**
 * A snapshot of child objects, indexed like an array.
 *
 * @example
 * ```ts
 * import { Context } from "../mod.ts";
 * using ctx = new Context();
 * using mod = ctx.parseModule("func.func private @f()");
 * const ops = mod.body.operations;
 * console.log(ops.length, ops.at(0)?.name, [...ops].length);
 * ```
 */
export class HandleList<T> implements Iterable<T> {
  readonly #ptrs: Float64Array;
  readonly #make: (ptr: number, index: number) => T;

  /** @internal Lists are made by the IR classes. */
  constructor(ptrs: Float64Array, make: (ptr: number, index: number) => T) {
    this.#ptrs = ptrs;
    this.#make = make;
  }

  /** Number of elements. */
  get length(): number {
    return this.#ptrs.length;
  }

  /**
   * The element at `index` (negative counts from the end), or `undefined`
   * when out of range.
   */
  at(index: number): T | undefined {
    if (!Number.isInteger(index)) throw argumentError("HandleList.at's index", "an integer", index);
    const i = index < 0 ? index + this.#ptrs.length : index;
    if (i < 0 || i >= this.#ptrs.length) return undefined;
    return this.#make(this.#ptrs[i]!, i);
  }

  /** The elements in order. */
  [Symbol.iterator](): Iterator<T> {
    // A plain iterator rather than a generator, and none at all for an
    // empty list: nested iteration asks every leaf op for its regions.
    return this.#ptrs.length === 0 ? (DONE_ITERATOR as Iterator<T>) : new ListIterator(this.#ptrs, this.#make);
  }

  /** The elements as an array. */
  toArray(): T[] {
    return [...this];
  }
}
