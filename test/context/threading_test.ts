/**
 * Threading control: multithreading on and off, the thread count, a thread
 * pool shared by contexts (which outlives its handle while contexts use
 * it), and the rule that JavaScript callbacks run only on the runtime's
 * thread, kept with multithreading on.
 *
 * @module
 */
import { test } from "node:test";
import { assert, assertEquals, assertFalse, assertInstanceOf, assertThrows } from "@std/assert";
import { Context, PassFailureError, STRATEGIES, StructuralError, ThreadPool } from "../../src/mod.ts";
import { assertArgumentError, assertInvalidHandle } from "../_errors.ts";
import { describeChild, runChild } from "../_child.ts";

/** `n` functions, so that a nested pipeline has work for several threads. */
function functions(n: number): string {
  return Array.from({ length: n }, (_, i) => `func.func @f${i}(%a: i32) -> i32 {\n  %c = arith.constant 0 : i32\n  %0 = arith.addi %a, %c : i32\n  return %0 : i32\n}`).join("\n");
}

test("threading: multithreading is off by default, and can be turned on and off", () => {
  using ctx = new Context();
  assertFalse(ctx.isMultithreadingEnabled);
  assertEquals(ctx.numThreads, 1);
  ctx.enableMultithreading(true);
  assert(ctx.isMultithreadingEnabled);
  assert(ctx.numThreads >= 1);
  using mod = ctx.parseModule(functions(8));
  using pm = ctx.passManager("builtin.module(func.func(canonicalize))");
  pm.run(mod);
  assertFalse(mod.toString().includes("arith.addi"));
  ctx.enableMultithreading(false);
  assertFalse(ctx.isMultithreadingEnabled);
  assertEquals(ctx.numThreads, 1);
  using on = new Context({ threading: true });
  assert(on.isMultithreadingEnabled);
  assertArgumentError(() => ctx.enableMultithreading("yes" as never), { argument: "enableMultithreading's enable", expected: "a boolean" });
  assertArgumentError(() => ctx.enableMultithreading(undefined as never), { argument: "enableMultithreading's enable" });
  assertArgumentError(() => ctx.setThreadPool({} as never), { argument: "setThreadPool's pool", expected: "a ThreadPool" });
  const gone = new Context();
  gone.dispose();
  for (const call of [() => gone.enableMultithreading(true), () => gone.numThreads, () => gone.isMultithreadingEnabled, () => gone.setThreadPool(new ThreadPool())]) {
    assertInvalidHandle(call, { kind: "Context", reason: "context disposed" });
  }
});

test("threading: one pool shared by contexts, also by one that had its own threads", () => {
  using pool = new ThreadPool();
  using a = new Context();
  using b = new Context({ threading: true });
  a.setThreadPool(pool);
  b.setThreadPool(pool); // b's own pool is stopped first: MLIR wants threading off when a pool is set
  assert(a.isMultithreadingEnabled && b.isMultithreadingEnabled);
  assertEquals(a.numThreads, b.numThreads);
  for (const ctx of [a, b]) {
    using mod = ctx.parseModule(functions(16));
    using pm = ctx.passManager("builtin.module(func.func(canonicalize,cse))");
    pm.run(mod);
    assertFalse(mod.toString().includes("arith.addi"));
  }
  // Off and on again uses the same pool.
  a.enableMultithreading(false);
  assertEquals(a.numThreads, 1);
  a.enableMultithreading(true);
  assertEquals(a.numThreads, b.numThreads);
  a.setThreadPool(pool); // again: harmless
  assertEquals(a.numThreads, b.numThreads);
});

test("threading: a disposed pool handle is stale, its threads live on while a context uses them", () => {
  const live = ThreadPool._liveNative();
  const pool = new ThreadPool();
  assertEquals(ThreadPool._liveNative(), live + 1);
  const ctx = new Context();
  ctx.setThreadPool(pool);
  pool.dispose();
  pool.dispose();
  assertFalse(pool.isValid);
  assertInvalidHandle(() => ctx.setThreadPool(pool), { kind: "ThreadPool", reason: "disposed" });
  assertEquals(ThreadPool._liveNative(), live + 1); // the context holds it
  using mod = ctx.parseModule(functions(16));
  using pm = ctx.passManager("builtin.module(func.func(canonicalize))");
  pm.run(mod);
  mod.dispose();
  pm.dispose();
  ctx.dispose();
  assertEquals(ThreadPool._liveNative(), live);
  // A pool never given to a context stops with its handle.
  new ThreadPool().dispose();
  assertEquals(ThreadPool._liveNative(), live);
});

