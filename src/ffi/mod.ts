/**
 * The FFI layer: the native symbol table of libmlirffi, declared once as data
 * (`symbols.ts`), the per-runtime adapters that bind it (`bun.ts`, `node.ts`,
 * `deno.ts`), the loader that finds, builds and checks the library
 * (`load.ts`), and the text and batch buffers every native call shares.
 *
 * May import: `src/base/`.
 *
 * @module
 */
export { lib, openBinding } from "./load.ts";
export { fn, type Kind, type NativeLibrary, type Signature } from "./symbols.ts";
