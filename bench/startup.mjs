/**
 * Start-up costs, in a fresh process: importing the package and creating a
 * context (what every program pays), then importing one dialect's builders
 * (`mlir-ffi/dialects/arith`), then every other dialect's.
 *
 *   <runtime> bench/startup.mjs <out.json>
 *
 * Each runtime imports what its users import (package.json's exports): Bun
 * the sources, Deno and Node the npm build in dist/, which bench/main.ts
 * builds first. This script is plain JavaScript so that Node runs it as its
 * users run the package, without a TypeScript loader (tsx's hooks on every
 * import would triple the figure); the result's shape is StartupResult in
 * results.ts.
 *
 * Each figure is a dynamic import timed from the line before it, so the
 * runtime's own boot is reported apart (`runtimeMs`: process start to this
 * module's first line). bench/main.ts runs it in several processes and keeps
 * each figure's best.
 *
 * @module
 */
import { writeFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import process from "node:process";

const runtimeMs = performance.now();

const built = globalThis.Bun === undefined;
/** @param {string} name */
const entry = (name) => (built ? `../dist/${name}.js` : `../src/${name}.ts`);

let t = performance.now();
const { Context } = await import(entry("mod"));
new Context().dispose();
const packageMs = performance.now() - t;
t = performance.now();
await import(entry("dialects/arith"));
const arithMs = performance.now() - t;
t = performance.now();
await import(entry("dialects/mod"));
const allDialectsMs = performance.now() - t;

writeFileSync(process.argv[process.argv.length - 1], JSON.stringify({ runtimeMs, packageMs, arithMs, allDialectsMs }));
