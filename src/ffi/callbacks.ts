/**
 * The one door from MLIR into JavaScript. The shim calls a single dispatcher
 * (native/src/callbacks.c), installed on first use, with a kind (what the
 * callback is for), an id and two handles; each layer that needs callbacks
 * registers a handler for its kind.
 *
 * A JS exception must never reach the native caller: on Bun it would unwind
 * through MLIR's C++ frames, on Deno it would be swallowed. Handlers catch
 * everything they run and report it when the native call returns; the catch
 * here is the last guard, answering a failure should one ever escape.
 *
 * @module
 */
import { dispatcherPointer, lib } from "./load.ts";

/** What a callback is for (native/src/callbacks.c has the same numbers). */
export const CallbackKind = { passRun: 1, pattern: 2, pdlConstraint: 3, pdlRewrite: 4, diagnostic: 5 } as const;

/** Added to the kind by the shim when some context has diagnostics not yet taken. */
const DIAGNOSTICS_PENDING = 0x100;

/** Answers a callback: 0 for success, anything else for a failure already recorded. */
export type CallbackHandler = (id: number, a: number, b: number) => number;

/** By kind: an array, as this is looked up on every pattern call. */
const handlers: (CallbackHandler | undefined)[] = [];
let installed = false;
let pendingAtEntry = true;

function dispatch(kind: number, id: number, a: number, b: number): number {
  pendingAtEntry = (kind & DIAGNOSTICS_PENDING) !== 0;
  const handler = handlers[kind & 0xff];
  if (handler === undefined) return -1;
  try {
    return handler(id, a, b);
  } catch {
    return -1;
  }
}

/**
 * Whether the native call now calling back may have reported diagnostics
 * JS has not taken (false means it has not): read by a handler before it
 * makes any native call, this saves asking on every pattern call.
 */
export function diagnosticsMayBePending(): boolean {
  return pendingAtEntry;
}

/** Registers the handler of `kind`, installing the dispatcher the first time. */
export function onCallback(kind: number, handler: CallbackHandler): void {
  handlers[kind] = handler;
  if (!installed) {
    lib.mlirffi_set_dispatcher(dispatcherPointer(dispatch));
    installed = true;
  }
}
