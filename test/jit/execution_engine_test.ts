/**
 * The execution engine (ports the applicable cases of upstream's
 * mlir/test/python/execution_engine.py): scalars, memrefs from typed arrays,
 * options, and every way a call can be wrong.
 *
 * @module
 */
import { test } from "node:test";
import { existsSync, mkdtempSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { assert, assertEquals, assertThrows } from "@std/assert";
import { assertArgumentError, assertInvalidHandle } from "../_errors.ts";
import {
  Context,
  ExecutionEngine,
  ExecutionEngineError,
  STRATEGIES,
} from "../../src/mod.ts";

const KERNELS = `
func.func @add_i32(%a: i32, %b: i32) -> i32 {
  %0 = arith.addi %a, %b : i32
  return %0 : i32
}
func.func @add_i64(%a: i64, %b: i64) -> i64 {
  %0 = arith.addi %a, %b : i64
  return %0 : i64
}
func.func @mul_f32(%a: f32, %b: f32) -> f32 {
  %0 = arith.mulf %a, %b : f32
  return %0 : f32
}
func.func @is_neg(%a: f64) -> i1 {
  %z = arith.constant 0.0 : f64
  %0 = arith.cmpf olt, %a, %z : f64
  return %0 : i1
}
func.func @nothing() {
  return
}
func.func @double(%buf: memref<?xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %n = memref.dim %buf, %c0 : memref<?xf32>
  scf.for %i = %c0 to %n step %c1 {
    %x = memref.load %buf[%i] : memref<?xf32>
    %y = arith.addf %x, %x : f32
    memref.store %y, %buf[%i] : memref<?xf32>
  }
  return
}
func.func @transpose(%in: memref<2x3xf64>, %out: memref<3x2xf64>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c2 = arith.constant 2 : index
  %c3 = arith.constant 3 : index
  scf.for %i = %c0 to %c2 step %c1 {
    scf.for %j = %c0 to %c3 step %c1 {
      %x = memref.load %in[%i, %j] : memref<2x3xf64>
      memref.store %x, %out[%j, %i] : memref<3x2xf64>
    }
  }
  return
}
func.func @sum(%m: memref<?x?xi32>) -> i32 {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %zero = arith.constant 0 : i32
  %rows = memref.dim %m, %c0 : memref<?x?xi32>
  %cols = memref.dim %m, %c1 : memref<?x?xi32>
  %s = scf.for %i = %c0 to %rows step %c1 iter_args(%acc = %zero) -> i32 {
    %r = scf.for %j = %c0 to %cols step %c1 iter_args(%a2 = %acc) -> i32 {
      %x = memref.load %m[%i, %j] : memref<?x?xi32>
      %n = arith.addi %a2, %x : i32
      scf.yield %n : i32
    }
    scf.yield %r : i32
  }
  return %s : i32
}
func.func private @external(i32) -> i32
`;

for (const strategy of STRATEGIES) {
  test(`jit [${strategy}] scalar functions`, () => {
    using ctx = new Context({ strategy });
    using mod = ctx.parseModule(KERNELS);
    const before = mod.toString();
    using engine = ExecutionEngine.create(mod);
    assertEquals(mod.toString(), before, "the engine lowers a copy, not the module");
    assertEquals(engine.invoke("add_i32", 2, 3), 5);
    assertEquals(engine.invoke("add_i32", -7, 2), -5);
    assertEquals(engine.invoke("add_i64", 2n ** 40n, 1n), 2n ** 40n + 1n);
    assertEquals(engine.invoke("add_i64", 5, 6), 11n);
    assertEquals(engine.invoke("mul_f32", 1.5, 4), 6);
    assertEquals(engine.invoke("is_neg", -0.5), true);
    assertEquals(engine.invoke("is_neg", 0.5), false);
    assertEquals(engine.invoke("nothing"), undefined);
    assert(engine.has("add_i32"));
    assertEquals(engine.has("external"), false);
  });

  test(`jit [${strategy}] memrefs backed by typed arrays, 1-D and 2-D`, () => {
    using ctx = new Context({ strategy });
    using mod = ctx.parseModule(KERNELS);
    using engine = ExecutionEngine.create(mod, { optLevel: 3 });
    const buf = new Float32Array([1, 2, 3, 4.5]);
    engine.invoke("double", buf);
    assertEquals(buf, new Float32Array([2, 4, 6, 9]));
    const view = new Float32Array(new Float32Array([0, 10, 20, 30]).buffer, 4, 2); // an offset view
    engine.invoke("double", view);
    assertEquals(view, new Float32Array([20, 40]));
    const input = new Float64Array([1, 2, 3, 4, 5, 6]);
    const output = new Float64Array(6);
    engine.invoke("transpose", input, output);
    assertEquals(output, new Float64Array([1, 4, 2, 5, 3, 6]));
    assertEquals(engine.invoke("sum", { data: new Int32Array([1, 2, 3, 4, 5, 6]), shape: [2, 3] }), 21);
    assertEquals(engine.invoke("sum", { data: new Int32Array(0), shape: [0, 5] }), 0);
  });
}

test("jit: wrong calls are refused before any code runs", () => {
  using ctx = new Context();
  using mod = ctx.parseModule(KERNELS);
  using engine = ExecutionEngine.create(mod);
  const cases: [() => unknown, { argument: string; expected: string }][] = [
    [() => engine.invoke("missing"), { argument: "invoke's function name", expected: "the name of a function (with a body) in the module" }],
    [() => engine.invoke("external", 1), { argument: "invoke's function name", expected: "the name of a function (with a body) in the module" }],
    [() => engine.invoke("add_i32", 1), { argument: "invoke's arguments for @add_i32", expected: "2 arguments ((i32, i32) -> i32)" }],
    [() => engine.invoke("add_i32", 1, 2, 3), { argument: "invoke's arguments for @add_i32", expected: "2 arguments ((i32, i32) -> i32)" }],
    [() => engine.invoke("add_i32", "1" as never, 2), { argument: "@add_i32 argument 0 (i32)", expected: "an integer (number or BigInt)" }],
    [() => engine.invoke("add_i32", 1.5, 2), { argument: "@add_i32 argument 0 (i32)", expected: "an integer (number or BigInt)" }],
    [() => engine.invoke("add_i32", 2 ** 40, 2), { argument: "@add_i32 argument 0 (i32)", expected: "an integer in [-2147483648, 4294967295]" }],
    [() => engine.invoke("mul_f32", 1n, 2), { argument: "@mul_f32 argument 0 (f32)", expected: "a number" }],
    [() => engine.invoke("double", new Float64Array(3)), { argument: "@double argument 0 (memref<?xf32>)", expected: "a Float32Array" }],
    [() => engine.invoke("double", [1, 2, 3] as never), { argument: "@double argument 0 (memref<?xf32>)", expected: "a Float32Array" }],
    [() => engine.invoke("transpose", new Float64Array(5), new Float64Array(6)), { argument: "@transpose argument 0's data", expected: "6 elements (as shape [2,3] needs)" }],
    [() => engine.invoke("transpose", { data: new Float64Array(6), shape: [3, 2] }, new Float64Array(6)), { argument: "@transpose argument 0's shape", expected: "a shape that matches memref<2x3xf64>" }],
    [() => engine.invoke("sum", new Int32Array(4)), { argument: "@sum argument 0 (memref<?x?xi32>)", expected: "{ data, shape } for a memref with dynamic sizes" }],
  ];
  for (const [call, fields] of cases) assertArgumentError(call, fields);
  assertArgumentError(() => ExecutionEngine.create(mod, { optLevel: 7 }), { argument: "ExecutionEngine option 'optLevel'", expected: "an integer in [0, 3]" });
  assertArgumentError(() => ExecutionEngine.create("module" as never), { argument: "ExecutionEngine.create's module", expected: "a Module" });
});

test("jit: a module that cannot be lowered or compiled gives ExecutionEngineError", () => {
  using ctx = new Context();
  using tensors = ctx.parseModule("func.func @t(%a: tensor<4xf32>) -> tensor<4xf32> { return %a : tensor<4xf32> }");
  assertThrows(() => ExecutionEngine.create(tensors), ExecutionEngineError);
  using unlowered = ctx.parseModule(KERNELS);
  assertThrows(() => ExecutionEngine.create(unlowered, { lower: false }), ExecutionEngineError, "LLVM dialect");
  assertArgumentError(() => ExecutionEngine.create(unlowered, { sharedLibs: ["/nonexistent/lib.so"] }), { argument: "sharedLibs[0]", expected: "the path of an existing file" });
});

test("jit: options: object dump, shared libraries, disposal", () => {
  using ctx = new Context();
  using mod = ctx.parseModule(KERNELS);
  const engine = ExecutionEngine.create(mod, {
    objectDump: true,
    optLevel: 0,
    sharedLibs: ["/usr/lib/llvm-22/lib/libmlir_c_runner_utils.so"],
  });
  const dir = mkdtempSync(join(tmpdir(), "mlir-ffi-jit-"));
  const file = join(dir, "kernels.o");
  engine.dumpToObjectFile(file);
  assert(existsSync(file) && statSync(file).size > 0, "an object file was written");
  engine.dispose();
  engine.dispose();
  assertInvalidHandle(() => engine.invoke("add_i32", 1, 2), { kind: "ExecutionEngine", reason: "disposed" });
  using engine2 = ExecutionEngine.create(mod);
  ctx.dispose();
  assertInvalidHandle(() => engine2.invoke("add_i32", 1, 2), { kind: "ExecutionEngine", reason: "context disposed" });
});
