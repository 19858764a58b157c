/**
 * Erase, detach, clone and move (CONTRACT clauses 2, 3, 5, 8).
 *
 * @module
 */
import { assert, assertEquals, assertFalse, assertStrictEquals, assertStringIncludes, assertThrows } from "@std/assert";
import { type Context, InvalidHandleError, type Operation, StructuralError } from "../../../src/mod.ts";
import { collectUntil, forceGC } from "../../_gc.ts";
import { allOps, ARITH, constants, context, find, funcBody, SEED, type Scenario } from "../_fixture.ts";

function assertInvalid(fn: () => unknown, reason: string): void {
  const e = assertThrows(fn, InvalidHandleError);
  assertEquals(e.reason, reason);
}

/** Erase through one handle; every other handle to it or inside it fails cleanly. */
export const eraseThroughOtherHandle: Scenario = (strategy) => {
  using ctx = context(strategy);
  using mod = ctx.parseModule(ARITH);
  const g = mod.body.operations.at(1)!;
  const viaWalk = find(mod.operation, "func.func");
  const gAgain = allOps(mod.operation).filter((op) => op.name === "func.func")[1]!;
  const nested = find(g, "arith.constant");
  const nestedBlock = g.regions.at(0)!.blocks.at(0)!;
  const nestedValue = nested.result;
  const region = g.regions.at(0)!;
  g.erase();
  assertInvalid(() => gAgain.name, "operation erased");
  assertInvalid(() => nested.toString(), "parent erased");
  assertInvalid(() => nestedBlock.operations, "parent erased");
  assertInvalid(() => nestedValue.type, "parent erased");
  assertInvalid(() => region.blocks, "operation erased");
  assertInvalid(() => g.erase(), "operation erased");
  assert(viaWalk.isValid, "@f was not erased");
  assertEquals(mod.body.operations.length, 1);
  assertFalse(mod.toString().includes("@g"));
};

/** Erase, then create again in the same block: no stale handle ever comes back. */
export const eraseThenRecreate: Scenario = (strategy) => {
  using ctx = context(strategy);
  using mod = ctx.parseModule(constants(4));
  const body = funcBody(mod);
  const template = body.operations.at(0)!.clone();
  const erased = [];
  for (let i = 0; i < 200; i++) {
    const first = body.operations.at(0)!;
    first.erase();
    erased.push(first);
    const fresh = template.clone();
    body.insert(0, fresh);
    assert(fresh.isValid);
    assertEquals(body.operations.at(0)!.name, "arith.constant");
    assert(body.operations.at(0)!.equals(fresh));
    for (const old of erased) {
      assertFalse(old.equals(fresh));
      assert(old !== body.operations.at(0));
    }
  }
  for (const old of erased) assertInvalid(() => old.name, "operation erased");
  mod.verify();
  template.dispose();
};

/** Clone, then erase the original: the clone lives on. */
export const cloneThenErase: Scenario = (strategy) => {
  using ctx = context(strategy);
  using mod = ctx.parseModule(ARITH);
  const g = mod.body.operations.at(1)!;
  const copy = g.clone();
  const copyNested = find(copy, "arith.constant");
  g.erase();
  assertStringIncludes(copy.toString(), "func.func @g()");
  assert(copyNested.isValid);
  assertEquals(copyNested.result.type.toString(), "i32");
  assertEquals(copy.parent, null);
  mod.body.append(copy);
  assert(copy.parent!.equals(mod.operation));
  mod.verify();
};

/** Detach: the handle owns the op; detaching again fails; reinsertion moves ownership. */
export const detachAndReinsert: Scenario = (strategy) => {
  using ctx = context(strategy);
  const a = ctx.parseModule(ARITH);
  const g = a.body.operations.at(1)!;
  const inner = find(g, "arith.constant");
  const detached = g.detach();
  assertStrictEquals(detached, g);
  assertEquals(g.parent, null);
  assertEquals(g.block, null);
  assertFalse(a.toString().includes("@g"));
  assertThrows(() => g.detach(), StructuralError, "has no parent");
  assert(inner.isValid);

  using b = ctx.parseModule(SEED);
  b.body.append(g);
  assert(g.parent!.equals(b.operation));
  a.dispose();
  assert(g.isValid, "g now belongs to b");
  assert(inner.isValid, "handles inside g follow it");
  assertStringIncludes(b.toString(), "func.func @g()");
  b.dispose();
  assertInvalid(() => g.name, "module disposed");
  assertInvalid(() => inner.name, "module disposed");
};

/** Moving ops across blocks and modules; handles follow; isBeforeInBlock. */
export const moveAcross: Scenario = (strategy) => {
  using ctx = context(strategy);
  const a = ctx.parseModule(constants(3, "a"));
  using b = ctx.parseModule(constants(2, "b"));
  const aBody = funcBody(a);
  const bBody = funcBody(b);
  const [c0, c1, c2] = aBody.operations.toArray();
  assert(c0!.isBeforeInBlock(c1!));
  c0!.moveAfter(c2!);
  assertFalse(c0!.isBeforeInBlock(c1!));
  assert(c2!.isBeforeInBlock(c0!));
  // Across modules: the op and its handle follow.
  const target = bBody.operations.at(0)!;
  c1!.moveBefore(target);
  assert(c1!.block!.equals(bBody));
  assert(c1!.isBeforeInBlock(target));
  a.dispose();
  assert(c1!.isValid, "c1 lives in b now");
  assertInvalid(() => c0!.name, "module disposed");
  assertEquals(bBody.operations.length, 4);
  b.verify();
  // A funcs' whole body moved across modules, nested handles included.
  const c = ctx.parseModule(constants(2, "c"));
  const func = c.body.operations.at(0)!;
  const nested = find(func, "arith.constant");
  b.body.append(func);
  c.dispose();
  assert(nested.isValid);
  assertEquals(find(b.operation, "func.func").name, "func.func");
  assertThrows(() => func.moveBefore(nested), StructuralError, "nested inside itself");
  assertThrows(() => funcBody(b, 1).append(func), StructuralError);
};

/** Parses, detaches and keeps handles to a 100-op function, `iterations` times. */
function detachMany(ctx: Context, iterations: number, kept: Operation[]): void {
  const source = constants(100);
  for (let i = 0; i < iterations; i++) {
    const func = ctx.parseModule(source).body.operations.at(0)!.detach();
    const ops = func.regions.at(0)!.blocks.at(0)!.operations.toArray();
    kept.push(func, ...ops);
    if (i % 10 === 0) ops.forEach((op, j) => assertEquals(op.name, j === 100 ? "func.return" : "arith.constant"));
  }
}

// A helper, so that no loop variable of the async scenario outlives the loop
// in its suspended frame and keeps a handle reachable.
function assertAllValid(ops: Operation[]): void {
  for (const op of ops) assert(op.isValid);
}

/** A region of 100 ops, detached, handles kept; repeated (CONTRACT clause 8). */
function detachedRegion(iterations: number): Scenario {
  return async (strategy) => {
    using ctx = context(strategy);
    const baseline = ctx._stats().nativeObjects;
    const kept: Operation[] = [];
    detachMany(ctx, iterations, kept);
    await forceGC();
    assertAllValid(kept);
    assertEquals(kept.length, iterations * 102);
    kept.length = 0;
    assert(await collectUntil(() => ctx._stats().nativeObjects === baseline), "every detached function is freed");
  };
}

/** 100 repetitions. */
export const detachedRegion100 = detachedRegion(100);
/** The stress variant: 10,000 repetitions. */
export const detachedRegionStress = detachedRegion(10_000);
