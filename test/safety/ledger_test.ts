/**
 * The ownership ledger on its own: epochs, logs, barriers, merges.
 *
 * @module
 */
import { test } from "node:test";
import { assertEquals, assertStrictEquals, assertThrows } from "@std/assert";
import { InvalidHandleError } from "../../src/base/errors.ts";
import { Owner, resolve } from "../../src/safety/ledger.ts";

const ptrs = (...xs: number[]) => new Float64Array(xs);

function reasonOf(fn: () => unknown): string {
  return assertThrows(fn, InvalidHandleError).reason;
}

test("ledger: an unchanged owner is valid at once", () => {
  const o = new Owner(null, "module", 1);
  assertStrictEquals(resolve(o, 8, 0, "Operation"), o);
});

test("ledger: a free after the stamp invalidates; one before it does not", () => {
  const o = new Owner(null, "module", 1);
  const early = o.epoch;
  o.recordFreed(ptrs(8, 16), 2, "operation erased", "parent erased");
  assertEquals(reasonOf(() => resolve(o, 8, early, "Operation")), "operation erased");
  assertEquals(reasonOf(() => resolve(o, 16, early, "Operation")), "parent erased");
  // A handle made after the free refers to a new object at the same address.
  assertStrictEquals(resolve(o, 8, o.epoch, "Operation"), o);
  // Other addresses are untouched.
  assertStrictEquals(resolve(o, 24, early, "Operation"), o);
});

test("ledger: repeated frees at one address keep one entry", () => {
  const o = new Owner(null, "module", 1);
  for (let i = 0; i < 1000; i++) o.recordFreed(ptrs(8), 1, "operation erased", "parent erased");
  assertEquals(o.logSize, 1);
  assertEquals(reasonOf(() => resolve(o, 8, 500, "Operation")), "operation erased");
});

test("ledger: a stale handle keeps the reason it first became stale for", () => {
  // Found by the fuzzer: a pass run on a function suspects its body, then the
  // function is erased; old handles must still say the pass run did it.
  const o = new Owner(null, "module", 1);
  const before = o.epoch;
  o.recordFreed(ptrs(8), 1, "invalidated by pass run", "invalidated by pass run");
  const between = o.epoch;
  o.recordFreed(ptrs(8), 1, "parent erased", "parent erased");
  assertEquals(reasonOf(() => resolve(o, 8, before, "Operation")), "invalidated by pass run");
  assertEquals(reasonOf(() => resolve(o, 8, between, "Operation")), "parent erased");
});

test("ledger: frees with alternating reasons at one address stay bounded", () => {
  const o = new Owner(null, "module", 1);
  for (let i = 0; i < 1000; i++) {
    o.recordFreed(ptrs(8), 1, i % 2 ? "operation erased" : "invalidated by pass run", "parent erased");
  }
  assertEquals(o.logSize <= 16, true, `log size ${o.logSize}`);
  // The newest frees still answer exactly.
  assertEquals(reasonOf(() => resolve(o, 8, o.epoch - 1, "Operation")), "operation erased");
  assertEquals(reasonOf(() => resolve(o, 8, o.epoch - 2, "Operation")), "invalidated by pass run");
});

test("ledger: a handle older than many alternating frees keeps its first reason", () => {
  // Found by the fuzzer (seed 39309, weak, Bun): an op erased, then new ops
  // at its address freed by pass runs and erased in turn; the first handle
  // must still say it was erased, however many frees followed.
  const o = new Owner(null, "module", 1);
  const first = o.epoch;
  o.recordFreed(ptrs(8), 1, "operation erased", "parent erased");
  for (let i = 0; i < 100; i++) {
    o.recordFreed(ptrs(8), 1, i % 2 ? "operation erased" : "invalidated by pass run", "parent erased");
  }
  assertEquals(o.logSize <= 16, true, `log size ${o.logSize}`);
  assertEquals(reasonOf(() => resolve(o, 8, first, "Operation")), "operation erased");
});

