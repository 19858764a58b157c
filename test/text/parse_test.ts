/**
 * Parsing: good input becomes a module; bad input becomes an MlirParseError
 * carrying every diagnostic with its file, line and column.
 *
 * @module
 */
import { test } from "node:test";
import { assert, assertEquals, assertInstanceOf, assertMatch, assertStringIncludes, assertThrows } from "@std/assert";
import { assertArgumentError, assertInvalidHandle } from "../_errors.ts";
import { ArgumentError, Context, InvalidHandleError, MlirParseError } from "../../src/mod.ts";

test("parse: a module with its operations and file locations", () => {
  using ctx = new Context();
  using mod = ctx.parseModule("func.func @f() {\n  return\n}\n", { filename: "in.mlir" });
  const f = mod.body.operations.at(0)!;
  assertEquals(f.name, "func.func");
  assertEquals(f.location.toString(), 'loc("in.mlir":1:1)');
  assertEquals(mod.operation.name, "builtin.module");
});

test("parse: several top-level operations get an implicit module with the file name", () => {
  using ctx = new Context();
  using mod = ctx.parseModule("func.func private @a()\nfunc.func private @b()", { filename: "two.mlir" });
  assertEquals(mod.body.operations.length, 2);
  assertEquals(mod.body.operations.at(1)!.location.toString(), 'loc("two.mlir":2:1)');
});

test("parse: an explicit module is the module itself", () => {
  using ctx = new Context();
  using mod = ctx.parseModule("module @m {\n  func.func private @a()\n}");
  assertEquals(mod.operation.attributes.get("sym_name")!.toString(), '"m"');
  assertEquals(mod.body.operations.length, 1);
});

test("parse: UTF-8 bytes parse like text", () => {
  using ctx = new Context();
  using mod = ctx.parseModule(new TextEncoder().encode('func.func private @f() attributes {s = "π"}'));
  // MLIR escapes non-ASCII bytes in string attributes when it prints them.
  assertStringIncludes(mod.toString(), '"\\CF\\80"');
  using again = ctx.parseModule(mod.toString());
  assertEquals(again.toString(), mod.toString());
});

test("parse error: every diagnostic with file, line and column", () => {
  using ctx = new Context();
  const e = assertThrows(
    () => ctx.parseModule("func.func @f() {\n  %0 = arith.constant 1 : i32\n  return %1 : i32\n}", { filename: "bad.mlir" }),
    MlirParseError,
  );
  assert(e.diagnostics.length >= 1);
  const d = e.diagnostics[0]!;
  assertEquals(d.severity, "error");
  assertEquals(d.file, "bad.mlir");
  assertEquals(d.line, 3);
  assertEquals(typeof d.column, "number");
  assertMatch(e.message, /bad\.mlir:3:\d+: error: /);
});

test("parse error: notes are kept", () => {
  using ctx = new Context();
  const e = assertThrows(() => ctx.parseModule("foo.bar"), MlirParseError);
  assertStringIncludes(e.diagnostics[0]!.message, "foo");
  assert(e.diagnostics[0]!.notes.length > 0, "MLIR lists the available dialects in a note");
});

test("parse error: the error names the file for multi-op input too", () => {
  using ctx = new Context();
  const e = assertThrows(() => ctx.parseModule("func.func private @a()\nfunc.func @b(", { filename: "m.mlir" }), MlirParseError);
  assertEquals(e.diagnostics[0]!.file, "m.mlir");
  assertEquals(e.diagnostics[0]!.line, 2);
});

test("bad input: empty and blank text", () => {
  using ctx = new Context();
  for (const text of ["", "  \n\t "]) {
    const e = assertThrows(() => ctx.parseModule(text, { filename: "e.mlir" }), MlirParseError, "empty");
    assertStringIncludes(e.message, "e.mlir");
  }
});

test("bad input: invalid UTF-8 is refused with its position", () => {
  using ctx = new Context();
  const bytes = new Uint8Array([...new TextEncoder().encode("func.func private @f()\n// "), 0xc3, 0x28]);
  const e = assertThrows(() => ctx.parseModule(bytes, { filename: "u.mlir" }), MlirParseError, "not valid UTF-8");
  assertEquals([e.diagnostics[0]!.line, e.diagnostics[0]!.column], [2, 4]);
});

test("bad input: a NUL byte is refused with its position", () => {
  using ctx = new Context();
  const e = assertThrows(() => ctx.parseModule("func.func private @f()\0"), MlirParseError, "NUL");
  assertEquals([e.diagnostics[0]!.line, e.diagnostics[0]!.column], [1, 23]);
});

