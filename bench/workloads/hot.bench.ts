/**
 * Repeated access of one hot operation: its name and an attribute.
 *
 * @module
 */
import { do_not_optimize } from "mitata";
import { bench } from "../harness.ts";
import { lib } from "../../src/ffi/load.ts";
import { nameBytes } from "../../src/ffi/text.ts";
import type { Operation } from "../../src/mod.ts";
import { contextFor, source, type Variant } from "../fixtures.ts";
import { RawContext, rawList, rawName } from "../raw.ts";
import type { Meta, Workload } from "../workload.ts";

/** The first arith.constant of a generated module, through bare FFI. */
function rawHotConstant(): { ptr: number; done(): void } {
  const raw = new RawContext();
  const root = raw.parse(source("functions", 1000));
  const { ptrs } = rawList(root); // module, func, constant, ...
  return { ptr: ptrs[2]!, done: () => raw.dispose() };
}

function hotConstant(variant: Variant): { op: Operation; done(): void } {
  const ctx = contextFor(variant);
  const mod = ctx.parseModule(source("functions", 1000));
  const op = mod.body.operations.at(0)!.regions.at(0)!.blocks.at(0)!.operations.at(0)!;
  return { op, done: () => (mod.dispose(), ctx.dispose()) };
}

export const hotName: Workload = {
  name: "hot-name",
  title: "Hot op: read its name",
  unit: "access",
  sized: false,
  register(variant: Variant, _sizes: readonly number[], _meta: Meta): void {
    if (variant === "native") return;
    bench("hot-name", function* () {
      if (variant === "raw") {
        const { ptr, done } = rawHotConstant();
        yield () => do_not_optimize(rawName(ptr));
        done();
      } else {
        const { op, done } = hotConstant(variant);
        yield () => do_not_optimize(op.name);
        done();
      }
    });
  },
};

export const hotAttribute: Workload = {
  name: "hot-attribute",
  title: "Hot op: look up an attribute by name",
  unit: "access",
  sized: false,
  register(variant: Variant, _sizes: readonly number[], _meta: Meta): void {
    if (variant === "native") return;
    bench("hot-attribute", function* () {
      if (variant === "raw") {
        const { ptr, done } = rawHotConstant();
        const key = nameBytes("value");
        yield () => do_not_optimize(lib.mlirffi_op_attribute_get(ptr, key, key.length));
        done();
      } else {
        const { op, done } = hotConstant(variant);
        yield () => do_not_optimize(op.attributes.get("value"));
        done();
      }
    });
  },
};
