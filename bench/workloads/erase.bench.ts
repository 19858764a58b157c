/**
 * Erase-heavy rewriting: erase every other op of a large block, then walk.
 * Each sample gets a freshly parsed module (parsing is not timed).
 *
 * @module
 */
import { do_not_optimize } from "mitata";
import { bench } from "../harness.ts";
import { lib } from "../../src/ffi/load.ts";
import type { Module } from "../../src/mod.ts";
import { contextFor, source, type Variant } from "../fixtures.ts";
import { RawContext, rawBlockOps, rawList, rawWalk } from "../raw.ts";
import type { Meta, Workload } from "../workload.ts";

export const erase: Workload = {
  name: "erase",
  title: "Erase every other op of a large block, then walk",
  unit: "op",
  sized: true,
  rewrites: true,
  register(variant: Variant, sizes: readonly number[], meta: Meta): void {
    if (variant === "native") return;
    const text = (size: number) => source("constants", size);
    if (variant === "raw") {
      bench("erase", function* (state) {
        const size = state.get("size") as number;
        meta.set(`erase:${size}`, { units: size });
        const raw = new RawContext();
        yield {
          [0]: () => raw.parse(text(size)),
          bench(root: number) {
            // Pre-order: module, function, first constant: its block is the body.
            const body = lib.mlirffi_op_block(rawList(root).ptrs[2]!);
            const list = rawBlockOps(body);
            for (let i = 0; i < list.length - 1; i += 2) lib.mlirffi_op_destroy(list[i]!);
            const total = rawWalk(root);
            raw.destroy(root);
            return do_not_optimize(total);
          },
        };
        raw.dispose();
      }).args("size", [...sizes]);
      return;
    }
    bench("erase", function* (state) {
      const size = state.get("size") as number;
      meta.set(`erase:${size}`, { units: size });
      const ctx = contextFor(variant);
      yield {
        [0]: () => ctx.parseModule(text(size)),
        bench(mod: Module) {
          const body = mod.body.operations.at(0)!.regions.at(0)!.blocks.at(0)!;
          let total = 0;
          const ops = body.operations.toArray();
          for (let i = 0; i < ops.length - 1; i += 2) ops[i]!.erase();
          mod.operation.walk((op) => void (total += op.name.length));
          mod.dispose();
          return do_not_optimize(total);
        },
      };
      ctx.dispose();
    }).args("size", [...sizes]);
  },
};
