/**
 * Each strategy's own bookkeeping: what it caches, and that the caches follow
 * ownership events and empty again.
 *
 * @module
 */
import { test } from "node:test";
import { assert, assertEquals, assertNotStrictEquals, assertStrictEquals } from "@std/assert";
import { readFileSync } from "node:fs";
import { Context, DEFAULT_STRATEGY } from "../../src/mod.ts";
import { collectUntil } from "../_gc.ts";

const SOURCE = `func.func @f() {
  %a = arith.constant 1 : i32
  %b = arith.constant 2 : i32
  return
}`;

function walkAll(ctx: Context): number {
  using mod = ctx.parseModule(SOURCE);
  let n = 0;
  mod.operation.walk(() => void n++);
  return n;
}

test("interned: one entry per touched object, gone with the module", () => {
  using ctx = new Context({ strategy: "interned" });
  using mod = ctx.parseModule(SOURCE);
  const ops: unknown[] = [];
  mod.operation.walk((op) => void ops.push(op));
  assertEquals(ctx._stats().strategyEntries, 5);
  const again: unknown[] = [];
  mod.operation.walk((op) => void again.push(op));
  ops.forEach((op, i) => assertStrictEquals(op, again[i]));
  mod.dispose();
  assertEquals(ctx._stats().strategyEntries, 0);
});

test("interned: erase removes the entries of the erased subtree", () => {
  using ctx = new Context({ strategy: "interned" });
  using mod = ctx.parseModule(SOURCE);
  mod.operation.walk(() => {});
  const body = mod.body.operations.at(0)!.regions.at(0)!.blocks.at(0)!;
  const before = ctx._stats().strategyEntries;
  body.operations.at(0)!.erase();
  assertEquals(ctx._stats().strategyEntries, before - 1);
  mod.body.operations.at(0)!.erase(); // the function: its block, constant and return go too
  assertEquals(ctx._stats().strategyEntries, before - 5);
});

test("interned: a pass run clears everything but the root", () => {
  using ctx = new Context({ strategy: "interned" });
  using mod = ctx.parseModule(SOURCE);
  mod.operation.walk(() => {});
  using pm = ctx.passManager("builtin.module(canonicalize)");
  pm.run(mod);
  assertEquals(ctx._stats().strategyEntries, 1);
});

test("weak: entries go once their handles are collected", async () => {
  using ctx = new Context({ strategy: "weak" });
  const n = walkAll(ctx);
  assertEquals(n, 5);
  assert(await collectUntil(() => ctx._stats().strategyEntries === 0), "weak entries are cleaned by the registry");
});

test("weak: one handle per object while it is reachable", () => {
  using ctx = new Context({ strategy: "weak" });
  using mod = ctx.parseModule(SOURCE);
  const f = mod.body.operations.at(0)!;
  assertStrictEquals(mod.body.operations.at(0), f);
});

test("ephemeral: no entries, fresh handles, equal by value", () => {
  using ctx = new Context({ strategy: "ephemeral" });
  using mod = ctx.parseModule(SOURCE);
  const a = mod.body.operations.at(0)!;
  const b = mod.body.operations.at(0)!;
  assertNotStrictEquals(a, b);
  assert(a.equals(b));
  assertEquals(a.key, b.key);
  walkAll(ctx);
  assertEquals(ctx._stats().strategyEntries, 0);
});

test("the default strategy is the one the latest benchmark report supports", () => {
  const report = readFileSync(new URL("../../bench/REPORT.md", import.meta.url), "utf8");
  const named = /Default strategy supported by this data: \*\*(\w+)\*\*/.exec(report)?.[1];
  assertEquals(named, DEFAULT_STRATEGY, "set DEFAULT_STRATEGY in src/context.ts after a full `bun bench`");
  using ctx = new Context();
  assertEquals(ctx.strategy, DEFAULT_STRATEGY);
});
