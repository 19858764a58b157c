/**
 * The Deno adapter: turns the symbol table into a `Deno.dlopen` binding.
 * Loaded only on Deno, by `load.ts`.
 *
 * @module
 */
import type { Binding, HostKind, Kind, Signature } from "./symbols.ts";

const denoKinds: Record<Kind, Deno.NativeType | "void"> = {
  handle: "f64",
  f64: "f64",
  i32: "i32",
  u32: "u32",
  bool: "bool",
  buffer: "buffer",
  void: "void",
  pointer: "pointer",
  u64: "u64",
  i64: "i64",
};

/** Opens the library at `path` and binds every symbol of `table`. */
export function openLibrary<T extends Record<string, Signature>>(path: string, table: T): Binding<T> {
  const definitions = Object.fromEntries(
    Object.entries(table).map(([name, sig]) => [
      name,
      { parameters: sig.parameters.map((k) => denoKinds[k]), result: denoKinds[sig.result] },
    ]),
  ) as Deno.ForeignLibraryInterface;
  return Deno.dlopen(path, definitions).symbols as unknown as Binding<T>;
}

/** Callbacks stay alive for the process: native objects may call them until then. */
const callbacks: unknown[] = [];

/**
 * A C function pointer `int32_t (*)(int32_t, int32_t, double, double)` that
 * calls `fn` synchronously on this thread. Never closed: MLIR may hold the
 * pointer until the process ends.
 */
export function dispatcherPointer(fn: (kind: number, id: number, a: number, b: number) => number): unknown {
  const cb = new Deno.UnsafeCallback({ parameters: ["i32", "i32", "f64", "f64"], result: "i32" } as const, fn);
  callbacks.push(cb);
  return cb.pointer;
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
  const cb = new Deno.UnsafeCallback(
    { parameters: [...parameters], result } as Deno.UnsafeCallbackDefinition,
    fn as Deno.UnsafeCallbackFunction,
  );
  return { pointer: cb.pointer, close: () => cb.close() };
}

/** The `bytes` bytes of native memory at `pointer` (a `pointer` result), in place. */
export function view(pointer: unknown, bytes: number): ArrayBuffer {
  return Deno.UnsafePointerView.getArrayBuffer(pointer as Deno.PointerObject, bytes);
}