// The same lifetimes in a child with the heap checks, and contexts
// swapping pools: a pool freed while MLIR still pointed at it would be a
// use after free there.
const POOL_LIFETIMES = `
const live = mlir.ThreadPool._liveNative();
const text = Array.from({ length: 32 }, (_, i) => "func.func @f" + i + "(%a: i32) -> i32 {\\n %c = arith.constant 0 : i32\\n %0 = arith.addi %a, %c : i32\\n return %0 : i32\\n}").join("\\n");
const first = new mlir.ThreadPool(), second = new mlir.ThreadPool();
const contexts = [new mlir.Context(), new mlir.Context({ threading: true }), new mlir.Context()];
for (const ctx of contexts) ctx.setThreadPool(first);
contexts[2].setThreadPool(second);
first.dispose();
second.dispose();
for (let round = 0; round < 3; round++) {
  for (const ctx of contexts) {
    const mod = ctx.parseModule(text);
    const pm = ctx.passManager("builtin.module(func.func(canonicalize,cse))");
    pm.run(mod);
    if (mod.toString().includes("arith.addi")) throw new Error("not canonicalized");
    pm.dispose();
    mod.dispose();
  }
}
const during = mlir.ThreadPool._liveNative() - live;
contexts[2].dispose(); // the last holder of second
const afterSecond = mlir.ThreadPool._liveNative() - live;
contexts[0].dispose();
contexts[1].dispose();
console.log(JSON.stringify({ during, afterSecond, after: mlir.ThreadPool._liveNative() - live }));
`;

test("threading: pools outlive their handles in a child process with heap checks", () => {
  const r = runChild(POOL_LIFETIMES);
  assertEquals([r.status, r.signal], [0, null], describeChild(r));
  assertEquals(JSON.parse(r.stdout.trim().split("\n").at(-1)!), { during: 2, afterSecond: 1, after: 0 });
});

for (const strategy of STRATEGIES) {
  test(`threading [${strategy}]: TypeScript passes run on this thread with multithreading on, and it stays on`, () => {
    using pool = new ThreadPool();
    using ctx = new Context({ strategy });
    ctx.setThreadPool(pool);
    const threads = ctx.numThreads;
    using mod = ctx.parseModule(functions(24));
    const seen: string[] = [];
    let threadingInside: boolean | undefined;
    using pm = ctx.passManager();
    pm.nest("func.func").add("canonicalize").addPass((fn) => {
      seen.push(fn.symbolName!);
      threadingInside = ctx.isMultithreadingEnabled;
    }, { opName: "func.func" });
    pm.run(mod);
    // Every function's pass ran: a callback from a worker thread is refused
    // by the shim, and the run would have failed.
    assertEquals(seen.length, 24);
    assertEquals(new Set(seen).size, 24);
    assertEquals(threadingInside, true); // the setting the user chose, not the run's
    assert(ctx.isMultithreadingEnabled);
    assertEquals(ctx.numThreads, threads);
    // Native-only runs afterwards are multithreaded again and work.
    using native = ctx.passManager("builtin.module(func.func(cse))");
    native.run(mod);
  });

  test(`threading [${strategy}]: a pass cannot change threading or the pool while it runs`, () => {
    using pool = new ThreadPool();
    using ctx = new Context({ strategy, threading: true });
    using mod = ctx.parseModule(functions(2));
    for (const change of [() => ctx.enableMultithreading(false), () => ctx.enableMultithreading(true), () => ctx.setThreadPool(pool)]) {
      using pm = ctx.passManager();
      pm.addPass(() => change());
      const e = assertThrows(() => pm.run(mod), PassFailureError);
      assertInstanceOf(e.cause, StructuralError);
      assert(ctx.isMultithreadingEnabled);
    }
    // After the run both are allowed again.
    ctx.setThreadPool(pool);
    ctx.enableMultithreading(false);
    assertFalse(ctx.isMultithreadingEnabled);
  });
}
