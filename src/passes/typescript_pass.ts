/**
 * Passes written in TypeScript: `pm.addPass((op, pass) => { ... })`.
 *
 * MLIR calls each such pass through the shim's one dispatcher
 * (ffi/callbacks.ts) while a pass manager runs. What keeps that safe
 * (CONTRACT.md clause 11):
 * - the run is marked as an active transform (ir/active_transforms.ts), so
 *   the callback cannot dispose the IR or its context, start another run on
 *   it, or change structure outside the op the pass was given;
 * - each callback starts as every callback of a run does (callback_runs.ts:
 *   handles nested in the target invalidated after the first); after the run
 *   they are invalidated again;
 * - the callback runs on the runtime's thread, on its own stack: the run is
 *   single-threaded (the context's setting is restored after) and off the
 *   shim's big stack, and the shim refuses a callback from anywhere else;
 * - whatever the callback throws is caught, fails the pass, and becomes the
 *   `cause` of the run's PassFailureError.
 *
 * @module
 */
import { argumentError, optionsArg, stringArg } from "../base/args.ts";
import { ArgumentError, StructuralError } from "../base/errors.ts";
import { CallbackKind, onCallback } from "../ffi/callbacks.ts";
import { lib } from "../ffi/load.ts";
import { encode } from "../ffi/text.ts";
import type { ContextState } from "../ir/context_state.ts";
import type { Operation } from "../ir/operation.ts";
import type { Owner } from "../safety/ledger.ts";
import { type CallbackTable, CallbackRegistry } from "./callback_registry.ts";
import { beginCallbackRun, currentRun, enterCallback } from "./callback_runs.ts";

/** What a TypeScript pass gets besides the op it runs on. */
export interface PassContext {
  /** The pass's name. */
  readonly name: string;
  /** Fails the run (a PassFailureError from `pm.run`); valid only during the pass. */
  signalFailure(): void;
}

/** A pass written in TypeScript: runs on `op` (a module, or the ops it is nested on). */
export type PassFunction = (op: Operation, pass: PassContext) => void;

/** How a TypeScript pass is named and where it may run. */
export interface TypeScriptPassOptions {
  /** Its name in pipelines and diagnostics (default: the function's name, else "typescript-pass"). */
  readonly name?: string;
  /** Its command-line argument (default: the name). */
  readonly argument?: string;
  /** What it does, for `--help`-style listings (default: empty). */
  readonly description?: string;
  /**
   * The operation it runs on (e.g. `func.func`); it must be the nesting
   * level's own (`pm.nest("func.func").addPass(fn, { opName: "func.func" })`).
   * Default: any operation.
   */
  readonly opName?: string;
}

/** A registered pass: its function, reached through its pass manager (so it goes with it). */
interface Registered {
  readonly fn: PassFunction;
  readonly name: string;
}

const registry = new CallbackRegistry<Registered>();

function onPassRun(id: number, opPtr: number, passPtr: number): number {
  void passPtr; // the shim signals failure from our answer
  const entry = registry.get(id);
  const run = currentRun("pass run");
  if (entry === undefined || run === undefined) return -1;
  const { state, transform } = run;
  let failed = false;
  let running = true;
  const pass: PassContext = {
    name: entry.name,
    signalFailure() {
      if (!running) throw new StructuralError(`signalFailure() of '${entry.name}' was called after the pass returned.`);
      failed = true;
    },
  };
  try {
    enterCallback(run);
    transform.scope = opPtr;
    entry.fn(state.strategy.operation(transform.owner, opPtr), pass);
  } catch (value) {
    run.error ??= { value };
    failed = true;
  } finally {
    running = false;
    transform.scope = 0;
  }
  return failed ? 1 : 0;
}

let handlerInstalled = false;

/** The TypeScript passes of one pass manager. */
export class TypeScriptPasses {
  readonly #table: CallbackTable<Registered>;

  constructor(holder: object) {
    this.#table = registry.table(holder);
  }

  get size(): number {
    return this.#table.entries.size;
  }

  /**
   * Makes the native pass for `fn` and hands it to the op pass manager `opm`,
   * whose nesting level is `anchor` (`any`, `builtin.module`, `func.func`).
   */
  add(state: ContextState, opm: number, anchor: string, fn: PassFunction, options: TypeScriptPassOptions | undefined): void {
    if (typeof fn !== "function") throw argumentError("addPass's pass", "a pass name or a function", fn);
    const o = optionsArg(options ?? {}, "addPass's options") as TypeScriptPassOptions;
    const name = stringArg(o.name ?? (fn.name || "typescript-pass"), "addPass's options.name");
    const argument = stringArg(o.argument ?? name, "addPass's options.argument");
    const description = stringArg(o.description ?? "", "addPass's options.description");
    const opName = o.opName === undefined ? "" : stringArg(o.opName, "addPass's options.opName");
    if (opName !== "" && opName !== anchor) {
      // MLIR aborts the process on a pass restricted to another op than its manager's.
      throw new ArgumentError(
        { argument: "addPass's options.opName", expected: `the nesting level's operation ('${anchor}')`, got: `'${opName}'` },
        { advice: `Add it where it runs: pm.nest("${opName}").addPass(fn, { opName: "${opName}" }).` },
      );
    }
    if (!handlerInstalled) {
      onCallback(CallbackKind.passRun, onPassRun);
      handlerInstalled = true;
    }
    const id = registry.add(this.#table, { fn, name });
    const [n, a, d, op] = [name, argument, description, opName].map(encode) as [Uint8Array, Uint8Array, Uint8Array, Uint8Array];
    const pass = lib.mlirffi_external_pass_create(state.store, id, n, n.length, a, a.length, d, d.length, op, op.length);
    lib.mlirffi_opm_add_owned_pass(opm, pass);
  }

  /** Forgets the passes (their manager was disposed). */
  clear(): void {
    registry.drop(this.#table);
  }
}

const singleThreadedRuns = new WeakMap<ContextState, number>();

/**
 * Marks a run with TypeScript passes as in progress, single-threaded;
 * returns what ends it and gives back the error a pass threw, if any.
 */
export function beginTypeScriptRun(state: ContextState, owner: Owner, root: number): () => { readonly value: unknown } | null {
  const { run, end } = beginCallbackRun(state, "pass run", owner, root);
  // Nested pipelines run on MLIR's thread pool when the context is
  // multithreaded; JS may be called only on this thread.
  const depth = singleThreadedRuns.get(state) ?? 0;
  if (depth === 0 && state.threading) lib.mlirffi_context_enable_multithreading(state.store, false);
  singleThreadedRuns.set(state, depth + 1);
  let ended = false;
  return () => {
    if (ended) return run.error;
    ended = true;
    end();
    const left = (singleThreadedRuns.get(state) ?? 1) - 1;
    singleThreadedRuns.set(state, left);
    if (left === 0 && state.threading && state.alive) lib.mlirffi_context_enable_multithreading(state.store, true);
    return run.error;
  };
}
