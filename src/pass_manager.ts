/**
 * Pass managers: run a pipeline of passes on an operation.
 *
 * @module
 */
import { ArgumentError, PassFailureError } from "./errors.ts";
import { lib } from "./ffi/load.ts";
import { takeText, TEXT, TEXT_CAP } from "./ffi/text.ts";
import { free, type NativeCell, own } from "./lifetime.ts";
import { Module } from "./module.ts";
import { Operation } from "./operation.ts";
import { beforePassRun } from "./ownership.ts";
import { stateOf, type ContextState } from "./state.ts";

/**
 * A pipeline of passes, made by {@linkcode Context.passManager}.
 *
 * Running it on an operation invalidates every handle to operations, blocks
 * and values nested inside that operation (passes may free or replace any of
 * them); the operation itself and its regions stay valid.
 *
 * @example
 * ```ts
 * import { Context } from "./mod.ts";
 * using ctx = new Context();
 * using mod = ctx.parseModule("func.func @f() -> i32 { %0 = arith.constant 1 : i32\n return %0 : i32 }");
 * using pm = ctx.passManager("builtin.module(canonicalize)");
 * pm.run(mod);
 * ```
 */
export class PassManager {
  readonly #state: ContextState;
  readonly #ptr: number;
  readonly #cell: NativeCell;

  /** @internal Made by Context.passManager. */
  constructor(state: ContextState, ptr: number) {
    this.#state = state;
    this.#ptr = ptr;
    this.#cell = own(state.cell, "passManager", ptr, this, null);
  }

  #live(): number {
    this.#state.check("PassManager");
    if (!this.#state.cell.cells.has(this.#cell)) throw new ArgumentError("This PassManager was disposed.");
    return this.#ptr;
  }

  /** Turns verification after each pass on or off (default on). */
  enableVerifier(enable: boolean): void {
    if (typeof enable !== "boolean") throw new ArgumentError(`enableVerifier needs a boolean, got ${typeof enable}.`);
    lib.mlirffi_pm_enable_verifier(this.#live(), enable);
  }

  /**
   * Runs the pipeline on a module or an operation. Throws
   * {@linkcode PassFailureError} with MLIR's diagnostics if a pass fails.
   */
  run(target: Module | Operation): void {
    const pm = this.#live();
    const op = target instanceof Module ? target.operation : target;
    if (!(op instanceof Operation)) {
      throw new ArgumentError(`PassManager.run needs a Module or an Operation, got ${typeof target}.`);
    }
    const ptr = op._live();
    const owner = op._owner;
    if (stateOf(owner) !== this.#state) throw new ArgumentError("PassManager.run got IR from another context.");
    const name = op.name;
    this.#state.takeDiagnostics();
    beforePassRun(owner, ptr);
    const ok = lib.mlirffi_pm_run(pm, ptr);
    const diagnostics = this.#state.takeDiagnostics();
    if (!ok) throw new PassFailureError(`Running the pass pipeline on '${name}' failed.`, diagnostics);
  }

  /** The pipeline in MLIR's textual form. */
  toString(): string {
    return takeText(lib.mlirffi_pm_print(this.#live(), TEXT, TEXT_CAP));
  }

  /** Frees the pass manager now (it is also freed with its context or by GC). */
  dispose(): void {
    free(this.#cell);
  }

  /** Same as {@linkcode PassManager.dispose}, for `using`. */
  [Symbol.dispose](): void {
    this.dispose();
  }
}
