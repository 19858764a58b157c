/**
 * Identity-heavy code: every op of a module into a Map, then every op looked
 * up again (`===` keys for interned and weak, `key` for ephemeral).
 *
 * @module
 */
import { do_not_optimize } from "mitata";
import { bench } from "../harness.ts";
import type { Operation } from "../../src/mod.ts";
import { contextFor, source, type Variant } from "../fixtures.ts";
import { RawContext, rawList } from "../raw.ts";
import type { Meta, Workload } from "../workload.ts";

export const identity: Workload = {
  name: "identity",
  title: "Ops as Map keys: insert every op, then look every op up",
  unit: "op",
  sized: true,
  register(variant: Variant, sizes: readonly number[], meta: Meta): void {
    if (variant === "native") return;
    if (variant === "raw") {
      bench("identity", function* (state) {
        const size = state.get("size") as number;
        const raw = new RawContext();
        const root = raw.parse(source("functions", size));
        meta.set(`identity:${size}`, { units: rawList(root).count });
        yield () => {
          const seen = new Map<number, number>();
          const first = rawList(root);
          for (let i = 0; i < first.count; i++) seen.set(first.ptrs[i]!, i);
          let hits = 0;
          const second = rawList(root);
          for (let i = 0; i < second.count; i++) if (seen.has(second.ptrs[i]!)) hits++;
          return do_not_optimize(hits);
        };
        raw.dispose();
      }).args("size", [...sizes]);
      return;
    }
    bench("identity", function* (state) {
      const size = state.get("size") as number;
      const ctx = contextFor(variant);
      const mod = ctx.parseModule(source("functions", size));
      let ops = 0;
      mod.operation.walk(() => void ops++);
      meta.set(`identity:${size}`, { units: ops });
      if (variant === "ephemeral") {
        const root = mod.operation;
        yield () => {
          const seen = new Map<number, Operation>();
          root.walk((op) => void seen.set(op.key, op));
          let hits = 0;
          root.walk((op) => void (seen.has(op.key) && hits++));
          return do_not_optimize(hits);
        };
      } else {
        const root = mod.operation;
        yield () => {
          const seen = new Map<Operation, number>();
          root.walk((op) => void seen.set(op, 1));
          let hits = 0;
          root.walk((op) => void (seen.has(op) && hits++));
          return do_not_optimize(hits);
        };
      }
      mod.dispose();
      ctx.dispose();
    }).args("size", [...sizes]);
  },
};
