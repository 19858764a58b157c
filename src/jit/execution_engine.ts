/**
 * The execution engine: lowers a module to the LLVM dialect, JIT-compiles it
 * and calls its functions with JS numbers and typed arrays.
 *
 * @module
 */
import { existsSync } from "node:fs";
import { argumentError, intArg, stringArg } from "../base/args.ts";
import { ArgumentError, ExecutionEngineError, InvalidHandleError, type MlirError } from "../base/errors.ts";
import { lib } from "../ffi/load.ts";
import { encode } from "../ffi/text.ts";
import { free, type NativeCell, own } from "../safety/native_lifetimes.ts";
import { Module } from "../ir/module.ts";
import { TypeAttr, UnitAttr } from "../ir/attributes/scalar.ts";
import type { Operation } from "../ir/operation.ts";
import type { ContextState } from "../ir/context_state.ts";
import { stateOf } from "../ir/context_state.ts";
import type { Type } from "../ir/type.ts";
import { FunctionType } from "../ir/types/composite.ts";
import { FloatType } from "../ir/types/float.ts";
import { IndexType, IntegerType } from "../ir/types/integer.ts";
import { MemRefType } from "../ir/types/shaped.ts";
import type { ElementArray } from "../ir/attributes/elements.ts";
import { ThreadBound } from "../base/thread_bound.ts";

// Defined with the other errors; exported here too for src/jit/mod.ts.

/** The pipeline that lowers func/arith/math/scf/cf/memref/affine/linalg-on-buffers to LLVM. */
export const LOWER_TO_LLVM: string = "builtin.module(" + [
  "func.func(convert-linalg-to-loops)",
  "lower-affine",
  "convert-scf-to-cf",
  "expand-strided-metadata",
  "lower-affine",
  "finalize-memref-to-llvm",
  "convert-math-to-llvm",
  "convert-arith-to-llvm",
  "convert-index-to-llvm",
  "convert-cf-to-llvm",
  "convert-func-to-llvm",
  "reconcile-unrealized-casts",
].join(",") + ")";

/** Options for {@linkcode ExecutionEngine.create}. */
export interface ExecutionEngineOptions {
  /** LLVM optimization level, 0 to 3 (default 2). */
  readonly optLevel?: number;
  /** Shared libraries to load, e.g. MLIR's runner utils. */
  readonly sharedLibs?: readonly string[];
  /**
   * Lower a copy of the module with {@linkcode LOWER_TO_LLVM} first (default
   * true); with false the module must already be in the LLVM dialect.
   */
  readonly lower?: boolean;
  /** Keep the object code so `dumpToObjectFile` can write it (default false). */
  readonly objectDump?: boolean;
}

/** A memref argument: a typed array (1-D, or shaped by the type) or data with an explicit shape. */
export type MemRefArgument = ElementArray | { readonly data: ElementArray; readonly shape: readonly number[] };

/** What `invoke` accepts per parameter. */
export type JitArgument = number | bigint | boolean | MemRefArgument;

/** What `invoke` returns. */
export type JitResult = number | bigint | boolean | undefined;

const MAX_MEMREFS = 8;

interface Slot {
  readonly type: Type;
  readonly offset: number;
  readonly kind: number;
}

function scalarWidth(type: Type): number | null {
  if (type instanceof IndexType) return 64;
  if (type instanceof IntegerType && [1, 8, 16, 32, 64].includes(type.width)) return type.width;
  if (type instanceof FloatType && (type.name === "f32" || type.name === "f64")) return type.width;
  return null;
}

const ELEMENT_ARRAYS: Record<string, readonly (abstract new (...a: never[]) => ElementArray)[]> = {
  f32: [Float32Array],
  f64: [Float64Array],
  i8: [Int8Array, Uint8Array],
  i16: [Int16Array, Uint16Array],
  i32: [Int32Array, Uint32Array],
  i64: [BigInt64Array, BigUint64Array],
  index: [BigInt64Array],
};

