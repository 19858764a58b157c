/**
 * What one FFI call costs on each runtime, for the three shapes mlir-ffi
 * makes: an f64 handle in and out (almost every call), a typed array
 * argument (text and batch calls), and C calling a JS callback (every
 * TypeScript pattern and pass). Run it on each runtime to compare Node's
 * koffi with Bun's and Deno's own FFI; on Node it also prices a minimal
 * N-API addon (bench/native/napi/), the cheapest binding Node offers, which
 * is how koffi was chosen (bench/NODE-FFI.md has the numbers).
 *
 *   node --import tsx --expose-gc bench/ffi_runtime.bench.ts
 *   bun bench/ffi_runtime.bench.ts
 *   deno run -P --v8-flags=--expose-gc bench/ffi_runtime.bench.ts
 *
 * @module
 */
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { bench, do_not_optimize, run } from "mitata";
import { benchLib } from "./native_symbols.ts";
import { dispatcherPointer } from "../src/ffi/load.ts";
import { runtime } from "../src/ffi/runtime.ts";

/** C-to-JS calls per FFI call in the callback shape: enough to hide the outer call. */
const CALLBACKS = 100;

const handle = 140_000_000_000_000; // a plausible user-space address, exact as a double
const bytes = new Uint8Array(64).fill(7);
const callback = dispatcherPointer((_kind, id) => id & 1);

bench(`${runtime}: noop`, () => benchLib.mlirffi_bench_noop());
bench(`${runtime}: f64 handle in and out`, () => do_not_optimize(benchLib.mlirffi_bench_f64(handle)));
bench(`${runtime}: typed array argument`, () => do_not_optimize(benchLib.mlirffi_bench_buffer(bytes, 64)));
bench(
  `${runtime}: C calls JS ×${CALLBACKS}`,
  () => do_not_optimize(benchLib.mlirffi_bench_call_back(callback, CALLBACKS)),
);

if (runtime === "node") {
  const build = fileURLToPath(new URL("./native/napi/build.sh", import.meta.url));
  const path = execFileSync("bash", [build], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] }).trim();
  const addon = createRequire(import.meta.url)(path) as {
    f64(h: number): number;
    buffer(b: Uint8Array, n: number): number;
    callBack(fn: (kind: number, id: number, a: number, b: number) => number, n: number): number;
  };
  const fn = (_kind: number, id: number) => id & 1;
  bench("node N-API: f64 handle in and out", () => do_not_optimize(addon.f64(handle)));
  bench("node N-API: typed array argument", () => do_not_optimize(addon.buffer(bytes, 64)));
  bench(`node N-API: C calls JS ×${CALLBACKS}`, () => do_not_optimize(addon.callBack(fn, CALLBACKS)));
}

// A compact table (mitata's own output is long): the median is what to
// compare on a shared machine, where the mean carries the neighbours' noise.
const { benchmarks } = await run({ format: "quiet" });
console.log(`| benchmark | p50 ns | avg ns |\n|---|---:|---:|`);
for (const b of benchmarks) {
  const stats = b.runs[0]?.stats;
  if (stats !== undefined) console.log(`| ${b.alias} | ${stats.p50.toFixed(1)} | ${stats.avg.toFixed(1)} |`);
}
