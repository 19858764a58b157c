/**
 * Port of upstream MLIR's `mlir/test/python/ir/location.py`: unknown, file
 * (and range), name, call site and fused locations, their accessors, and
 * operation locations, under every strategy.
 *
 * Every location is also round-tripped through text: attached to an
 * operation, printed with debug info and parsed back, it must come back as
 * the very same (uniqued) location.
 *
 * Not ported (see the report of the porting session):
 * - testLocationAttr: `Location.attr` / `Location.from_attr` have no
 *   counterpart in this API.
 * - testLocationCapsule: Python capsules; nothing to port.
 * - `value.location` (part of testFileLineCol) was added later; it is tested
 *   in value_test.ts.
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
import { assertArgumentError, assertInvalidHandle } from "../_errors.ts";
import {
  ArgumentError,
  Context,
  InsertionPoint,
  IntegerType,
  Location,
  STRATEGIES,
  StringAttr,
} from "../../src/mod.ts";

/**
 * Attaches `loc` to a fresh operation, prints it with debug info, parses the
 * text back and returns the parsed operation's location.
 */
function roundTrip(ctx: Context, loc: Location): Location {
  using mod = ctx.createModule();
  ctx.createOperation({ name: "custom.op", location: loc, insertAt: InsertionPoint.atEnd(mod.body) });
  using back = ctx.parseModule(mod.print({ debugInfo: true }));
  return back.body.operations.at(0)!.location;
}

/** Asserts that `loc` survives a trip through text unchanged. */
function assertRoundTrips(ctx: Context, loc: Location): void {
  const back = roundTrip(ctx, loc);
  assert(back.equals(loc), `${loc} came back as ${back}`);
  assertEquals(back.toString(), loc.toString());
}

