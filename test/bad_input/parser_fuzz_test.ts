/**
 * Parser fuzzing: random bytes, truncated, mutated and spliced valid IR,
 * invalid UTF-8, embedded NULs and huge numbers through `parseModule`,
 * `parseType` and `parseAttribute`. Each input either parses or throws
 * `MlirParseError` with positioned diagnostics; the child process running
 * them must survive. (Very deep nesting: test/text/deep_nesting_test.ts.)
 *
 * @module
 */
import { test } from "node:test";
import { assert, assertEquals } from "@std/assert";
import { describeChild, runChild } from "../_child.ts";

const CORPUS = [
  `func.func @f(%a: i32, %b: f32) -> i32 attributes {sym_visibility = "private"} {
  %c = arith.constant 42 : i32
  %0 = arith.addi %a, %c : i32
  %t = arith.constant dense<[1.0, 2.0]> : tensor<2xf32>
  cf.br ^bb1(%0 : i32)
^bb1(%x: i32):
  return %x : i32
}`,
  `#map = affine_map<(d0, d1) -> (d1, d0)>
module @m attributes {test.attr = [1, "two", @three, unit, #map]} {
  func.func private @g(memref<4x?xf32, strided<[?, 1]>>) -> tensor<*xi8> loc("file.mlir":3:4)
  %v = "test.op"() ({
  ^bb0(%arg: index):
    "test.yield"(%arg) : (index) -> ()
  }) {value = array<i32: 1, 2, 3>} : () -> vector<4x[4]xf32>
}`,
  `func.func @loop(%n: index) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  scf.for %i = %c0 to %n step %c1 {
    %s = memref.alloc() : memref<8xi64>
    memref.dealloc %s : memref<8xi64>
  }
  return
}`,
];

const TOKENS = [
  "{", "}", "(", ")", "[", "]", "<", ">", "%0", "%", "^bb0", "^", ":", "->", ",", "=", '"', "#map", "#", "!t", "!",
  "@", "dense<", "dense_resource<", "0x", "0x1p3", "99999999999999999999999999", "-0", "1e999999", "i99999999",
  "i16777216", "tensor<", "?", "*", "x", "loc(", "loc(fused[", "callsite(", "\\", "\0", "\u00ff", "\uffff",
  "affine_map<(d0)[s0] -> (d0 + s0 mod 0)>", "{-#", "#-}", "//", "\n", "builtin.module", "func.func", "^bb1(%x: i32):",
];

const HUGE = [
  "%0 = arith.constant 99999999999999999999999999 : i32",
  "%0 = arith.constant 1 : i99999999",
  "%0 = arith.constant 1.0e999999 : f32",
  "%0 = arith.constant 0x7FC00000FFFFFFFF : f32",
  '%0 = "test.op"() : () -> tensor<9999999999999999999xf32>',
  '%0 = "test.op"() : () -> tensor<99999999999x99999999999x99999999999xf32>',
  '%0 = arith.constant dense<1.0> : tensor<99999999999x99999999999xf32>',
  '%0 = "test.op"() : () -> memref<18446744073709551615xf32>',
  '%0 = "test.op"() {a = array<i64: 99999999999999999999>} : () -> i1',
  '%0 = "test.op"() {a = dense<[1, 2, 3]> : tensor<99999999999xi8>} : () -> i1',
  '%0 = "test.op"() : () -> vector<99999999999x99999999999xf32>',
  '%0 = "test.op"() {m = affine_map<(d0) -> (d0 floordiv 0)>} : () -> i1',
  '"test.op"() [^bb99999999999999999999] : () -> ()',
  '%0:99999999999 = "test.op"() : () -> (i32)',
  "%99999999999999999999 = arith.constant 1 : i32",
];

