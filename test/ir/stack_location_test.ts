/**
 * Locations from the JavaScript call stack, after upstream's
 * `mlir/test/python/ir/auto_location.py`: `Location.fromStack`, the
 * context's `locationsFromStack` opt-in used by builders and
 * `createOperation`, the precedence of explicit and current locations, and
 * the stack parser on both runtimes' formats.
 *
 * The helpers check what they got before returning it: JavaScriptCore
 * (Bun) drops the frame of a function that returns a call's result, even
 * through a variable (`const x = f(); return x;`), as a tail call.
 *
 * @module
 */
import { test } from "node:test";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { assert, assertEquals, assertStringIncludes } from "@std/assert";
import { assertArgumentError, assertInvalidHandle } from "../_errors.ts";
import { Context, IndexType, InsertionPoint, Location, STRATEGIES } from "../../src/mod.ts";
import * as arith from "../../src/dialects/arith.ts";
import { parseFrame } from "../../src/ir/stack_frames.ts";

const FILE = fileURLToPath(import.meta.url);
const SOURCE = readFileSync(FILE, "utf8").split("\n");
/** The 1-based line of the marker comment `// <name>` in this file. */
const lineOf = (name: string) => SOURCE.findIndex((l) => l.endsWith(`// ${name}`)) + 1;

/** The frames of a stack location, innermost first, as [name or null, file, line]. */
function frames(loc: Location): [string | null, string, number][] {
  const out: [string | null, string, number][] = [];
  let l: Location | null = loc;
  while (l !== null) {
    const frame: Location = l.kind === "callSite" ? l.callee : l;
    const file = frame.kind === "name" ? frame.child : frame;
    out.push([frame.kind === "name" ? frame.name : null, file.file, file.line]);
    l = l.kind === "callSite" ? l.caller : null;
  }
  return out;
}

function innerMost(ctx: Context, limit?: number): Location {
  const loc = Location.fromStack(ctx, limit === undefined ? undefined : { limit }); // INNER
  if (!(loc instanceof Location)) throw new TypeError("not a Location");
  return loc;
}

function outerMost(ctx: Context, limit?: number): Location {
  const loc = innerMost(ctx, limit); // OUTER
  if (!(loc instanceof Location)) throw new TypeError("not a Location");
  return loc;
}

test("Location.fromStack: the caller's frames, innermost first, as named call sites", () => {
  using ctx = new Context();
  const loc = outerMost(ctx);
  assertEquals(loc.kind, "callSite");
  const [inner, outer] = frames(loc);
  assertEquals(inner, ["innerMost", FILE, lineOf("INNER")]);
  assertEquals(outer, ["outerMost", FILE, lineOf("OUTER")]);
  assertStringIncludes(loc.toString(), `callsite("innerMost"("${FILE}":${lineOf("INNER")}:`);
  // No frame of mlir-ffi's own source.
  for (const [, file] of frames(loc)) assert(!file.includes("/src/"), file);
});

test("Location.fromStack: limit", () => {
  using ctx = new Context();
  const one = outerMost(ctx, 1);
  assertEquals(one.kind, "name");
  assertEquals(frames(one), [["innerMost", FILE, lineOf("INNER")]]);
  const two = outerMost(ctx, 2);
  assertEquals(frames(two).length, 2);
  assert(frames(outerMost(ctx)).length <= 10);
  assert(frames(outerMost(ctx, 1000)).length >= 2);
});

test("Location.fromStack: bad input", () => {
  const ctx = new Context();
  for (const limit of [0, -1, 1.5, 1001, "3"]) {
    assertArgumentError(() => Location.fromStack(ctx, { limit: limit as never }), {
      argument: "Location.fromStack's options.limit",
    });
  }
  assertArgumentError(() => Location.fromStack(ctx, 3 as never), { argument: "Location.fromStack's options" });
  assertArgumentError(() => Location.fromStack({} as never), { argument: "Location.fromStack's context" });
  ctx.dispose();
  assertInvalidHandle(() => Location.fromStack(ctx), { kind: "Context", reason: "context disposed" });
});

function buildConstant(ctx: Context) {
  const c = arith.constant(IndexType.get(ctx), 1); // BUILD
  if (c === undefined) throw new TypeError("no result");
  return c;
}