for (const strategy of STRATEGIES) {
  const ctxOptions = { strategy, allowUnregisteredDialects: true } as const;

  // upstream: testUnknown
  test(`location [${strategy}] unknown location`, () => {
    using ctx = new Context(ctxOptions);
    const loc = Location.unknown(ctx);
    assertStrictEquals(loc.context, ctx);
    assertEquals(loc.toString(), "loc(unknown)");
    assertEquals(loc.kind, "unknown");
    assert(loc.equals(Location.unknown(ctx)));
    assert(loc.equals(ctx.unknownLocation()));
    assertEquals(loc.key, Location.unknown(ctx).key);
    assertRoundTrips(ctx, loc);

    assertArgumentError(() => Location.unknown("ctx" as never), { argument: "Location.unknown's context", expected: "a Context" });
    // Kind-specific accessors refuse other kinds (upstream: the typed casts).
    assertArgumentError(() => loc.file, { argument: "The location whose file was asked for", expected: "a file location" });
    assertArgumentError(() => loc.name, { argument: "The location whose name was asked for", expected: "a name location" });
    assertArgumentError(() => loc.callee, { argument: "The location whose callee was asked for", expected: "a callSite location" });
    assertArgumentError(() => loc.locations, { argument: "The location whose locations was asked for", expected: "a fused location" });
  });

  test(`location [${strategy}] a location dies with its context`, () => {
    const ctx = new Context(ctxOptions);
    const loc = Location.file(ctx, "foo.txt", 123, 56);
    assert(loc.isValid);
    ctx.dispose();
    assertFalse(loc.isValid);
    assertInvalidHandle(() => loc.toString(), { kind: "Location", reason: "context disposed" });
    assertInvalidHandle(() => loc.kind, { kind: "Location", reason: "context disposed" });
    assertInvalidHandle(() => loc.line, { kind: "Location", reason: "context disposed" });
    assertInvalidHandle(() => loc.context, { kind: "Location", reason: "context disposed" });
    assertInvalidHandle(() => Location.unknown(ctx), { kind: "Context", reason: "context disposed" });
  });

  // upstream: testFileLineCol
  test(`location [${strategy}] file locations and ranges`, () => {
    using ctx = new Context(ctxOptions);
    const loc = Location.file(ctx, "foo1.txt", 123, 56);
    const range = Location.fileRange(ctx, "foo2.txt", 123, 56, 124, 100);

    assertEquals(loc.toString(), 'loc("foo1.txt":123:56)');
    assertEquals(range.toString(), 'loc("foo2.txt":123:56 to 124:100)');

    assertEquals(loc.kind, "file");
    assertEquals([loc.file, loc.line, loc.column, loc.endLine, loc.endColumn], ["foo1.txt", 123, 56, 123, 56]);
    assertEquals(range.kind, "file");
    assertEquals([range.file, range.line, range.column, range.endLine, range.endColumn], [
      "foo2.txt",
      123,
      56,
      124,
      100,
    ]);

    assert(loc.equals(Location.file(ctx, "foo1.txt", 123, 56)));
    assert(loc.equals(ctx.fileLocation("foo1.txt", 123, 56)));
    assertFalse(loc.equals(range));
    assertFalse(loc.equals(Location.file(ctx, "foo1.txt", 123, 57)));

    assertRoundTrips(ctx, loc);
    assertRoundTrips(ctx, range);
    // Names that need escaping survive printing and parsing.
    const odd = Location.file(ctx, 'dir/a"b\\c\n☃.txt', 0, 2 ** 31 - 1);
    assertEquals(odd.file, 'dir/a"b\\c\n☃.txt');
    assertEquals([odd.line, odd.column], [0, 2 ** 31 - 1]);
    assertRoundTrips(ctx, odd);

    assertArgumentError(() => Location.file(ctx, "f", -1, 1), { argument: "Line", expected: "an integer in [0, 4294967295]" });
    assertArgumentError(() => Location.file(ctx, "f", 1, 1.5), { argument: "Column", expected: "an integer in [0, 4294967295]" });
    assertArgumentError(() => Location.file(ctx, "f", 2 ** 32, 1), { argument: "Line", expected: "an integer in [0, 4294967295]" });
    assertArgumentError(() => Location.file(ctx, 42 as never, 1, 1), { argument: "File name", expected: "a string" });
    assertArgumentError(() => Location.fileRange(ctx, "f", 1, 1, -2, 1), { argument: "End line", expected: "an integer in [0, 4294967295]" });
    assertArgumentError(() => Location.fileRange(ctx, "f", 1, 1, 2, NaN), { argument: "End column", expected: "an integer in [0, 4294967295]" });
    assertArgumentError(() => loc.name, { argument: "The location whose name was asked for", expected: "a name location" });
    assertArgumentError(() => loc.child, { argument: "The location whose child was asked for", expected: "a name location" });
    assertArgumentError(() => loc.metadata, { argument: "The location whose metadata was asked for", expected: "a fused location" });
  });

  // The source is an explicit `module {}`: parsing bare top-level operations
  // with a file name yields locations unequal to `Location.file` (see the
  // porting report).
  test(`location [${strategy}] file locations from parsed source`, () => {
    using ctx = new Context(ctxOptions);
    using mod = ctx.parseModule('module {\n"custom.a"() : () -> ()\n  "custom.b"() : () -> ()\n}', {
      filename: "in.mlir",
    });
    const [a, b] = mod.body.operations.toArray();
    assertEquals(a!.location.toString(), 'loc("in.mlir":2:1)');
    assertEquals([b!.location.file, b!.location.line, b!.location.column], ["in.mlir", 3, 3]);
    assert(b!.location.equals(Location.file(ctx, "in.mlir", 3, 3)));
    assertRoundTrips(ctx, b!.location);
    assertEquals(mod.operation.location.toString(), 'loc("in.mlir":1:1)');
  });

  // upstream: testName
  test(`location [${strategy}] name locations`, () => {
    using ctx = new Context(ctxOptions);
    const loc = Location.named(ctx, "nombre");
    const withChild = Location.named(ctx, "naam", loc);

    assertEquals(loc.toString(), 'loc("nombre")');
    assertEquals(withChild.toString(), 'loc("naam"("nombre"))');

    assertEquals(loc.kind, "name");
    assertEquals(loc.name, "nombre");
    assertEquals(loc.child.toString(), "loc(unknown)");
    assertEquals(loc.child.kind, "unknown");

    assertEquals(withChild.kind, "name");
    assertEquals(withChild.name, "naam");
    assert(withChild.child.equals(loc));
    assertEquals(withChild.child.kind, "name");

    const fileChild = Location.named(ctx, "at", Location.file(ctx, "x.mlir", 4, 2));
    assertEquals(fileChild.toString(), 'loc("at"("x.mlir":4:2))');
    assertEquals(fileChild.child.line, 4);

    assertRoundTrips(ctx, loc);
    assertRoundTrips(ctx, withChild);
    assertRoundTrips(ctx, fileChild);
    const odd = Location.named(ctx, 'q"uote\\ ☃');
    assertEquals(odd.name, 'q"uote\\ ☃');
    assertRoundTrips(ctx, odd);

    using other = new Context(ctxOptions);
    assertArgumentError(() => Location.named(ctx, 7 as never), { argument: "Location name", expected: "a string" });
    assertArgumentError(() => Location.named(other, "x", loc), { argument: "Child location", expected: "of this Context" });
    assertArgumentError(() => loc.line, { argument: "The location whose line or column was asked for", expected: "a file location" });
    assertArgumentError(() => loc.caller, { argument: "The location whose caller was asked for", expected: "a callSite location" });
  });

  // upstream: testCallSite
  test(`location [${strategy}] call site locations`, () => {
    using ctx = new Context(ctxOptions);
    // Upstream's `Location.callsite(callee, [frame1, frame2])` nests the frames.
    const caller = Location.callSite(Location.file(ctx, "util.foo", 379, 21), Location.file(ctx, "main.foo", 100, 63));
    const loc = Location.callSite(Location.file(ctx, "foo.text", 123, 45), caller);

    assertEquals(
      loc.toString(),
      'loc(callsite("foo.text":123:45 at callsite("util.foo":379:21 at "main.foo":100:63)))',
    );
    assertEquals(loc.kind, "callSite");
    assertEquals(loc.callee.toString(), 'loc("foo.text":123:45)');
    assertEquals(loc.callee.kind, "file");
    assertEquals(loc.caller.toString(), 'loc(callsite("util.foo":379:21 at "main.foo":100:63))');
    assertEquals(loc.caller.kind, "callSite");
    assert(loc.caller.equals(caller));
    assert(loc.caller.caller.equals(Location.file(ctx, "main.foo", 100, 63)));
    assertStrictEquals(loc.context, ctx);

    assertRoundTrips(ctx, loc);
    assertRoundTrips(ctx, caller);

    using other = new Context(ctxOptions);
    assertArgumentError(() => Location.callSite(loc, "main.foo" as never), { argument: "Location.callSite's caller", expected: "a Location" });
    assertArgumentError(() => Location.callSite(null as never, loc), { argument: "Location.callSite's callee", expected: "a Location" });
    assertArgumentError(() => Location.callSite(loc, Location.unknown(other)), { argument: "Caller location", expected: "of this Context" });
    assertArgumentError(() => loc.name, { argument: "The location whose name was asked for", expected: "a name location" });
  });

  // upstream: testFused
  test(`location [${strategy}] fused locations`, () => {
    using ctx = new Context(ctxOptions);
    const apple = Location.named(ctx, "apple");
    const sauteed = StringAttr.get(ctx, "sauteed");

    // One location without metadata collapses to that location.
    const single = Location.fused(ctx, [apple]);
    assertEquals(single.toString(), 'loc("apple")');
    assertEquals(single.kind, "name");
    assert(single.equals(apple));

    const loc = Location.fused(ctx, [apple, Location.named(ctx, "banana")]);
    assertEquals(loc.toString(), 'loc(fused["apple", "banana"])');
    assertEquals(loc.kind, "fused");
    assertEquals(loc.locations.map(String), ['loc("apple")', 'loc("banana")']);
    assert(loc.locations[0]!.equals(apple));
    assertStrictEquals(loc.metadata, null);

    const withAttr = Location.fused(ctx, [Location.named(ctx, "carrot"), Location.named(ctx, "potatoes")], sauteed);
    assertEquals(withAttr.toString(), 'loc(fused<"sauteed">["carrot", "potatoes"])');
    assertEquals(withAttr.kind, "fused");
    assertEquals(withAttr.locations.map(String), ['loc("carrot")', 'loc("potatoes")']);
    assertInstanceOf(withAttr.metadata, StringAttr);
    assertEquals(withAttr.metadata.value, "sauteed");
    assert(withAttr.metadata.equals(sauteed));

    // No locations and no metadata: the unknown location.
    const empty = Location.fused(ctx, []);
    assertEquals(empty.toString(), "loc(unknown)");
    assertEquals(empty.kind, "unknown");

    const emptyAttr = Location.fused(ctx, [], sauteed);
    assertEquals(emptyAttr.toString(), 'loc(fused<"sauteed">[unknown])');
    assertEquals(emptyAttr.kind, "fused");
    assertEquals(emptyAttr.locations.map(String), ["loc(unknown)"]);

    const singleAttr = Location.fused(ctx, [apple], sauteed);
    assertEquals(singleAttr.toString(), 'loc(fused<"sauteed">["apple"])');
    assertEquals(singleAttr.kind, "fused");
    assertEquals(singleAttr.locations.map(String), ['loc("apple")']);

    for (const l of [loc, withAttr, emptyAttr, singleAttr]) assertRoundTrips(ctx, l);

    using other = new Context(ctxOptions);
    assertArgumentError(() => Location.fused(ctx, [apple, "banana" as never]), { argument: "Fused location 1", expected: "a Location" });
    assertArgumentError(() => Location.fused(ctx, apple as never), { argument: "Location.fused's locations", expected: "an array of Locations" });
    assertArgumentError(() => Location.fused(other, [apple]), { argument: "Fused location 0", expected: "of this Context" });
    assertArgumentError(() => Location.fused(other, [Location.named(other, "a"), Location.named(other, "b")], sauteed), { argument: "Fused location metadata", expected: "of this Context" });
    assertArgumentError(() => single.locations, { argument: "The location whose locations was asked for", expected: "a fused location" });
    assertArgumentError(() => empty.metadata, { argument: "The location whose metadata was asked for", expected: "a fused location" });
  });

  // upstream: testFileLineCol (operation part), and operation locations in general.
  test(`location [${strategy}] operation locations`, () => {
    using ctx = new Context(ctxOptions);
    const i32 = IntegerType.signless(ctx, 32);
    using mod = ctx.createModule();
    const at = InsertionPoint.atEnd(mod.body);
    const op = ctx.createOperation({
      name: "custom.op1",
      results: [i32],
      location: Location.file(ctx, "foo3.txt", 127, 61),
      insertAt: at,
    });
    assertEquals(op.location.toString(), 'loc("foo3.txt":127:61)');
    assertEquals(op.location.kind, "file");
    assertStringIncludes(op.print({ debugInfo: true }), 'loc("foo3.txt":127:61)');
    assertFalse(op.print().includes("loc("));

    // Without a location, an operation gets the unknown one.
    const plain = ctx.createOperation({ name: "custom.op2", insertAt: at });
    assertEquals(plain.location.kind, "unknown");

    // Setting a location replaces it, and printing shows the new one.
    const named = Location.named(ctx, "renamed", Location.file(ctx, "foo3.txt", 1, 2));
    plain.location = named;
    assert(plain.location.equals(named));
    assertStringIncludes(plain.print({ debugInfo: true }), 'loc("renamed"(');

    using back = ctx.parseModule(mod.print({ debugInfo: true }));
    const [op1, op2] = back.body.operations.toArray();
    assert(op1!.location.equals(op.location));
    assert(op2!.location.equals(named));

    using other = new Context(ctxOptions);
    assertArgumentError(() => {
        plain.location = "here" as never;
      }, { argument: "location", expected: "a Location" });
    assertArgumentError(() => {
        plain.location = Location.unknown(other);
      }, { argument: "location", expected: "of this Context" });
    assertArgumentError(() => ctx.createOperation({ name: "custom.op3", location: Location.unknown(other) }), { argument: "location", expected: "of this Context" });
    assert(plain.location.equals(named), "a refused location leaves the old one in place");
    plain.erase();
    assertInvalidHandle(() => plain.location, { kind: "Operation", reason: "operation erased" });
  });

  test(`location [${strategy}] equality and keys across kinds`, () => {
    using ctx = new Context(ctxOptions);
    const locs = [
      Location.unknown(ctx),
      Location.file(ctx, "a", 1, 1),
      Location.fileRange(ctx, "a", 1, 1, 2, 2),
      Location.named(ctx, "a"),
      Location.callSite(Location.named(ctx, "a"), Location.named(ctx, "b")),
      Location.fused(ctx, [Location.named(ctx, "a"), Location.named(ctx, "b")]),
    ];
    assertEquals(locs.map((l) => l.kind), ["unknown", "file", "file", "name", "callSite", "fused"]);
    assertEquals(new Set(locs.map((l) => l.key)).size, locs.length);
    for (const [i, a] of locs.entries()) {
      for (const [j, b] of locs.entries()) assertEquals(a.equals(b), i === j, `${a} vs ${b}`);
    }
    assertFalse(locs[0]!.equals(StringAttr.get(ctx, "a")));
    assertFalse(locs[0]!.equals("loc(unknown)"));
    using other = new Context(ctxOptions);
    assertFalse(Location.unknown(other).equals(locs[0]));
  });
}

