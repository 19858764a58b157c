/**
 * Full walk of a module, yielding a handle per operation and reading its name.
 *
 * @module
 */
import { do_not_optimize } from "mitata";
import { bench } from "../harness.ts";
import { benchLib } from "../native_symbols.ts";
import { contextFor, source, type Variant } from "../fixtures.ts";
import { RawContext, rawList, rawWalk } from "../raw.ts";
import type { Operation } from "../../src/mod.ts";
import type { Meta, Result, Workload } from "../workload.ts";

export const walk: Workload = {
  name: "walk",
  title: "Full walk yielding a handle per op and reading its name",
  unit: "op",
  sized: true,
  register(variant: Variant, sizes: readonly number[], meta: Meta): void {
    if (variant === "native") return;
    if (variant === "raw") {
      bench("walk", function* (state) {
        const size = state.get("size") as number;
        const raw = new RawContext();
        const root = raw.parse(source("functions", size));
        meta.set(`walk:${size}`, { units: rawList(root).count });
        yield () => do_not_optimize(rawWalk(root));
        raw.dispose();
      }).args("size", [...sizes]);
      return;
    }
    bench("walk", function* (state) {
      const size = state.get("size") as number;
      const ctx = contextFor(variant);
      const mod = ctx.parseModule(source("functions", size));
      const root = mod.operation;
      let ops = 0;
      root.walk(() => void ops++);
      meta.set(`walk:${size}`, { units: ops });
      yield () => {
        let total = 0;
        root.walk((op) => {
          total += op.name.length;
        });
        return do_not_optimize(total);
      };
      mod.dispose();
      ctx.dispose();
    }).args("size", [...sizes]);
  },
};

/** The native floor: MLIR's own C walk reading each name, timed in C (best of `reps`). */
export function nativeWalk(sizes: readonly number[], reps: number): Result[] {
  return sizes.map((size) => {
    const raw = new RawContext();
    const root = raw.parse(source("functions", size));
    const out = new Float64Array(2);
    benchLib.mlirffi_bench_native_walk(root, 3, out); // warm up
    const best = benchLib.mlirffi_bench_native_walk(root, reps, out);
    raw.dispose();
    return { workload: "walk", variant: "native", size, nsPerUnit: best, p50PerUnit: best, samples: reps };
  });
}

/**
 * Structured iteration, as Python users write it: regions, then blocks, then
 * operations, recursively, reading each op's name (compared with the native
 * walk, which visits the same ops).
 */
export const iterate: Workload = {
  name: "iterate",
  title: "Nested iteration (regions, blocks, operations) reading each op's name",
  unit: "op",
  sized: true,
  register(variant: Variant, sizes: readonly number[], meta: Meta): void {
    if (variant === "native" || variant === "raw") return;
    bench("iterate", function* (state) {
      const size = state.get("size") as number;
      const ctx = contextFor(variant);
      const mod = ctx.parseModule(source("functions", size));
      const root = mod.operation;
      let total = 0;
      const visit = (op: Operation): void => {
        total += op.name.length;
        for (const region of op.regions) for (const block of region.blocks) for (const inner of block.operations) visit(inner);
      };
      let ops = 0;
      root.walk(() => void ops++);
      meta.set(`iterate:${size}`, { units: ops });
      yield () => {
        total = 0;
        visit(root);
        return do_not_optimize(total);
      };
      mod.dispose();
      ctx.dispose();
    }).args("size", [...sizes]);
  },
};
