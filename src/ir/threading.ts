/**
 * Threading control of a context: turning MLIR's multithreading on and off,
 * and giving it a shared {@linkcode ThreadPool}.
 *
 * JavaScript may run only on the runtime's thread. What keeps that true with
 * multithreading on: a run with TypeScript passes turns it off for its
 * duration (passes/typescript_pass.ts), the shim refuses any callback from
 * another thread (native/src/callbacks.c), and the setting cannot change
 * while a transform is in progress: a callback that turned threading on
 * mid-run would let MLIR schedule the rest of the run on worker threads,
 * and MLIR's own rule is that the switch is not touched inside a parallel
 * section.
 *
 * @module
 */
import { argumentError } from "../base/args.ts";
import { StructuralError } from "../base/errors.ts";
import { lib } from "../ffi/load.ts";
import { activeTransforms } from "./active_transforms.ts";
import type { ContextState } from "./context_state.ts";
import { threadPoolArg } from "./thread_pool.ts";

function refuseWhileTransforming(state: ContextState, what: string): void {
  const active = activeTransforms(state);
  if (active.length > 0) {
    throw new StructuralError(`Cannot ${what} while a ${active[active.length - 1]!.kind} is in progress in this context.`);
  }
}

/** Turns MLIR's multithreading in the context on or off. */
export function enableMultithreading(state: ContextState, enable: unknown): void {
  state.check("Context");
  if (typeof enable !== "boolean") throw argumentError("enableMultithreading's enable", "a boolean", enable);
  const on = enable;
  refuseWhileTransforming(state, "change multithreading");
  lib.mlirffi_context_enable_multithreading(state.store, on);
  state.threading = on;
}

/** Gives the context a shared pool (multithreading on). */
export function setThreadPool(state: ContextState, pool: unknown): void {
  state.check("Context");
  const ptr = threadPoolArg(pool, "setThreadPool's pool");
  refuseWhileTransforming(state, "set a thread pool");
  lib.mlirffi_context_set_thread_pool(state.store, ptr);
  state.threading = true;
}

/** The threads MLIR uses in the context: 1 when single-threaded. */
export function numThreads(state: ContextState): number {
  state.check("Context");
  return lib.mlirffi_context_num_threads(state.store);
}