test("location arguments are checked (a Type as metadata used to abort)", () => {
  using ctx = new Context();
  const a = Location.file(ctx, "a", 1, 1);
  const b = Location.file(ctx, "b", 2, 2);
  assertArgumentError(() => Location.fused(ctx, [a, b], IntegerType.get(ctx, 32) as never), { argument: "Fused location metadata", expected: "an Attribute" });
  assertThrows(() => Location.fused(ctx, [a, b], "x" as never), ArgumentError);
  assertArgumentError(() => Location.named(ctx, "x", "y" as never), { argument: "Child location", expected: "a Location" });
  assertArgumentError(() => Location.named(ctx, "x", StringAttr.get(ctx, "s") as never), { argument: "Child location", expected: "a Location" });
  // Lines and columns are unsigned 32-bit, on both runtimes.
  const far = Location.fileRange(ctx, "x", 2 ** 31, 2 ** 32 - 1, 2 ** 32 - 1, 7);
  assertEquals([far.line, far.column, far.endLine, far.endColumn], [2 ** 31, 2 ** 32 - 1, 2 ** 32 - 1, 7]);
  assertThrows(() => Location.file(ctx, "x", 2 ** 32, 1), ArgumentError);
});

test("locations of an implicit module equal the same location made directly", () => {
  using ctx = new Context({ allowUnregisteredDialects: true });
  using mod = ctx.parseModule('"custom.a"() : () -> ()', { filename: "in.mlir" });
  assert(mod.body.operations.at(0)!.location.equals(Location.file(ctx, "in.mlir", 1, 1)));
});
