/**
 * Start-up costs, in a fresh process: importing the package and creating a
 * context (what every program pays), then importing one dialect's builders
 * (`mlir-ffi/dialects/arith`), then every other dialect's.
 *
 *   <runtime> bench/startup.ts <out.json>
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

/** Milliseconds for each step of start-up. */
export interface StartupResult {
  /** From process start to this script's first line (the runtime itself). */
  readonly runtimeMs: number;
  /** `import "mlir-ffi"` and `new Context()`; the native library loads here. */
  readonly packageMs: number;
  /** Then `import "mlir-ffi/dialects/arith"`. */
  readonly arithMs: number;
  /** Then `import "mlir-ffi/dialects"`: every other dialect. */
  readonly allDialectsMs: number;
}

const runtimeMs = performance.now();
let t = performance.now();
const { Context } = await import("../src/mod.ts");
new Context().dispose();
const packageMs = performance.now() - t;
t = performance.now();
await import("../src/dialects/arith.ts");
const arithMs = performance.now() - t;
t = performance.now();
await import("../src/dialects/mod.ts");
const allDialectsMs = performance.now() - t;

const result: StartupResult = { runtimeMs, packageMs, arithMs, allDialectsMs };
writeFileSync(process.argv[process.argv.length - 1]!, JSON.stringify(result));
