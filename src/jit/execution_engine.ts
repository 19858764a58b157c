/**
 * The execution engine: lowers a module to the LLVM dialect, JIT-compiles it
 * and calls its functions with JS numbers and typed arrays (the model is
 * Python's `mlir.execution_engine.ExecutionEngine`).
 *
 * The module is compiled lazily, at the first `initialize`, `invoke` or
 * `lookup`: host functions (`registerSymbol`) must be bound before then, as
 * LLVM resolves every symbol the code uses when it compiles it. Before
 * compiling, the engine checks that each external function the code calls
 * has a definition somewhere (a host function, a shared library, the
 * process): a missing one would fail the whole compilation for good, and
 * throwing UnresolvedSymbolError first leaves the engine usable.
 *
 * @module
 */
import { existsSync } from "node:fs";
import { argumentError, intArg, stringArg } from "../base/args.ts";
import {
  ArgumentError,
  ExecutionEngineError,
  HostFunctionError,
  InvalidHandleError,
  StructuralError,
  UnresolvedSymbolError,
} from "../base/errors.ts";
import { lib } from "../ffi/load.ts";
import type { HostCallback } from "../ffi/load.ts";
import { encode, encodeZ, takeText, TEXT, TEXT_CAP } from "../ffi/text.ts";
import { free, type NativeCell, own } from "../safety/native_lifetimes.ts";
import { Module } from "../ir/module.ts";
import { FlatSymbolRefAttr } from "../ir/attributes/symbol_ref.ts";
import { TypeAttr, UnitAttr } from "../ir/attributes/scalar.ts";
import type { Operation } from "../ir/operation.ts";
import type { ContextState } from "../ir/context_state.ts";
import { stateOf } from "../ir/context_state.ts";
import { beginTransform } from "../ir/active_transforms.ts";
import { lowerToLLVM } from "./_lowering.ts";
import { FunctionType } from "../ir/types/composite.ts";
import { ThreadBound } from "../base/thread_bound.ts";
import {
  checkSignature,
  type JitArgument,
  type JitResult,
  layout,
  PARAM_MEMREFS,
  readScalar,
  takeMemRef,
  writeMemRef,
  writeScalar,
} from "./_marshal.ts";
import {
  checkHostSignature,
  type HostCallState,
  type HostFunction,
  type HostSignature,
  makeHostCallback,
} from "./host_functions.ts";

export type { JitArgument, JitResult, JitScalar, MemRefArgument, MemRefResult } from "./_marshal.ts";
export { LOWER_TO_LLVM } from "./_lowering.ts";

/** Options for {@linkcode ExecutionEngine.create}. */
export interface ExecutionEngineOptions {
  /** LLVM optimization level, 0 to 3 (default 2). */
  readonly optLevel?: number;
  /**
   * Shared libraries to load, e.g. MLIR's runner utils
   * (`/usr/lib/llvm-22/lib/libmlir_c_runner_utils.so`, and
   * `libmlir_runner_utils.so` for `printMemrefF32` and friends). They stay
   * loaded for the life of the process, with global symbols.
   */
  readonly sharedLibs?: readonly string[];
  /**
   * Lower a copy of the module with {@linkcode LOWER_TO_LLVM} first (default
   * true); with false the module must already be in the LLVM dialect.
   */
  readonly lower?: boolean;
  /** Keep the object code so `dumpToObjectFile` can write it (default false). */
  readonly objectDump?: boolean;
}

/** A declaration a host function may bind: its type, and whether it is called through its C interface. */
interface Declaration {
  readonly type: FunctionType;
  readonly cInterface: boolean;
}
/**
 * A JIT-compiled module. Functions are called by name with numbers (BigInt
 * for 64-bit integers) and typed arrays for memrefs; a memref result comes
 * back as a typed array the caller owns.
 *
 * Compiled code runs unchecked: a kernel that indexes outside the memref it
 * was given writes outside the typed array, and one that returns a memref it
 * freed or that lives on its stack returns garbage.
 *
 * @example
 * ```ts
 * import { Context, ExecutionEngine } from "../mod.ts";
 * using ctx = new Context();
 * using mod = ctx.parseModule("func.func @add(%a: i32, %b: i32) -> i32 {\n %0 = arith.addi %a, %b : i32\n return %0 : i32\n}");
 * using engine = ExecutionEngine.create(mod);
 * console.log(engine.invoke("add", 2, 3)); // 5
 * ```
 */
