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
import { assert, assertEquals, assertStringIncludes } from "@std/assert";
import { ABI_VERSION, symbols } from "../../src/ffi/symbols.ts";
import { describeChild, runChild } from "../_child.ts";

const LOAD = `try { new mlir.Context(); console.log("loaded"); } catch (e) { console.log(e.name + ": " + e.message); }`;

test("native: a missing library says how to build it", () => {
  const r = runChild(LOAD, { MLIR_FFI_LIB: "/nonexistent/libmlirffi.so" });
  assertEquals(r.status, 0, describeChild(r));
  assertStringIncludes(r.stdout, "NativeLibraryError: MLIR_FFI_LIB is set to /nonexistent/libmlirffi.so, which does not exist");
  assertStringIncludes(r.stdout, "native/build.sh");
});

test("native: a file that is not a shared library", () => {
  const dir = mkdtempSync(join(tmpdir(), "mlir-ffi-lib-"));
  const fake = join(dir, "libmlirffi.so");
  writeFileSync(fake, "not an ELF file");
  const r = runChild(LOAD, { MLIR_FFI_LIB: fake });
  assertEquals(r.status, 0, describeChild(r));
  assertStringIncludes(r.stdout, `NativeLibraryError: Could not load ${fake}`);
});

/** Compiles a library exporting every symbol as a stub, with chosen versions. */
function stubLibrary(abi: number, mlir: number): string {
  const dir = mkdtempSync(join(tmpdir(), "mlir-ffi-stub-"));
  const c = join(dir, "stub.c");
  const lines = Object.keys(symbols)
    .filter((name) => name !== "mlirffi_abi_version" && name !== "mlirffi_mlir_version")
    .map((name) => `void ${name}(void) {}`);
  lines.push(`int mlirffi_abi_version(void) { return ${abi}; }`, `int mlirffi_mlir_version(void) { return ${mlir}; }`);
  writeFileSync(c, lines.join("\n"));
  const so = join(dir, "libmlirffi.so");
  execFileSync("gcc", ["-shared", "-fPIC", "-o", so, c]);
  return so;
}

test("native: a library with another ABI asks for a rebuild", () => {
  const r = runChild(LOAD, { MLIR_FFI_LIB: stubLibrary(999, 22) });
  assertEquals(r.status, 0, describeChild(r));
  assertStringIncludes(r.stdout, "has native ABI 999");
  assertStringIncludes(r.stdout, "--force");
});

test("native: a library built against another MLIR version", () => {
  const r = runChild(LOAD, { MLIR_FFI_LIB: stubLibrary(ABI_VERSION, 19) });
  assertEquals(r.status, 0, describeChild(r));
  assertStringIncludes(r.stdout, "was built against MLIR 19, but mlir-ffi needs MLIR 22");
});

test("native: the real library loads", () => {
  const r = runChild(LOAD);
  assertEquals(r.status, 0, describeChild(r));
  assert(r.stdout.includes("loaded"), describeChild(r));
});
