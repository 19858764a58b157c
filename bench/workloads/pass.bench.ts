/**
 * A pass run (canonicalize) on the module, then a fresh walk of the result.
 * Each sample gets a freshly parsed module (parsing is not timed).
 *
 * @module
 */
import { do_not_optimize } from "mitata";
import { bench } from "../harness.ts";
import { lib } from "../../src/ffi/load.ts";
import type { Module } from "../../src/mod.ts";
import { contextFor, source, type Variant } from "../fixtures.ts";
import { RawContext, rawWalk } from "../raw.ts";
import type { Meta, Workload } from "../workload.ts";

const PIPELINE = "builtin.module(canonicalize)";

export const passRun: Workload = {
  name: "pass",
  title: "Canonicalize the module, then re-fetch and walk it",
  unit: "op",
  sized: true,
  rewrites: true,
  register(variant: Variant, sizes: readonly number[], meta: Meta): void {
    if (variant === "native") return;
    if (variant === "raw") {
      bench("pass", function* (state) {
        const size = state.get("size") as number;
        meta.set(`pass:${size}`, { units: size });
        const raw = new RawContext();
        const pm = raw.passManager(PIPELINE);
        yield {
          [0]: () => raw.parse(source("functions", size)),
          bench(root: number) {
            lib.mlirffi_pm_run(pm, root, false, true);
            const total = rawWalk(root);
            raw.destroy(root);
            return do_not_optimize(total);
          },
        };
        lib.mlirffi_pm_destroy(pm);
        raw.dispose();
      }).args("size", [...sizes]);
      return;
    }
    bench("pass", function* (state) {
      const size = state.get("size") as number;
      meta.set(`pass:${size}`, { units: size });
      const ctx = contextFor(variant);
      const pm = ctx.passManager(PIPELINE);
      yield {
        [0]: () => ctx.parseModule(source("functions", size)),
        bench(mod: Module) {
          pm.run(mod);
          let total = 0;
          mod.operation.walk((op) => void (total += op.name.length));
          mod.dispose();
          return do_not_optimize(total);
        },
      };
      pm.dispose();
      ctx.dispose();
    }).args("size", [...sizes]);
  },
};
