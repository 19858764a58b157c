/**
 * Module churn: create, touch and drop (or dispose) 10,000 modules; report the
 * JS heap, the process RSS and the C heap in use before, right after, and
 * after a full GC. The C heap tells a leak from memory the allocator keeps:
 * freed native memory leaves it but may stay in RSS.
 * Runs in its own process per strategy:
 *
 *   <runtime> bench/churn.ts <strategy> <modules> <out.json>
 *
 * A warm-up round runs first, so the baseline is the steady state (malloc
 * arenas and JIT code already grown) and the drift shows growth with history.
 *
 * @module
 */
import { writeFileSync } from "node:fs";
import process from "node:process";
import { Context, type StrategyName } from "../src/mod.ts";
import { forceGC } from "../test/_gc.ts";
import { benchLib } from "./native_symbols.ts";

/** Memory at one moment, in bytes. */
export interface Memory {
  /** JS heap in use. */
  readonly heap: number;
  readonly rss: number;
  /** C heap in use (glibc's mallinfo2); absent in reports made before it was measured. */
  readonly native?: number;
}

/** What one churn run measured. */
export interface ChurnResult {
  readonly strategy: StrategyName;
  readonly dispose: boolean;
  readonly modules: number;
  readonly microsPerModule: number;
  readonly before: Memory;
  readonly after: Memory;
  readonly afterGC: Memory;
}

const SOURCE = `func.func @f(%a: i32) -> i32 {
  %c = arith.constant 1 : i32
  %0 = arith.addi %a, %c : i32
  return %0 : i32
}`;

function memory(): Memory {
  const m = process.memoryUsage();
  return { heap: m.heapUsed, rss: m.rss, native: benchLib.mlirffi_bench_malloc_in_use() };
}

function churn(ctx: Context, modules: number, dispose: boolean): void {
  for (let i = 0; i < modules; i++) {
    const mod = ctx.parseModule(SOURCE);
    let n = 0;
    mod.operation.walk((op) => void (n += op.name.length));
    if (dispose) mod.dispose();
  }
}

async function measure(strategy: StrategyName, modules: number, dispose: boolean): Promise<ChurnResult> {
  const ctx = new Context({ strategy });
  churn(ctx, modules, dispose); // warm-up: reach the steady state
  await forceGC(6);
  const before = memory();
  const start = performance.now();
  churn(ctx, modules, dispose);
  const micros = ((performance.now() - start) * 1000) / modules;
  const after = memory();
  await forceGC(6);
  const afterGC = memory();
  ctx.dispose();
  return { strategy, dispose, modules, microsPerModule: micros, before, after, afterGC };
}

const [strategy, count, out] = process.argv.slice(-3) as [StrategyName, string, string];
const results = [await measure(strategy, Number(count), false), await measure(strategy, Number(count), true)];
for (const r of results) {
  const drift = (m: keyof Memory) => (((r.afterGC[m]! - r.before[m]!) / r.before[m]!) * 100).toFixed(1);
  console.log(
    `churn ${strategy.padEnd(9)} ${r.dispose ? "dispose()" : "GC only  "} ${r.microsPerModule.toFixed(1)} µs/module, ` +
      `heap drift ${drift("heap")}%, RSS drift ${drift("rss")}%, C heap drift ${drift("native")}%`,
  );
}
writeFileSync(out, JSON.stringify(results, null, 1));
