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

/** Answers a callback: 0 for success, anything else for a failure already recorded. */
export type CallbackHandler = (id: number, a: number, b: number) => number;

const handlers = new Map<number, CallbackHandler>();
let installed = false;

function dispatch(kind: number, id: number, a: number, b: number): number {
  const handler = handlers.get(kind);
  if (handler === undefined) return -1;
  try {
    return handler(id, a, b);
  } catch {
    return -1;
  }
}

/** Registers the handler of `kind`, installing the dispatcher the first time. */
export function onCallback(kind: number, handler: CallbackHandler): void {
  handlers.set(kind, handler);
  if (!installed) {
    lib.mlirffi_set_dispatcher(dispatcherPointer(dispatch));
    installed = true;
  }
}
