/**
 * Loading the native library: a missing, foreign or mismatched library gives
 * a NativeLibraryError that says how to build the right one. Each case runs
 * in a child process, since loading happens once per process.
 *
 * @module
 */
import { test } from "node:test";
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { assertEquals, assertStringIncludes } from "@std/assert";
import { ABI_VERSION, symbols } from "../../src/ffi/symbols.ts";
import { describeChild, runChild } from "../_child.ts";

const LOAD = `try { new mlir.Context(); console.log(JSON.stringify({ loaded: true })); } catch (e) {
  console.log(JSON.stringify({ name: e.name, reason: e.reason, message: e.message }));
}`;

/** What loading did in a child process with `env`: the error's name, reason and message, or loaded. */
function load(env: Record<string, string> = {}): { loaded?: true; name?: string; reason?: string; message?: string } {
  const r = runChild(LOAD, env);
  assertEquals(r.status, 0, describeChild(r));
  return JSON.parse(r.stdout.trim().split("\n").at(-1)!);
}

test("native: a missing library says how to build it", () => {
  const e = load({ MLIR_FFI_LIB: "/nonexistent/libmlirffi.so" });
  assertEquals([e.name, e.reason], ["NativeLibraryError", "missing"]);
  assertStringIncludes(e.message!, "native/build.sh");
});

test("native: a file that is not a shared library", () => {
  const dir = mkdtempSync(join(tmpdir(), "mlir-ffi-lib-"));
  const fake = join(dir, "libmlirffi.so");
  writeFileSync(fake, "not an ELF file");
  const e = load({ MLIR_FFI_LIB: fake });
  assertEquals([e.name, e.reason], ["NativeLibraryError", "unloadable"]);
});

/**
 * Compiles a library exporting every symbol of the table but those in
 * `without` as a stub, with chosen versions (none when `abi` is null).
 */
function stubLibrary(abi: number | null, mlir: number, without: readonly string[] = []): string {
  const dir = mkdtempSync(join(tmpdir(), "mlir-ffi-stub-"));
  const c = join(dir, "stub.c");
  const lines = Object.keys(symbols)
    .filter((name) => name !== "mlirffi_abi_version" && name !== "mlirffi_mlir_version" && !without.includes(name))
    .map((name) => `void ${name}(void) {}`);
  if (abi !== null) {
    lines.push(`int mlirffi_abi_version(void) { return ${abi}; }`, `int mlirffi_mlir_version(void) { return ${mlir}; }`);
  }
  writeFileSync(c, lines.join("\n"));
  const so = join(dir, "libmlirffi.so");
  execFileSync("gcc", ["-shared", "-fPIC", "-o", so, c]);
  return so;
}

test("native: a shared library that is not libmlirffi", () => {
  const e = load({ MLIR_FFI_LIB: stubLibrary(null, 22) });
  assertEquals([e.name, e.reason], ["NativeLibraryError", "foreign"]);
});

test("native: a library with another ABI asks for a rebuild", () => {
  const e = load({ MLIR_FFI_LIB: stubLibrary(999, 22) });
  assertEquals([e.name, e.reason], ["NativeLibraryError", "abi-mismatch"]);
  assertStringIncludes(e.message!, "--force");
});

test("native: an older library is reported by its ABI, not by a function it lacks", () => {
  const e = load({ MLIR_FFI_LIB: stubLibrary(ABI_VERSION - 1, 22, ["mlirffi_jit_create_deferred"]) });
  assertEquals([e.name, e.reason], ["NativeLibraryError", "abi-mismatch"]);
});

test("native: a library with this ABI but missing functions was built from other sources", () => {
  const e = load({ MLIR_FFI_LIB: stubLibrary(ABI_VERSION, 22, ["mlirffi_jit_create_deferred"]) });
  assertEquals([e.name, e.reason], ["NativeLibraryError", "incomplete"]);
  assertStringIncludes(e.message!, "--force");
});

test("native: a library built against another MLIR version", () => {
  const e = load({ MLIR_FFI_LIB: stubLibrary(ABI_VERSION, 19) });
  assertEquals([e.name, e.reason], ["NativeLibraryError", "mlir-mismatch"]);
});

test("native: the real library loads", () => {
  assertEquals(load(), { loaded: true });
});
