/**
 * Builds, without parsing any text, a module with a function that adds two
 * tensors element-wise with an `scf.for` loop, verifies it and prints it.
 *
 *   bun examples/add_tensors.ts [interned|weak|ephemeral]
 *   deno run -P examples/add_tensors.ts [interned|weak|ephemeral]
 *
 * @module
 */
import process from "node:process";
import {
  Context,
  FloatType,
  FunctionType,
  IndexType,
  InsertionPoint,
  IntegerAttr,
  Location,
  type Operation,
  type OperationSpec,
  RankedTensorType,
  type StrategyName,
  StringAttr,
  TypeAttr,
  type Value,
} from "../src/mod.ts";

const strategy = (process.argv.at(-1) ?? "") as StrategyName;
using ctx = new Context({ strategy: ["interned", "weak", "ephemeral"].includes(strategy) ? strategy : undefined });
const loc = Location.file(ctx, "add_tensors.ts", 1, 1);
const f32 = FloatType.f32(ctx);
const index = IndexType.get(ctx);
const tensor = RankedTensorType.get([null], f32); // tensor<?xf32>

/** Creates an operation at `at`, with the example's location. */
function build(at: InsertionPoint, name: string, spec: Omit<OperationSpec, "name" | "insertAt"> = {}): Operation {
  return ctx.createOperation({ name, location: loc, insertAt: at, ...spec });
}

using mod = ctx.createModule(loc);

// func.func @add(%a: tensor<?xf32>, %b: tensor<?xf32>) -> tensor<?xf32>
const func = build(InsertionPoint.atEnd(mod.body), "func.func", {
  regions: 1,
  attributes: {
    sym_name: StringAttr.get(ctx, "add"),
    function_type: TypeAttr.get(FunctionType.get(ctx, [tensor, tensor], [tensor])),
  },
});
const entry = func.regions.at(0)!.appendBlock([tensor, tensor], [loc, loc]);
const [a, b] = entry.arguments.toArray() as Value[] as [Value, Value];
const at = InsertionPoint.atEnd(entry);

const constant = (n: number) => build(at, "arith.constant", { attributes: { value: IntegerAttr.get(index, n) }, results: [index] }).result;
const c0 = constant(0);
const c1 = constant(1);
const n = build(at, "tensor.dim", { operands: [a, c0], inferResultTypes: true }).result;
const init = build(at, "tensor.empty", { operands: [n], results: [tensor] }).result;

// scf.for %i = %c0 to %n step %c1 iter_args(%acc = %init) -> tensor<?xf32>
const loop = build(at, "scf.for", { operands: [c0, n, c1, init], results: [tensor], regions: 1 });
const body = loop.regions.at(0)!.appendBlock([index, tensor], [loc, loc]);
const [i, acc] = body.arguments.toArray() as Value[] as [Value, Value];
const inLoop = InsertionPoint.atEnd(body);
const x = build(inLoop, "tensor.extract", { operands: [a, i], inferResultTypes: true }).result;
const y = build(inLoop, "tensor.extract", { operands: [b, i], inferResultTypes: true }).result;
const sum = build(inLoop, "arith.addf", { operands: [x, y], inferResultTypes: true }).result;
const updated = build(inLoop, "tensor.insert", { operands: [sum, acc, i], inferResultTypes: true }).result;
build(inLoop, "scf.yield", { operands: [updated] });

build(at, "func.return", { operands: [loop.result] });

mod.verify();
console.log(mod.toString());
