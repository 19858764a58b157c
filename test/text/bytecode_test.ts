/**
 * MLIR bytecode: writing, reading back (detected by its magic number), every
 * supported version, and bad streams giving errors instead of crashes.
 *
 * @module
 */
import { test } from "node:test";
import { assert, assertEquals, assertStringIncludes, assertThrows } from "@std/assert";
import { ArgumentError, Context, MlirParseError, STRATEGIES } from "../../src/mod.ts";
import { describeChild, runChild } from "../_child.ts";

const SOURCE = `func.func @f(%a: i32) -> i32 {
  %c = arith.constant dense<[1, 2, 3]> : tensor<3xi32>
  %0 = arith.addi %a, %a : i32
  return %0 : i32
}`;

function bigModule(funcs: number): string {
  return Array.from({ length: funcs }, (_, i) =>
    `func.func @f${i}(%a: i32) -> i32 {\n  %c = arith.constant ${i} : i32\n  %0 = arith.addi %a, %c : i32\n  return %0 : i32\n}`).join("\n");
}

for (const strategy of STRATEGIES) {
  test(`bytecode [${strategy}] round trip keeps text and locations`, () => {
    using ctx = new Context({ strategy });
    using mod = ctx.parseModule(SOURCE, { filename: "bc.mlir" });
    const bytes = mod.toBytecode();
    assertEquals([...bytes.slice(0, 4)], [0x4d, 0x4c, 0xef, 0x52]); // "ML\xEFR"
    using back = ctx.parseModule(bytes);
    assertEquals(back.toString(), mod.toString());
    assertEquals(back.print({ debugInfo: true }), mod.print({ debugInfo: true }));
    using other = new Context({ strategy });
    using elsewhere = other.parseModule(bytes);
    assertEquals(elsewhere.toString(), mod.toString());
  });
}

test("bytecode: a 40,000-op module round-trips", () => {
  using ctx = new Context();
  using mod = ctx.parseModule(bigModule(10_000));
  const bytes = mod.toBytecode();
  using back = ctx.parseModule(bytes);
  let ops = 0;
  back.operation.walk(() => void ops++);
  assertEquals(ops, 40_001);
  assertEquals(back.toString(), mod.toString());
});

test("bytecode: every version from 0 to the current one; an unknown one is refused", () => {
  using ctx = new Context();
  using mod = ctx.parseModule(SOURCE);
  let current = 0;
  for (let v = 0; v < 100; v++) {
    try {
      const bytes = mod.toBytecode({ version: v });
      using back = ctx.parseModule(bytes);
      assertEquals(back.toString(), mod.toString());
      current = v;
    } catch (e) {
      assert(e instanceof ArgumentError, String(e));
      assertEquals([e.argument, e.got], ["toBytecode's version", `number ${v}`]);
      break;
    }
  }
  assert(current >= 6, `MLIR 22 writes bytecode version 6 or later, got ${current}`);
  assertThrows(() => mod.toBytecode({ version: -3 }), ArgumentError);
});

test("bytecode: garbage, truncated and too-new streams give MlirParseError", () => {
  using ctx = new Context();
  using mod = ctx.parseModule(SOURCE);
  const bytes = mod.toBytecode();
  assertThrows(() => ctx.parseModule(new Uint8Array([0x4d, 0x4c, 0xef, 0x52])), MlirParseError);
  assertThrows(() => ctx.parseModule(new Uint8Array([0x4d, 0x4c, 0xef, 0x52, 1, 2, 3, 4, 5])), MlirParseError);
  for (const cut of [5, 10, bytes.length >> 1, bytes.length - 1]) {
    assertThrows(() => ctx.parseModule(bytes.slice(0, cut)), MlirParseError);
  }
  // The version follows the magic number as a varint: claim version 120.
  const newer = bytes.slice();
  newer[4] = 120;
  const e = assertThrows(() => ctx.parseModule(newer), MlirParseError);
  assertStringIncludes(e.diagnostics.map((d) => d.message).join("\n"), "version");
});

test("bytecode: randomly corrupted streams never crash the process", { timeout: 300_000 }, () => {
  // In a child: a crash here is a failed test, not a lost runner.
  const r = runChild(`
    const ctx = new mlir.Context();
    const mod = ctx.parseModule(${JSON.stringify(SOURCE)});
    const bytes = mod.toBytecode();
    let seed = 12345;
    const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    let errors = 0, parsed = 0;
    for (let i = 0; i < 200; i++) {
      const b = bytes.slice();
      const flips = 1 + Math.floor(random() * 4);
      for (let k = 0; k < flips; k++) b[4 + Math.floor(random() * (b.length - 4))] = Math.floor(random() * 256);
      try { ctx.parseModule(b).dispose(); parsed++; }
      catch (e) { if (!(e instanceof mlir.MlirParseError)) throw e; errors++; }
    }
    console.log(JSON.stringify({ errors, parsed }));
  `);
  assertEquals(r.signal, null, describeChild(r));
  assertEquals(r.status, 0, describeChild(r));
  const { errors, parsed } = JSON.parse(r.stdout.trim().split("\n").at(-1)!);
  assertEquals(errors + parsed, 200);
  assert(errors > 0, "corruption was detected at least sometimes");
});

test("bytecode: trusted bytecode is read directly and gives the same module", () => {
  using ctx = new Context();
  using mod = ctx.parseModule(SOURCE, { filename: "t.mlir" });
  const bytes = mod.toBytecode();
  using direct = ctx.parseModule(bytes, { trustedBytecode: true });
  using checked = ctx.parseModule(bytes);
  assertEquals(direct.toString(), checked.toString());
  assertEquals(direct.print({ debugInfo: true }), checked.print({ debugInfo: true }));
});

// A corrupted stream of 300 bytes whose sizes made MLIR's reader allocate
// 4.3 GB and thrash for 20 s; the reader's process now has a memory cap in
// proportion to its input, so this fails fast as a malformed stream.
const GREEDY_STREAM =
  "TUzvUg1NTElSMjIuMS44AAEhBwEFCQsBAw8DBQcTBQUXGwMrFwUBFQsTCwsTEw8TExMFA1kBBQ8XAn8FDxcBAQENAwURFwEDAxcBAx0RAQ0XAQNLFwEFDxcBBwUjYXJpdGgub3ZlcmZsb3c8bm9uZT4AAQICBQMBAwEEWwUBUAMBkARLAwEFA1AJAwcENwMHDwMDCwAHQg8FAwEJRhEHAwEFAQMFBBMDBQYDAQUBAHsTBQULEw8PDQsRYnVpbHRpbgBmdW5jAGFyaXRoAG1vZHVsZQByZXR1cm4AY29uc3RhbnQAYWRkaQAtAGYACB8JBQEBDQEFAQEHAQMNAys=";

test("bytecode: a stream claiming huge sizes is refused as malformed", () => {
  using ctx = new Context();
  const bytes = Uint8Array.from(atob(GREEDY_STREAM), (c) => c.charCodeAt(0));
  const error = assertThrows(() => ctx.parseModule(bytes), MlirParseError);
  assertStringIncludes(error.message, "more memory than a stream of its size can need");
});
