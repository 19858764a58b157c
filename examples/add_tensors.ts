/**
 * Builds, without parsing any text, a module with a function that adds two
 * tensors element-wise with an `scf.for` loop, verifies it and prints it.
 * The ops come from the typed dialect builders (`arith.addf`, `scf.for_`,
 * ...), named and shaped like MLIR's Python bindings.
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
  Location,
  RankedTensorType,
  type StrategyName,
} from "../src/mod.ts";
import * as arith from "../src/dialects/arith.ts";
import * as func from "../src/dialects/func.ts";
import * as scf from "../src/dialects/scf.ts";
import * as tensor from "../src/dialects/tensor.ts";

const strategy = (process.argv.at(-1) ?? "") as StrategyName;
using ctx = new Context({ strategy: ["interned", "weak", "ephemeral"].includes(strategy) ? strategy : undefined });
const loc = Location.file(ctx, "add_tensors.ts", 1, 1);
using _loc = loc.enter(); // every op below gets this location
const f32 = FloatType.f32(ctx);
const index = IndexType.get(ctx);
const tensorType = RankedTensorType.get([null], f32); // tensor<?xf32>

using mod = ctx.createModule(loc);

// func.func @add(%a: tensor<?xf32>, %b: tensor<?xf32>) -> tensor<?xf32>
const add = func.func("add", FunctionType.get(ctx, [tensorType, tensorType], [tensorType]), {
  ip: InsertionPoint.atEnd(mod.body),
});
const [a, b] = add.addEntryBlock().arguments.toArray();
{
  using _ = InsertionPoint.atEnd(add.entryBlock).enter();
  const c0 = arith.constant(index, 0);
  const c1 = arith.constant(index, 1);
  const n = tensor.dim(a!, c0);
  const init = tensor.empty([n], f32);

  // scf.for %i = %c0 to %n step %c1 iter_args(%acc = %init) -> tensor<?xf32>
  const loop = scf.for_(c0, n, c1, [init]);
  {
    using _body = InsertionPoint.atEnd(loop.bodyBlock).enter();
    const i = loop.inductionVar;
    const [acc] = loop.innerIterArgs;
    const sum = arith.addf(tensor.extract(a!, [i]), tensor.extract(b!, [i]));
    scf.yield_([tensor.insert(sum, acc!, [i])]);
  }

  func.return_(loop.results);
}

mod.verify();
console.log(mod.toString());
