/**
 * Memref results and many memref arguments: a result comes back as a fresh
 * typed array with its shape and row-major strides; the buffer the compiled
 * code allocated is freed once (and one that aliases an argument or a global
 * is never freed), checked under the checking malloc over 10,000 calls in a
 * child process.
 *
 * @module
 */
import { test } from "node:test";
import { assert, assertEquals, assertThrows } from "@std/assert";
import { assertArgumentError } from "../_errors.ts";
import { describeChild, MOD_URL, runChild } from "../_child.ts";
import { Context, ExecutionEngine, ExecutionEngineError, STRATEGIES } from "../../src/mod.ts";

const KERNELS = `
func.func @iota(%n: index) -> memref<?xf32> {
  %m = memref.alloc(%n) : memref<?xf32>
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  scf.for %i = %c0 to %n step %c1 {
    %ii = arith.index_cast %i : index to i32
    %f = arith.sitofp %ii : i32 to f32
    memref.store %f, %m[%i] : memref<?xf32>
  }
  return %m : memref<?xf32>
}
func.func @grid(%r: index, %c: index) -> memref<?x?xi64> {
  %m = memref.alloc(%r, %c) : memref<?x?xi64>
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %c10 = arith.constant 10 : index
  scf.for %i = %c0 to %r step %c1 {
    scf.for %j = %c0 to %c step %c1 {
      %t = arith.muli %i, %c10 : index
      %v = arith.addi %t, %j : index
      %x = arith.index_cast %v : index to i64
      memref.store %x, %m[%i, %j] : memref<?x?xi64>
    }
  }
  return %m : memref<?x?xi64>
}
func.func @same(%m: memref<?xf32>) -> memref<?xf32> {
  return %m : memref<?xf32>
}
func.func @tail(%m: memref<?xf32>) -> memref<?xf32, strided<[1], offset: 1>> {
  %c1 = arith.constant 1 : index
  %c0 = arith.constant 0 : index
  %n = memref.dim %m, %c0 : memref<?xf32>
  %k = arith.subi %n, %c1 : index
  %s = memref.subview %m[1] [%k] [1] : memref<?xf32> to memref<?xf32, strided<[1], offset: 1>>
  return %s : memref<?xf32, strided<[1], offset: 1>>
}
func.func @transposed(%m: memref<2x3xf64>) -> memref<3x2xf64, strided<[1, 3]>> {
  %t = memref.transpose %m (i, j) -> (j, i) : memref<2x3xf64> to memref<3x2xf64, strided<[1, 3]>>
  return %t : memref<3x2xf64, strided<[1, 3]>>
}
memref.global "private" constant @table : memref<3xi32> = dense<[7, 8, 9]>
func.func @constant() -> memref<3xi32> {
  %g = memref.get_global @table : memref<3xi32>
  return %g : memref<3xi32>
}
func.func @scalar() -> memref<f32> {
  %m = memref.alloc() : memref<f32>
  %x = arith.constant 2.5 : f32
  memref.store %x, %m[] : memref<f32>
  return %m : memref<f32>
}
func.func @bad_size() -> memref<?xf32> {
  %n = arith.constant -4 : index
  %m = memref.alloc() : memref<1xf32>
  %c = memref.reinterpret_cast %m to offset: [0], sizes: [%n], strides: [1] : memref<1xf32> to memref<?xf32>
  return %c : memref<?xf32>
}
func.func @sum10(%a0: memref<?xf32>, %a1: memref<?xf32>, %a2: memref<?xf32>, %a3: memref<?xf32>, %a4: memref<?xf32>,
                 %a5: memref<?xf32>, %a6: memref<?xf32>, %a7: memref<?xf32>, %a8: memref<?xf32>, %a9: memref<?xf32>,
                 %out: memref<?xf32>) {
  %c0 = arith.constant 0 : index
  %x0 = memref.load %a0[%c0] : memref<?xf32>
  %x1 = memref.load %a1[%c0] : memref<?xf32>
  %x2 = memref.load %a2[%c0] : memref<?xf32>
  %x3 = memref.load %a3[%c0] : memref<?xf32>
  %x4 = memref.load %a4[%c0] : memref<?xf32>
  %x5 = memref.load %a5[%c0] : memref<?xf32>
  %x6 = memref.load %a6[%c0] : memref<?xf32>
  %x7 = memref.load %a7[%c0] : memref<?xf32>
  %x8 = memref.load %a8[%c0] : memref<?xf32>
  %x9 = memref.load %a9[%c0] : memref<?xf32>
  %s1 = arith.addf %x0, %x1 : f32
  %s2 = arith.addf %s1, %x2 : f32
  %s3 = arith.addf %s2, %x3 : f32
  %s4 = arith.addf %s3, %x4 : f32
  %s5 = arith.addf %s4, %x5 : f32
  %s6 = arith.addf %s5, %x6 : f32
  %s7 = arith.addf %s6, %x7 : f32
  %s8 = arith.addf %s7, %x8 : f32
  %s9 = arith.addf %s8, %x9 : f32
  memref.store %s9, %out[%c0] : memref<?xf32>
  %last = memref.load %a9[%c0] : memref<?xf32>
  %twice = arith.addf %last, %last : f32
  memref.store %twice, %a9[%c0] : memref<?xf32>
  return
}
func.func @copy9(%a0: memref<?xf32>, %a1: memref<?xf32>, %a2: memref<?xf32>, %a3: memref<?xf32>, %a4: memref<?xf32>,
                 %a5: memref<?xf32>, %a6: memref<?xf32>, %a7: memref<?xf32>, %a8: memref<?xf32>) -> memref<?xf32> {
  return %a8 : memref<?xf32>
}
`;

