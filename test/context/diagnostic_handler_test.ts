/**
 * Diagnostic handlers (ctx.attachDiagnosticHandler): which diagnostics they
 * see and when, what handling one means, and what a handler called from
 * inside MLIR may not do.
 *
 * @module
 */
import { test } from "node:test";
import { assert, assertEquals, assertInstanceOf, assertThrows } from "@std/assert";
import { assertArgumentError } from "../_errors.ts";
import { ArgumentError, Context, type Diagnostic, Location, MlirParseError, type Operation, StructuralError } from "../../src/mod.ts";

test("diagnostic handler: a handled diagnostic goes no further; an unhandled one does", () => {
  using ctx = new Context();
  const heard: string[] = [];
  using _listener = ctx.onDiagnostic((d) => heard.push(d.message));
  const seen: Diagnostic[] = [];
  using handler = ctx.attachDiagnosticHandler((d) => (seen.push(d), true));
  const e = assertThrows(() => ctx.parseModule("func.func @f( {"), MlirParseError);
  assertEquals(seen.length, 1);
  assertEquals(seen[0]!.severity, "error");
  assertEquals(e.diagnostics.length, 0);
  assertEquals(heard.length, 0);
  handler.detach();
  assert(!handler.attached);
  const e2 = assertThrows(() => ctx.parseModule("func.func @f( {"), MlirParseError);
  assertEquals(e2.diagnostics.length, 1);
  assertEquals(heard.length, 1);
  assertEquals(seen.length, 1);
});

test("diagnostic handler: the newest is asked first; declining passes it to the older", () => {
  using ctx = new Context();
  const order: string[] = [];
  using _old = ctx.attachDiagnosticHandler(() => (order.push("old"), true));
  using _mid = ctx.attachDiagnosticHandler(() => (order.push("mid"), false));
  const newest = ctx.attachDiagnosticHandler(() => (order.push("new"), false));
  Location.file(ctx, "here.mlir", 1, 1).emitError("one");
  assertEquals(order, ["new", "mid", "old"]);
  newest.detach();
  order.length = 0;
  Location.file(ctx, "here.mlir", 1, 1).emitError("two");
  assertEquals(order, ["mid", "old"]);
});

test("diagnostic handler: reported on the runtime's stack, it runs before the call returns", () => {
  using ctx = new Context();
  const order: string[] = [];
  using _h = ctx.attachDiagnosticHandler((d) => (order.push(`handler: ${d.message} at ${d.line}`), true));
  order.push("before");
  Location.file(ctx, "x.mlir", 7, 2).emitError("now");
  order.push("after");
  assertEquals(order, ["before", "handler: now at 7", "after"]);
});

test("diagnostic handler: called from inside a pass, it may read and parse but not change IR", () => {
  using ctx = new Context();
  using mod = ctx.parseModule(`func.func @f() {\n  return\n}\nfunc.func @g() {\n  return\n}`);
  const refused: string[] = [];
  const read: string[] = [];
  const order: string[] = [];
  using _h = ctx.attachDiagnosticHandler((d) => {
    order.push("handler");
    const f = mod.body.operations.at(0)!;
    read.push(f.name);
    using other = ctx.parseModule("func.func @h() { return }");
    other.verify();
    for (const [what, fn] of [
      ["erase", () => mod.body.operations.at(1)!.erase()],
      ["dispose", () => mod.dispose()],
      ["context", () => ctx.dispose()],
      ["pass", () => ctx.passManager("builtin.module(canonicalize)").run(mod)],
    ] as const) {
      try {
        fn();
      } catch (e) {
        assertInstanceOf(e, StructuralError, what);
        refused.push(what);
      }
    }
    return d.message === "from the pass";
  });
  using pm = ctx.passManager("builtin.module()");
  pm.addPass((op: Operation) => {
    op.location.emitError("from the pass");
    order.push("pass goes on");
  });
  pm.run(mod);
  assertEquals(order, ["handler", "pass goes on"]);
  assertEquals(read, ["func.func"]);
  assertEquals(refused, ["erase", "dispose", "context", "pass"]);
  mod.verify();
  assertEquals(mod.body.operations.toArray().length, 2);
});

test("diagnostic handler: one that throws or answers wrongly has not handled it, and keeps what it threw", () => {
  using ctx = new Context();
  const heard: string[] = [];
  using _l = ctx.onDiagnostic((d) => heard.push(d.message));
  const boom = new Error("boom");
  const h = ctx.attachDiagnosticHandler(() => {
    throw boom;
  });
  Location.file(ctx, "x", 1, 1).emitError("first");
  assert(h.hadError);
  assertEquals(h.error, boom);
  assertEquals(heard, ["first"]);
  h.detach();
  const bad = ctx.attachDiagnosticHandler(() => "yes" as never);
  Location.file(ctx, "x", 1, 1).emitError("second");
  assert(bad.hadError);
  assertInstanceOf(bad.error, ArgumentError);
  assertEquals(heard, ["first", "second"]);
});

test("diagnostic handler: bad arguments; disposing the context detaches", () => {
  const ctx = new Context();
  assertArgumentError(() => ctx.attachDiagnosticHandler("no" as never), { argument: "attachDiagnosticHandler's handler" });
  const h = ctx.attachDiagnosticHandler(() => true);
  assert(h.attached);
  ctx.dispose();
  assert(!h.attached);
  h.detach();
});
