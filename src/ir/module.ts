/**
 * Modules: the top-level container of IR, and the usual unit of ownership.
 *
 * @module
 */
import { lib } from "../ffi/load.ts";
import type { Owner } from "../safety/ledger.ts";
import { disposeOwner } from "./ownership_events.ts";
import type { PrintOptions } from "./print_options.ts";
import { stateOf } from "./context_state.ts";
import type { Block } from "./block.ts";
import type { Context } from "../context.ts";
import type { Operation } from "./operation.ts";
import { ThreadBound } from "../base/thread_bound.ts";

/**
 * A `builtin.module` owned by JS: freed by `dispose()` (or `using`), or when
 * neither it nor any handle into it is reachable any more.
 *
 * @example
 * ```ts
 * import { Context } from "../mod.ts";
 * using ctx = new Context();
 * using mod = ctx.parseModule("func.func private @f()");
 * mod.verify();
 * console.log(mod.toString());
 * ```
 */
export class Module extends ThreadBound {
  readonly #owner: Owner;
  readonly #root: Operation;

  /** @internal Made by Context.parseModule and Context.createModule. */
  constructor(owner: Owner) {
    super();
    this.#owner = owner;
    this.#root = stateOf(owner).strategy.operation(owner, owner.root);
  }

  /** The module's `builtin.module` operation. */
  get operation(): Operation {
    const root = this.#root;
    root._live();
    return stateOf(root._owner).strategy.operation(root._owner, root._ptr);
  }

  /** The module's body: the block holding its top-level operations. */
  get body(): Block {
    const root = this.#root;
    const ptr = root._live();
    return stateOf(root._owner).strategy.block(root._owner, lib.mlirffi_module_body(ptr));
  }

  /** The context the module lives in. */
  get context(): Context {
    return this.#root.context;
  }

  /** Whether the module still exists. */
  get isValid(): boolean {
    return this.#root.isValid;
  }

  /** The module in MLIR's textual form. */
  override toString(): string {
    return this.#root.print();
  }

  /** Prints the module with the given options. */
  print(options?: PrintOptions): string {
    return this.#root.print(options);
  }

  /** The module in MLIR bytecode; `ctx.parseModule(bytes)` reads it back. */
  toBytecode(options?: { version?: number }): Uint8Array {
    return this.#root.toBytecode(options);
  }

  /** Verifies the module; throws MlirVerificationError with diagnostics on failure. */
  verify(): void {
    this.#root.verify();
  }

  /**
   * Frees the module now. Every handle into it becomes invalid ("module
   * disposed"). Disposing twice does nothing.
   */
  dispose(): void {
    disposeOwner(this.#owner, "module disposed");
  }

  /** Same as {@linkcode Module.dispose}, for `using`. */
  [Symbol.dispose](): void {
    this.dispose();
  }
}
