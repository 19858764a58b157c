/**
 * Diagnostics: listeners get every diagnostic the context reports; errors
 * carry the diagnostics that caused them.
 *
 * @module
 */
import { test } from "node:test";
import { assert, assertEquals, assertThrows } from "@std/assert";
import { ArgumentError, Context, type Diagnostic, Location, MlirParseError, MlirVerificationError, PassFailureError } from "../../src/mod.ts";

test("diagnostics: listeners see parse, verification, pass and emitted diagnostics", () => {
  using ctx = new Context();
  const seen: Diagnostic[] = [];
  const listener = ctx.onDiagnostic((d) => seen.push(d));
  assertThrows(() => ctx.parseModule("func.func @f(", { filename: "p.mlir" }), MlirParseError);
  assertEquals(seen.at(-1)!.file, "p.mlir");
  using mod = ctx.parseModule("func.func @f() {\n  return\n}", { filename: "v.mlir" });
  mod.body.operations.at(0)!.regions.at(0)!.blocks.at(0)!.terminator!.erase();
  assertThrows(() => mod.verify(), MlirVerificationError);
  assertEquals(seen.at(-1)!.severity, "error");
  using good = ctx.parseModule("func.func @g() -> i32 {\n  %c = arith.constant 1 : i32\n  return %c : i32\n}");
  using pm = ctx.passManager("builtin.module(canonicalize)");
  assertThrows(() => pm.run(good.body.operations.at(0)!), PassFailureError);
  assert(seen.at(-1)!.message.includes("builtin.module"));
  const count = seen.length;
  Location.file(ctx, "emitted.mlir", 4, 2).emitError("custom problem");
  assertEquals(seen.length, count + 1);
  assertEquals([seen.at(-1)!.message, seen.at(-1)!.line, seen.at(-1)!.column], ["custom problem", 4, 2]);
  listener[Symbol.dispose]();
  Location.unknown(ctx).emitError("not seen");
  assertEquals(seen.length, count + 1);
  assertThrows(() => ctx.onDiagnostic("x" as never), ArgumentError);
});

test("diagnostics: notes and locations inside names and call sites", () => {
  using ctx = new Context();
  const seen: Diagnostic[] = [];
  using _ = ctx.onDiagnostic((d) => seen.push(d));
  const at = Location.callSite(Location.named(ctx, "inner", Location.file(ctx, "deep.mlir", 7, 3)), Location.unknown(ctx));
  at.emitError("where?");
  assertEquals([seen[0]!.file, seen[0]!.line, seen[0]!.column], ["deep.mlir", 7, 3]);
  const e = assertThrows(() => ctx.parseModule("foo.bar"), MlirParseError);
  assert(e.diagnostics[0]!.notes.length > 0);
});

test("diagnostics: nothing is delivered after the context is gone", () => {
  const ctx = new Context();
  const seen: Diagnostic[] = [];
  ctx.onDiagnostic((d) => seen.push(d));
  ctx.dispose();
  assertThrows(() => ctx.parseModule("x"));
  assertEquals(seen.length, 0);
});
