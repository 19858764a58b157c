/**
 * A stack of values made current by `using` scopes: the implicit insertion
 * point and location of the dialect builders (Python's
 * `with InsertionPoint(block):` and `with loc:`).
 *
 * JavaScript runs one thread per runtime (workers have their own module
 * instances), so a module-level stack is per thread, like Python's
 * thread-local context stacks. Scopes normally end in reverse order; one
 * disposed out of order removes only its own entry, so a forgotten `using`
 * cannot make a later scope pop someone else's value.
 *
 * @module
 */

/** A stack of current values; `enter` pushes and its disposable pops. */
export class ScopeStack<T> {
  readonly #entries: { readonly value: T }[] = [];

  /** The innermost value, or null outside every scope. */
  get current(): T | null {
    return this.#entries.at(-1)?.value ?? null;
  }

  /** Makes `value` current until the returned object is disposed. */
  enter(value: T): Disposable {
    const entry = { value };
    this.#entries.push(entry);
    let done = false;
    return {
      [Symbol.dispose]: () => {
        if (done) return;
        done = true;
        const at = this.#entries.lastIndexOf(entry);
        if (at >= 0) this.#entries.splice(at, 1);
      },
    };
  }
}
