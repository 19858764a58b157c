/**
 * The traversal API, under every strategy: operations, regions, blocks,
 * values, uses, attributes, walks and lists.
 *
 * @module
 */
import { test } from "node:test";
import {
  assert,
  assertEquals,
  assertFalse,
  assertInstanceOf,
  assertStrictEquals,
  assertStringIncludes,
  assertThrows,
} from "@std/assert";
import { assertArgumentError } from "../_errors.ts";
import {
  ArgumentError,
  Block,
  BlockArgument,
  Context,
  type Operation,
  OpResult,
  STRATEGIES,
  StructuralError,
} from "../../src/mod.ts";

const LOOP = `func.func @sum(%n: index, %init: i32) -> i32 {
  %c0 = arith.constant 0 : index
  %c1 = arith.constant 1 : index
  %r = scf.for %i = %c0 to %n step %c1 iter_args(%acc = %init) -> (i32) {
    %one = arith.constant 1 : i32
    %next = arith.addi %acc, %one : i32
    scf.yield %next : i32
  }
  return %r : i32
}`;

for (const strategy of STRATEGIES) {
  const t = (name: string, fn: (ctx: Context) => void) =>
    test(`ir [${strategy}] ${name}`, () => {
      using ctx = new Context({ strategy });
      fn(ctx);
    });

  t("operations, regions, blocks and their parents", (ctx) => {
    using mod = ctx.parseModule(LOOP, { filename: "loop.mlir" });
    const f = mod.body.operations.at(0)!;
    assertEquals(f.numRegions, 1);
    const body = f.regions.at(0)!.blocks.at(0)!;
    assertInstanceOf(body, Block);
    assertEquals(body.operations.toArray().map((op) => op.name), [
      "arith.constant",
      "arith.constant",
      "scf.for",
      "func.return",
    ]);
    const loop = body.operations.at(2)!;
    assert(loop.parent!.equals(f));
    assert(loop.block!.equals(body));
    assert(body.parent!.equals(f));
    assert(body.region!.equals(f.regions.at(0)));
    assertEquals(body.region!.index, 0);
    assert(body.terminator!.equals(body.operations.at(-1)));
    assertEquals(mod.operation.parent, null);
    assertEquals(loop.location.toString(), 'loc("loop.mlir":4:8)');
    assertStrictEquals(loop.context, ctx);
  });

  t("results, operands, block arguments and uses", (ctx) => {
    using mod = ctx.parseModule(LOOP);
    const f = mod.body.operations.at(0)!;
    const body = f.regions.at(0)!.blocks.at(0)!;
    const [n, init] = body.arguments.toArray();
    assertInstanceOf(n, BlockArgument);
    assertEquals([n!.type.toString(), init!.type.toString()], ["index", "i32"]);
    assertEquals([n!.argNumber, init!.argNumber], [0, 1]);
    assert(n!.owner.equals(body));
    assert(n!.isBlockArgument);
    assertFalse(n!.isOpResult);
    const loop = body.operations.at(2)!;
    assertEquals(loop.numOperands, 4);
    assert(loop.operands.at(0)!.equals(body.operations.at(0)!.result));
    assert(loop.operands.at(1)!.equals(n));
    const r = loop.result;
    assertInstanceOf(r, OpResult);
    assert(r.owner.equals(loop));
    assertEquals(r.resultNumber, 0);
    assertEquals(r.name, "%0");
    const uses = r.uses.toArray();
    assertEquals(uses.length, 1);
    assertEquals(uses[0]!.owner.name, "func.return");
    assertEquals(uses[0]!.operandNumber, 0);
    assert(uses[0]!.value.equals(r));
    assertEquals(init!.uses.length, 1);
    assert(init!.uses.at(0)!.equals(init!.uses.at(0)));
    assertEquals(typeof init!.uses.at(0)!.key, "number");
    // The loop body's arguments: induction variable and accumulator.
    const inner = loop.regions.at(0)!.blocks.at(0)!;
    assertEquals(inner.arguments.toArray().map((a) => a.type.toString()), ["index", "i32"]);
    assertThrows(() => f.result, StructuralError, "0 results");
  });

  t("attributes: get, set, delete, iterate", (ctx) => {
    using mod = ctx.parseModule(LOOP);
    const f = mod.body.operations.at(0)!;
    const attrs = f.attributes;
    assertEquals(attrs.get("sym_name")!.toString(), '"sum"');
    assertEquals(attrs.get("missing"), undefined);
    assert(attrs.has("function_type"));
    const before = attrs.size;
    attrs.set("my.tag", ctx.parseAttribute("42 : i64"));
    assertEquals(attrs.size, before + 1);
    assertEquals(attrs.get("my.tag")!.toString(), "42 : i64");
    assertEquals(attrs.get("my.tag")!.type.toString(), "i64");
    assert([...attrs.keys()].includes("my.tag"));
    assertStringIncludes(f.toString(), "my.tag = 42 : i64");
    assert(attrs.delete("my.tag"));
    assertFalse(attrs.delete("my.tag"));
    assertEquals(attrs.size, before);
    assertThrows(() => attrs.get(1 as unknown as string), ArgumentError);
    assertThrows(() => attrs.set("x", "y" as never), ArgumentError);
    using other = new Context();
    assertArgumentError(() => attrs.set("x", other.parseAttribute("1 : i32")), { argument: "Attribute 'x'", expected: "of this Context" });
  });

  t("walk: pre-order, post-order, skip and interrupt", (ctx) => {
    using mod = ctx.parseModule(LOOP);
    const pre: string[] = [];
    assertEquals(mod.operation.walk((op) => void pre.push(op.name)), "completed");
    assertEquals(pre, [
      "builtin.module",
      "func.func",
      "arith.constant",
      "arith.constant",
      "scf.for",
      "arith.constant",
      "arith.addi",
      "scf.yield",
      "func.return",
    ]);
    const post: string[] = [];
    mod.operation.walk((op) => void post.push(op.name), { order: "post" });
    assertEquals(post.slice(0, 3), ["arith.constant", "arith.constant", "arith.constant"]);
    assertEquals(post.slice(-3), ["func.return", "func.func", "builtin.module"]);
    const skipped: string[] = [];
    mod.operation.walk((op) => {
      skipped.push(op.name);
      if (op.name === "scf.for") return "skip";
    });
    assertEquals(skipped.length, pre.length - 3);
    let seen = 0;
    const status = mod.operation.walk(() => (++seen === 3 ? "interrupt" : "advance"));
    assertEquals([status, seen], ["interrupted", 3]);
    assertThrows(() => mod.operation.walk(null as never), ArgumentError);
    assertThrows(() => mod.operation.walk(() => {}, { order: "sideways" as never }), ArgumentError);
  });

  t("walk: erasing ahead of the walk skips the erased ops", (ctx) => {
    using mod = ctx.parseModule(LOOP);
    const visited: string[] = [];
    mod.operation.walk((op: Operation) => {
      visited.push(op.name);
      if (op.name === "scf.for") {
        // Erase the loop's body ops (after the walk listed them): the yield
        // first, then the add, then the constant it used.
        const inner = op.regions.at(0)!.blocks.at(0)!.operations.toArray();
        for (const nested of inner.reverse()) nested.erase();
      }
    });
    assertEquals(visited, ["builtin.module", "func.func", "arith.constant", "arith.constant", "scf.for", "func.return"]);
  });

  t("lists: negative, out-of-range and bad indexes", (ctx) => {
    using mod = ctx.parseModule(LOOP);
    const ops = mod.body.operations;
    assertEquals(ops.length, 1);
    assert(ops.at(-1)!.equals(ops.at(0)));
    assertEquals(ops.at(1), undefined);
    assertEquals(ops.at(-2), undefined);
    assertArgumentError(() => ops.at(0.5), { argument: "HandleList.at's index", expected: "an integer" });
    assertThrows(() => ops.at("0" as never), ArgumentError);
  });

  t("blocks: insert at an index, move an op in and refuse bad indexes", (ctx) => {
    using mod = ctx.parseModule(LOOP);
    const body = mod.body.operations.at(0)!.regions.at(0)!.blocks.at(0)!;
    const c1 = body.operations.at(1)!;
    body.insert(0, c1);
    assert(body.operations.at(0)!.equals(c1));
    assertArgumentError(() => body.insert(99, c1), { argument: "Block.insert's index", expected: "an integer in [0, 4]" });
    assertArgumentError(() => body.append("op" as never), { argument: "Block.append's argument", expected: "an Operation" });
    mod.verify();
  });

  t("handles: key, isValid, equals and unsafePointer", (ctx) => {
    using mod = ctx.parseModule(LOOP);
    const f = mod.body.operations.at(0)!;
    assertEquals(typeof f.key, "number");
    assertEquals(f.key, f.unsafePointer);
    assert(f.isValid);
    assertFalse(f.equals(null));
    assertFalse(f.equals(f.regions.at(0)));
    assert(mod.isValid);
  });
}
