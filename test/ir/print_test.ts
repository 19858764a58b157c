/**
 * Printing and verification.
 *
 * @module
 */
import { test } from "node:test";
import { assert, assertEquals, assertFalse, assertMatch, assertStringIncludes, assertThrows } from "@std/assert";
import { assertArgumentError } from "../_errors.ts";
import { ArgumentError, Context, MlirVerificationError } from "../../src/mod.ts";

const ADD = `func.func @add(%a: i32, %b: i32) -> i32 {
  %0 = arith.addi %a, %b : i32
  return %0 : i32
}`;

test("print: pretty form round-trips", () => {
  using ctx = new Context();
  using mod = ctx.parseModule(ADD);
  const text = mod.toString();
  assertStringIncludes(text, "%0 = arith.addi %arg0, %arg1 : i32");
  using again = ctx.parseModule(text);
  assertEquals(again.toString(), text);
});

test("print: generic form", () => {
  using ctx = new Context();
  using mod = ctx.parseModule(ADD);
  const text = mod.print({ generic: true });
  assertStringIncludes(text, '"func.func"()');
  assertStringIncludes(text, '"arith.addi"(%arg0, %arg1) <{overflowFlags = #arith.overflow<none>}> : (i32, i32) -> i32');
  using again = ctx.parseModule(text);
  assertEquals(again.toString(), mod.toString());
});

test("print: debug info, pretty and as aliases", () => {
  using ctx = new Context();
  using mod = ctx.parseModule(ADD, { filename: "add.mlir" });
  const f = mod.body.operations.at(0)!;
  assertMatch(f.print({ debugInfo: true }), /loc\("add\.mlir":2:8\)/);
  assertFalse(f.toString().includes("loc("));
  assertStringIncludes(mod.print({ debugInfo: true, prettyDebugInfo: true }), "arith.addi %arg0, %arg1 : i32 add.mlir:2:8");
});

test("print: large elements are elided above the limit", () => {
  using ctx = new Context();
  using mod = ctx.parseModule("%c = arith.constant dense<[1, 2, 3, 4, 5, 6, 7, 8]> : tensor<8xi32>");
  assertStringIncludes(mod.toString(), "dense<[1, 2, 3, 4, 5, 6, 7, 8]>");
  assertStringIncludes(mod.print({ largeElementsLimit: 4 }), "dense_resource<__elided__>");
});

test("print: nested op with local scope prints the same text", () => {
  using ctx = new Context();
  using mod = ctx.parseModule(ADD);
  const add = mod.body.operations.at(0)!.regions.at(0)!.blocks.at(0)!.operations.at(0)!;
  assertEquals(add.print({ localScope: true }), add.toString());
  assertStringIncludes(add.print({ skipRegions: true }), "arith.addi");
});

test("print: a large text comes back whole", () => {
  using ctx = new Context();
  const n = 3000;
  const body = Array.from({ length: n }, (_, i) => `  %c${i} = arith.constant ${i} : i64\n`).join("");
  using mod = ctx.parseModule(`func.func @big() {\n${body}  return\n}`);
  const text = mod.toString();
  assert(text.length > 16 * 1024, "larger than the scratch buffer");
  assertEquals(text.split("arith.constant").length - 1, n);
});

test("print: options are checked", () => {
  using ctx = new Context();
  using mod = ctx.parseModule(ADD);
  assertArgumentError(() => mod.print({ generic: 1 as unknown as boolean }), { argument: "Print option 'generic'", expected: "a boolean" });
  assertArgumentError(() => mod.print({ largeElementsLimit: -2 }), { argument: "Print option 'largeElementsLimit'", expected: "a non-negative integer" });
  assertThrows(() => mod.print("generic" as never), ArgumentError);
});

test("verify: a valid module passes", () => {
  using ctx = new Context();
  using mod = ctx.parseModule(ADD);
  mod.verify();
  mod.body.operations.at(0)!.verify();
});

test("verify: failure carries the verifier's diagnostics", () => {
  using ctx = new Context();
  // The parser verifies what it parses, so break a valid function: without
  // its terminator, the body block is invalid.
  using mod = ctx.parseModule(ADD, { filename: "v.mlir" });
  const f = mod.body.operations.at(0)!;
  f.regions.at(0)!.blocks.at(0)!.terminator!.erase();
  const e = assertThrows(() => mod.verify(), MlirVerificationError);
  assert(e.diagnostics.length >= 1);
  assertEquals(e.diagnostics[0]!.file, "v.mlir");
  assertEquals(e.diagnostics[0]!.line, 2);
  assertStringIncludes(e.diagnostics[0]!.message, "terminator");
  assertStringIncludes(e.message, "v.mlir:2:");
  // Printing an invalid module falls back to the generic form; no crash.
  assertStringIncludes(mod.toString(), '"arith.addi"');
});