for (const strategy of STRATEGIES) {
  test(`jit memref results [${strategy}]: fresh typed arrays with shape and strides`, () => {
    using ctx = new Context({ strategy });
    using mod = ctx.parseModule(KERNELS);
    using engine = ExecutionEngine.create(mod);
    assertEquals(engine.invoke("iota", 4n), { data: new Float32Array([0, 1, 2, 3]), shape: [4], strides: [1] });
    assertEquals(engine.invoke("iota", 0), { data: new Float32Array(0), shape: [0], strides: [1] });
    assertEquals(engine.invoke("grid", 2, 3), {
      data: new BigInt64Array([0n, 1n, 2n, 10n, 11n, 12n]),
      shape: [2, 3],
      strides: [3, 1],
    });
    assertEquals(engine.invoke("scalar"), { data: new Float32Array([2.5]), shape: [], strides: [] });
    // A strided view is copied row-major.
    assertEquals(engine.invoke("transposed", new Float64Array([1, 2, 3, 4, 5, 6])), {
      data: new Float64Array([1, 4, 2, 5, 3, 6]),
      shape: [3, 2],
      strides: [2, 1],
    });
    // Aliases of an argument or a global are copied and never freed.
    const input = new Float32Array([5, 6, 7]);
    const same = engine.invoke("same", input) as { data: Float32Array };
    assertEquals(same.data, input);
    assert(same.data.buffer !== input.buffer, "the result is a copy, not a view of the argument");
    same.data[0] = 99;
    assertEquals(input[0], 5);
    assertEquals((engine.invoke("tail", input) as { data: Float32Array }).data, new Float32Array([6, 7]));
    assertEquals(engine.invoke("constant"), { data: new Int32Array([7, 8, 9]), shape: [3], strides: [1] });
    assertEquals(engine.invoke("constant"), { data: new Int32Array([7, 8, 9]), shape: [3], strides: [1] });
  });

  test(`jit memref arguments [${strategy}]: more than eight`, () => {
    using ctx = new Context({ strategy });
    using mod = ctx.parseModule(KERNELS);
    using engine = ExecutionEngine.create(mod);
    const args = Array.from({ length: 10 }, (_, i) => new Float32Array([i + 1]));
    const out = new Float32Array(1);
    engine.invoke("sum10", ...args, out);
    assertEquals(out[0], 55);
    assertEquals(args[9]![0], 20, "the tenth argument is the caller's array, written in place");
    assertEquals((engine.invoke("copy9", ...args.slice(0, 9)) as { data: Float32Array }).data, new Float32Array([9]));
  });
}

test("jit memref results: a result whose sizes are impossible is an ExecutionEngineError, its buffer freed", () => {
  using ctx = new Context();
  using mod = ctx.parseModule(KERNELS);
  using engine = ExecutionEngine.create(mod);
  assertThrows(() => engine.invoke("bad_size"), ExecutionEngineError, "shape [-4]");
  assertArgumentError(() => engine.invoke("copy9", ...Array.from({ length: 8 }, () => new Float32Array(1))), {
    argument: "invoke's arguments for @copy9",
  });
  assertArgumentError(() => engine.invoke("sum10", new Float64Array(1)), { argument: "invoke's arguments for @sum10" });
  using unranked = ctx.parseModule("func.func @u(%m: memref<*xf32>) -> memref<*xf32> { return %m : memref<*xf32> }");
  using e2 = ExecutionEngine.create(unranked);
  assertArgumentError(() => e2.invoke("u", new Float32Array(1)), { argument: "invoke's function @u" });
});

// The done-when of issue 19: 10,000 calls returning a fresh 4 KB buffer
// each, under glibc's checking malloc (a double free or a free of a foreign
// pointer aborts); the C heap in use must not grow by anything near the
// 40 MB a leak would cost. The aliasing and global results run as often:
// freeing them would abort.
const HEAP_LOOP = `
const { lib } = await import(${JSON.stringify(new URL("ffi/load.ts", MOD_URL).href)});
const { Context, ExecutionEngine } = mlir;
using ctx = new Context();
using mod = ctx.parseModule(${JSON.stringify(KERNELS)});
using engine = ExecutionEngine.create(mod);
const input = new Float32Array(1024);
const run = (n) => {
  let check = 0;
  for (let i = 0; i < n; i++) {
    check += engine.invoke("iota", 1024n).data[1023];
    check += engine.invoke("same", input).data.length;
    check += engine.invoke("tail", input).data.length;
    check += engine.invoke("constant").data[0];
    try { engine.invoke("bad_size"); } catch { check += 1; }
  }
  return check;
};
run(200);
forceGC();
const before = lib.mlirffi_heap_in_use();
const check = run(10_000);
forceGC();
const after = lib.mlirffi_heap_in_use();
console.log(JSON.stringify({ check, growth: after - before }));
`;

test("jit memref results: no leak and no bad free over 10,000 calls, under the checking malloc", () => {
  const r = runChild(HEAP_LOOP);
  assertEquals([r.status, r.signal], [0, null], describeChild(r));
  const { check, growth } = JSON.parse(r.stdout.trim().split("\n").at(-1)!) as { check: number; growth: number };
  assertEquals(check, 10_000 * (1023 + 1024 + 1023 + 7 + 1));
  assert(growth < 1 << 20, `the C heap grew by ${growth} bytes over 10,000 calls`);
});
