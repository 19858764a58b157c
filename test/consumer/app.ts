// A first program against the installed package, as a user would write it:
// parse, walk, rewrite, build with the generated dialect builders, and print a module.
import { Context, FunctionType, InsertionPoint, IntegerAttr, IntegerType, SymbolTable } from "mlir-ffi";
import { arith, func } from "mlir-ffi/dialects";

using ctx = new Context();
using mod = ctx.parseModule(`
  func.func @double(%x: i32) -> i32 {
    %two = arith.constant 2 : i32
    %y = arith.muli %x, %two : i32
    return %y : i32
  }`);

const counts = new Map<string, number>();
mod.operation.walk((op) => void counts.set(op.name, (counts.get(op.name) ?? 0) + 1));

mod.operation.walk((op) => {
  if (op.name === "arith.constant") op.attributes.set("value", IntegerAttr.get(IntegerType.get(ctx, 32), 3));
});
new SymbolTable(mod.operation).rename(mod.body.operations.at(0)!, "triple");
{
  const i32 = IntegerType.get(ctx, 32);
  using _ = InsertionPoint.atEnd(mod.body).enter();
  const add = func.func("add", FunctionType.get(ctx, [i32, i32], [i32]));
  using _body = InsertionPoint.atEnd(add.addEntryBlock()).enter();
  const [a, b] = add.arguments;
  func.return_([arith.addi(a!, b!)]);
}
mod.verify();

console.log(JSON.stringify(Object.fromEntries(counts)));
console.log(mod.toString());
