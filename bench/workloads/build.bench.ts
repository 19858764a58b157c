/**
 * Building IR: `size` `arith.addi` appended at one insertion point, once
 * through `ctx.createOperation` (reading `.result`, as the next op would) and
 * once through the generated builder `arith.addi(a, b, { ip })`, which makes
 * that same call. Both run in the same process, so their ratio is the
 * builder's own cost (the report's target: at most 1.2×).
 *
 * @module
 */
import { do_not_optimize } from "mitata";
import { bench } from "../harness.ts";
import { type Context, FunctionType, InsertionPoint, IntegerType, type Value } from "../../src/mod.ts";
import * as arith from "../../src/dialects/arith.ts";
import { contextFor, type Variant } from "../fixtures.ts";
import type { Meta, Workload } from "../workload.ts";

type Build = (ctx: Context, ip: InsertionPoint, a: Value, b: Value, n: number) => void;

/** A sample: a fresh module with one function of two i32 arguments, `n` ops built into its entry block. */
function declare(name: string, variant: Variant, sizes: readonly number[], meta: Meta, build: Build): void {
  bench(name, function* (state) {
    const size = state.get("size") as number;
    meta.set(`${name}:${size}`, { units: size });
    const ctx = contextFor(variant);
    const i32 = IntegerType.get(ctx, 32);
    const type = ctx.parseAttribute(`${FunctionType.get(ctx, [i32, i32], [])}`);
    const symbol = ctx.parseAttribute('"f"');
    yield () => {
      const mod = ctx.createModule();
      const f = ctx.createOperation({
        name: "func.func",
        regions: 1,
        attributes: { sym_name: symbol, function_type: type },
        insertAt: InsertionPoint.atEnd(mod.body),
      });
      const entry = f.regions.at(0)!.appendBlock([i32, i32]);
      const a = entry.arguments.at(0)!;
      const b = entry.arguments.at(1)!;
      build(ctx, InsertionPoint.atEnd(entry), a, b, size);
      do_not_optimize(entry);
      mod.dispose();
    };
    ctx.dispose();
  }).args("size", sizes.filter((n) => n <= MAX_SIZE));
}

/**
 * Building 100k ops takes seconds per sample (and the ratio is the same at
 * 10k), so these run at the sizes up to 10k.
 */
const MAX_SIZE = 10_000;

/** Strategies only: raw FFI and the native walk have no builders to compare. */
const applies = (variant: Variant) => variant !== "native" && variant !== "raw";

export const create: Workload = {
  name: "create",
  title: "Build arith.addi ops with ctx.createOperation (ns per op)",
  unit: "op",
  sized: true,
  rewrites: true,
  register(variant, sizes, meta) {
    if (!applies(variant)) return;
    declare("create", variant, sizes, meta, (ctx, ip, a, b, n) => {
      for (let i = 0; i < n; i++) do_not_optimize(ctx.createOperation({ name: "arith.addi", operands: [a, b], results: [a.type], insertAt: ip }).result);
    });
  },
};

export const build: Workload = {
  name: "build",
  title: "Build arith.addi ops with the generated builder arith.addi (ns per op)",
  unit: "op",
  sized: true,
  rewrites: true,
  register(variant, sizes, meta) {
    if (!applies(variant)) return;
    declare("build", variant, sizes, meta, (_ctx, ip, a, b, n) => {
      for (let i = 0; i < n; i++) do_not_optimize(arith.addi(a, b, { ip }));
    });
  },
};
