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
