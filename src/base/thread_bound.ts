/**
 * Objects tied to the thread (worker) that made their context. MLIR contexts
 * are not thread-safe, and a structured clone of a wrapper would carry bare
 * native pointers into another thread; so `postMessage` and
 * `structuredClone` of a Context, of anything in it, or of any object that
 * holds one throw a `DataCloneError` that says what to do instead.
 *
 * Cloning reads every enumerable own property, so the guard is one such
 * property, an accessor that throws, made first (in the base constructor)
 * so that cloning meets it before anything else. Handles need no guard of
 * their own: their first property leads to their owner or context state.
 *
 * @module
 */

const MESSAGE = "mlir-ffi objects belong to the thread that created their Context and cannot be sent to another " +
  "(MLIR contexts are not thread-safe). Send text (toString) or bytecode (toBytecode) and parse it in a Context " +
  "created in the receiving worker.";

function refuse(): never {
  throw new DOMException(MESSAGE, "DataCloneError");
}

/**
 * The base of the public objects that hold a context (`Context`, `Module`,
 * `PassManager`, `InsertionPoint`, `SymbolTable`, `ExecutionEngine`):
 * `postMessage` or `structuredClone` of one throws a `DataCloneError` saying
 * to send text or bytecode instead. Public on purpose: it is what those
 * classes extend in the published types, and `instanceof ThreadBound` tells
 * whether a value may cross to a worker.
 *
 * @example
 * ```ts
 * import { Context, ThreadBound } from "../mod.ts";
 * using ctx = new Context();
 * console.log(ctx instanceof ThreadBound); // true: create a Context in each worker instead
 * ```
 */
export abstract class ThreadBound {
  constructor() {
    Object.defineProperty(this, "_thread", { enumerable: true, get: refuse });
  }
}
