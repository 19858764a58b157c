/**
 * Type IDs and type casters, after upstream's `mlir/test/python/ir/builtin_types.py`
 * (testTypeIDs, testCustomTypeTypeCaster) and `attributes.py`
 * (testAttrIDs): TypeIDs of types, attributes and operations, comparable
 * and hashable; casters that make reads from the IR return the user's
 * subclass, under every strategy; and what a caster may not do.
 *
 * @module
 */
import { test } from "node:test";
import { assert, assertEquals, assertFalse, assertInstanceOf, assertNotStrictEquals, assertStrictEquals, assertThrows } from "@std/assert";
import { assertArgumentError } from "../_errors.ts";
import {
  ArrayAttr,
  type Attribute,
  Context,
  FLOAT_TYPES,
  FloatType,
  FunctionType,
  IndexType,
  IntegerAttr,
  IntegerType,
  Location,
  RankedTensorType,
  registerTypeCaster,
  STRATEGIES,
  StringAttr,
  Type,
  TypeCasterError,
  TypeID,
  VectorType,
} from "../../src/mod.ts";

test("TypeIDs of types and attributes equal their class's static TypeID", () => {
  using ctx = new Context();
  const cases: [Type, TypeID][] = [
    [ctx.parseType("i32"), IntegerType.staticTypeID],
    [ctx.parseType("index"), IndexType.staticTypeID],
    [ctx.parseType("f16"), FloatType.typeIDOf("f16")],
    [ctx.parseType("bf16"), FloatType.typeIDOf("bf16")],
    [ctx.parseType("vector<4xf32>"), VectorType.staticTypeID],
    [ctx.parseType("tensor<2xi8>"), RankedTensorType.staticTypeID],
    [ctx.parseType("() -> ()"), FunctionType.staticTypeID],
  ];
  for (const [t, id] of cases) {
    assertStrictEquals(t.typeID, id, t.toString());
    assert(t.typeID.equals(id));
    assertEquals(t.typeID.key, id.key);
  }
  assertStrictEquals(ctx.parseAttribute("1 : i8").typeID, IntegerAttr.staticTypeID);
  assertStrictEquals(ctx.parseAttribute('"s"').typeID, StringAttr.staticTypeID);
  assertStrictEquals(ctx.parseAttribute("[1]").typeID, ArrayAttr.staticTypeID);
  // Distinct classes, distinct IDs; f16 and bf16 are distinct float classes.
  assertFalse(FloatType.typeIDOf("f16").equals(FloatType.typeIDOf("bf16")));
  assertFalse(IntegerType.staticTypeID.equals(IntegerAttr.staticTypeID));
  assertFalse(IntegerType.staticTypeID.equals("IntegerType"));
});

test("TypeIDs are the same across contexts and usable as Map keys", () => {
  using a = new Context();
  using b = new Context();
  const byId = new Map<TypeID, string>([[a.parseType("i1").typeID, "int"], [a.parseType("f32").typeID, "f32"]]);
  assertEquals(byId.get(b.parseType("i64").typeID), "int");
  assertEquals(byId.get(b.parseType("f32").typeID), "f32");
  assertEquals(byId.get(b.parseType("f64").typeID), undefined);
  const byKey = new Set([a.parseType("i1").typeID.key]);
  assert(byKey.has(b.parseType("i7").typeID.key));
});

test("every float type's static TypeID is the one its parsed type has (the shim's table order)", () => {
  using ctx = new Context();
  const named = FLOAT_TYPES.filter((name) => name !== "f80" && name !== "f128");
  for (const name of named) assertStrictEquals(FloatType.typeIDOf(name), ctx.parseType(name).typeID, name);
  assertEquals(new Set(named.map((name) => FloatType.typeIDOf(name).key)).size, named.length);
});

test("f80 and f128 have TypeIDs the C API does not name", () => {
  using ctx = new Context();
  assertArgumentError(() => FloatType.typeIDOf("f80"), { argument: "FloatType.typeIDOf's name" });
  assertArgumentError(() => FloatType.typeIDOf("f9" as never), { argument: "FloatType.typeIDOf's name" });
  assertNotStrictEquals(ctx.parseType("f80").typeID, ctx.parseType("f128").typeID);
});

for (const strategy of STRATEGIES) {
  test(`[${strategy}] operation TypeIDs: registered ops have one, unregistered ones null`, () => {
    using ctx = new Context({ strategy, allowUnregisteredDialects: true });
    using mod = ctx.parseModule('func.func private @f()\nfunc.func private @g()\n"x.y"() : () -> ()');
    const [f, g, x] = mod.body.operations;
    assert(f!.typeID instanceof TypeID);
    assertStrictEquals(f!.typeID, g!.typeID);
    assertEquals(x!.typeID, null);
    f!.erase();
    assertThrows(() => f!.typeID);
  });

  test(`[${strategy}] a registered caster makes value types come back as the user's subclass`, () => {
    class Bits extends IntegerType {
      get bits(): number {
        return this.width;
      }
    }
    using ctx = new Context({ strategy });
    using mod = ctx.parseModule("func.func @f(%x: i8, %y: f32) -> i8 { return %x : i8 }");
    const args = mod.body.operations.at(0)!.regions.at(0)!.blocks.at(0)!.arguments;
    const before = args.at(0)!.type;
    assertFalse(before instanceof Bits);
    {
      using _ = registerTypeCaster<IntegerType>(IntegerType.staticTypeID, (t) => new Bits(t));
      const t = args.at(0)!.type;
      assertInstanceOf(t, Bits);
      assertEquals(t.bits, 8);
      assert(t.equals(before));
      // Cached as the cast object; other classes are untouched.
      assertStrictEquals(args.at(0)!.type, t);
      assertFalse(args.at(1)!.type instanceof Bits);
      assertInstanceOf(ctx.parseType("i3"), Bits);
      assertInstanceOf(ctx.parseAttribute("1 : i4").type, Bits);
    }
    // Removed: back to the builtin class.
    assertFalse(args.at(0)!.type instanceof Bits);
  });
}

