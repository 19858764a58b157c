/**
 * `op.operands` is a live list read one operand per native call, with the
 * operand's owner and number taken from the native mailbox; `op.result` is
 * read once per handle. Both must give the same handles as before, under
 * every strategy, and stay safe across edits.
 *
 * @module
 */
import { test } from "node:test";
import { assert, assertEquals, assertInstanceOf, assertStrictEquals, assertThrows } from "@std/assert";
import { assertArgumentError, assertInvalidHandle } from "../_errors.ts";
import { BlockArgument, Context, type Operation, OperandList, OpResult, STRATEGIES, StructuralError } from "../../src/mod.ts";

const SOURCE = `
func.func @f(%a: i32, %b: i32) -> (i32, i32) {
  %p:2 = "test.pair"(%a) : (i32) -> (i32, i32)
  %s = arith.addi %p#1, %b : i32
  %t = arith.addi %s, %p#0 : i32
  return %t, %a : i32, i32
}`;

/** The ops of @f's body: pair, first addi, second addi, return. */
function bodyOps(ctx: Context, text = SOURCE): Operation[] {
  const mod = ctx.parseModule(text);
  return mod.body.operations.at(0)!.regions.at(0)!.blocks.at(0)!.operations.toArray();
}

for (const strategy of STRATEGIES) {
  const options = { strategy, allowUnregisteredDialects: true } as const;

  test(`operands [${strategy}] name each value's owner and number, results and block arguments alike`, () => {
    using ctx = new Context(options);
    const [pair, add1, add2, ret] = bodyOps(ctx);
    const fn = pair!.parent!;
    const [a, b] = fn.regions.at(0)!.blocks.at(0)!.arguments.toArray();

    const first = add1!.operands.at(0)!;
    assertInstanceOf(first, OpResult);
    assert(first.owner.equals(pair!));
    assertEquals(first.resultNumber, 1);
    assert(first.equals(pair!.results.at(1)!));
    const second = add1!.operands.at(1)!;
    assertInstanceOf(second, BlockArgument);
    assert(second.equals(b!));
    assertEquals(second.argNumber, 1);

    assert(add2!.operands.at(0)!.equals(add1!.result));
    assert(add2!.operands.at(1)!.equals(pair!.results.at(0)!));
    const [t, a2] = ret!.operands;
    assert(t!.equals(add2!.result));
    assertInstanceOf(a2, BlockArgument);
    assert(a2.equals(a!));
    if (strategy !== "ephemeral") {
      assertStrictEquals(add1!.operands.at(0), pair!.results.at(1));
      assertStrictEquals(ret!.operands.at(1), a);
    }
  });

  test(`operands [${strategy}] index like an array: negative from the end, undefined out of range`, () => {
    using ctx = new Context(options);
    const ret = bodyOps(ctx)[3]!;
    const list = ret.operands;
    assertInstanceOf(list, OperandList);
    assertEquals(list.length, 2);
    assert(list.at(-1)!.equals(list.at(1)!));
    assert(list.at(-2)!.equals(list.at(0)!));
    assertStrictEquals(list.at(2), undefined);
    assertStrictEquals(list.at(-3), undefined);
    assertEquals(list.toArray().length, 2);
    assertArgumentError(() => list.at(0.5), { argument: "OperandList.at's index", got: "number 0.5" });
    assertArgumentError(() => list.at(Number.NaN), { argument: "OperandList.at's index" });
  });

  test(`operands [${strategy}] are live: a list kept across setOperand sees the new value`, () => {
    using ctx = new Context(options);
    const [pair, add1, , ret] = bodyOps(ctx);
    const list = ret!.operands;
    const before = list.at(0)!;
    list.set(0, add1!.result);
    assert(list.at(0)!.equals(add1!.result));
    assert(!list.at(0)!.equals(before));
    ret!.setOperand(0, pair!.results.at(0)!);
    assert(list.at(0)!.equals(pair!.results.at(0)!));
    assertArgumentError(() => list.set(2, add1!.result), { argument: "setOperand's index" });
  });

  test(`operands [${strategy}] a list of an erased op throws, also in the middle of a loop`, () => {
    using ctx = new Context(options);
    const [, , add2, ret] = bodyOps(ctx);
    const list = ret!.operands;
    const seen: unknown[] = [];
    assertInvalidHandle(() => {
      for (const v of list) {
        seen.push(v);
        ret!.erase();
      }
    }, { kind: "Operation", reason: "operation erased" });
    assertEquals(seen.length, 1);
    assertInvalidHandle(() => list.at(0), { kind: "Operation", reason: "operation erased" });
    assertInvalidHandle(() => list.length, { kind: "Operation", reason: "operation erased" });
    // The values it used are still fine.
    assertEquals(add2!.operands.length, 2);
  });

  test(`operands [${strategy}] a loop sees operands an MLIR rewrite changed under it`, () => {
    using ctx = new Context(options);
    const mod = ctx.parseModule(`func.func @g(%x: i32) -> i32 {
      %z = arith.constant 0 : i32
      %y = arith.addi %x, %z : i32
      return %y : i32
    }`);
    const ops = mod.body.operations.at(0)!.regions.at(0)!.blocks.at(0)!.operations;
    const ret = ops.at(2)!;
    const names: string[] = [];
    using pm = ctx.passManager("builtin.module(canonicalize)");
    assertInvalidHandle(() => {
      for (const v of ret.operands) {
        names.push(v instanceof OpResult ? v.owner.name : "arg");
        pm.run(mod); // folds x + 0: the return now uses %x
      }
    }, { kind: "Operation", reason: "invalidated by pass run" });
    assertEquals(names, ["arith.addi"]);
    const after = mod.body.operations.at(0)!.regions.at(0)!.blocks.at(0)!.operations;
    const ret2 = after.at(after.length - 1)!;
    assertInstanceOf(ret2.operands.at(0), BlockArgument);
  });

  test(`result [${strategy}] the same value on every read, and a clear error for zero or two results`, () => {
    using ctx = new Context(options);
    const [pair, add1, , ret] = bodyOps(ctx);
    const r = add1!.result;
    for (let i = 0; i < 3; i++) assert(add1!.result.equals(r));
    if (strategy !== "ephemeral") assertStrictEquals(add1!.result, r);
    assertEquals(r.resultNumber, 0);
    for (const op of [pair!, ret!]) {
      for (let i = 0; i < 2; i++) assertThrows(() => op.result, StructuralError);
    }
    const [, , add2] = bodyOps(ctx, SOURCE.replace("@f", "@h"));
    add2!.parent!.regions.at(0)!.blocks.at(0)!.operations.at(3)!.erase();
    add2!.erase();
    assertInvalidHandle(() => add2!.result, { kind: "Operation", reason: "operation erased" });
  });
}

test("operands: workers each read their own mailbox (the digest the threads test compares)", async () => {
  const { workload } = await import("../threads/_workload.ts");
  // 3 functions of: addi %a, %c; addi %0, %z; return %1 (see _workload.ts).
  const digest = workload("ephemeral", 3, 1);
  // Per function: one block argument (number 0), four result operands (all
  // number 0): arith.constant twice (14), arith.addi twice (10).
  assertEquals(digest.operands, [3, 12, 3 * (14 + 14 + 10 + 10)]);
});
