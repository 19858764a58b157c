/**
 * Repeated access of one hot operation: its name, an attribute, an operand
 * and a result, each against the raw FFI call that reads the same thing.
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
  return hotOp(variant, 0);
}

/** Operation `index` of the first function's body (0: arith.constant, 1: arith.addi). */
function hotOp(variant: Variant, index: number): { op: Operation; done(): void } {
  const ctx = contextFor(variant);
  const mod = ctx.parseModule(source("functions", 1000));
  const op = mod.body.operations.at(0)!.regions.at(0)!.blocks.at(0)!.operations.at(index)!;
  return { op, done: () => (mod.dispose(), ctx.dispose()) };
}

/** The first arith.addi of a generated module, through bare FFI. */
function rawHotAdd(): { ptr: number; done(): void } {
  const raw = new RawContext();
  const root = raw.parse(source("functions", 1000));
  const { ptrs } = rawList(root); // module, func, constant, addi, ...
  return { ptr: ptrs[3]!, done: () => raw.dispose() };
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

export const hotOperand: Workload = {
  name: "hot-operand",
  title: "Hot op: read its first operand",
  unit: "access",
  sized: false,
  register(variant: Variant, _sizes: readonly number[], _meta: Meta): void {
    if (variant === "native") return;
    bench("hot-operand", function* () {
      if (variant === "raw") {
        const { ptr, done } = rawHotAdd();
        yield () => do_not_optimize(lib.mlirffi_op_operand(ptr, 0));
        done();
      } else {
        const { op, done } = hotOp(variant, 1);
        yield () => do_not_optimize(op.operands.at(0));
        done();
      }
    });
  },
};

export const hotResult: Workload = {
  name: "hot-result",
  title: "Hot op: read its result",
  unit: "access",
  sized: false,
  register(variant: Variant, _sizes: readonly number[], _meta: Meta): void {
    if (variant === "native") return;
    bench("hot-result", function* () {
      if (variant === "raw") {
        const { ptr, done } = rawHotAdd();
        yield () => do_not_optimize(lib.mlirffi_op_result(ptr, 0));
        done();
      } else {
        const { op, done } = hotOp(variant, 1);
        yield () => do_not_optimize(op.result);
        done();
      }
    });
  },
};
