/**
 * The npm build: ESM and type declarations in dist/. The runtime adapters
 * are entries of their own (dist/bun.js, dist/deno.js, dist/node.js) because
 * the loader imports the one for the running runtime by a computed name;
 * `bun:ffi` stays external (it exists only inside Bun), and so does `koffi`
 * (an optional dependency, resolved from the user's node_modules on Node).
 *
 * Each dialect module is an entry too (dist/dialects/<name>.js, and
 * dist/dialects/mod.js for all), so an app that imports `arith` loads only
 * `arith`. Code splitting puts the core in shared chunks: a dialect module
 * and `mlir-ffi` itself must share one copy of every class, or an
 * `instanceof` across them would fail.
 */
import { readdirSync } from "node:fs";
import { defineConfig } from "tsup";

const dialects = Object.fromEntries(
  readdirSync("src/dialects").filter((f) => f.endsWith(".ts")).map((f) => [`dialects/${f.slice(0, -3)}`, `src/dialects/${f}`]),
);

export default defineConfig({
  entry: { mod: "src/mod.ts", bun: "src/ffi/bun.ts", deno: "src/ffi/deno.ts", node: "src/ffi/node.ts", ...dialects },
  format: ["esm"],
  platform: "node",
  target: "es2022",
  // Members marked @internal (the ledger fields, native pointers, the
  // context state) stay out of the published declarations.
  dts: { entry: { mod: "src/mod.ts", ...dialects }, compilerOptions: { stripInternal: true } },
  external: ["bun:ffi", "koffi"],
  splitting: true,
  sourcemap: true,
  clean: true,
  outDir: "dist",
});
