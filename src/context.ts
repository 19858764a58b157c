/**
 * The context: owns every dialect, type, attribute and module made in it.
 *
 * @module
 */
import { argumentError, boolArg, intArg, listArg, stringArg } from "./base/args.ts";
import type { Attribute } from "./ir/attribute.ts";
import type { Diagnostic } from "./base/errors.ts";
import { lib } from "./ffi/load.ts";
import { encode } from "./ffi/text.ts";
import { Location } from "./ir/location.ts";
import { Module } from "./ir/module.ts";
import { createOperation, type OperationSpec } from "./ir/create_operation.ts";
import type { Operation } from "./ir/operation.ts";
import { parseFragment, parseModule, parseOperation, type ParseOptions } from "./text/parse.ts";
import { parsePipeline, type PassManager } from "./passes/pass_manager.ts";
import { ContextState } from "./ir/context_state.ts";
import type { Type } from "./ir/type.ts";
import { wrapAttribute, wrapType } from "./ir/class_registry.ts";
// The class tables register themselves with wrappers.ts.
import "./ir/types/wrap.ts";
import "./ir/attributes/wrap.ts";
import { IR_HANDLES } from "./ir/handle_factories.ts";
import { createStrategy, STRATEGIES, type StrategyName } from "../strategies/mod.ts";
import { ThreadBound } from "./base/thread_bound.ts";
import { refuseContextDisposeWhileTransforming } from "./ir/active_transforms.ts";
import { registryArg } from "./ir/dialect_registry.ts";
import { appendDialectRegistry, isRegisteredOperation, loadDialect, loadIRDLDialects } from "./ir/dialect_loading.ts";
import { enableMultithreading, numThreads, setThreadPool } from "./ir/threading.ts";
import type { DialectRegistry } from "./ir/dialect_registry.ts";
import type { ThreadPool } from "./ir/thread_pool.ts";
import { attachDiagnosticHandler, type DiagnosticHandler, type DiagnosticHandlerFunction, dropDiagnosticHandlers } from "./ir/diagnostic_handlers.ts";

/** Options for a new {@linkcode Context}. */
export interface ContextOptions {
  /**
   * How handles are made (see strategies/README.md). All strategies give the
   * same API and safety; they differ in identity (`===`) and cost.
   */
  readonly strategy?: StrategyName;
  /** Accept operations of dialects that are not registered (default false). */
  readonly allowUnregisteredDialects?: boolean;
  /**
   * Let MLIR run passes on worker threads (default false). Worker threads
   * have 8 MB stacks, so deeply nested IR is only safe single-threaded.
   */
  readonly threading?: boolean;
  /**
   * Give operations built without a location (no `loc`, no current
   * `Location.enter()` scope of this context) the JavaScript call stack as
   * their location, as Python's `loc_tracebacks()` (see
   * `Location.fromStack`). Default false: capturing a stack costs a few
   * microseconds per op. Also settable later: `ctx.locationsFromStack`.
   */
  readonly locationsFromStack?: boolean;
  /**
   * Register only this registry's dialects (and `builtin`) instead of every
   * upstream dialect. The registry may be disposed once the context is made.
   */
  readonly registry?: DialectRegistry;
  /**
   * Dialects to load at once rather than on first use (Python's
   * `load_on_create_dialects`); each must be registered.
   */
  readonly loadDialects?: readonly string[];
}

/**
 * The strategy used when none is given: the one bench/REPORT.md supports
 * (lowest cost relative to raw FFI over all workloads, both runtimes).
 */
export const DEFAULT_STRATEGY: StrategyName = "ephemeral";

/**
 * An MLIR context: every upstream dialect registered, or those of the
 * `registry` option; each loads on first use.
 *
 * @example
 * ```ts
 * import { Context } from "./mod.ts";
 * using ctx = new Context({ strategy: "interned" });
 * using mod = ctx.parseModule("func.func private @f()", { filename: "in.mlir" });
 * console.log(mod.body.operations.at(0)!.name); // func.func
 * ```
 */
export class Context extends ThreadBound {
  readonly #state: ContextState;
  readonly #strategy: StrategyName;

