/**
 * The pdl, emitc and complex dialects' types and attributes, under every
 * strategy: each kind is built, read, printed and parsed back (the same
 * object, of the same class), comes back as its class from the IR
 * (`value.type`, `ctx.parseType`), and is given bad input: a typed error
 * with the argument named, never an invalid type in the context. The inputs
 * MLIR itself would assert on or cast unchecked run in a child process, so
 * a guard that breaks fails a test instead of the runner.
 *
 * @module
 */
import { test } from "node:test";
import { assert, assertEquals, assertInstanceOf, assertMatch, assertStrictEquals } from "@std/assert";
import { assertArgumentError, assertInvalidHandle } from "../_errors.ts";
import { describeChild, REPORT_CASES, runChild } from "../_child.ts";
import {
  ComplexNumberAttr,
  ComplexType,
  Context,
  EmitCArrayType,
  EmitCLValueType,
  EmitCOpaqueAttr,
  EmitCOpaqueType,
  EmitCPointerType,
  EmitCPtrDiffTType,
  EmitCSignedSizeTType,
  EmitCSizeTType,
  FloatType,
  IndexType,
  IntegerAttr,
  IntegerType,
  PDLAttributeType,
  PDLOperationType,
  PDLRangeType,
  type PDLRangeElementType,
  PDLTypeType,
  PDLValueType,
  STRATEGIES,
  type Type,
} from "../../src/mod.ts";
import { roundTrip, roundTripAttr } from "./_round_trip.ts";

