/**
 * The Node adapter: turns the symbol table into a `koffi` binding. Loaded
 * only on Node, by `load.ts`; koffi is an optional dependency, so a Node
 * user without it gets the load error, not an import failure.
 *
 * koffi was chosen over a hand-written N-API addon by measurement (see
 * bench/NODE-FFI.md): it binds the same table with no build step of its own.
 *
 * What differs from Bun and Deno, and is hidden here:
 * - `int64_t` results come back as a number when they fit; the table
 *   promises a BigInt, so those few symbols are wrapped.
 * - A registered callback's pointer is a BigInt (koffi 3), accepted by a
 *   `void *` parameter as it is.
 * - A callback called from another thread is queued by koffi to the JS
 *   thread's event loop, which a blocked synchronous call never runs: the
 *   same rule as the other runtimes (no JS callbacks from MLIR's thread pool)
 *   keeps it from deadlocking.
 *
 * @module
 */
import koffi, { type TypeObject } from "koffi";
import type { Binding, HostKind, Kind, Signature } from "./symbols.ts";

const nodeKinds: Record<Kind, string> = {
  handle: "double",
  f64: "double",
  i32: "int32_t",
  u32: "uint32_t",
  bool: "bool",
  buffer: "void *", // koffi passes a typed array's bytes in place to a `void *` parameter
  void: "void",
  pointer: "void *",
  u64: "uint64_t",
  i64: "int64_t",
};

/** Kept alive for the life of the process, as on Bun: the functions use it. */
let opened: unknown;

type Native = (...args: unknown[]) => unknown;

/** The table promises a BigInt for 64-bit integer results; koffi gives a number when it fits. */
function bigintResult(f: Native): Native {
  return (...args) => BigInt(f(...args) as number | bigint);
}

/** Opens the library at `path` and binds every symbol of `table`. */
export function openLibrary<T extends Record<string, Signature>>(path: string, table: T): Binding<T> {
  const library = koffi.load(path);
  opened = library;
  const bound = Object.fromEntries(
    Object.entries(table).map(([name, sig]) => {
      const f = library.func(name, nodeKinds[sig.result], sig.parameters.map((k) => nodeKinds[k])) as Native;
      return [name, sig.result === "i64" || sig.result === "u64" ? bigintResult(f) : f];
    }),
  );
  return bound as unknown as Binding<T>;
}

/** Whether a library is open (for diagnostics only). */
export function isOpen(): boolean {
  return opened !== undefined;
}

const Dispatcher = koffi.proto("int32_t mlirffi_dispatcher(int32_t kind, int32_t id, double a, double b)");

/** Callbacks stay alive (registered) for the process: native objects may call them until then. */
const callbacks: unknown[] = [];

/**
 * A C function pointer `int32_t (*)(int32_t, int32_t, double, double)` that
 * calls `fn` synchronously on this thread. Never unregistered: MLIR may hold
 * the pointer until the process ends.
 */
export function dispatcherPointer(fn: (kind: number, id: number, a: number, b: number) => number): unknown {
  const cb = koffi.register(fn, koffi.pointer(Dispatcher));
  callbacks.push(cb);
  return cb;
}

const hostKinds: Record<HostKind | "void", string> = {
  u8: "uint8_t",
  i8: "int8_t",
  i16: "int16_t",
  i32: "int32_t",
  i64: "int64_t", // arrives as a number when it fits, else a BigInt; host_functions.ts takes either
  f32: "float",
  f64: "double",
  void: "void",
};

/** One koffi prototype per signature: koffi types are named, and a name may be declared once. */
const prototypes = new Map<string, TypeObject>();

function prototype(parameters: readonly HostKind[], result: HostKind | "void"): TypeObject {
  const key = `${result}(${parameters.join(",")})`;
  let proto = prototypes.get(key);
  if (proto === undefined) {
    proto = koffi.proto(`mlirffi_host_${prototypes.size}`, hostKinds[result], parameters.map((k) => hostKinds[k]));
    prototypes.set(key, proto);
  }
  return proto;
}

/**
 * A C function pointer with the given scalar signature that calls `fn`
 * synchronously on this thread (JIT host functions), until closed.
 */
export function hostCallback(
  fn: (...args: never[]) => unknown,
  parameters: readonly HostKind[],
  result: HostKind | "void",
): { readonly pointer: unknown; close(): void } {
  const cb = koffi.register(fn as (...args: unknown[]) => unknown, koffi.pointer(prototype(parameters, result)));
  return { pointer: cb, close: () => koffi.unregister(cb) };
}

/** The `bytes` bytes of native memory at `pointer` (a `pointer` result), in place. */
export function view(pointer: unknown, bytes: number): ArrayBuffer {
  return koffi.view(pointer, bytes);
}