  /** A new context with every upstream dialect registered, or the `registry` option's (loaded on first use). */
  constructor(options: ContextOptions = {}) {
    super();
    if (typeof options !== "object" || options === null) throw argumentError("Context options", "an object", options);
    const name = options.strategy ?? DEFAULT_STRATEGY;
    const allowUnregisteredDialects = boolArg(options.allowUnregisteredDialects, false, "Context option 'allowUnregisteredDialects'");
    const threading = boolArg(options.threading, false, "Context option 'threading'");
    const locationsFromStack = boolArg(options.locationsFromStack, false, "Context option 'locationsFromStack'");
    if (!STRATEGIES.includes(name)) throw argumentError("Context option 'strategy'", `one of ${STRATEGIES.join(", ")}`, name);
    const registry = options.registry === undefined ? undefined : registryArg(options.registry, "Context option 'registry'");
    const load = listArg(options.loadDialects ?? [], "Context option 'loadDialects'").map((d, i) => stringArg(d, `Context option 'loadDialects'[${i}]`));
    this.#state = new ContextState({ allowUnregisteredDialects, threading, registry }, this);
    this.#state.strategy = createStrategy(name, IR_HANDLES)!;
    this.#state.locationsFromStack = locationsFromStack;
    this.#strategy = name;
    try {
      for (const d of load) loadDialect(this.#state, d);
    } catch (e) {
      this.dispose();
      throw e;
    }
  }

  /** The handle strategy of this context. */
  get strategy(): StrategyName {
    return this.#strategy;
  }

  /** Whether the context is still alive (not disposed). */
  get isValid(): boolean {
    return this.#state.alive;
  }

  /**
   * Whether operations built without a location get the JavaScript call
   * stack as theirs (Context option `locationsFromStack`). Precedence for a
   * builder: its `loc`, then `Location.current` (if of this context), then
   * the stack when this is on, then the unknown location.
   */
  get locationsFromStack(): boolean {
    this.#state.check("Context");
    return this.#state.locationsFromStack;
  }

  set locationsFromStack(on: boolean) {
    this.#state.check("Context");
    if (typeof on !== "boolean") throw argumentError("Context.locationsFromStack", "a boolean", on);
    this.#state.locationsFromStack = on;
  }

  /** Whether operations of unregistered dialects are accepted. */
  get allowUnregisteredDialects(): boolean {
    this.#state.check("Context");
    return lib.mlirffi_context_get_allow_unregistered(this.#state.store);
  }

  set allowUnregisteredDialects(allow: boolean) {
    this.#state.check("Context");
    if (typeof allow !== "boolean") throw argumentError("Context.allowUnregisteredDialects", "a boolean", allow);
    lib.mlirffi_context_set_allow_unregistered(this.#state.store, allow);
  }

  /**
   * Registers the registry's dialects here too (they load on first use).
   * The registry may be disposed afterwards.
   */
  appendDialectRegistry(registry: DialectRegistry): void {
    appendDialectRegistry(this.#state, registry);
  }

  /**
   * Loads a registered dialect now rather than on first use; throws
   * `ArgumentError` when no dialect of that name is registered.
   */
  loadDialect(name: string): void {
    loadDialect(this.#state, name);
  }

  /** Loads every registered dialect. */
  loadAllAvailableDialects(): void {
    this.#state.check("Context");
    lib.mlirffi_context_load_all_available_dialects(this.#state.store);
  }

  /** How many dialects are registered (loaded or not). */
  get numRegisteredDialects(): number {
    this.#state.check("Context");
    return lib.mlirffi_context_num_registered_dialects(this.#state.store);
  }

  /** How many dialects are loaded. */
  get numLoadedDialects(): number {
    this.#state.check("Context");
    return lib.mlirffi_context_num_loaded_dialects(this.#state.store);
  }

  /** Whether `name` is an operation of a registered dialect (the dialect is loaded to tell). */
  isRegisteredOperation(name: string): boolean {
    return isRegisteredOperation(this.#state, name);
  }

  /**
   * Loads the dialects an IRDL module (`irdl.dialect` operations) defines,
   * so their operations parse, verify and build. Throws `ArgumentError`
   * with MLIR's diagnostics when the definitions do not verify or a dialect
   * of that name exists.
   */
  loadIRDLDialects(module: Module | Operation): void {
    loadIRDLDialects(this.#state, module);
  }

  /**
   * Turns MLIR's multithreading on or off. Runs with TypeScript passes are
   * single-threaded whatever this says; refused (`StructuralError`) while a
   * pass run or pattern driver is in progress in this context.
   */
  enableMultithreading(enable: boolean): void {
    enableMultithreading(this.#state, enable);
  }

  /** Whether MLIR may use worker threads in this context. */
  get isMultithreadingEnabled(): boolean {
    this.#state.check("Context");
    return this.#state.threading;
  }

  /** The number of threads MLIR uses here: 1 when single-threaded. */
  get numThreads(): number {
    return numThreads(this.#state);
  }

  /**
   * Uses `pool` for this context's threads (and turns multithreading on).
   * The pool lives as long as any context using it, even once disposed.
   */
  setThreadPool(pool: ThreadPool): void {
    setThreadPool(this.#state, pool);
  }

  /**
   * Parses MLIR source text into a module. Several top-level operations are
   * wrapped in an implicit module. Throws `MlirParseError` with
   * every diagnostic (file, line, column) when the text does not parse.
   */
  parseModule(source: string | Uint8Array, options?: ParseOptions): Module {
    return parseModule(this.#state, source, options);
  }

  /**
   * Parses exactly one operation (e.g. a `func.func`), not wrapped in a
   * module; it is detached and owned by the returned handle.
   */
  parseOperation(source: string, options?: ParseOptions): Operation {
    return parseOperation(this.#state, source, options);
  }

  /** A new, empty module. */
  createModule(location?: Location): Module {
    this.#state.check("Context");
    const loc = location === undefined ? lib.mlirffi_loc_unknown(this.#state.store) : this.#uniqued(location, Location, "createModule's location");
    const op = lib.mlirffi_module_create_empty(loc);
    return new Module(this.#state.newOwner("module", op, "operation"));
  }

  /** Parses a type, e.g. `tensor<4xf32>`; throws `MlirParseError` with MLIR's diagnostics. */
  parseType(text: string): Type {
    return wrapType(this.#state, parseFragment(this.#state, "type", text));
  }

  /** Parses an attribute, e.g. `42 : i32`; throws `MlirParseError` with MLIR's diagnostics. */
  parseAttribute(text: string): Attribute {
    return wrapAttribute(this.#state, parseFragment(this.#state, "attribute", text));
  }

  /** The unknown location. */
  unknownLocation(): Location {
    this.#state.check("Context");
    return new Location(this.#state, lib.mlirffi_loc_unknown(this.#state.store));
  }

  /** A file:line:column location. */
  fileLocation(file: string, line: number, column: number): Location {
    this.#state.check("Context");
    const bytes = encode(stringArg(file, "fileLocation's file"));
    intArg(line, 0, 0xffffffff, "fileLocation's line");
    intArg(column, 0, 0xffffffff, "fileLocation's column");
    return new Location(this.#state, lib.mlirffi_loc_file(this.#state.store, bytes, bytes.length, line, column));
  }

  /**
   * A pass manager for a textual pipeline: anchored
   * (`builtin.module(func.func(canonicalize),cse)`) or a bare list of passes
   * that runs on any operation (`canonicalize,cse`); without a pipeline, an
   * empty one to build with `add`, `addPass` and `nest`. Throws
   * {@linkcode PassPipelineError} with MLIR's message for a bad pipeline.
   */
  passManager(pipeline?: string): PassManager {
    return parsePipeline(this.#state, pipeline);
  }

  /**
   * Builds an operation (MLIR's OperationState), detached or at
   * `spec.insertAt`. See {@linkcode OperationSpec}.
   */
  createOperation(spec: OperationSpec): Operation {
    return createOperation(this.#state, spec);
  }

  /**
   * Calls `listener` with every diagnostic MLIR reports in this context.
   * Returns a disposable that removes the listener.
   */
  onDiagnostic(listener: (diagnostic: Diagnostic) => void): Disposable {
    if (typeof listener !== "function") throw argumentError("onDiagnostic's listener", "a function", listener);
    this.#state.listeners.add(listener);
    return { [Symbol.dispose]: () => this.#state.listeners.delete(listener) };
  }

  /**
   * Attaches a handler that sees each diagnostic of this context and returns
   * whether it handled it (a handled one goes no further: not to older
   * handlers, listeners, or an error's `diagnostics`). It runs from inside
   * MLIR when MLIR reports on the runtime's own thread and stack, where it
   * may read but not change IR; otherwise as soon as the native call
   * returns. See `ir/diagnostic_handlers.ts`.
   */
  attachDiagnosticHandler(handler: DiagnosticHandlerFunction): DiagnosticHandler {
    this.#state.check("Context");
    return attachDiagnosticHandler(this.#state, handler);
  }

  /**
   * Disposes the context and everything made in it: modules, operations,
   * types, attributes. Every handle becomes invalid ("context disposed").
   * Disposing twice does nothing.
   */
  dispose(): void {
    refuseContextDisposeWhileTransforming(this.#state);
    dropDiagnosticHandlers(this.#state);
    this.#state.dispose();
  }

  /** Same as {@linkcode Context.dispose}, for `using`. */
  [Symbol.dispose](): void {
    this.dispose();
  }

  /** @internal The context's internal state. */
  get _state(): ContextState {
    return this.#state;
  }

  /** @internal Bookkeeping sizes, for tests of bounded memory. */
  _stats(): { nativeObjects: number; strategyEntries: number; ledgerEntries: number; cachedUniqued: number } {
    const owners = [...this.#state.owners()];
    return {
      cachedUniqued: this.#state.attributes.size + this.#state.types.size,
      nativeObjects: this.#state.cell.cells.size,
      strategyEntries: this.#state.strategy.stats(owners).entries,
      ledgerEntries: owners.reduce((n, o) => n + o.logSize, 0),
    };
  }

  #uniqued<T extends Location>(value: unknown, kind: new (...args: never[]) => T, what: string): number {
    if (!(value instanceof kind)) throw argumentError(what, `a ${kind.name}`, value);
    return value._in(this.#state, what);
  }
}
