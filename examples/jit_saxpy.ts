/**
 * A small end-to-end compiler: parses a function over 1-D f32 buffers, runs
 * a pass pipeline, JIT-compiles it and runs it on Float32Arrays, then checks
 * the result against the same computation in JavaScript.
 *
 *   bun examples/jit_saxpy.ts [interned|weak|ephemeral]
 *   deno run -P examples/jit_saxpy.ts [interned|weak|ephemeral]
 *
 * @module
 */
import process from "node:process";
import { Context, ExecutionEngine, type StrategyName } from "../src/mod.ts";

const SOURCE = `
// y[i] = a * x[i] + y[i]
func.func @saxpy(%a: f32, %x: memref<?xf32>, %y: memref<?xf32>) {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %n = memref.dim %x, %c0 : memref<?xf32>
  scf.for %i = %c0 to %n step %c1 {
    %xi = memref.load %x[%i] : memref<?xf32>
    %yi = memref.load %y[%i] : memref<?xf32>
    %ax = arith.mulf %a, %xi : f32
    %r = arith.addf %ax, %yi : f32
    memref.store %r, %y[%i] : memref<?xf32>
  }
  return
}`;

const strategy = process.argv.at(-1) as StrategyName;
using ctx = new Context({ strategy: ["interned", "weak", "ephemeral"].includes(strategy) ? strategy : undefined });
using mod = ctx.parseModule(SOURCE, { filename: "saxpy.mlir" });

// Optimize at the MLIR level first; the engine then lowers a copy to LLVM.
using pm = ctx.passManager("builtin.module(canonicalize,cse,loop-invariant-code-motion)");
pm.run(mod);
using engine = ExecutionEngine.create(mod, { optLevel: 3 });

const n = 1000;
const x = Float32Array.from({ length: n }, (_, i) => i * 0.5);
const y = Float32Array.from({ length: n }, (_, i) => 1 - i);
const expected = Float32Array.from(y, (yi, i) => Math.fround(Math.fround(2.5 * x[i]!) + yi));
engine.invoke("saxpy", 2.5, x, y);

const wrong = expected.findIndex((e, i) => e !== y[i]);
if (wrong >= 0) {
  console.error(`mismatch at ${wrong}: got ${y[wrong]}, expected ${expected[wrong]}`);
  process.exit(1);
}
console.log(`saxpy on ${n} elements: ok (${ctx.strategy}); y[10] = ${y[10]}`);