test("bad input: 20,000 mutated, truncated and random inputs parse or fail cleanly", { timeout: 600_000 }, () => {
  const r = runChild(`
    const CORPUS = ${JSON.stringify(CORPUS)};
    const TOKENS = ${JSON.stringify(TOKENS)};
    let seed = 12345;
    const rnd = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296);
    const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
    const bytesOf = (s) => new TextEncoder().encode(s);
    function mutate(text) {
      let b = bytesOf(text);
      const how = Math.floor(rnd() * 7);
      const at = Math.floor(rnd() * (b.length + 1));
      if (how === 0) return crypto.getRandomValues(new Uint8Array(Math.floor(rnd() * 200)));
      if (how === 1) return b.slice(0, at);
      if (how === 2) { b = b.slice(); if (b.length) b[Math.min(at, b.length - 1)] = Math.floor(rnd() * 256); return b; }
      if (how === 3) { const end = at + Math.floor(rnd() * 40); return new Uint8Array([...b.slice(0, at), ...b.slice(end)]); }
      if (how === 4) { const t = bytesOf(pick(TOKENS)); return new Uint8Array([...b.slice(0, at), ...t, ...b.slice(at)]); }
      if (how === 5) { const other = bytesOf(pick(CORPUS)); const j = Math.floor(rnd() * other.length); return new Uint8Array([...b.slice(0, at), ...other.slice(j)]); }
      const end = Math.min(b.length, at + Math.floor(rnd() * 60));
      return new Uint8Array([...b.slice(0, end), ...b.slice(at, end), ...b.slice(end)]);
    }
    const counts = { parsed: 0, failed: 0, types: 0, attributes: 0 };
    const violations = [];
    using ctx = new mlir.Context({ allowUnregisteredDialects: true });
    const check = (what, input, fn) => {
      try {
        const out = fn();
        return out;
      } catch (e) {
        if (!(e instanceof mlir.MlirParseError)) {
          violations.push(what + ": " + e?.constructor?.name + ": " + String(e?.message).slice(0, 200) + " for " + JSON.stringify(new TextDecoder().decode(input)).slice(0, 200));
          return undefined;
        }
        const d = e.diagnostics[0];
        const blank = new TextDecoder().decode(input).trim() === "";
        if (!blank && (d === undefined || !(d.line >= 1) || !(d.column >= 1))) {
          violations.push(what + ": diagnostic without position: " + e.message.slice(0, 200));
        }
        counts.failed++;
      }
    };
    for (let i = 0; i < ${20_000}; i++) {
      const input = mutate(pick(CORPUS));
      const mod = check("parseModule", input, () => ctx.parseModule(input, { filename: "fuzz.mlir" }));
      if (mod !== undefined) {
        counts.parsed++;
        mod.toString();
        try { mod.verify(); } catch (e) { if (!(e instanceof mlir.MlirError)) violations.push("verify: " + e); }
        mod.dispose();
      }
      if (i % 3 === 0) {
        const text = new TextDecoder().decode(mutate(pick(["tensor<2x?xf32>", "memref<4xi8, strided<[1]>>", "!llvm.ptr", "(i32, f32) -> vector<[4]xi1>", "complex<f64>", "tuple<i32, none>"])));
        try { ctx.parseType(text); counts.types++; } catch (e) { if (!(e instanceof mlir.MlirError)) violations.push("parseType: " + e + " for " + JSON.stringify(text)); }
        const atext = new TextDecoder().decode(mutate(pick(["dense<[1, 2]> : tensor<2xi32>", "array<i32: 1>", "{a = [1, @b]}", "affine_map<(d0) -> (d0)>", '"s"', "0x1 : i64", "strided<[?]>"])));
        try { ctx.parseAttribute(atext); counts.attributes++; } catch (e) { if (!(e instanceof mlir.MlirError)) violations.push("parseAttribute: " + e + " for " + JSON.stringify(atext)); }
      }
    }
    console.log(JSON.stringify({ counts, violations }));
  `);
  assertEquals(r.status, 0, describeChild(r));
  const { counts, violations } = JSON.parse(r.stdout.trim().split("\n").at(-1)!);
  assertEquals(violations, []);
  // Both outcomes happened plenty: the mutations are neither all fatal nor all harmless.
  assert(counts.parsed > 200 && counts.failed > 5000, JSON.stringify(counts));
});

test("bad input: huge numbers and sizes in IR parse or fail with a position, never crash", { timeout: 120_000 }, () => {
  const r = runChild(`
    const HUGE = ${JSON.stringify(HUGE)};
    using ctx = new mlir.Context({ allowUnregisteredDialects: true });
    const out = [];
    for (const line of HUGE) {
      try {
        using mod = ctx.parseModule("func.func @f() {\\n  " + line + "\\n  return\\n}", { filename: "huge.mlir" });
        // Legal after all (a big shape is just a type): printing and verifying must survive it.
        mod.toString();
        try { mod.verify(); out.push("parsed"); } catch (e) { out.push(e instanceof mlir.MlirVerificationError ? "parsed" : "other: " + e); }
      } catch (e) {
        out.push(e instanceof mlir.MlirParseError && e.diagnostics[0]?.line === 2 ? "error at line 2" : "other: " + e);
      }
    }
    console.log(JSON.stringify(out));
  `);
  assertEquals(r.status, 0, describeChild(r));
  const out = JSON.parse(r.stdout.trim().split("\n").at(-1)!) as string[];
  const report = HUGE.map((line, i) => `${out[i]}: ${line}`);
  // Each is either legal (a huge shape is just a type) or an error that says where.
  assertEquals(out.filter((o) => o !== "error at line 2" && o !== "parsed").length, 0, report.join("\n"));
  assert(out.filter((o) => o === "error at line 2").length >= 8, report.join("\n"));
});
