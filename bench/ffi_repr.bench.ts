/**
 * What one FFI call costs in each candidate representation of a native
 * pointer, and what turning the result into a Map key costs. This is the
 * measurement behind the choice of `f64` handles (native/src/shim.h).
 *
 * @module
 */
import { do_not_optimize } from "mitata";
import { bench } from "./harness.ts";
import { benchLib } from "./native_symbols.ts";
import { runtime } from "../src/ffi/runtime.ts";

/** Declares the benchmarks; `address` is a real native address to pass around. */
export function ffiRepresentationBenches(address: number): void {
  const deno = (globalThis as { Deno?: { UnsafePointer: { create(v: bigint): unknown; value(p: unknown): bigint } } })
    .Deno;
  const pointer = runtime === "deno" ? deno!.UnsafePointer.create(BigInt(address)) : address;
  const big = BigInt(address);

  // One FFI call passing and returning a pointer.
  const call = (name: string, fn: () => unknown) =>
    bench(name, function* () {
      yield fn;
    });
  call("noop (no arguments, no result)", () => benchLib.mlirffi_bench_noop());
  call("f64 handle (chosen)", () => do_not_optimize(benchLib.mlirffi_bench_f64(address)));
  call("pointer (Deno PointerObject / Bun number)", () => do_not_optimize(benchLib.mlirffi_bench_ptr(pointer)));
  call("C API shape: one-pointer struct as pointer", () => do_not_optimize(benchLib.mlirffi_bench_struct(pointer)));
  call("u64 (BigInt in, BigInt out)", () => do_not_optimize(benchLib.mlirffi_bench_u64(big)));
  call("u64 passed a number", () => do_not_optimize(benchLib.mlirffi_bench_u64(address as unknown as bigint)));

  const byNumber = new Map<number, number>([[address, 1]]);
  const byBigInt = new Map<bigint, number>([[big, 1]]);
  // One FFI call, then a Map lookup keyed by its result.
  call("f64 handle → Map<number>", () => do_not_optimize(byNumber.get(benchLib.mlirffi_bench_f64(address))));
  call("u64 → Map<bigint>", () => do_not_optimize(byBigInt.get(benchLib.mlirffi_bench_u64(big))));
  if (runtime === "deno") {
    call("pointer → UnsafePointer.value → Map<bigint>", () =>
      do_not_optimize(byBigInt.get(deno!.UnsafePointer.value(benchLib.mlirffi_bench_ptr(pointer)))));
  } else {
    call("pointer (a number on Bun) → Map<number>", () =>
      do_not_optimize(byNumber.get(benchLib.mlirffi_bench_ptr(pointer) as number)));
  }
}
