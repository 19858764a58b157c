/**
 * The benchmarks' own native functions (bench/native/bench.c), in a table
 * and a library of their own so that none of them ships in the package:
 * built by bench/native/build.sh on first use, opened with the same runtime
 * adapters as the shim.
 *
 * @module
 */
import { execFileSync } from "node:child_process";
import process from "node:process";
import { fileURLToPath } from "node:url";
import { openBinding } from "../src/ffi/load.ts";
import { fn } from "../src/ffi/symbols.ts";

/** Every function of libmlirffi_bench, with C parameter names in comments. */
export const benchSymbols = {
  // FFI call shapes (bench/ffi_repr.bench.ts): identity functions per representation.
  mlirffi_bench_noop: fn([], "void"),
  mlirffi_bench_f64: fn(["f64" /* h */], "f64"),
  mlirffi_bench_ptr: fn(["pointer" /* p */], "pointer"),
  mlirffi_bench_u64: fn(["u64" /* v */], "u64"),
  mlirffi_bench_struct: fn(["pointer" /* op */], "pointer"),
  mlirffi_bench_buffer: fn(["buffer" /* p */, "u32" /* n */], "f64"),
  // Memory (bench/churn.ts) and the walk's native floor (bench/workloads/walk.bench.ts).
  mlirffi_bench_malloc_in_use: fn([], "f64"),
  mlirffi_bench_native_walk: fn(["handle" /* root */, "i32" /* reps */, "buffer" /* out */], "f64"),
  // The floor of a C-to-JS call (bench/workloads/callbacks.bench.ts).
  mlirffi_bench_call_back: fn(["pointer" /* fn */, "i32" /* n */], "f64"),
} as const;

const build = fileURLToPath(new URL("./native/build.sh", import.meta.url));

/** The bench library, built if needed (or the one MLIR_FFI_BENCH_LIB names: bench/unchecked.ts). */
export const benchLib = await openBinding(
  process.env.MLIR_FFI_BENCH_LIB ?? execFileSync("bash", [build], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] }).trim(),
  benchSymbols,
);