test("attribute casters apply to attributes read from the IR", () => {
  class Name extends StringAttr {}
  using ctx = new Context();
  using _ = registerTypeCaster<Attribute>(StringAttr.staticTypeID, (a) => new Name(a));
  using mod = ctx.parseModule("func.func private @f()");
  const name = mod.body.operations.at(0)!.attributes.get("sym_name");
  assertInstanceOf(name, Name);
  assertEquals(name.value, "f");
});

test("registering twice needs replace, and disposing the replaced registration keeps the new one", () => {
  class A extends IntegerType {}
  class B extends IntegerType {}
  using ctx = new Context();
  const first = registerTypeCaster<IntegerType>(IntegerType.staticTypeID, (t) => new A(t));
  try {
    assertArgumentError(() => registerTypeCaster<IntegerType>(IntegerType.staticTypeID, (t) => new B(t)), {
      argument: "registerTypeCaster's typeID",
      expected: "a TypeID without a caster",
    });
    assertInstanceOf(ctx.parseType("i2"), A);
    using _ = registerTypeCaster<IntegerType>(IntegerType.staticTypeID, (t) => new B(t), { replace: true });
    assertInstanceOf(ctx.parseType("i2"), B);
    first.dispose();
    assertInstanceOf(ctx.parseType("i2"), B);
  } finally {
    first.dispose();
  }
  assertFalse(ctx.parseType("i2") instanceof A || ctx.parseType("i2") instanceof B);
});

test("registerTypeCaster checks its arguments", () => {
  assertArgumentError(() => registerTypeCaster("IntegerType" as never, (t) => t), { argument: "registerTypeCaster's typeID" });
  assertArgumentError(() => registerTypeCaster(IntegerType.staticTypeID, 3 as never), { argument: "registerTypeCaster's caster" });
  assertArgumentError(() => registerTypeCaster(IntegerType.staticTypeID, (t) => t, { replace: 1 as never }), {
    argument: "registerTypeCaster's options.replace",
  });
});

test("a caster that throws or returns something else is a TypeCasterError, and nothing is cached", () => {
  using ctx = new Context();
  const i5 = ctx.parseType("i5");
  const bad: [string, (t: IntegerType) => IntegerType, "Type"][] = [
    ["a thrown RangeError", () => {
      throw new RangeError("no");
    }, "Type"],
    ["undefined", () => undefined as never, "Type"],
    ["number 5", () => 5 as never, "Type"],
    ["a Type of another object", () => ctx.parseType("i6") as IntegerType, "Type"],
    ["an Attribute of another object", () => ctx.parseAttribute("1 : i5") as never, "Type"],
    ["a Location of another object", () => Location.unknown(ctx) as never, "Type"],
  ];
  for (const [got, caster, kind] of bad) {
    using _ = registerTypeCaster(IntegerType.staticTypeID, caster, { replace: true });
    const e = assertThrows(() => ctx.parseType("i5"), TypeCasterError);
    assertEquals([e.kind, e.got], [kind, got]);
    if (got.startsWith("a thrown")) assertInstanceOf(e.cause, RangeError);
    // Not cached: the next read asks again (and fails again).
    assertThrows(() => ctx.parseType("i5"), TypeCasterError);
  }
  // The old wrapper is still a working IntegerType.
  assertEquals((i5 as IntegerType).width, 5);
  assertInstanceOf(ctx.parseType("i5"), IntegerType);
});

test("a caster that reads its own object again gets the builtin one, not a loop", () => {
  class Again extends IntegerType {}
  using ctx = new Context();
  let inner: Type | undefined;
  using _ = registerTypeCaster<IntegerType>(IntegerType.staticTypeID, (t) => {
    inner = ctx.parseType(t.toString());
    return new Again(t);
  });
  assertInstanceOf(ctx.parseType("i9"), Again);
  assertInstanceOf(inner, IntegerType);
  assertFalse(inner instanceof Again);
});

test("new Subclass(x) is a checked cast: x must be of the nearest builtin class", () => {
  class MyInt extends IntegerType {}
  class MyShaped extends RankedTensorType {}
  using ctx = new Context();
  using other = new Context();
  const i8 = ctx.parseType("i8");
  assertEquals(new MyInt(i8).width, 8);
  assertEquals(new IntegerType(i8).width, 8);
  assertArgumentError(() => new MyInt(ctx.parseType("f32")), { argument: "new MyInt's argument", expected: "an IntegerType" });
  assertArgumentError(() => new IntegerType(ctx.parseType("index")), { expected: "an IntegerType" });
  assertArgumentError(() => new MyShaped(ctx.parseType("tensor<*xf32>")), { expected: "a RankedTensorType" });
  assertArgumentError(() => new Type(ctx.parseAttribute("1 : i8")), { expected: "a Type" });
  assertArgumentError(() => new Location(ctx.parseType("i8")), { expected: "a Location" });
  assertArgumentError(() => new MyInt(5 as never), { argument: "new MyInt's argument" });
  const stale = other.parseType("i8");
  other.dispose();
  assertThrows(() => new MyInt(stale));
});