for (const strategy of STRATEGIES) {
  const t = (name: string, fn: (ctx: Context) => void) =>
    test(`pdl/emitc/complex [${strategy}] ${name}`, () => {
      using ctx = new Context({ strategy });
      fn(ctx);
    });

  t("pdl types and ranges of them", (ctx) => {
    const simple: [Type, string][] = [
      [PDLAttributeType.get(ctx), "!pdl.attribute"],
      [PDLOperationType.get(ctx), "!pdl.operation"],
      [PDLTypeType.get(ctx), "!pdl.type"],
      [PDLValueType.get(ctx), "!pdl.value"],
    ];
    for (const [ty, text] of simple) {
      assertEquals([roundTrip(ctx, ty).toString(), ty.dialect], [text, "pdl"]);
      const r = roundTrip(ctx, PDLRangeType.get(ty as PDLRangeElementType));
      assertEquals(r.toString(), `!pdl.range<${text.slice("!pdl.".length)}>`);
      assert(r.elementType.equals(ty));
      assertStrictEquals(r.elementType.constructor, ty.constructor);
    }
    assert(PDLOperationType.get(ctx).equals(ctx.parseType("!pdl.operation")));
  });

  t("emitc types", (ctx) => {
    const i32 = IntegerType.get(ctx, 32);
    const a = roundTrip(ctx, EmitCArrayType.get([2, 3], i32));
    assertEquals([a.toString(), a.shape, a.dialect], ["!emitc.array<2x3xi32>", [2, 3], "emitc"]);
    assert(a.elementType.equals(i32));
    assertEquals(roundTrip(ctx, EmitCArrayType.get([0], FloatType.f64(ctx))).toString(), "!emitc.array<0xf64>");
    const many = EmitCArrayType.get(Array.from({ length: 10 }, (_, i) => i + 1), IndexType.get(ctx));
    assertEquals(many.shape, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const ptr = roundTrip(ctx, EmitCPointerType.get(i32));
    assertEquals(ptr.toString(), "!emitc.ptr<i32>");
    assert(ptr.pointee.equals(i32));
    const arrOfPtr = roundTrip(ctx, EmitCArrayType.get([4], ptr));
    assertEquals(arrOfPtr.toString(), "!emitc.array<4x!emitc.ptr<i32>>");
    assertInstanceOf(arrOfPtr.elementType, EmitCPointerType);
    const pp = roundTrip(ctx, EmitCPointerType.get(a));
    assertInstanceOf(pp.pointee, EmitCArrayType);
    assert(pp.pointee.equals(a));

    const lv = roundTrip(ctx, EmitCLValueType.get(ptr));
    assertEquals(lv.toString(), "!emitc.lvalue<!emitc.ptr<i32>>");
    assertInstanceOf(lv.valueType, EmitCPointerType);
    assert(lv.valueType.equals(ptr));
    assert(EmitCLValueType.get(i32).valueType.equals(i32));

    const op = roundTrip(ctx, EmitCOpaqueType.get(ctx, "FILE"));
    assertEquals([op.toString(), op.value], ['!emitc.opaque<"FILE">', "FILE"]);
    for (const s of ['a"b\\c', "ünï\n\t", "std::vector<int>"]) {
      assertEquals(roundTrip(ctx, EmitCOpaqueType.get(ctx, s)).value, s);
    }
    const size: [Type, string][] = [
      [EmitCPtrDiffTType.get(ctx), "!emitc.ptrdiff_t"],
      [EmitCSignedSizeTType.get(ctx), "!emitc.ssize_t"],
      [EmitCSizeTType.get(ctx), "!emitc.size_t"],
    ];
    for (const [ty, text] of size) {
      assertEquals(roundTrip(ctx, ty).toString(), text);
      assertStrictEquals(EmitCArrayType.get([1], ty).elementType.constructor, ty.constructor);
    }
  });

  t("emitc opaque attribute and complex number attribute", (ctx) => {
    const o = roundTripAttr(ctx, EmitCOpaqueAttr.get(ctx, "NULL"));
    assertEquals([o.toString(), o.value], ['#emitc.opaque<"NULL">', "NULL"]);
    assertEquals(roundTripAttr(ctx, EmitCOpaqueAttr.get(ctx, "")).value, "");
    assertEquals(roundTripAttr(ctx, EmitCOpaqueAttr.get(ctx, 'x = "ü"')).value, 'x = "ü"');

    const c64 = ComplexType.get(FloatType.f64(ctx));
    const z = roundTripAttr(ctx, ComplexNumberAttr.get(c64, 1.5, -2));
    assertEquals([z.toString(), z.real, z.imag], ["#complex.number<:f64 1.500000e+00, -2.000000e+00> : complex<f64>", 1.5, -2]);
    assert(z.type.equals(c64));
    const h = roundTripAttr(ctx, ComplexNumberAttr.get(ComplexType.get(FloatType.get(ctx, "f16")), 1.1, 3));
    assertEquals([h.real, h.imag], [1.099609375, 3]);
    const f32 = ComplexNumberAttr.get(ComplexType.get(FloatType.f32(ctx)), Infinity, NaN);
    assertEquals(f32.real, Infinity);
    assert(Number.isNaN(f32.imag));
  });

  t("types and attributes read from the IR are their classes", (ctx) => {
    using mod = ctx.parseModule(`func.func @f(%a: !pdl.attribute, %o: !pdl.operation, %t: !pdl.type, %v: !pdl.value, %r: !pdl.range<type>,
    %x: !emitc.array<2xi8>, %l: !emitc.lvalue<i32>, %q: !emitc.opaque<"int">, %p: !emitc.ptr<i8>,
    %d: !emitc.ptrdiff_t, %s: !emitc.ssize_t, %u: !emitc.size_t) attributes {
      c = #complex.number<:f32 1.0, 2.0> : complex<f32>, e = #emitc.opaque<"0">
    } {
  return
}`);
    const f = mod.body.operations.at(0)!;
    const types = [...f.regions.at(0)!.blocks.at(0)!.arguments].map((x) => x.type);
    const classes = [
      PDLAttributeType,
      PDLOperationType,
      PDLTypeType,
      PDLValueType,
      PDLRangeType,
      EmitCArrayType,
      EmitCLValueType,
      EmitCOpaqueType,
      EmitCPointerType,
      EmitCPtrDiffTType,
      EmitCSignedSizeTType,
      EmitCSizeTType,
    ];
    assertEquals(types.map((ty) => ty.constructor.name), classes.map((c) => c.name));
    assertInstanceOf((types[4] as PDLRangeType).elementType, PDLTypeType);
    assertEquals((types[5] as EmitCArrayType).shape, [2]);
    assertEquals((types[7] as EmitCOpaqueType).value, "int");
    const c = f.attributes.get("c");
    assertInstanceOf(c, ComplexNumberAttr);
    assertEquals([c.real, c.imag], [1, 2]);
    const e = f.attributes.get("e");
    assertInstanceOf(e, EmitCOpaqueAttr);
    assertEquals(e.value, "0");
    // The emitc comparison predicate is an IntegerAttr of i64 in MLIR 22.
    assertInstanceOf(ctx.parseAttribute("2 : i64"), IntegerAttr);
  });

  t("bad input is an ArgumentError naming the argument", (ctx) => {
    const i32 = IntegerType.get(ctx, 32);
    const i7 = IntegerType.get(ctx, 7);
    // pdl.range: a PDL type other than a range.
    const range = PDLRangeType.get(PDLValueType.get(ctx));
    for (const bad of [i32, range]) {
      assertArgumentError(() => PDLRangeType.get(bad as PDLRangeElementType), {
        argument: "PDLRangeType.get's element type",
        expected: "a PDL type other than a range (!pdl.attribute, !pdl.operation, !pdl.type or !pdl.value)",
        got: bad.toString(),
      });
    }
    assertArgumentError(() => PDLRangeType.get("!pdl.value" as unknown as PDLValueType), { argument: "PDLRangeType.get's element type", expected: "a Type" });
    assertArgumentError(() => PDLOperationType.get({} as Context), { argument: "PDLOperationType.get's context", expected: "a Context" });

    // emitc.array: a non-empty shape of non-negative dims, of an element C can hold.
    const lv = EmitCLValueType.get(i32);
    for (const bad of [i7, IntegerType.get(ctx, 128), FloatType.get(ctx, "f80"), ComplexType.get(FloatType.f32(ctx)), EmitCArrayType.get([2], i32), lv, PDLTypeType.get(ctx)]) {
      const e = assertArgumentError(() => EmitCArrayType.get([2], bad), { argument: "EmitCArrayType.get's element type", got: bad.toString() });
      assert(e.diagnostics.length > 0, "MLIR's reason is kept");
    }
    assertArgumentError(() => EmitCArrayType.get([], i32), { argument: "EmitCArrayType.get's shape", expected: "a non-empty array" });
    assertArgumentError(() => EmitCArrayType.get([2, -1], i32), { argument: "EmitCArrayType.get's shape[1]", got: "number -1" });
    assertArgumentError(() => EmitCArrayType.get([1.5], i32), { argument: "EmitCArrayType.get's shape[0]" });
    assertArgumentError(() => EmitCArrayType.get([2 ** 53], i32), { argument: "EmitCArrayType.get's shape[0]" });
    assertArgumentError(() => EmitCArrayType.get("2" as unknown as number[], i32), { argument: "EmitCArrayType.get's shape", expected: "an array" });
    assertArgumentError(() => EmitCArrayType.get([2], null as unknown as Type), { argument: "EmitCArrayType.get's element type", expected: "a Type" });

    // emitc.lvalue: not of an array, an lvalue or a type emitc does not support.
    for (const bad of [EmitCArrayType.get([2], i32), lv, i7]) {
      assertArgumentError(() => EmitCLValueType.get(bad), { argument: "EmitCLValueType.get's value type", got: bad.toString() });
    }
    assertArgumentError(() => EmitCLValueType.get(3 as unknown as Type), { argument: "EmitCLValueType.get's value type", expected: "a Type" });
    // emitc.ptr: not to an lvalue.
    assertArgumentError(() => EmitCPointerType.get(lv), { argument: "EmitCPointerType.get's pointee", got: "!emitc.lvalue<i32>" });
    assertArgumentError(() => EmitCPointerType.get(undefined as unknown as Type), { argument: "EmitCPointerType.get's pointee", expected: "a Type" });
    // emitc.opaque: a non-empty string, not a pointer.
    assertArgumentError(() => EmitCOpaqueType.get(ctx, ""), { argument: "EmitCOpaqueType.get's value", expected: "a non-empty string" });
    assertArgumentError(() => EmitCOpaqueType.get(ctx, "int *"), { argument: "EmitCOpaqueType.get's value", got: 'the string "int *"' });
    assertArgumentError(() => EmitCOpaqueType.get(ctx, 1 as unknown as string), { argument: "EmitCOpaqueType.get's value", expected: "a string" });
    assertArgumentError(() => EmitCOpaqueAttr.get(ctx, null as unknown as string), { argument: "EmitCOpaqueAttr.get's value", expected: "a string" });
    assertArgumentError(() => EmitCSizeTType.get(null as unknown as Context), { argument: "EmitCSizeTType.get's context", expected: "a Context" });

    // complex.number: a complex type of a float element, and numbers.
    for (const bad of [ComplexType.get(i32), FloatType.f64(ctx), i32]) {
      assertArgumentError(() => ComplexNumberAttr.get(bad as ComplexType, 1, 2), {
        argument: "ComplexNumberAttr.get's type",
        expected: "a complex type of a float element (complex<f32>, ...)",
        got: bad.toString(),
      });
    }
    const c64 = ComplexType.get(FloatType.f64(ctx));
    assertArgumentError(() => ComplexNumberAttr.get(c64, "1" as unknown as number, 2), { argument: "ComplexNumberAttr.get's real part", expected: "a number" });
    assertArgumentError(() => ComplexNumberAttr.get(c64, 1, 2n as unknown as number), { argument: "ComplexNumberAttr.get's imaginary part", expected: "a number" });
    assertArgumentError(() => ComplexNumberAttr.get(ctx.parseAttribute("unit") as unknown as ComplexType, 1, 2), { argument: "ComplexNumberAttr.get's type", expected: "a Type" });

    // Nothing invalid was left behind: the context still verifies and prints.
    assertMatch(ctx.parseType("!emitc.array<2xi32>").toString(), /^!emitc\.array/);
  });

  t("each get builds in its argument's context; a disposed one is refused", (ctx) => {
    // Every get here takes one type (or a context), so there is no second
    // context to mix in: what is built belongs to the argument's context.
    const other = new Context({ strategy });
    const foreign = IntegerType.get(other, 32);
    const p = EmitCPointerType.get(foreign);
    assert(p.context === other);
    assert(!p.equals(EmitCPointerType.get(IntegerType.get(ctx, 32))));
    const r = PDLRangeType.get(PDLValueType.get(other));
    assert(r.context === other);
    const c = ComplexType.get(FloatType.f32(other));
    other.dispose();
    assertInvalidHandle(() => p.pointee, { kind: "Type", reason: "context disposed" });
    assertInvalidHandle(() => r.elementType, { kind: "Type", reason: "context disposed" });
    assertInvalidHandle(() => EmitCArrayType.get([1], foreign), { kind: "Type", reason: "context disposed" });
    assertInvalidHandle(() => EmitCLValueType.get(foreign), { kind: "Type", reason: "context disposed" });
    assertInvalidHandle(() => PDLRangeType.get(PDLValueType.get(ctx)) && PDLRangeType.get(r as unknown as PDLValueType), { kind: "Type", reason: "context disposed" });
    assertInvalidHandle(() => ComplexNumberAttr.get(c, 1, 2), { kind: "Type", reason: "context disposed" });
    assertInvalidHandle(() => EmitCOpaqueType.get(other, "int"), { kind: "Context", reason: "context disposed" });
    assertInvalidHandle(() => PDLTypeType.get(other), { kind: "Context", reason: "context disposed" });
  });
}

// What MLIR 22 itself asserts on (no asserts in release: undefined
// behaviour) or casts unchecked, refused before the call. In a child process
// with the heap checks, so a broken guard is a failed test, not a lost runner.
const MLIR_TRAPS = `
const { Context, IntegerType, FloatType, ComplexType, ComplexNumberAttr, EmitCArrayType, EmitCLValueType, EmitCPointerType, EmitCOpaqueType, PDLRangeType, PDLTypeType } = mlir;
using ctx = new Context();
const i32 = IntegerType.get(ctx, 32);
const cases = {
  // RangeType::verify is an assert: a range of i32, then of a range.
  "pdl range of i32": () => PDLRangeType.get(i32),
  "pdl range of range": () => PDLRangeType.get(PDLRangeType.get(PDLTypeType.get(ctx))),
  // ArrayType::verify: an assert, then an invalid type kept in the context.
  "emitc array of i7": () => EmitCArrayType.get([2], IntegerType.get(ctx, 7)),
  "emitc array without dims": () => EmitCArrayType.get([], i32),
  "emitc array of -1": () => EmitCArrayType.get([-1], i32),
  "emitc lvalue of lvalue": () => EmitCLValueType.get(EmitCLValueType.get(i32)),
  "emitc ptr to lvalue": () => EmitCPointerType.get(EmitCLValueType.get(i32)),
  "emitc opaque empty": () => EmitCOpaqueType.get(ctx, ""),
  "emitc opaque pointer": () => EmitCOpaqueType.get(ctx, "int*"),
  // mlirComplexAttrDoubleGetChecked casts its type to ComplexType unchecked.
  "complex of f64": () => ComplexNumberAttr.get(FloatType.f64(ctx), 1, 2),
  "complex of i32": () => ComplexNumberAttr.get(ComplexType.get(i32), 1, 2),
};
${REPORT_CASES}
`;

test("pdl/emitc/complex: inputs MLIR asserts on are refused, in a child process with heap checks", () => {
  const r = runChild(MLIR_TRAPS);
  assertEquals([r.status, r.signal], [0, null], describeChild(r));
  const got = JSON.parse(r.stdout.trim().split("\n").at(-1)!);
  const range = { name: "ArgumentError", argument: "PDLRangeType.get's element type" };
  const array = { name: "ArgumentError", argument: "EmitCArrayType.get's element type" };
  const shape = { name: "ArgumentError", argument: "EmitCArrayType.get's shape" };
  const opaque = { name: "ArgumentError", argument: "EmitCOpaqueType.get's value" };
  const complex = { name: "ArgumentError", argument: "ComplexNumberAttr.get's type" };
  assertEquals(got, {
    "pdl range of i32": range,
    "pdl range of range": range,
    "emitc array of i7": array,
    "emitc array without dims": shape,
    "emitc array of -1": { name: "ArgumentError", argument: "EmitCArrayType.get's shape[0]" },
    "emitc lvalue of lvalue": { name: "ArgumentError", argument: "EmitCLValueType.get's value type" },
    "emitc ptr to lvalue": { name: "ArgumentError", argument: "EmitCPointerType.get's pointee" },
    "emitc opaque empty": opaque,
    "emitc opaque pointer": opaque,
    "complex of f64": complex,
    "complex of i32": complex,
  });
});