test("bad input: a file that is not MLIR", () => {
  using ctx = new Context();
  assertThrows(() => ctx.parseModule("#!/bin/sh\necho hello\n"), MlirParseError);
  assertThrows(() => ctx.parseModule('{"json": [1, 2, 3]}'), MlirParseError);
  assertThrows(() => ctx.parseModule(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a])), MlirParseError);
});

test("bad input: nesting deeper than the limit is refused before parsing", () => {
  using ctx = new Context();
  const deep = "(".repeat(50) + ")".repeat(50);
  assertThrows(() => ctx.parseModule(deep, { maxNestingDepth: 40 }), MlirParseError, "maxNestingDepth");
  const e = assertThrows(() => ctx.parseModule("[".repeat(100_000)), MlirParseError, "100000 levels");
  assertInstanceOf(e, MlirParseError);
});

test("bad input: dense arrays of index, which crash MLIR 22's parser, are refused with a position", () => {
  using ctx = new Context({ allowUnregisteredDialects: true });
  const text = 'func.func @f() {\n  "test.op"() {a = array <index: 1, 2>} : () -> ()\n  return\n}';
  const e = assertThrows(() => ctx.parseModule(text, { filename: "a.mlir" }), MlirParseError, "llvm/llvm-project#179045");
  assertEquals([e.diagnostics[0]?.file, e.diagnostics[0]?.line, e.diagnostics[0]?.column], ["a.mlir", 2, 20]);
  assertThrows(() => ctx.parseAttribute("array<index: 3>"), MlirParseError, "array<i64: ...>");
  // Other element types, and the words inside a string, are fine.
  assertEquals(ctx.parseAttribute("array<i64: 3>").toString(), "array<i64: 3>");
  assertEquals(ctx.parseAttribute('"array<index: 3>"').toString(), '"array<index: 3>"');
});

test("bad input: deep types and attributes are refused before parsing, not a stack overflow", () => {
  using ctx = new Context();
  assertThrows(() => ctx.parseType("tuple<".repeat(100_000) + "i32" + ">".repeat(100_000)), MlirParseError, "levels");
  assertThrows(() => ctx.parseAttribute("[".repeat(100_000) + "]".repeat(100_000)), MlirParseError, "levels");
  assertEquals(ctx.parseType("tuple<".repeat(100) + "i32" + ">".repeat(100)).toString().length, 3 + 7 * 100);
});

test("bad input: wrong argument types", () => {
  using ctx = new Context();
  assertArgumentError(() => ctx.parseModule(42 as unknown as string), { argument: "parseModule's source", expected: "source text (a string or UTF-8 bytes in a Uint8Array)" });
  assertThrows(() => ctx.parseModule(null as unknown as string), ArgumentError);
  assertArgumentError(() => ctx.parseModule("module {}", { filename: 7 as unknown as string }), { argument: "Parse option 'filename'", expected: "a string" });
  assertArgumentError(() => ctx.parseModule("module {}", { maxNestingDepth: -1 }), { argument: "Parse option 'maxNestingDepth'", expected: "a positive integer or Infinity" });
  assertArgumentError(() => new Context({ strategy: "fast" as never }), { argument: "Context option 'strategy'", expected: "one of interned, weak, ephemeral" });
  assertArgumentError(() => new Context({ threading: "yes" as never }), { argument: "Context option 'threading'", expected: "a boolean" });
});

test("bad input: a disposed context", () => {
  const ctx = new Context();
  ctx.dispose();
  assertInvalidHandle(() => ctx.parseModule("module {}"), { kind: "Context", reason: "context disposed" });
  assertThrows(() => ctx.parseType("i32"), InvalidHandleError);
});

test("parse: the process survives many failures in one context", () => {
  using ctx = new Context();
  for (let i = 0; i < 200; i++) assertThrows(() => ctx.parseModule(`func.func @f${i}(`), MlirParseError);
  using mod = ctx.parseModule("func.func private @ok()");
  assertEquals(mod.body.operations.length, 1);
});

test("parse: types and attributes, with errors", () => {
  using ctx = new Context();
  assertEquals(ctx.parseType("tensor<4x?xf32>").toString(), "tensor<4x?xf32>");
  assertEquals(ctx.parseAttribute("42 : i32").toString(), "42 : i32");
  assert(ctx.parseType("i32").equals(ctx.parseType("i32")));
  assertThrows(() => ctx.parseType("tensor<"), MlirParseError, "Cannot parse type");
  assertThrows(() => ctx.parseAttribute("[1, "), MlirParseError, "Cannot parse attribute");
});