export class ExecutionEngine extends ThreadBound {
  readonly #state: ContextState;
  readonly #ptr: number;
  readonly #cell: NativeCell;
  /** Functions with a body, which invoke can call. */
  readonly #signatures: Map<string, FunctionType>;
  /** Functions without a body, which host functions may define. */
  readonly #declarations: Map<string, Declaration>;
  /** External symbols the lowered code refers to. */
  readonly #externals: readonly string[];
  readonly #hosts = new Map<string, HostCallback[]>();
  /** Whether the code has been compiled (after which no symbol can be added). */
  #compiled = false;
  /**
   * The host-function state of the call in progress, if any: a box the host
   * functions share, as they must not hold the engine (the finalizer that
   * frees them would keep it alive).
   */
  readonly #calls: { current: HostCallState | null } = { current: null };
  #depth = 0;

  private constructor(
    state: ContextState,
    ptr: number,
    signatures: Map<string, FunctionType>,
    declarations: Map<string, Declaration>,
    externals: readonly string[],
  ) {
    super();
    this.#state = state;
    this.#ptr = ptr;
    this.#signatures = signatures;
    this.#declarations = declarations;
    this.#externals = externals;
    this.#cell = own(state.cell, "engine", ptr, this, null);
    hostFinalizer.register(this, { cell: this.#cell, hosts: this.#hosts }, this.#cell);
  }

  /**
   * Prepares `module` for JIT compilation (lowered first unless
   * `options.lower` is false). The code is compiled at the first
   * `initialize`, `invoke` or `lookup`.
   */
  static create(module: Module, options: ExecutionEngineOptions = {}): ExecutionEngine {
    if (!(module instanceof Module)) throw argumentError("ExecutionEngine.create's module", "a Module", module);
    const optLevel = intArg(options.optLevel ?? 2, 0, 3, "ExecutionEngine option 'optLevel'");
    const libs = options.sharedLibs ?? [];
    if (!Array.isArray(libs)) throw argumentError("ExecutionEngine option 'sharedLibs'", "an array of paths", libs);
    for (const [i, l] of libs.entries()) {
      if (!existsSync(stringArg(l, `sharedLibs[${i}]`))) {
        throw new ArgumentError({ argument: `sharedLibs[${i}]`, expected: "the path of an existing file", got: `${l}, which does not exist` });
      }
      const failed = lib.mlirffi_jit_load_library(encodeZ(l), TEXT, TEXT_CAP);
      if (failed !== 0) {
        throw new ArgumentError({ argument: `sharedLibs[${i}]`, expected: "a shared library that loads", got: takeText(failed) });
      }
    }
    const libBytes = encode(libs.map((l) => l + "\0").join(""));
    const root = module.operation;
    const state = stateOf(root._owner);
    const signatures = new Map<string, FunctionType>();
    const declarations = new Map<string, Declaration>();
    const copy = root.clone();
    try {
      for (const op of copy.regions.at(0)!.blocks.at(0)!.operations) collectSignature(op, signatures, declarations);
      if (options.lower ?? true) lowerToLLVM(state, copy);
      const externals = usedExternals(copy);
      const ptr = state.callNative(
        () => lib.mlirffi_jit_create_deferred(state.store, copy._live(), optLevel, libBytes, libs.length, options.objectDump ?? false),
        (diagnostics) =>
          new ExecutionEngineError(
            "JIT compilation failed: the module must be fully in the LLVM dialect (lower it, or pass lower: true).",
            diagnostics,
          ),
      );
      return new ExecutionEngine(state, ptr, signatures, declarations, externals);
    } finally {
      copy.dispose();
    }
  }

  #live(): number {
    this.#state.check("ExecutionEngine");
    if (!this.#state.cell.cells.has(this.#cell)) throw new InvalidHandleError("ExecutionEngine", "disposed");
    return this.#ptr;
  }

  /**
   * The engine, compiled and initialised: checks every external symbol has
   * a definition, then lets LLVM compile and run the global constructors.
   */
  #ready(): number {
    const jit = this.#live();
    if (this.#compiled) return jit;
    const missing = this.#externals.filter((s) => !this.#hosts.has(s) && !lib.mlirffi_jit_process_has_symbol(encodeZ(s)));
    if (missing.length > 0) throw new UnresolvedSymbolError(missing);
    this.#compiled = true;
    this.#run("a global constructor", () => lib.mlirffi_jit_initialize(jit));
    return jit;
  }

  /**
   * Binds the function the module declares as `name` (`func.func private
   * @name(...)`) to the JS function `fn`, for the compiled code to call.
   * `signature` repeats the declaration's types, e.g. `{ args: ["i32"],
   * returns: "i32" }`; i64 and index cross as BigInt, i1 as boolean. Must
   * come before the code is compiled (the first `initialize`, `invoke` or
   * `lookup`). If `fn` throws, `invoke` throws a HostFunctionError with the
   * exception as `cause` (see host_functions.ts for what the compiled code
   * sees meanwhile). Python: `register_runtime`.
   *
   * @example
   * ```ts
   * import { Context, ExecutionEngine } from "../mod.ts";
   * using ctx = new Context();
   * using mod = ctx.parseModule(`
   *   func.func private @twice(i32) -> i32
   *   func.func @f(%a: i32) -> i32 {
   *     %0 = func.call @twice(%a) : (i32) -> i32
   *     return %0 : i32
   *   }`);
   * using engine = ExecutionEngine.create(mod);
   * engine.registerSymbol("twice", (x: number) => 2 * x, { args: ["i32"], returns: "i32" });
   * console.log(engine.invoke("f", 21)); // 42
   * ```
   */
  registerSymbol(name: string, fn: HostFunction, signature: HostSignature): void {
    const jit = this.#live();
    stringArg(name, "registerSymbol's name");
    if (typeof fn !== "function") throw argumentError("registerSymbol's function", "a function", fn);
    const declaration = this.#declarations.get(name);
    const checked = checkHostSignature(name, signature, declaration?.type);
    if (this.#compiled) {
      throw new ExecutionEngineError(
        `Cannot register @${name}: the engine's code is already compiled. Register host functions before the first initialize, invoke or lookup.`,
      );
    }
    if (this.#hosts.has(name)) {
      throw new ArgumentError({ argument: "registerSymbol's name", expected: "a symbol not registered yet", got: `@${name}, registered already` });
    }
    const calls = this.#calls;
    const callback = makeHostCallback(name, fn, checked, () => calls.current);
    // With llvm.emit_c_interface the code calls the C wrapper's name.
    const symbols = declaration!.cInterface ? [name, `_mlir_ciface_${name}`] : [name];
    for (const s of symbols) {
      const bytes = encode(s);
      lib.mlirffi_jit_register_symbol(jit, bytes, bytes.length, callback.pointer);
    }
    this.#hosts.set(name, [callback]);
  }

  /**
   * Compiles the code and runs its global constructors
   * (`llvm.mlir.global_ctors`), once; `invoke`, `has`, `lookup`,
   * `rawLookup` and `dumpToObjectFile` do it first if needed. Python:
   * `initialize`.
   *
   * @example
   * ```ts
   * import { Context, ExecutionEngine } from "../mod.ts";
   * using ctx = new Context();
   * using mod = ctx.parseModule("func.func @f() { return }");
   * using engine = ExecutionEngine.create(mod);
   * engine.initialize();
   * ```
   */
  initialize(): void {
    this.#ready();
  }

  /** Runs native code that may call host functions, raising their first failure after it returns. */
  #run<T>(what: string, body: () => T, onFailure?: () => void): T {
    const outer = this.#calls.current;
    const call: HostCallState = { failure: null };
    this.#calls.current = call;
    this.#depth++;
    const end = this.#hosts.size > 0 ? beginTransform(this.#state, { kind: "JIT call", owner: undefined, root: 0, scope: 0 }) : null;
    try {
      const result = body();
      if (call.failure !== null) {
        onFailure?.();
        throw new HostFunctionError(call.failure.symbol, what, call.failure.cause);
      }
      return result;
    } finally {
      end?.();
      this.#depth--;
      this.#calls.current = outer;
    }
  }

  /** Whether the module has a function `name` that `invoke` can call. */
  has(name: string): boolean {
    const bytes = encode(stringArg(name, "Function name"));
    if (!this.#signatures.has(name)) return false;
    const jit = this.#ready();
    return lib.mlirffi_jit_has(jit, bytes, bytes.length);
  }

  /**
   * The address of the packed C-interface wrapper of function `name`
   * (`void (*)(void **args)`, the convention `invoke` calls), as a BigInt,
   * for callers that bind it with their runtime's own FFI. Compiles the code
   * first. Python: `lookup`.
   *
   * @example
   * ```ts
   * import { Context, ExecutionEngine } from "../mod.ts";
   * using ctx = new Context();
   * using mod = ctx.parseModule("func.func @f() { return }");
   * using engine = ExecutionEngine.create(mod);
   * console.log(engine.lookup("f") !== 0n); // true
   * ```
   */
  lookup(name: string): bigint {
    stringArg(name, "lookup's name");
    const address = this.rawLookup(`_mlir_ciface_${name}`);
    if (address === 0n) {
      throw new ArgumentError({
        argument: "lookup's name",
        expected: "the name of a function (with a body) in the module",
        got: `@${name}, which the compiled code does not define`,
      });
    }
    return address;
  }

  /**
   * The address of the packed wrapper `_mlir_<name>` of any function the
   * compiled code defines, or 0n. Python: `raw_lookup`.
   *
   * @example
   * ```ts
   * import { Context, ExecutionEngine } from "../mod.ts";
   * using ctx = new Context();
   * using mod = ctx.parseModule("func.func @f() { return }");
   * using engine = ExecutionEngine.create(mod);
   * console.log(engine.rawLookup("f") !== 0n, engine.rawLookup("nothing")); // true 0n
   * ```
   */
  rawLookup(name: string): bigint {
    const bytes = encode(stringArg(name, "rawLookup's name"));
    const jit = this.#ready();
    return BigInt(lib.mlirffi_jit_lookup(jit, bytes, bytes.length, true));
  }

  /** Calls function `name` with `args`; returns its result, if any. */
  invoke(name: string, ...args: JitArgument[]): JitResult {
    this.#live();
    const type = this.#signatures.get(stringArg(name, "Function name"));
    if (type === undefined) {
      throw new ArgumentError({
        argument: "invoke's function name",
        expected: "the name of a function (with a body) in the module",
        got: `@${name}, which the module does not define with a body`,
      });
    }
    checkSignature(name, type);
    if (args.length !== type.inputs.length) {
      throw new ArgumentError({
        argument: `invoke's arguments for @${name}`,
        expected: `${type.inputs.length} arguments (${type.toString()})`,
        got: `${args.length}`,
      });
    }
    const plan = layout(name, type);
    const storage = new Uint8Array(plan.size);
    const view = new DataView(storage.buffer);
    const memrefs: Uint8Array[] = [];
    for (const [i, arg] of args.entries()) {
      const slot = plan.inputs[i]!;
      if (slot.kind === 0) writeScalar(view, slot, arg, `@${name} argument ${i}`);
      else memrefs[slot.kind - 1] = writeMemRef(view, slot, arg, `@${name} argument ${i}`);
    }
    const jit = this.#ready();
    const bytes = encode(name);
    // Staged last, with no JS between here and the call but host functions.
    for (let k = PARAM_MEMREFS; k < memrefs.length; k++) lib.mlirffi_jit_stage_memref(k, memrefs[k]!);
    const m = (k: number) => memrefs[k] ?? null;
    const result = plan.result;
    const take = (discard: boolean) =>
      result !== undefined && result.kind === -1 ? takeMemRef(storage, view, result, discard, name) : undefined;
    const ok = this.#run(
      name,
      () =>
        lib.mlirffi_jit_call(
          jit,
          bytes,
          bytes.length,
          storage,
          Int32Array.from(plan.slots, (s) => s.offset),
          Int32Array.from(plan.slots, (s) => s.kind),
          plan.slots.length,
          this.#hosts.size === 0,
          m(0),
          m(1),
          m(2),
          m(3),
          m(4),
          m(5),
          m(6),
          m(7),
        ),
      () => take(true),
    );
    if (!ok) throw new ExecutionEngineError(`Calling @${name} failed: the compiled code has no C interface for it.`);
    if (result === undefined) return undefined;
    if (result.kind === -2) return plan.fields.map((f) => readScalar(view, f));
    return result.kind === -1 ? take(false) : readScalar(view, result);
  }

  /** Writes the compiled object code to `path` (create with `objectDump: true`). */
  dumpToObjectFile(path: string): void {
    const bytes = encode(stringArg(path, "Object file path"));
    lib.mlirffi_jit_dump_object(this.#ready(), bytes, bytes.length);
  }

  /** Frees the engine now (it is also freed with its context or by GC), then its host functions. */
  dispose(): void {
    if (this.#depth > 0) {
      throw new StructuralError("Cannot dispose an ExecutionEngine while its code runs (from a host function); dispose it after invoke returns.");
    }
    hostFinalizer.unregister(this.#cell);
    free(this.#cell);
    closeHosts(this.#hosts);
  }

  /** Same as {@linkcode ExecutionEngine.dispose}, for `using`. */
  [Symbol.dispose](): void {
    this.dispose();
  }
}

function closeHosts(hosts: Map<string, HostCallback[]>): void {
  for (const callbacks of hosts.values()) for (const c of callbacks) c.close();
  hosts.clear();
}

/**
 * Host functions are freed only after their engine: the engine first (free
 * is idempotent, whichever finalizer runs first), as destroying it may still
 * run its code (global destructors).
 */
const hostFinalizer = new FinalizationRegistry<{ cell: NativeCell; hosts: Map<string, HostCallback[]> }>(({ cell, hosts }) => {
  free(cell);
  closeHosts(hosts);
});

/** Records a func.func's signature and asks for its C interface, or records a declaration. */
function collectSignature(op: Operation, signatures: Map<string, FunctionType>, declarations: Map<string, Declaration>): void {
  if (op.name !== "func.func") return;
  const name = op.symbolName;
  const type = op.attributes.get("function_type");
  if (name === null || !(type instanceof TypeAttr) || !(type.value instanceof FunctionType)) return;
  if (op.regions.at(0)!.blocks.length === 0) {
    declarations.set(name, { type: type.value, cInterface: op.attributes.get("llvm.emit_c_interface") !== undefined });
    return;
  }
  signatures.set(name, type.value);
  op.attributes.set("llvm.emit_c_interface", UnitAttr.get(op.context));
}

/**
 * The functions the lowered module declares without a body and refers to
 * (calls, or takes the address of). LLVM intrinsics are its own.
 */
function usedExternals(module: Operation): string[] {
  const declared = new Set<string>();
  for (const op of module.regions.at(0)!.blocks.at(0)!.operations) {
    const name = op.symbolName;
    if (op.name === "llvm.func" && name !== null && !name.startsWith("llvm.") && op.regions.at(0)!.blocks.length === 0) declared.add(name);
  }
  if (declared.size === 0) return [];
  const used = new Set<string>();
  module.walk((op) => {
    for (const key of ["callee", "global_name"]) {
      const ref = op.attributes.get(key);
      if (ref instanceof FlatSymbolRefAttr && declared.has(ref.value)) used.add(ref.value);
    }
  });
  return [...used].sort();
}
