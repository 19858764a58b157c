/**
 * Functions with several results: MLIR packs them into a struct that the C
 * interface fills through a pointer; `invoke` returns them as an array, in
 * order, each converted as a single result would be.
 *
 * @module
 */
import { test } from "node:test";
import { assertEquals } from "@std/assert";
import { assertArgumentError } from "../_errors.ts";
import { Context, ExecutionEngine, STRATEGIES } from "../../src/mod.ts";

const KERNELS = `
func.func @divmod(%a: i32, %b: i32) -> (i32, i32) {
  %q = arith.divsi %a, %b : i32
  %r = arith.remsi %a, %b : i32
  return %q, %r : i32, i32
}
func.func @mixed(%x: f64, %n: i8) -> (i1, f64, i8, i64, f32, i16, index) {
  %z = arith.constant 0.0 : f64
  %neg = arith.cmpf olt, %x, %z : f64
  %twice = arith.addf %x, %x : f64
  %m = arith.muli %n, %n : i8
  %wide = arith.extsi %n : i8 to i64
  %big = arith.constant 1099511627776 : i64
  %w = arith.addi %wide, %big : i64
  %f = arith.truncf %x : f64 to f32
  %s = arith.constant -2 : i16
  %i = arith.constant 7 : index
  return %neg, %twice, %m, %w, %f, %s, %i : i1, f64, i8, i64, f32, i16, index
}
func.func @with_memref(%a: i32, %buf: memref<?xf32>) -> (i32, memref<?xf32>) {
  return %a, %buf : i32, memref<?xf32>
}
`;

for (const strategy of STRATEGIES) {
  test(`jit [${strategy}] several scalar results come back as an array, in order`, () => {
    using ctx = new Context({ strategy });
    using mod = ctx.parseModule(KERNELS);
    using engine = ExecutionEngine.create(mod);
    assertEquals(engine.invoke("divmod", 17, 5), [3, 2]);
    assertEquals(engine.invoke("divmod", -17, 5), [-3, -2]);
    // Fields of every width, so each sits at its own alignment in the struct.
    assertEquals(engine.invoke("mixed", -1.25, 11), [true, -2.5, 121, 11n + 2n ** 40n, -1.25, -2, 7n]);
    assertEquals(engine.invoke("mixed", 3, -3), [false, 6, 9, -3n + 2n ** 40n, 3, -2, 7n]);
    // Many calls: each fills its own struct.
    for (let i = 1; i < 200; i++) assertEquals(engine.invoke("divmod", i * 7 + 3, 7), [i, 3]);
  });
}

test("jit: several results with a memref among them are refused before any code runs", () => {
  using ctx = new Context();
  using mod = ctx.parseModule(KERNELS);
  using engine = ExecutionEngine.create(mod);
  assertArgumentError(() => engine.invoke("with_memref", 1, new Float32Array(2)), {
    argument: "invoke's function @with_memref",
    expected: "a function returning nothing, scalars, or one ranked memref of those",
  });
});
