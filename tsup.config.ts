/**
 * The npm build: ESM and type declarations in dist/. The runtime adapters
 * are entries of their own (dist/bun.js, dist/deno.js) because the loader
 * imports the one for the running runtime by a computed name; `bun:ffi`
 * stays external (it exists only inside Bun).
 */
import { defineConfig } from "tsup";

export default defineConfig({
  entry: { mod: "src/mod.ts", bun: "src/ffi/bun.ts", deno: "src/ffi/deno.ts" },
  format: ["esm"],
  platform: "node",
  target: "es2022",
  // Members marked @internal (the ledger fields, native pointers, the
  // context state) stay out of the published declarations.
  dts: { entry: { mod: "src/mod.ts" }, compilerOptions: { stripInternal: true } },
  external: ["bun:ffi"],
  splitting: false,
  sourcemap: true,
  clean: true,
  outDir: "dist",
});
