/**
 * What a generated dialect builder costs over the `createOperation` call it
 * makes: 10,000 `arith.addi` at one insertion point, per strategy, in one
 * process, interleaved; and what loading the dialect modules costs.
 *
 *   bun bench/builders.bench.ts
 *   deno run -P bench/builders.bench.ts
 *
 * Not yet one of the report's workloads (bench/main.ts); it prints mitata's
 * summary, whose ratios are the figures to quote (ratios within one run:
 * these machines are shared and noisy).
 *
 * @module
 */
import { bench, do_not_optimize, run, summary } from "mitata";
import { performance } from "node:perf_hooks";
import { Context, FunctionType, InsertionPoint, IntegerType, STRATEGIES, type Value } from "../src/mod.ts";

const N = 10_000;

// Start-up: the first import of one dialect, then of all of them.
let t = performance.now();
const arith = await import("../src/dialects/arith.ts");
const oneMs = performance.now() - t;
t = performance.now();
await import("../src/dialects/mod.ts");
const allMs = performance.now() - t;
console.log(`import mlir-ffi/dialects/arith: ${oneMs.toFixed(1)} ms; then every other dialect: ${allMs.toFixed(1)} ms`);

/** A module with one function whose entry block has two i32 arguments; `build` adds N ops to it. */
function fixture(strategy: (typeof STRATEGIES)[number], build: (ctx: Context, ip: InsertionPoint, a: Value, b: Value) => void) {
  return function* () {
    const ctx = new Context({ strategy });
    const i32 = IntegerType.get(ctx, 32);
    yield () => {
      const mod = ctx.createModule();
      const f = ctx.createOperation({
        name: "func.func",
        regions: 1,
        attributes: { sym_name: ctx.parseAttribute('"f"'), function_type: ctx.parseAttribute(`${FunctionType.get(ctx, [i32, i32], [])}`) },
        insertAt: InsertionPoint.atEnd(mod.body),
      });
      const entry = f.regions.at(0)!.appendBlock([i32, i32]);
      const [a, b] = entry.arguments.toArray() as unknown as [Value, Value];
      build(ctx, InsertionPoint.atEnd(entry), a, b);
      do_not_optimize(entry);
      mod.dispose();
    };
    ctx.dispose();
  };
}

for (const strategy of STRATEGIES) {
  summary(() => {
    bench(`${strategy}: createOperation arith.addi ×${N}`, fixture(strategy, (ctx, ip, a, b) => {
      // The result is read as the builder returns it: what a user of either needs next.
      for (let i = 0; i < N; i++) do_not_optimize(ctx.createOperation({ name: "arith.addi", operands: [a, b], results: [a.type], insertAt: ip }).result);
    }));
    bench(`${strategy}: arith.addi builder ×${N}`, fixture(strategy, (_ctx, ip, a, b) => {
      for (let i = 0; i < N; i++) do_not_optimize(arith.addi(a, b, { ip }));
    }));
  });
}

await run();
