/**
 * Keep-alive and disposal (CONTRACT clauses 2, 4, 5, 10).
 *
 * @module
 */
import { assert, assertEquals, assertFalse, assertStringIncludes, assertThrows } from "@std/assert";
import { InvalidHandleError, type Module, type Operation, type StrategyName } from "../../../src/mod.ts";
import { collectUntil, forceGC } from "../../_gc.ts";
import { allOps, context, SEED, type Scenario } from "../_fixture.ts";

function assertInvalid(fn: () => unknown, reason: string): void {
  const e = assertThrows(fn, InvalidHandleError);
  assertEquals(e.reason, reason);
}

/** Seed case 1: a function handle keeps its dropped module alive; dispose() invalidates. */
export const seedKeepAlive: Scenario = async (strategy: StrategyName) => {
  using ctx = context(strategy);
  const baseline = ctx._stats().nativeObjects;
  await (async () => {
    const func = (() => ctx.parseModule(SEED).body.operations.at(0)!)();
    await forceGC();
    assertEquals(ctx._stats().nativeObjects, baseline + 1, "the module must stay alive while the func is reachable");
    assertStringIncludes(func.toString(), "func.func @my_func()");
    assert(func.isValid);
  })();
  assert(
    await collectUntil(() => ctx._stats().nativeObjects === baseline),
    "the module must be freed once nothing refers to it",
  );

  const mod = ctx.parseModule(SEED);
  const func = mod.body.operations.at(0)!;
  mod.dispose();
  assertInvalid(() => func.toString(), "module disposed");
  assertFalse(func.isValid);
  mod.dispose(); // twice is fine
};

/** Seed case 2: disposed modules' addresses get reused; old handles never alias new ops. */
export const addressReuse: Scenario = (strategy) => {
  using ctx = context(strategy);
  const old: Operation[] = [];
  for (let i = 0; i < 20; i++) {
    const mod = ctx.parseModule(SEED);
    old.push(...allOps(mod.operation));
    mod.dispose();
  }
  const oldByKey = new Map(old.map((h) => [h._ptr, h]));
  let reused = 0;
  // At least 1000 parses, and more (up to 5000) until an address came back.
  // Each one follows the disposal of a module just like it, whose freed
  // memory the allocator hands out first: addresses from the first 20 alone
  // may be taken by the runtime's own allocations meanwhile (seen on Node).
  for (let i = 0; i < 1000 || (reused === 0 && i < 5000); i++) {
    const gone = ctx.parseModule(`func.func private @gone_${i}()`);
    for (const h of allOps(gone.operation)) {
      old.push(h);
      oldByKey.set(h._ptr, h);
    }
    gone.dispose();
    using mod = ctx.parseModule(`func.func private @fresh_${i}()`);
    for (const op of allOps(mod.operation)) {
      assert(op.isValid);
      const stale = oldByKey.get(op.key);
      if (stale === undefined) continue;
      reused++;
      assert(stale !== op, "a new operation must never get an old handle");
      assertFalse(stale.equals(op));
      assertInvalid(() => stale.name, "module disposed");
    }
    assertEquals(mod.body.operations.at(0)!.attributes.get("sym_name")!.toString(), `"fresh_${i}"`);
  }
  for (const h of old) assertInvalid(() => h.toString(), "module disposed");
  // Not an assertion on the allocator, but the scenario is only meaningful
  // if addresses came back; glibc reuses them at once.
  assert(reused > 0, "expected the allocator to reuse at least one address");
};

/** Clause 10: context disposal invalidates everything made in it; twice is fine. */
export const contextDisposal: Scenario = (strategy) => {
  const ctx = context(strategy);
  const mod = ctx.parseModule(SEED);
  const func = mod.body.operations.at(0)!;
  const detached = ctx.parseModule(SEED).body.operations.at(0)!.detach();
  const block = mod.body;
  const region = func.regions.at(0)!;
  const type = ctx.parseType("i32");
  const attr = ctx.parseAttribute("1 : i32");
  const loc = ctx.fileLocation("a.mlir", 1, 2);
  const pm = ctx.passManager("builtin.module(canonicalize)");
  ctx.dispose();
  for (const h of [func, detached, block, region]) {
    assertFalse(h.isValid);
    assertInvalid(() => h.key, "context disposed");
  }
  assertInvalid(() => mod.toString(), "context disposed");
  assertInvalid(() => type.toString(), "context disposed");
  assertInvalid(() => attr.toString(), "context disposed");
  assertInvalid(() => loc.toString(), "context disposed");
  assertInvalid(() => ctx.parseModule(SEED), "context disposed");
  assertInvalid(() => pm.run(mod), "context disposed");
  assertFalse(type.isValid);
  ctx.dispose();
  mod.dispose();
  detached.dispose();
  pm.dispose();
  assertFalse(ctx.isValid);
};

/**
 * Dropping a detached operation frees it exactly once: at once under the
 * strategies that track their handles, with its old module under ephemeral
 * (whose log must keep it for handles taken before the detach).
 */
export const detachedDropFreesOnce: Scenario = async (strategy) => {
  using ctx = context(strategy);
  const baseline = ctx._stats().nativeObjects;
  let mod: Module | null = ctx.parseModule(SEED);
  detachAndDrop(mod);
  assertEquals(ctx._stats().nativeObjects, baseline + 2);
  if (strategy !== "ephemeral") {
    assert(await collectUntil(() => ctx._stats().nativeObjects === baseline + 1), "the dropped detached op must be freed");
  }
  assertEquals(mod.body.operations.length, 0);
  mod.dispose();
  mod = null;
  assert(
    await collectUntil(() => ctx._stats().nativeObjects === baseline),
    "everything is freed once the module goes too",
  );
  const again = ctx.parseModule(SEED).body.operations.at(0)!.detach();
  again.dispose();
  again.dispose();
  assertInvalid(() => again.name, "operation erased");
};

function detachAndDrop(mod: Module): void {
  mod.body.operations.at(0)!.detach();
}