function createRaw(ctx: Context) {
  const index = IndexType.get(ctx);
  const op = ctx.createOperation({ name: "arith.constant", results: [index], attributes: { value: ctx.parseAttribute("1 : index") } }); // CREATE
  if (op === undefined) throw new TypeError("no op");
  return op;
}

for (const strategy of STRATEGIES) {
  test(`[${strategy}] locationsFromStack: builders and createOperation get the caller's stack`, () => {
    using ctx = new Context({ strategy, locationsFromStack: true });
    assert(ctx.locationsFromStack);
    using mod = ctx.createModule();
    using _ = InsertionPoint.atEnd(mod.body).enter();
    const built = buildConstant(ctx).owner.location;
    assertEquals(frames(built)[0], ["buildConstant", FILE, lineOf("BUILD")]);
    const created = createRaw(ctx).location;
    assertEquals(frames(created)[0], ["createRaw", FILE, lineOf("CREATE")]);
    // Explicit and current locations come first.
    const explicit = Location.file(ctx, "given.ts", 1, 2);
    assert(arith.constant(IndexType.get(ctx), 2, { loc: explicit }).owner.location.equals(explicit));
    {
      using _loc = Location.named(ctx, "scope").enter();
      assertEquals(buildConstant(ctx).owner.location.name, "scope");
    }
    // A current location of another context does not count.
    using other = new Context();
    {
      using _loc = Location.unknown(other).enter();
      assertEquals(frames(buildConstant(ctx).owner.location)[0]![0], "buildConstant");
    }
    // Off again: unknown.
    ctx.locationsFromStack = false;
    assertEquals(buildConstant(ctx).owner.location.kind, "unknown");
    assertEquals(createRaw(ctx).location.kind, "unknown");
    mod.operation.verify();
  });
}

test("locationsFromStack is off by default and checked", () => {
  using ctx = new Context();
  assertEquals(ctx.locationsFromStack, false);
  using mod = ctx.createModule();
  using _ = InsertionPoint.atEnd(mod.body).enter();
  assertEquals(buildConstant(ctx).owner.location.kind, "unknown");
  assertArgumentError(() => new Context({ locationsFromStack: 1 as never }), {
    argument: "Context option 'locationsFromStack'",
  });
  assertArgumentError(() => (ctx.locationsFromStack = "yes" as never), { argument: "Context.locationsFromStack" });
  const gone = new Context();
  gone.dispose();
  assertInvalidHandle(() => gone.locationsFromStack, { kind: "Context", reason: "context disposed" });
});

test("the stack parser reads V8's and JavaScriptCore's frames, and skips native and eval ones", () => {
  assertEquals(parseFrame("    at foo (file:///a/b.ts:3:9)"), { name: "foo", file: "file:///a/b.ts", line: 3, column: 9 });
  assertEquals(parseFrame("    at new K (/a/b.ts:1:58)"), { name: "new K", file: "/a/b.ts", line: 1, column: 58 });
  assertEquals(parseFrame("    at async run (/a/b c.ts:10:2)"), { name: "run", file: "/a/b c.ts", line: 10, column: 2 });
  assertEquals(parseFrame("    at /a/b.ts:5:1"), { name: null, file: "/a/b.ts", line: 5, column: 1 });
  assertEquals(parseFrame("    at Object.<anonymous> (/a/b.ts:5:1)"), { name: "Object.<anonymous>", file: "/a/b.ts", line: 5, column: 1 });
  assertEquals(parseFrame("    at <anonymous> (/a/b.ts:5:1)"), { name: null, file: "/a/b.ts", line: 5, column: 1 });
  assertEquals(parseFrame("inner@/a/b.ts:2:27"), { name: "inner", file: "/a/b.ts", line: 2, column: 27 });
  assertEquals(parseFrame("module code@file:///a/b.ts:7:3"), { name: null, file: "file:///a/b.ts", line: 7, column: 3 });
  assertEquals(parseFrame("@/a/b.ts:7:3"), { name: null, file: "/a/b.ts", line: 7, column: 3 });
  for (
    const skipped of [
      "Error",
      "    at Array.map (<anonymous>)",
      "    at Array.map (native)",
      "    at eval (eval at <anonymous> (file:///a.ts:1:1), <anonymous>:1:1)",
      "    at node:test:1445:26",
      "    at run (node:async_hooks:144:29)",
      "    at ext:core/01_core.js:1:1",
      "map@[native code]",
      "",
    ]
  ) {
    assertEquals(parseFrame(skipped), null, skipped);
  }
});
