/**
 * What the fuzzer found, kept as tests. Each case is the shrunk action list
 * `campaign.ts` printed, replayed in a child process (a crash or a hang
 * fails the test instead of the runner), next to a readable test of the
 * same fix where one helps.
 *
 * @module
 */
import { test } from "node:test";
import { assertEquals, assertThrows } from "@std/assert";
import { Context, InvalidHandleError, type StrategyName, STRATEGIES } from "../../src/mod.ts";
import { describeChild, runChild } from "../_child.ts";
import { replay, signature } from "./_replay.ts";
import type { Action } from "./engine.ts";

async function assertReplays(strategy: StrategyName, actions: Action[]): Promise<void> {
  for (const s of new Set([strategy, ...STRATEGIES])) {
    const outcome = await replay(s, actions);
    if (outcome.kind !== "ok") {
      throw new Error(`${s}: ${signature(outcome)}\n${outcome.kind === "crash" ? outcome.detail : outcome.message}`);
    }
  }
}

// Replacing a value's uses by the value itself never returned: MLIR moves
// uses one at a time until none is left.
test("fuzz: replacing a value by itself returns at once (interned, found on bun, seed 173)", async () => {
  await assertReplays("interned", [
    { t: "ctx" },
    { t: "parse", c: 0, tmpl: 0 },
    { t: "fetch", src: "m", i: 0, how: 1, k: 0 },
    { t: "fetch", src: "h", i: 0, how: 5, k: 2 },
    { t: "fetch", src: "h", i: 1, how: 1, k: 0 },
    { t: "rauw", a: 2, b: 2 },
  ]);
});

test("fuzz: replacing a value by itself leaves its uses alone", () => {
  const r = runChild(`
    using ctx = new mlir.Context();
    using mod = ctx.parseModule("func.func @f(%a: i32) -> i32 { %0 = arith.addi %a, %a : i32\\n return %0 : i32 }");
    const sum = mod.body.operations.at(0).regions.at(0).blocks.at(0).operations.at(0).result;
    sum.replaceAllUsesWith(sum);
    console.log(sum.uses.length);
  `);
  assertEquals(r.status, 0, describeChild(r));
  assertEquals(r.stdout.trim(), "1");
});

// A pass run on a function suspects its body; erasing the function later
// changed old handles' reason to "parent erased".
test("fuzz: a stale handle keeps its first reason (interned, found on bun, seed 526)", async () => {
  await assertReplays("interned", [
    { t: "ctx" },
    { t: "parse", c: 0, tmpl: 1 },
    { t: "fetch", src: "m", i: 0, how: 1, k: 0 },
    { t: "fetch", src: "h", i: 0, how: 5, k: 1 },
    { t: "fetch", src: "h", i: 1, how: 7, k: 5 },
    { t: "pass", src: "h", i: 1 },
    { t: "erase", h: 1 },
    { t: "fetch", src: "h", i: 2, how: 3, k: 4 },
  ]);
});

for (const strategy of STRATEGIES) {
  test(`fuzz [${strategy}]: a handle made stale by a pass run still says so after its function is erased`, () => {
    using ctx = new Context({ strategy });
    using mod = ctx.parseModule("func.func @f(%a: i32) -> i32 { %0 = arith.addi %a, %a : i32\n return %0 : i32 }");
    const fn = mod.body.operations.at(0)!;
    const add = fn.regions.at(0)!.blocks.at(0)!.operations.at(0)!;
    using pm = ctx.passManager("canonicalize");
    pm.run(fn);
    fn.erase();
    assertEquals(assertThrows(() => add.name, InvalidHandleError).reason, "invalidated by pass run");
  });
}

// Cloning IR where a use is not reached by its definition in clone order
// (here an op moved out of a function, still using a value inside it) gave
// a copy that referred to the original; tearing both down corrupted the
// heap. The copy is now checked and refused.
test("fuzz: cloning IR whose copy would refer to the original is refused (interned, found on bun, seed 23208)", async () => {
  await assertReplays("interned", [
    { t: "ctx" },
    { t: "parse", c: 0, tmpl: 0 },
    { t: "fetch", src: "m", i: 0, how: 7, k: 4 },
    { t: "fetch", src: "h", i: 0, how: 7, k: 1 },
    { t: "fetch", src: "h", i: 1, how: 5, k: 3 },
    { t: "gc" },
    { t: "moveBefore", h: 2, ref: 1 },
    { t: "clone", h: 0 },
  ]);
});

test("fuzz: a refused clone leaves the original whole", () => {
  const r = runChild(`
    using ctx = new mlir.Context();
    const mod = ctx.parseModule("func.func @f(%a: i32) -> i32 {\\n %0 = arith.addi %a, %a : i32\\n %1 = arith.muli %0, %0 : i32\\n return %1 : i32\\n}");
    const fn = mod.body.operations.at(0);
    const mul = fn.regions.at(0).blocks.at(0).operations.at(1);
    mul.moveBefore(fn);
    try { mod.operation.clone(); console.log("cloned"); } catch (e) { console.log(e.constructor.name, e.message.includes("refer to the original")); }
    console.log(mod.toString().includes("arith.muli"));
    mod.dispose();
    console.log("done");
  `);
  assertEquals(r.status, 0, describeChild(r));
  assertEquals(r.stdout.trim().split("\n"), ["StructuralError true", "true", "done"]);
});

