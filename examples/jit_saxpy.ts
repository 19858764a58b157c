/**
 * A small end-to-end compiler: builds a function over 1-D f32 buffers with
 * the typed dialect builders, runs a pass pipeline, JIT-compiles it and runs
 * it on Float32Arrays, then checks the result against the same computation
 * in JavaScript.
 *
 *   bun examples/jit_saxpy.ts [interned|weak|ephemeral]
 *   deno run -P examples/jit_saxpy.ts [interned|weak|ephemeral]
 *
 * @module
 */
import process from "node:process";
import {
  type BlockArgument,
  Context,
  ExecutionEngine,
  FloatType,
  FunctionType,
  IndexType,
  InsertionPoint,
  Location,
  MemRefType,
  type StrategyName,
} from "../src/mod.ts";
import * as arith from "../src/dialects/arith.ts";
import * as func from "../src/dialects/func.ts";
import * as memref from "../src/dialects/memref.ts";
import * as scf from "../src/dialects/scf.ts";

const strategy = process.argv.at(-1) as StrategyName;
using ctx = new Context({ strategy: ["interned", "weak", "ephemeral"].includes(strategy) ? strategy : undefined });
using _loc = Location.file(ctx, "jit_saxpy.ts", 1, 1).enter();
using mod = ctx.createModule();
const f32 = FloatType.f32(ctx);
const index = IndexType.get(ctx);
const buffer = MemRefType.get([null], f32); // memref<?xf32>

// y[i] = a * x[i] + y[i]
// func.func @saxpy(%a: f32, %x: memref<?xf32>, %y: memref<?xf32>)
const saxpy = func.func("saxpy", FunctionType.get(ctx, [f32, buffer, buffer], []), { ip: InsertionPoint.atEnd(mod.body) });
saxpy.addEntryBlock();
const [a, x, y] = saxpy.arguments as [BlockArgument, BlockArgument, BlockArgument];
{
  using _ = InsertionPoint.atEnd(saxpy.entryBlock).enter();
  const c0 = arith.constant(index, 0);
  const c1 = arith.constant(index, 1);
  const n = memref.dim(x, c0);
  const loop = scf.for_(c0, n, c1); // scf.for %i = %c0 to %n step %c1
  {
    using _body = InsertionPoint.atEnd(loop.bodyBlock).enter();
    const i = loop.inductionVar;
    const xi = memref.load(x, [i]);
    const yi = memref.load(y, [i]);
    memref.store(arith.addf(arith.mulf(a, xi), yi), y, [i]);
    scf.yield_([]);
  }
  func.return_([]);
}
mod.verify();

// Optimize at the MLIR level first; the engine then lowers a copy to LLVM.
using pm = ctx.passManager("builtin.module(canonicalize,cse,loop-invariant-code-motion)");
pm.run(mod);
using engine = ExecutionEngine.create(mod, { optLevel: 3 });

const n = 1000;
const xs = Float32Array.from({ length: n }, (_, i) => i * 0.5);
const ys = Float32Array.from({ length: n }, (_, i) => 1 - i);
const expected = Float32Array.from(ys, (yi, i) => Math.fround(Math.fround(2.5 * xs[i]!) + yi));
engine.invoke("saxpy", 2.5, xs, ys);

const wrong = expected.findIndex((e, i) => e !== ys[i]);
if (wrong >= 0) {
  console.error(`mismatch at ${wrong}: got ${ys[wrong]}, expected ${expected[wrong]}`);
  process.exit(1);
}
console.log(`saxpy on ${n} elements: ok (${ctx.strategy}); y[10] = ${ys[10]}`);