test("ledger: a free after a pass run does not hide an earlier free of the same address", () => {
  // Found by the fuzzer (seed 39309, weak, Bun, again): an op erased, a
  // pattern run (a barrier), then a new op at the same address erased. The
  // two frees have one reason, but the first handle must meet its own free
  // first, not the barrier that came after it.
  const o = new Owner(null, "module", 1);
  const first = o.epoch;
  o.recordFreed(ptrs(8), 1, "operation erased", "parent erased");
  const between = o.epoch;
  o.recordPassRun();
  o.recordFreed(ptrs(8), 1, "operation erased", "parent erased");
  assertEquals(reasonOf(() => resolve(o, 8, first, "Operation")), "operation erased");
  assertEquals(reasonOf(() => resolve(o, 8, between, "Operation")), "invalidated by pass run");
  // Without a pass run between them, frees of one reason still collapse.
  const p = new Owner(null, "module", 1);
  for (let i = 0; i < 100; i++) p.recordFreed(ptrs(8), 1, "operation erased", "parent erased");
  assertEquals(p.logSize, 1);
});

test("ledger: a move forwards to the new owner, which then decides", () => {
  const a = new Owner(null, "module", 1);
  const d = new Owner(null, "operation", 8);
  const stamp = a.epoch;
  a.recordMoved(ptrs(8, 16), 2, d, true);
  assertStrictEquals(resolve(a, 16, stamp, "Operation"), d);
  d.recordFreed(ptrs(16), 1, "operation erased", "parent erased");
  assertEquals(reasonOf(() => resolve(a, 16, stamp, "Operation")), "operation erased");
});

test("ledger: the first event after the stamp decides", () => {
  const a = new Owner(null, "module", 1);
  const d = new Owner(null, "operation", 8);
  const before = a.epoch;
  a.recordMoved(ptrs(8), 1, d, true); // the old object moved out...
  const between = a.epoch;
  a.recordFreed(ptrs(8), 1, "operation erased", "parent erased"); // ...a new one at 8 was erased
  assertStrictEquals(resolve(a, 8, before, "Operation"), d);
  assertEquals(reasonOf(() => resolve(a, 8, between, "Operation")), "operation erased");
});

test("ledger: a merged owner forwards everything to its target", () => {
  const d = new Owner(null, "operation", 8);
  const b = new Owner(null, "module", 2);
  const stamp = d.epoch;
  d.mergeInto(b);
  assertStrictEquals(resolve(d, 8, stamp, "Operation"), b);
  assertStrictEquals(resolve(d, 999, stamp, "Block"), b);
});

test("ledger: a pass barrier invalidates everything but the root", () => {
  const o = new Owner(null, "module", 1);
  const stamp = o.epoch;
  o.recordPassRun();
  assertStrictEquals(resolve(o, 1, stamp, "Operation"), o);
  assertEquals(reasonOf(() => resolve(o, 8, stamp, "Operation")), "invalidated by pass run");
  assertStrictEquals(resolve(o, 8, o.epoch, "Operation"), o);
});

test("ledger: closing gives its reason, with a separate one for the root", () => {
  const o = new Owner(null, "module", 1);
  const stamp = o.epoch;
  o.close("parent erased", "operation erased");
  assertEquals(reasonOf(() => resolve(o, 1, stamp, "Operation")), "operation erased");
  assertEquals(reasonOf(() => resolve(o, 8, stamp, "Operation")), "parent erased");
  o.close("module disposed"); // a second close changes nothing
  assertEquals(reasonOf(() => resolve(o, 8, stamp, "Operation")), "parent erased");
});

test("ledger: objects moved out before a close still live elsewhere", () => {
  const a = new Owner(null, "module", 1);
  const d = new Owner(null, "operation", 8);
  const stamp = a.epoch;
  a.recordMoved(ptrs(8), 1, d, true);
  a.close("module disposed");
  assertStrictEquals(resolve(a, 8, stamp, "Operation"), d);
  assertEquals(reasonOf(() => resolve(a, 16, stamp, "Operation")), "module disposed");
});
