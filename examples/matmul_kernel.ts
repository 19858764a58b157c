/**
 * Builds a matrix-multiply kernel, C += A × B over memrefs, as a triple
 * `scf.for` loop nest (the innermost carrying the running sum) with the
 * typed dialect builders; verifies and prints it, lowers its loops to
 * branches with a pass pipeline and prints that, then JIT-runs it on
 * Float32Arrays and checks it against the same product in JavaScript.
 *
 *   bun examples/matmul_kernel.ts [interned|weak|ephemeral]
 *   deno run -P examples/matmul_kernel.ts [interned|weak|ephemeral]
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
using _loc = Location.file(ctx, "matmul_kernel.ts", 1, 1).enter();
using mod = ctx.createModule();
const [M, K, N] = [4, 3, 2];
const f32 = FloatType.f32(ctx);
const index = IndexType.get(ctx);

// func.func @matmul(%A: memref<4x3xf32>, %B: memref<3x2xf32>, %C: memref<4x2xf32>)
const types = [[M, K], [K, N], [M, N]].map((shape) => MemRefType.get(shape, f32));
const matmul = func.func("matmul", FunctionType.get(ctx, types, []), { ip: InsertionPoint.atEnd(mod.body) });
matmul.addEntryBlock();
const [A, B, C] = matmul.arguments as [BlockArgument, BlockArgument, BlockArgument];
{
  using _ = InsertionPoint.atEnd(matmul.entryBlock).enter();
  const cst = (v: number) => arith.constant(index, v);
  const [c0, c1, m, k, n] = [cst(0), cst(1), cst(M), cst(K), cst(N)];
  const iLoop = scf.for_(c0, m, c1);
  {
    using _i = InsertionPoint.atEnd(iLoop.bodyBlock).enter();
    const i = iLoop.inductionVar;
    const jLoop = scf.for_(c0, n, c1);
    {
      using _j = InsertionPoint.atEnd(jLoop.bodyBlock).enter();
      const j = jLoop.inductionVar;
      // %sum = scf.for %k ... iter_args(%acc = C[i, j]) -> f32 { acc + A[i, k] * B[k, j] }
      const kLoop = scf.for_(c0, k, c1, [memref.load(C, [i, j])]);
      {
        using _k = InsertionPoint.atEnd(kLoop.bodyBlock).enter();
        const kv = kLoop.inductionVar;
        const product = arith.mulf(memref.load(A, [i, kv]), memref.load(B, [kv, j]));
        scf.yield_([arith.addf(kLoop.innerIterArgs[0]!, product)]);
      }
      memref.store(kLoop.results[0]!, C, [i, j]);
      scf.yield_([]);
    }
    scf.yield_([]);
  }
  func.return_([]);
}
mod.verify();
console.log(mod.toString());

// Lower the loops to the cf dialect's branches, then tidy up.
using pm = ctx.passManager("builtin.module(func.func(convert-scf-to-cf),canonicalize,cse)");
pm.run(mod);
mod.verify();
console.log(mod.toString());

// Run it: the engine lowers a copy of the module to LLVM.
using engine = ExecutionEngine.create(mod, { optLevel: 2 });
const a = Float32Array.from({ length: M * K }, (_, i) => i + 1);
const b = Float32Array.from({ length: K * N }, (_, i) => 0.5 * i);
const c = new Float32Array(M * N).fill(1);
const expected = Float32Array.from(c, (cij, ij) => {
  const [i, j] = [Math.floor(ij / N), ij % N];
  let sum = cij;
  for (let kk = 0; kk < K; kk++) sum = Math.fround(sum + Math.fround(a[i * K + kk]! * b[kk * N + j]!));
  return sum;
});
engine.invoke("matmul", a, b, c);
if (expected.some((e, i) => e !== c[i])) {
  console.error(`matmul: got [${c}], expected [${expected}]`);
  process.exit(1);
}
console.log(`matmul ${M}x${K} by ${K}x${N}: ok (${ctx.strategy}); C = [${c}]`);
