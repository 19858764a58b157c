/**
 * Thread pools shared by contexts. Each multithreaded context otherwise
 * starts its own pool of worker threads; a program that makes many contexts
 * can give them one pool instead (`ctx.setThreadPool(pool)`).
 *
 * MLIR keeps a bare pointer to the pool for the rest of the context's life,
 * so the pool must outlive every context given it. Here that is the shim's
 * job: the pool is counted (its handle, and each context holding it), so
 * disposing the handle while contexts still use the pool only drops the
 * handle's share, and the threads stop when the last of those contexts is
 * disposed. Disposing is therefore never an error and never a dangling
 * pointer.
 *
 * @module
 */
import { InvalidHandleError } from "../base/errors.ts";
import { argumentError } from "../base/args.ts";
import { lib } from "../ffi/load.ts";
import { ThreadBound } from "../base/thread_bound.ts";

const finalizer = new FinalizationRegistry<number>((ptr) => lib.mlirffi_thread_pool_release(ptr));

/**
 * An LLVM thread pool (as many threads as the machine has cores, started on
 * first use), to share between contexts.
 *
 * @example
 * ```ts
 * import { Context, ThreadPool } from "../mod.ts";
 * using pool = new ThreadPool();
 * using a = new Context();
 * using b = new Context();
 * a.setThreadPool(pool);
 * b.setThreadPool(pool);
 * console.log(a.isMultithreadingEnabled, a.numThreads === b.numThreads); // true true
 * ```
 */
export class ThreadPool extends ThreadBound {
  #ptr: number;

  /** A new pool; its threads start when a context first runs work on it. */
  constructor() {
    super();
    this.#ptr = lib.mlirffi_thread_pool_create();
    finalizer.register(this, this.#ptr, this);
  }

  /** Whether this handle is still alive (not disposed). */
  get isValid(): boolean {
    return this.#ptr !== 0;
  }

  /**
   * Drops this handle. Contexts given the pool keep using it; it stops when
   * the last of them is disposed. Disposing twice does nothing.
   */
  dispose(): void {
    if (this.#ptr === 0) return;
    finalizer.unregister(this);
    lib.mlirffi_thread_pool_release(this.#ptr);
    this.#ptr = 0;
  }

  /** Same as {@linkcode ThreadPool.dispose}, for `using`. */
  [Symbol.dispose](): void {
    this.dispose();
  }

  /** @internal The native pool record, after checking the handle is alive. */
  _live(): number {
    if (this.#ptr === 0) throw new InvalidHandleError("ThreadPool", "disposed");
    return this.#ptr;
  }

  /** @internal Pools whose threads have not been stopped yet, in this process (for tests). */
  static _liveNative(): number {
    return lib.mlirffi_thread_pools_live();
  }
}

/** The native pool behind a live pool argument. */
export function threadPoolArg(pool: unknown, what: string): number {
  if (!(pool instanceof ThreadPool)) throw argumentError(what, "a ThreadPool", pool);
  return pool._live();
}
