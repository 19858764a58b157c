/**
 * The Bun adapter: turns the symbol table into a `bun:ffi` binding.
 * Loaded only on Bun, by `load.ts`.
 *
 * @module
 */
import { dlopen, type FFITypeOrString, JSCallback, type Pointer, toArrayBuffer } from "bun:ffi";
import type { Binding, HostKind, Kind, Signature } from "./symbols.ts";

const bunKinds: Record<Kind, FFITypeOrString> = {
  handle: "f64",
  f64: "f64",
  i32: "i32",
  u32: "u32",
  bool: "bool",
  buffer: "ptr", // Bun passes a typed array's bytes to a `ptr` parameter
  void: "void",
  pointer: "ptr",
  u64: "u64",
  i64: "i64",
};

/** Kept alive for the life of the process: Bun frees the symbols with it. */
let opened: unknown;

/** Opens the library at `path` and binds every symbol of `table`. */
export function openLibrary<T extends Record<string, Signature>>(path: string, table: T): Binding<T> {
  const definitions = Object.fromEntries(
    Object.entries(table).map(([name, sig]) => [
      name,
      { args: sig.parameters.map((k) => bunKinds[k]), returns: bunKinds[sig.result] },
    ]),
  );
  const library = dlopen(path, definitions);
  opened = library;
  return library.symbols as unknown as Binding<T>;
}

/** Whether a library is open (for diagnostics only). */
export function isOpen(): boolean {
  return opened !== undefined;
}

/** Callbacks stay alive for the process: native objects may call them until then. */
const callbacks: JSCallback[] = [];

/**
 * A C function pointer `int32_t (*)(int32_t, int32_t, double, double)` that
 * calls `fn` synchronously on this thread. Never closed (closing a
 * JSCallback from inside itself crashes, and MLIR may hold the pointer).
 */
export function dispatcherPointer(fn: (kind: number, id: number, a: number, b: number) => number): unknown {
  const cb = new JSCallback(fn, { args: ["i32", "i32", "f64", "f64"], returns: "i32" });
  callbacks.push(cb);
  return cb.ptr;
}

/**
 * A C function pointer with scalar parameters `parameters` and result
 * `result` (FFI type names such as "i32", "f64", "void") that calls `fn`
 * synchronously on this thread, and a way to free it. The caller closes it
 * only once nothing native can call it any more.
 */
export function hostCallback(
  fn: (...args: never[]) => unknown,
  parameters: readonly HostKind[],
  result: HostKind | "void",
): { readonly pointer: unknown; close(): void } {
  const cb = new JSCallback(fn as (...args: unknown[]) => unknown, { args: [...parameters], returns: result });
  return { pointer: cb.ptr, close: () => cb.close() };
}

/** The `bytes` bytes of native memory at `pointer` (a `pointer` result), in place. */
export function view(pointer: unknown, bytes: number): ArrayBuffer {
  return toArrayBuffer(pointer as Pointer, 0, bytes);
}