function checkSignature(name: string, type: FunctionType): void {
  for (const [i, t] of type.inputs.entries()) {
    if (scalarWidth(t) === null && !(t instanceof MemRefType && ELEMENT_ARRAYS[t.elementType.toString()] !== undefined)) {
      throw new ArgumentError({
        argument: `invoke's function @${name}`,
        expected: "a function whose parameters are integers (i1 to i64, index), f32, f64 or memrefs of those",
        got: `parameter ${i} of type ${t.toString()}`,
      });
    }
  }
  if (type.results.length > 1 || (type.results.length === 1 && scalarWidth(type.results[0]!) === null)) {
    throw new ArgumentError({
      argument: `invoke's function @${name}`,
      expected: "a function returning nothing or one scalar",
      got: type.toString(),
    });
  }
}

/**
 * A JIT-compiled module. Functions are called by name with numbers (BigInt
 * for 64-bit integers) and typed arrays for memrefs.
 *
 * Compiled code runs unchecked: a kernel that indexes outside the memref it
 * was given writes outside the typed array.
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
  readonly #signatures: Map<string, FunctionType>;

  private constructor(state: ContextState, ptr: number, signatures: Map<string, FunctionType>) {
    super();
    this.#state = state;
    this.#ptr = ptr;
    this.#signatures = signatures;
    this.#cell = own(state.cell, "engine", ptr, this, null);
  }

  /** JIT-compiles `module` (lowered first unless `options.lower` is false). */
  static create(module: Module, options: ExecutionEngineOptions = {}): ExecutionEngine {
    if (!(module instanceof Module)) throw argumentError("ExecutionEngine.create's module", "a Module", module);
    const optLevel = intArg(options.optLevel ?? 2, 0, 3, "ExecutionEngine option 'optLevel'");
    const libs = options.sharedLibs ?? [];
    if (!Array.isArray(libs)) throw argumentError("ExecutionEngine option 'sharedLibs'", "an array of paths", libs);
    for (const [i, l] of libs.entries()) {
      if (!existsSync(stringArg(l, `sharedLibs[${i}]`))) {
        throw new ArgumentError({ argument: `sharedLibs[${i}]`, expected: "the path of an existing file", got: `${l}, which does not exist` });
      }
    }
    const libBytes = encode(libs.map((l) => l + "\0").join(""));
    const root = module.operation;
    const state = stateOf(root._owner);
    const signatures = new Map<string, FunctionType>();
    const copy = root.clone();
    try {
      for (const op of copy.regions.at(0)!.blocks.at(0)!.operations) collectSignature(op, signatures);
      if (options.lower ?? true) lowerToLLVM(state, copy);
      const ptr = state.callNative(
        () => lib.mlirffi_jit_create(state.store, copy._live(), optLevel, libBytes, libs.length, options.objectDump ?? false),
        (diagnostics) =>
          new ExecutionEngineError(
            "JIT compilation failed: the module must be fully in the LLVM dialect (lower it, or pass lower: true), and every shared library must load.",
            diagnostics,
          ),
      );
      return new ExecutionEngine(state, ptr, signatures);
    } finally {
      copy.dispose();
    }
  }

  #live(): number {
    this.#state.check("ExecutionEngine");
    if (!this.#state.cell.cells.has(this.#cell)) throw new InvalidHandleError("ExecutionEngine", "disposed");
    return this.#ptr;
  }

  /** Whether the module has a function `name` that `invoke` can call. */
  has(name: string): boolean {
    const bytes = encode(stringArg(name, "Function name"));
    return this.#signatures.has(name) && lib.mlirffi_jit_has(this.#live(), bytes, bytes.length);
  }

  /** Calls function `name` with `args`; returns its result, if any. */
  invoke(name: string, ...args: JitArgument[]): JitResult {
    const jit = this.#live();
    const type = this.#signatures.get(stringArg(name, "Function name"));
    const bytes = encode(name);
    if (type === undefined || !lib.mlirffi_jit_has(jit, bytes, bytes.length)) {
      throw new ArgumentError({
        argument: "invoke's function name",
        expected: "the name of a function (with a body) in the module",
        got: `@${name}, which the module does not define with a body`,
      });
    }
    checkSignature(name, type);
    const inputs = type.inputs;
    if (args.length !== inputs.length) {
      throw new ArgumentError({
        argument: `invoke's arguments for @${name}`,
        expected: `${inputs.length} arguments (${type.toString()})`,
        got: `${args.length}`,
      });
    }
    const slots: Slot[] = [];
    const memrefs: Uint8Array[] = [];
    let size = 0;
    const place = (t: Type) => {
      if (t instanceof MemRefType) {
        size += 8; // the pointer slot before the descriptor
        slots.push({ type: t, offset: size, kind: 1 + memrefs.length });
        size += 24 + 16 * (t.rank ?? 0);
        memrefs.push(new Uint8Array(0));
      } else {
        slots.push({ type: t, offset: size, kind: 0 });
        size += 8;
      }
    };
    for (const t of inputs) place(t);
    for (const t of type.results) place(t);
    if (memrefs.length > MAX_MEMREFS) {
      throw new ArgumentError({
        argument: `invoke's function @${name}`,
        expected: `a function with at most ${MAX_MEMREFS} memref parameters and results`,
        got: `one with ${memrefs.length}`,
      });
    }
    const storage = new Uint8Array(size);
    const view = new DataView(storage.buffer);
    for (const [i, arg] of args.entries()) {
      const slot = slots[i]!;
      if (slot.kind === 0) writeScalar(view, slot, arg, `@${name} argument ${i}`);
      else memrefs[slot.kind - 1] = writeMemRef(view, slot, arg, `@${name} argument ${i}`);
    }
    const m = (k: number) => memrefs[k] ?? null;
    const ok = lib.mlirffi_jit_invoke(
      jit,
      bytes,
      bytes.length,
      storage,
      Int32Array.from(slots, (s) => s.offset),
      Int32Array.from(slots, (s) => s.kind),
      slots.length,
      m(0),
      m(1),
      m(2),
      m(3),
      m(4),
      m(5),
      m(6),
      m(7),
    );
    if (!ok) throw new ExecutionEngineError(`Calling @${name} failed.`);
    const result = slots[inputs.length];
    return result === undefined ? undefined : readScalar(view, result);
  }

  /** Writes the compiled object code to `path` (create with `objectDump: true`). */
  dumpToObjectFile(path: string): void {
    const bytes = encode(stringArg(path, "Object file path"));
    lib.mlirffi_jit_dump_object(this.#live(), bytes, bytes.length);
  }

  /** Frees the engine now (it is also freed with its context or by GC). */
  dispose(): void {
    free(this.#cell);
  }

  /** Same as {@linkcode ExecutionEngine.dispose}, for `using`. */
  [Symbol.dispose](): void {
    this.dispose();
  }
}

/** Records a func.func's signature and asks for its C interface. */
function collectSignature(op: Operation, signatures: Map<string, FunctionType>): void {
  if (op.name !== "func.func") return;
  const name = op.symbolName;
  const type = op.attributes.get("function_type");
  if (name === null || !(type instanceof TypeAttr) || !(type.value instanceof FunctionType)) return;
  if (op.regions.at(0)!.blocks.length === 0) return; // a declaration
  signatures.set(name, type.value);
  op.attributes.set("llvm.emit_c_interface", UnitAttr.get(op.context));
}

function lowerToLLVM(state: ContextState, module: Operation): void {
  const pm = (state.api as { passManager(p: string): { run(op: Operation): void; dispose(): void } }).passManager(LOWER_TO_LLVM);
  try {
    pm.run(module);
  } catch (e) {
    throw new ExecutionEngineError(
      "Cannot lower the module to the LLVM dialect with the standard pipeline (func, arith, math, scf, cf, memref, affine and linalg on buffers). Lower it yourself and pass lower: false.",
      (e as MlirError).diagnostics ?? [],
      { cause: e },
    );
  } finally {
    pm.dispose();
  }
}

function writeScalar(view: DataView, slot: Slot, value: unknown, what: string): void {
  const t = slot.type;
  const width = scalarWidth(t)!;
  if (t instanceof FloatType) {
    if (typeof value !== "number") throw argumentError(`${what} (${t.toString()})`, "a number", value);
    if (width === 32) view.setFloat32(slot.offset, value, true);
    else view.setFloat64(slot.offset, value, true);
    return;
  }
  let v: bigint;
  if (typeof value === "boolean" && width === 1) v = value ? 1n : 0n;
  else if (typeof value === "bigint") v = value;
  else if (typeof value === "number" && Number.isSafeInteger(value)) v = BigInt(value);
  else throw argumentError(`${what} (${t.toString()})`, "an integer (number or BigInt)", value);
  const min = -(1n << BigInt(width - 1));
  const max = (1n << BigInt(width)) - 1n;
  if (v < min || v > max) {
    throw new ArgumentError({ argument: `${what} (${t.toString()})`, expected: `an integer in [${min}, ${max}]`, got: String(v) });
  }
  view.setBigUint64(slot.offset, BigInt.asUintN(64, v), true);
}

function readScalar(view: DataView, slot: Slot): JitResult {
  const t = slot.type;
  const width = scalarWidth(t)!;
  if (t instanceof FloatType) return width === 32 ? view.getFloat32(slot.offset, true) : view.getFloat64(slot.offset, true);
  const unsigned = t instanceof IntegerType && t.signedness === "unsigned";
  switch (width) {
    case 1: return (view.getUint8(slot.offset) & 1) === 1;
    case 8: return unsigned ? view.getUint8(slot.offset) : view.getInt8(slot.offset);
    case 16: return unsigned ? view.getUint16(slot.offset, true) : view.getInt16(slot.offset, true);
    case 32: return unsigned ? view.getUint32(slot.offset, true) : view.getInt32(slot.offset, true);
    default: return unsigned ? view.getBigUint64(slot.offset, true) : view.getBigInt64(slot.offset, true);
  }
}

/** Fills a memref descriptor (offset, sizes, strides) and returns the data's bytes. */
function writeMemRef(view: DataView, slot: Slot, value: unknown, what: string): Uint8Array {
  const t = slot.type as MemRefType;
  const arrays = ELEMENT_ARRAYS[t.elementType.toString()]!;
  const given = ArrayBuffer.isView(value) ? { data: value, shape: undefined } : value as { data?: unknown; shape?: unknown };
  const data = given?.data;
  if (!arrays.some((a) => data instanceof a)) {
    const names = arrays.map((a) => a.name).join(" or ");
    throw argumentError(`${what} (${t.toString()})`, `${names.startsWith("I") ? "an" : "a"} ${names}`, data);
  }
  const array = data as ElementArray;
  const declared = t.shape!;
  let shape: number[];
  if (Array.isArray(given.shape)) {
    shape = given.shape as number[];
  } else if (declared.length === 1) {
    shape = [array.length];
  } else if (declared.every((d) => d !== null)) {
    shape = declared as number[];
  } else {
    throw new ArgumentError(
      { argument: `${what} (${t.toString()})`, expected: "{ data, shape } for a memref with dynamic sizes", got: "a typed array alone" },
      { advice: "Pass { data, shape }." },
    );
  }
  if (shape.length !== declared.length || shape.some((d, i) => !Number.isSafeInteger(d) || d < 0 || (declared[i] !== null && declared[i] !== d))) {
    throw new ArgumentError({ argument: `${what}'s shape`, expected: `a shape that matches ${t.toString()}`, got: `[${shape}]` });
  }
  const count = shape.reduce((a, b) => a * b, 1);
  if (count !== array.length) {
    throw new ArgumentError({
      argument: `${what}'s data`,
      expected: `${count} elements (as shape [${shape}] needs)`,
      got: `an array of ${array.length}`,
    });
  }
  const layout = t.layout;
  if (!(layout.toString() === `affine_map<(${shape.map((_, i) => `d${i}`).join(", ")}) -> (${shape.map((_, i) => `d${i}`).join(", ")})>`)) {
    throw new ArgumentError({
      argument: `${what}'s parameter type`,
      expected: "a memref with the identity (row-major) layout",
      got: t.toString(),
    });
  }
  // Descriptor: allocated, aligned (filled natively), offset, sizes, strides.
  let at = slot.offset + 16;
  view.setBigInt64(at, 0n, true);
  at += 8;
  for (const d of shape) {
    view.setBigInt64(at, BigInt(d), true);
    at += 8;
  }
  // Row-major: each stride is the product of the sizes after it.
  for (let i = 0; i < shape.length; i++) {
    view.setBigInt64(at, BigInt(shape.slice(i + 1).reduce((a, b) => a * b, 1)), true);
    at += 8;
  }
  return new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
}
