/**
 * Diagnostic handlers: `ctx.attachDiagnosticHandler(fn)`, as Python's
 * `Context.attach_diagnostic_handler`. A handler sees each diagnostic of its
 * context and returns whether it handled it; the newest attached is asked
 * first, and a handled diagnostic goes no further (not to older handlers,
 * not to `onDiagnostic` listeners, not into an error's `diagnostics`).
 *
 * When it is called:
 * - at once, from inside MLIR, when MLIR reports on the runtime's own thread
 *   and stack: during TypeScript passes, pattern drivers and calls that run
 *   there. MLIR is then in the middle of a call, so (CONTRACT.md clause 11)
 *   handles into IR a running pass or driver may have changed are
 *   invalidated first, and the handler may change no IR of the context:
 *   erasing, moving, inserting, disposing, or running a pass manager or
 *   driver on its IR is a StructuralError. Parsing, printing and reading work.
 * - otherwise (MLIR's worker threads, and the shim's own big stack, on which
 *   parsing, verifying, printing and registered pipelines run), when the
 *   native call returns, before its result or error reaches the caller.
 * A handler that throws has not handled the diagnostic; the handler keeps
 * what it threw (`error`, `hadError`), since no caller could catch it.
 *
 * @module
 */
import { argumentError } from "../base/args.ts";
import type { Diagnostic } from "../base/errors.ts";
import { CallbackKind, onCallback } from "../ffi/callbacks.ts";
import { lib } from "../ffi/load.ts";
import { activeTransforms, beginTransform } from "./active_transforms.ts";
import type { ContextState } from "./context_state.ts";
import { beforePassRun } from "./ownership_events.ts";

/** Decides about one diagnostic: true when it handled it. */
export type DiagnosticHandlerFunction = (diagnostic: Diagnostic) => boolean;

/** An attached handler; `detach()` (or `using`) removes it. */
export class DiagnosticHandler {
  readonly #handlers: DiagnosticHandler[];
  readonly #fn: DiagnosticHandlerFunction;
  readonly #state: ContextState;
  #attached = true;
  /** Whether the handler has thrown (Python's `had_error`). */
  hadError = false;
  /** What it first threw, if it did. */
  error: unknown = undefined;

  /** @internal Made by attachDiagnosticHandler. */
  constructor(state: ContextState, handlers: DiagnosticHandler[], fn: DiagnosticHandlerFunction) {
    this.#state = state;
    this.#handlers = handlers;
    this.#fn = fn;
  }

  /** Whether it is still attached. */
  get attached(): boolean {
    return this.#attached && this.#state.alive;
  }

  /** Removes it; detaching twice does nothing. */
  detach(): void {
    if (!this.#attached) return;
    this.#attached = false;
    const i = this.#handlers.indexOf(this);
    if (i >= 0) this.#handlers.splice(i, 1);
    if (this.#handlers.length === 0) stopOffering(this.#state);
  }

  /** Same as {@linkcode DiagnosticHandler.detach}, for `using`. */
  [Symbol.dispose](): void {
    this.detach();
  }

  /** @internal Asks the handler; a throw counts as not handled. */
  _offer(d: Diagnostic): boolean {
    try {
      const handled = this.#fn(d);
      if (typeof handled !== "boolean") throw argumentError("A diagnostic handler's answer", "a boolean (true: handled)", handled);
      return handled;
    } catch (e) {
      if (!this.hadError) this.error = e;
      this.hadError = true;
      return false;
    }
  }
}

/** Each context with handlers, by the id the shim calls back with (weakly: a dropped context is collected). */
const contexts = new Map<number, WeakRef<ContextState>>();
const forget = new FinalizationRegistry<number>((id) => contexts.delete(id));
const idOf = new WeakMap<ContextState, number>();
const handlersOf = new WeakMap<ContextState, DiagnosticHandler[]>();
let nextId = 1;
let installed = false;

function offer(handlers: readonly DiagnosticHandler[], d: Diagnostic): boolean {
  // Newest first; a handler detached by another during the offer is skipped.
  for (const h of [...handlers].reverse()) if (h.attached && h._offer(d)) return true;
  return false;
}

/** A diagnostic offered from inside MLIR (see the module comment): 0 handled, 1 not. */
function onOffered(id: number, buf: number, length: number): number {
  const state = contexts.get(id)?.deref();
  const handlers = state === undefined ? undefined : handlersOf.get(state);
  if (state === undefined || handlers === undefined || !state.alive) return 1;
  const bytes = new Uint8Array(length);
  lib.mlirffi_offered_copy(buf, bytes, length);
  const d = JSON.parse(new TextDecoder().decode(bytes)) as Diagnostic;
  // What the interrupted call reported so far is its own.
  state.carryPending();
  for (const t of activeTransforms(state)) if (t.owner !== null && t.owner !== undefined) beforePassRun(t.owner, t.root);
  const end = beginTransform(state, { kind: "diagnostic handler", owner: null, root: 0, scope: 0 });
  try {
    return offer(handlers, d) ? 0 : 1;
  } finally {
    end();
  }
}

function stopOffering(state: ContextState): void {
  const id = idOf.get(state);
  if (id === undefined) return;
  contexts.delete(id);
  forget.unregister(state);
  idOf.delete(state);
  handlersOf.delete(state);
  state.offerDiagnostic = null;
  if (state.alive) lib.mlirffi_context_set_js_handlers(state.store, 0);
}

/** Attaches `fn` to `state`'s context (see the module comment). */
export function attachDiagnosticHandler(state: ContextState, fn: DiagnosticHandlerFunction): DiagnosticHandler {
  if (typeof fn !== "function") throw argumentError("attachDiagnosticHandler's handler", "a function", fn);
  let id = idOf.get(state);
  if (id === undefined) {
    if (!installed) {
      onCallback(CallbackKind.diagnostic, onOffered);
      installed = true;
    }
    id = nextId++;
    const handlers: DiagnosticHandler[] = [];
    contexts.set(id, new WeakRef(state));
    forget.register(state, id, state);
    idOf.set(state, id);
    handlersOf.set(state, handlers);
    state.offerDiagnostic = (d) => offer(handlers, d);
    lib.mlirffi_context_set_js_handlers(state.store, id);
  }
  const handlers = handlersOf.get(state)!;
  const handler = new DiagnosticHandler(state, handlers, fn);
  handlers.push(handler);
  return handler;
}

/** Forgets `state`'s handlers (its context is being disposed). */
export function dropDiagnosticHandlers(state: ContextState): void {
  for (const h of [...(handlersOf.get(state) ?? [])]) h.detach();
}