// createOperation can build an op outside a function that uses a block
// argument nested inside it (invalid IR, but buildable). Detaching or erasing
// the function, or erasing its body block, was allowed: the check treated
// nested block arguments as unreachable from outside, and the outside use
// would have pointed at freed memory.
test("fuzz: detaching an op whose nested block argument is used outside is refused (interned, found on bun, seed 74104)", async () => {
  await assertReplays("interned", [
    { t: "ctx" },
    { t: "parse", c: 0, tmpl: 1 },
    { t: "pass", src: "m", i: 0 },
    { t: "fetch", src: "m", i: 0, how: 3, k: 5 },
    { t: "fetch", src: "h", i: 0, how: 7, k: 5 },
    { t: "fetch", src: "h", i: 1, how: 4, k: 0 },
    { t: "fetch", src: "h", i: 1, how: 3, k: 1 },
    { t: "fetch", src: "h", i: 2, how: 4, k: 1 },
    { t: "create", c: 0, at: 3, how: 4, v: 4, w: 4 },
    { t: "detach", h: 3 },
  ]);
});

test("fuzz: an outside use of a nested block argument blocks detach, erase and block erase", () => {
  const r = runChild(`
    using ctx = new mlir.Context();
    const mod = ctx.parseModule(\`func.func @loop(%n: index, %x: i32) -> i32 {
      %c0 = arith.constant 0 : index
      %c1 = arith.constant 1 : index
      %r = scf.for %i = %c0 to %n step %c1 iter_args(%acc = %x) -> (i32) {
        %y = arith.addi %acc, %acc : i32
        scf.yield %y : i32
      }
      return %r : i32
    }\`);
    const fn = mod.body.operations.at(0);
    const body = fn.regions.at(0).blocks.at(0);
    const loop = body.operations.at(2);
    const acc = loop.regions.at(0).blocks.at(0).arguments.at(1);
    ctx.createOperation({ name: "arith.addi", operands: [acc, acc], inferResultTypes: true, insertAt: mlir.InsertionPoint.before(fn) });
    for (const [what, f] of [["detach", () => fn.detach()], ["erase", () => fn.erase()], ["erase block", () => body.erase()]]) {
      try { f(); console.log(what, "ok"); } catch (e) { console.log(what, e.constructor.name); }
    }
    mod.dispose();
    forceGC();
    console.log("done");
  `);
  assertEquals(r.status, 0, describeChild(r));
  assertEquals(r.stdout.trim().split("\n"), ["detach StructuralError", "erase StructuralError", "erase block StructuralError", "done"]);
});

// An op moved into a nested module while still used outside it left IR that
// verifying the module alone accepts; the pattern driver's region DCE,
// looking only inside the module, then freed the op under its outside use,
// and printing crashed (every strategy). Pass and driver targets with values
// used outside them are now refused as invalid IR.
test("fuzz: a driver target whose nested value is used outside it is refused (interned, found on bun, seed 85778)", async () => {
  await assertReplays("interned", [
    { t: "ctx" },
    { t: "parse", c: 0, tmpl: 0 },
    { t: "fetch", src: "m", i: 0, how: 0, k: 4 },
    { t: "fetch", src: "h", i: 0, how: 5, k: 2 },
    { t: "parse", c: 0, tmpl: 2 },
    { t: "fetch", src: "h", i: 0, how: 5, k: 0 },
    { t: "fetch", src: "h", i: 2, how: 6, k: 2 },
    { t: "fetch", src: "m", i: 1, how: 3, k: 5 },
    { t: "append", b: 0, h: 4 },
    { t: "fetch", src: "m", i: 1, how: 4, k: 4 },
    { t: "append", b: 5, h: 3 },
    { t: "tspattern", src: "h", i: 4, mode: 5 },
    { t: "print", m: 0 },
  ]);
});

test("fuzz: passes and drivers refuse a target that defines values used outside it", () => {
  const r = runChild(`
    using ctx = new mlir.Context();
    const mod = ctx.parseModule(\`func.func @f(%a: i32) -> i32 {
      %c1 = arith.constant 1 : i32
      %0 = arith.addi %a, %c1 : i32
      return %0 : i32
    }
    module @inner {
    }\`);
    const fn = mod.body.operations.at(0);
    const inner = mod.body.operations.at(1);
    const c1 = fn.regions.at(0).blocks.at(0).operations.at(0);
    inner.regions.at(0).blocks.at(0).append(c1);
    const frozen = new mlir.RewritePatternSet(ctx).add("arith.addi", () => false).freeze();
    for (const [what, f] of [
      ["driver", () => mlir.applyPatternsGreedily(inner, frozen)],
      ["pass", () => ctx.passManager("builtin.module(canonicalize)").run(inner)],
    ]) {
      try { f(); console.log(what, "ran"); } catch (e) { console.log(what, e.constructor.name); }
    }
    console.log(mod.toString().includes("arith.constant"));
    mod.dispose();
    console.log("done");
  `);
  assertEquals(r.status, 0, describeChild(r));
  assertEquals(r.stdout.trim().split("\n"), ["driver MlirVerificationError", "pass MlirVerificationError", "true", "done"]);
});
