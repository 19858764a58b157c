/**
 * Builtin types, under every strategy: a port of upstream MLIR's
 * mlir/test/python/ir/builtin_types.py.
 *
 * Each kind is built, printed, parsed back (`ctx.parseType(t.toString())`
 * must give an equal type of the same class) and misused (a typed error,
 * never a crash). Upstream cases that rely on Python-only machinery (casts
 * like `IntegerType(t)`, `repr`, capsules, `mlir.extras.types` sugar, the
 * dynamic-size sentinel) are ported to their TypeScript equivalents:
 * automatic downcasting with `instanceof`, `null` for dynamic sizes and for
 * the rank of unranked types.
 *
 * @module
 */
import { test } from "node:test";
import {
  assert,
  assertEquals,
  assertFalse,
  assertInstanceOf,
  assertNotEquals,
  assertStrictEquals,
  assertThrows,
} from "@std/assert";
import { assertArgumentError, assertInvalidHandle } from "../_errors.ts";
import {
  AffineMapAttr,
  ComplexType,
  Context,
  FLOAT_TYPES,
  FloatType,
  FunctionType,
  IndexType,
  IntegerAttr,
  IntegerType,
  InvalidHandleError,
  MemRefType,
  MlirParseError,
  NoneType,
  OpaqueType,
  RankedTensorType,
  ShapedType,
  STRATEGIES,
  StridedLayoutAttr,
  StringAttr,
  TupleType,
  Type,
  TypeAttr,
  UnrankedMemRefType,
  UnrankedTensorType,
  VectorType,
} from "../../src/mod.ts";
import { roundTrip } from "./_round_trip.ts";

/** The bit width of every float type (`FloatType.width`; upstream checks f64). */
const FLOAT_WIDTHS: Record<(typeof FLOAT_TYPES)[number], number> = {
  f16: 16,
  bf16: 16,
  f32: 32,
  f64: 64,
  tf32: 19,
  f8E5M2: 8,
  f8E4M3: 8,
  f8E4M3FN: 8,
  f8E5M2FNUZ: 8,
  f8E4M3FNUZ: 8,
  f8E4M3B11FNUZ: 8,
  f8E3M4: 8,
  f8E8M0FNU: 8,
  f4E2M1FN: 4,
  f6E2M3FN: 6,
  f6E3M2FN: 6,
  f80: 80,
  f128: 128,
};

for (const strategy of STRATEGIES) {
  const t = (name: string, fn: (ctx: Context) => void, allowUnregisteredDialects = false) =>
    test(`types [${strategy}] ${name}`, () => {
      using ctx = new Context({ strategy, allowUnregisteredDialects });
      fn(ctx);
    });

  // testParsePrint, testParseError
  t("parse and print", (ctx) => {
    const i32 = ctx.parseType("i32");
    assertEquals(i32.toString(), "i32");
    assertStrictEquals(i32.context, ctx);
    assertEquals(i32.dialect, "builtin");
    roundTrip(ctx, i32);

    // Upstream: MLIRError "expected non-function type"; here the diagnostic
    // also carries its position in the text.
    const e = assertThrows(
      () => ctx.parseType("BAD_TYPE_DOES_NOT_EXIST"),
      MlirParseError,
      "expected non-function type",
    );
    assertEquals(e.diagnostics.length, 1);
    assertEquals([e.diagnostics[0]!.severity, e.diagnostics[0]!.line, e.diagnostics[0]!.column], ["error", 1, 1]);
    assertThrows(() => ctx.parseType("i32 i32"), MlirParseError, "found trailing characters");
    assertThrows(() => ctx.parseType(""), MlirParseError, "expected non-function type");
    assertArgumentError(() => ctx.parseType(32 as unknown as string), { argument: "parseType's argument", expected: "a string" });
  });

  // Upstream keeps the context alive through its types (gc); here a context
  // is disposed explicitly, and its types then refuse to be used.
  test(`types [${strategy}] types die with their context`, () => {
    const ctx = new Context({ strategy });
    const i32 = ctx.parseType("i32");
    assert(i32.isValid);
    ctx.dispose();
    assertFalse(i32.isValid);
    assertInvalidHandle(() => i32.toString(), { kind: "Type", reason: "context disposed" });
    assertInvalidHandle(() => i32.context, { kind: "Type", reason: "context disposed" });
    assertInvalidHandle(() => IndexType.get(ctx), { kind: "Context", reason: "context disposed" });
    assertInvalidHandle(() => ctx.parseType("i32"), { kind: "Context", reason: "context disposed" });
  });

  // testTypeEq, testTypeHash, testTypeEqDoesNotRaise
  t("equality and keys", (ctx) => {
    const t1 = ctx.parseType("i32");
    const t2 = ctx.parseType("f32");
    const t3 = ctx.parseType("i32");
    assert(t1.equals(t1));
    assertFalse(t1.equals(t2));
    assert(t1.equals(t3));
    // Comparing with anything that is not a type is false, not an error.
    assertFalse(t1.equals("foo"));
    assertFalse(t1.equals(null));
    assertFalse(t1.equals(ctx.parseAttribute("1 : i32")));

    // `key` plays the part of `__hash__`: equal types, equal keys.
    assertStrictEquals(t1.key, t3.key);
    assertNotEquals(t1.key, t2.key);
    assertEquals(new Set([t1.key, t2.key, t3.key]).size, 2);

    // The same text in another context is another type.
    using other = new Context({ strategy });
    assertFalse(other.parseType("i32").equals(t1));
  });

  // testTypeIsInstance, testFloatTypeSubclasses, testStandardTypeCasts and the
  // downcasts of testConcreteTypesRoundTrip: parsing gives the most specific class.
  t("parsed types get their most specific class", (ctx) => {
    const i32 = ctx.parseType("i32");
    assertInstanceOf(i32, IntegerType);
    assertFalse(i32 instanceof FloatType);
    const f32 = ctx.parseType("f32");
    assertInstanceOf(f32, FloatType);
    assertEquals(f32.name, "f32");
    for (const name of FLOAT_TYPES) assertInstanceOf(ctx.parseType(name), FloatType, name);

    const expected: [string, abstract new (...args: any[]) => Type][] = [
      ["index", IndexType],
      ["none", NoneType],
      ["complex<f32>", ComplexType],
      ["tuple<i32, f32>", TupleType],
      ["(i32) -> f32", FunctionType],
      ["vector<2x3xf32>", VectorType],
      ["tensor<2x3xf32>", RankedTensorType],
      ["tensor<*xf32>", UnrankedTensorType],
      ["memref<2x3xf32>", MemRefType],
      ["memref<*xf32, 2>", UnrankedMemRefType],
    ];
    for (const [text, cls] of expected) {
      const parsed = ctx.parseType(text);
      assertInstanceOf(parsed, cls, text);
      assertEquals(parsed.toString(), text);
    }

    // Upstream: "Cannot cast type to IntegerType (from Type(f32))". The
    // nearest misuse here is text naming no type at all.
    assertThrows(() => ctx.parseType("f999"), MlirParseError, "f999");
  });

  // testCustomTypeTypeCaster: a type of a registered, non-builtin dialect
  // parses without loading anything by hand, and prints back the same.
  t("types of other dialects", (ctx) => {
    const op = ctx.parseType('!transform.op<"foo.bar">');
    assertInstanceOf(op, Type);
    assertEquals(op.toString(), '!transform.op<"foo.bar">');
    assertEquals(op.dialect, "transform");
    roundTrip(ctx, op);
    assertThrows(() => ctx.parseType("!transform.no_such_type"), MlirParseError, "no_such_type");
  });

  // testIntegerType
  t("integer types", (ctx) => {
    const i32 = ctx.parseType("i32");
    assertInstanceOf(i32, IntegerType);
    assertEquals([i32.width, i32.signedness], [32, "signless"]);
    const s32 = ctx.parseType("si32");
    assertInstanceOf(s32, IntegerType);
    assertEquals([s32.width, s32.signedness], [32, "signed"]);
    const u32 = ctx.parseType("ui32");
    assertInstanceOf(u32, IntegerType);
    assertEquals([u32.width, u32.signedness], [32, "unsigned"]);

    assertEquals(IntegerType.signless(ctx, 16).toString(), "i16");
    assertEquals(IntegerType.signed(ctx, 8).toString(), "si8");
    assertEquals(IntegerType.unsigned(ctx, 64).toString(), "ui64");
    assert(IntegerType.get(ctx, 32).equals(i32), "the default signedness is signless");
    assert(IntegerType.get(ctx, 32, "signed").equals(s32));
    assert(IntegerType.get(ctx, 32, "unsigned").equals(u32));
    // T.i(5), T.si(6), T.ui(7) of testTypeWrappers: odd widths are fine.
    for (const t of [IntegerType.get(ctx, 5), IntegerType.signed(ctx, 6), IntegerType.unsigned(ctx, 7)]) {
      roundTrip(ctx, t);
    }
    assertEquals(IntegerType.get(ctx, 16_777_215).width, 16_777_215);

    assertArgumentError(() => IntegerType.get(ctx, -1), { argument: "IntegerType.get's width", expected: "an integer in [0, 16777215]" });
    assertArgumentError(() => IntegerType.get(ctx, 16_777_216), { argument: "IntegerType.get's width", expected: "an integer in [0, 16777215]" });
    assertArgumentError(() => IntegerType.get(ctx, 1.5), { argument: "IntegerType.get's width", expected: "an integer in [0, 16777215]" });
    assertArgumentError(() => IntegerType.get(ctx, 8, "sign" as "signed"), { argument: "IntegerType.get's signedness", expected: "one of signless, signed, unsigned" });
    assertArgumentError(() => IntegerType.get({} as Context, 8), { argument: "IntegerType.get's context", expected: "a Context" });
  });

  // testIndexType, testNoneType
  t("index and none types", (ctx) => {
    const index = IndexType.get(ctx);
    assertEquals(index.toString(), "index");
    roundTrip(ctx, index);
    const none = NoneType.get(ctx);
    assertEquals(none.toString(), "none");
    roundTrip(ctx, none);
    assertFalse(index.equals(none));

    assertArgumentError(() => IndexType.get(null as unknown as Context), { argument: "IndexType.get's context", expected: "a Context" });
    assertArgumentError(() => NoneType.get("ctx" as unknown as Context), { argument: "NoneType.get's context", expected: "a Context" });
  });

  // testFloatType
  t("float types", (ctx) => {
    for (const name of FLOAT_TYPES) {
      const f = FloatType.get(ctx, name);
      assertInstanceOf(f, FloatType);
      assertEquals([f.toString(), f.name, f.width], [name, name, FLOAT_WIDTHS[name]]);
      roundTrip(ctx, f);
    }
    assert(FloatType.f16(ctx).equals(ctx.parseType("f16")));
    assert(FloatType.bf16(ctx).equals(ctx.parseType("bf16")));
    assert(FloatType.f32(ctx).equals(ctx.parseType("f32")));
    assert(FloatType.f64(ctx).equals(ctx.parseType("f64")));
    assertEquals(FloatType.f64(ctx).width, 64);

    assertArgumentError(() => FloatType.get(ctx, "f33" as "f32"), { argument: "FloatType.get's name", expected: "one of f16, bf16, f32, f64, tf32, f8E5M2, f8E4M3, f8E4M3FN, f8E5M2FNUZ, f8E4M3FNUZ, f8E4M3B11FNUZ, f8E3M4, f8E8M0FNU, f4E2M1FN, f6E2M3FN, f6E3M2FN, f80, f128" });
    assertArgumentError(() => FloatType.f32(undefined as unknown as Context), { argument: "FloatType.get's context", expected: "a Context" });
  });

  // testComplexType
  t("complex type", (ctx) => {
    const ci32 = ctx.parseType("complex<i32>");
    assertInstanceOf(ci32, ComplexType);
    assertInstanceOf(ci32.elementType, IntegerType);
    assertEquals(ci32.elementType.toString(), "i32");

    const cf32 = ComplexType.get(FloatType.f32(ctx));
    assertEquals(cf32.toString(), "complex<f32>");
    assert(cf32.elementType.equals(FloatType.f32(ctx)));
    roundTrip(ctx, cf32);
    // T.complex(T.f16()), T.complex(T.i32()) of testTypeWrappers.
    assertEquals(ComplexType.get(FloatType.f16(ctx)).toString(), "complex<f16>");
    assert(ComplexType.get(IntegerType.get(ctx, 32)).equals(ci32));

    // Upstream: "invalid 'Type(index)' and expected floating point or integer type."
    assertArgumentError(() => ComplexType.get(IndexType.get(ctx) as unknown as FloatType), { argument: "ComplexType's element type", expected: "an integer or float type" });
    assertArgumentError(() => ComplexType.get(cf32 as unknown as FloatType), { argument: "ComplexType's element type", expected: "an integer or float type" });
    assertArgumentError(() => ComplexType.get("f32" as unknown as FloatType), { argument: "ComplexType's element type", expected: "a Type" });
    assertThrows(() => ctx.parseType("complex<index>"), MlirParseError, "invalid element type for complex");
  });

  // testConcreteShapedType, testAbstractShapedType: the queries every shaped
  // type shares. Upstream's has_rank / is_dynamic_dim / get_dim_size are
  // `rank !== null`, `shape[i] === null` and `shape[i]` here.
  t("shaped type queries", (ctx) => {
    const vector = ctx.parseType("vector<2x3xf32>");
    assertInstanceOf(vector, VectorType);
    assertInstanceOf(vector, ShapedType);
    assertEquals(vector.elementType.toString(), "f32");
    assertInstanceOf(vector.elementType, FloatType);
    assertEquals(vector.rank, 2);
    assertEquals(vector.shape, [2, 3]);
    assert(vector.hasStaticShape);
    assertEquals(vector.numElements, 6);

    const dynamic = ctx.parseType("tensor<?x3x?xf64>");
    assertInstanceOf(dynamic, RankedTensorType);
    assertEquals(dynamic.rank, 3);
    assertEquals(dynamic.shape, [null, 3, null]);
    assertFalse(dynamic.hasStaticShape);
    // A dynamic shape has no element count.
    assertArgumentError(() => dynamic.numElements, { argument: "The type whose numElements was asked for", expected: "statically shaped" });

    // A rank-0 shape has one element.
    const scalar = ctx.parseType("tensor<f32>");
    assertInstanceOf(scalar, RankedTensorType);
    assertEquals([scalar.rank, scalar.shape, scalar.numElements], [0, [], 1]);
  });

  // testVectorType
  t("vector type", (ctx) => {
    const f32 = FloatType.f32(ctx);
    const v = VectorType.get([2, 3], f32);
    assertEquals(v.toString(), "vector<2x3xf32>");
    assertEquals(v.scalableDims, [false, false]);
    roundTrip(ctx, v);
    assertEquals(VectorType.get([], f32).toString(), "vector<f32>");
    assertEquals(VectorType.get([2], IndexType.get(ctx)).toString(), "vector<2xindex>");

    const scalable1 = VectorType.get([2, 3], f32, { scalable: [false, true] });
    const scalable2 = VectorType.get([2, 3, 4], f32, { scalable: [true, false, true] });
    assertEquals(scalable1.toString(), "vector<2x[3]xf32>");
    assertEquals(scalable2.toString(), "vector<[2]x3x[4]xf32>");
    assertEquals(scalable1.scalableDims, [false, true]);
    assertEquals(scalable2.scalableDims, [true, false, true]);
    assertFalse(scalable1.equals(v), "scalability is part of the type");
    assertEquals(roundTrip(ctx, scalable1).scalableDims, [false, true]);
    roundTrip(ctx, scalable2);

    // Upstream: MLIRError "failed to verify 'elementType'", with the diagnostic.
    const e = assertArgumentError(() => VectorType.get([2, 3], NoneType.get(ctx)), { argument: "VectorType.get's shape and element type", expected: "a valid vector type" });
    assertEquals(e.diagnostics.length, 1);
    // Upstream: "Expected len(scalable) == len(shape)."
    assertArgumentError(() => VectorType.get([2, 3], f32, { scalable: [false, true, true] }), { argument: "VectorType.get's options.scalable", expected: "an array of 2 booleans, one per dimension" });
    assertArgumentError(() => VectorType.get([2], f32, { scalable: [1 as unknown as boolean] }), { argument: "scalable[0]", expected: "a boolean" });
    // Vectors have no dynamic or empty sizes.
    assertArgumentError(() => VectorType.get([null as unknown as number, 3], f32), { argument: "Vector shape[0]", expected: "a non-negative integer" });
    assertArgumentError(() => VectorType.get([0, 3], f32), { argument: "VectorType.get's shape and element type", expected: "a valid vector type" });
    assertArgumentError(() => VectorType.get([2], ctx.parseType("tensor<2xf32>")), { argument: "VectorType.get's shape and element type", expected: "a valid vector type" });
  });

  // testRankedTensorType
  t("ranked tensor type", (ctx) => {
    const f32 = FloatType.f32(ctx);
    const tensor = RankedTensorType.get([2, 3], f32);
    assertEquals(tensor.toString(), "tensor<2x3xf32>");
    assertEquals(tensor.shape, [2, 3]);
    assertStrictEquals(tensor.encoding, null);
    roundTrip(ctx, tensor);

    const encoded = RankedTensorType.get([2, 3], f32, StringAttr.get(ctx, "encoding"));
    assertEquals(encoded.toString(), 'tensor<2x3xf32, "encoding">');
    assertEquals(encoded.shape, [2, 3]);
    assertInstanceOf(encoded.encoding, StringAttr);
    assertEquals(encoded.encoding.value, "encoding");
    assertFalse(encoded.equals(tensor), "the encoding is part of the type");
    assertEquals((roundTrip(ctx, encoded).encoding as StringAttr).value, "encoding");

    // T.tensor(S, 3, S, T.f64()) of testTypeWrappers: null is a dynamic size.
    const dynamic = RankedTensorType.get([null, 3, null], FloatType.f64(ctx));
    assertEquals(dynamic.toString(), "tensor<?x3x?xf64>");
    assertEquals(dynamic.shape, [null, 3, null]);
    roundTrip(ctx, dynamic);

    // Upstream: MLIRError "invalid tensor element type: 'none'".
    const e = assertArgumentError(() => RankedTensorType.get([2, 3], NoneType.get(ctx)), { argument: "RankedTensorType.get's arguments", expected: "a valid tensor type" });
    assertEquals(e.diagnostics.length, 1);
    assertArgumentError(() => RankedTensorType.get([-1], f32), { argument: "Tensor shape[0]", expected: "a non-negative integer or null (dynamic)" });
    assertArgumentError(() => RankedTensorType.get([1.5], f32), { argument: "Tensor shape[0]", expected: "a non-negative integer or null (dynamic)" });
    assertArgumentError(() => RankedTensorType.get(3 as unknown as number[], f32), { argument: "Tensor shape", expected: "an array of sizes" });
    using other = new Context({ strategy });
    assertArgumentError(() => RankedTensorType.get([2], f32, StringAttr.get(other, "e")), { argument: "Tensor encoding", expected: "of this Context" });
  });

  // testUnrankedTensorType: upstream's rank / is_dynamic_dim / get_dim_size
  // raise "requires that the type has a rank"; here rank and shape are null.
  t("unranked tensor type", (ctx) => {
    const f32 = FloatType.f32(ctx);
    const unranked = UnrankedTensorType.get(f32);
    assertEquals(unranked.toString(), "tensor<*xf32>");
    assertStrictEquals(unranked.rank, null);
    assertStrictEquals(unranked.shape, null);
    assertFalse(unranked.hasStaticShape);
    assert(unranked.elementType.equals(f32));
    roundTrip(ctx, unranked);

    assertArgumentError(() => unranked.numElements, { argument: "The type whose numElements was asked for", expected: "statically shaped" });
    const e = assertArgumentError(() => UnrankedTensorType.get(NoneType.get(ctx)), { argument: "UnrankedTensorType.get's element type", expected: "a valid tensor element type" });
    assertEquals(e.diagnostics.length, 1);
    assertArgumentError(() => UnrankedTensorType.get(null as unknown as Type), { argument: "Tensor element type", expected: "a Type" });
  });

  // testMemRefType, and the memrefs of testTypeWrappers
  t("memref type", (ctx) => {
    const f32 = FloatType.f32(ctx);
    const inSpace2 = MemRefType.get([2, 3], f32, { memorySpace: ctx.parseAttribute("2") });
    assertEquals(inSpace2.toString(), "memref<2x3xf32, 2>");
    assertEquals(inSpace2.shape, [2, 3]);
    // The default layout is the identity map.
    const identity = inSpace2.layout;
    assertInstanceOf(identity, AffineMapAttr);
    assertEquals(identity.toString(), "affine_map<(d0, d1) -> (d0, d1)>");
    assert(identity.isIdentity);
    const space = inSpace2.memorySpace;
    assertInstanceOf(space, IntegerAttr);
    assertEquals([space.value, space.type.toString()], [2n, "i64"]);
    roundTrip(ctx, inSpace2);

    const permuted = MemRefType.get([2, 3], f32, { layout: AffineMapAttr.get(ctx, "(d0, d1) -> (d1, d0)") });
    assertEquals(permuted.toString(), "memref<2x3xf32, affine_map<(d0, d1) -> (d1, d0)>>");
    assertEquals(permuted.layout.toString(), "affine_map<(d0, d1) -> (d1, d0)>");
    assertFalse((permuted.layout as AffineMapAttr).isIdentity);
    assertStrictEquals(permuted.memorySpace, null);
    roundTrip(ctx, permuted);

    const f64 = FloatType.f64(ctx);
    const strided = MemRefType.get([2, 3, 4], f64, {
      layout: StridedLayoutAttr.get(ctx, 42, [5, 7, 13]),
      memorySpace: ctx.parseAttribute("1"),
    });
    assertEquals(strided.toString(), "memref<2x3x4xf64, strided<[5, 7, 13], offset: 42>, 1>");
    assertInstanceOf(strided.layout, StridedLayoutAttr);
    roundTrip(ctx, strided);
    const dynamic = MemRefType.get([null, 3, null], f64);
    assertEquals(dynamic.toString(), "memref<?x3x?xf64>");
    assertEquals(dynamic.shape, [null, 3, null]);
    roundTrip(ctx, dynamic);

    // Upstream: MLIRError "invalid memref element type".
    const e = assertArgumentError(() => MemRefType.get([2, 3], NoneType.get(ctx)), { argument: "MemRefType.get's arguments", expected: "a valid memref type" });
    assertEquals(e.diagnostics.length, 1);
    // A layout whose rank differs from the shape's, and an unsupported memory space.
    assertArgumentError(() => MemRefType.get([2, 3], f32, { layout: AffineMapAttr.get(ctx, "(d0) -> (d0)") }), { argument: "MemRefType.get's arguments", expected: "a valid memref type" });
    assertArgumentError(() => MemRefType.get([2, 3], f32, { layout: StridedLayoutAttr.get(ctx, 0, [1]) }), { argument: "MemRefType.get's arguments", expected: "a valid memref type" });
    assertArgumentError(() => MemRefType.get([2, 3], f32, { memorySpace: ctx.parseAttribute("1.0 : f32") }), { argument: "MemRefType.get's arguments", expected: "a valid memref type" });
    assertArgumentError(() => MemRefType.get([-2], f32), { argument: "MemRef shape[0]", expected: "a non-negative integer or null (dynamic)" });
  });

  // testUnrankedMemRefType
  t("unranked memref type", (ctx) => {
    const f32 = FloatType.f32(ctx);
    const unranked = UnrankedMemRefType.get(f32, ctx.parseAttribute("2"));
    assertEquals(unranked.toString(), "memref<*xf32, 2>");
    const space = unranked.memorySpace;
    assertInstanceOf(space, IntegerAttr);
    assertEquals(space.value, 2n);
    assertStrictEquals(unranked.rank, null);
    assertStrictEquals(unranked.shape, null);
    roundTrip(ctx, unranked);
    const inDefaultSpace = UnrankedMemRefType.get(f32);
    assertEquals(inDefaultSpace.toString(), "memref<*xf32>");
    assertStrictEquals(inDefaultSpace.memorySpace, null);
    roundTrip(ctx, inDefaultSpace);

    const e = assertArgumentError(() => UnrankedMemRefType.get(NoneType.get(ctx), ctx.parseAttribute("2")), { argument: "UnrankedMemRefType.get's arguments", expected: "a valid unranked memref type" });
    assertEquals(e.diagnostics.length, 1);
    assertArgumentError(() => UnrankedMemRefType.get(f32, ctx.parseAttribute("[1]")), { argument: "UnrankedMemRefType.get's arguments", expected: "a valid unranked memref type" });
    assertArgumentError(() => UnrankedMemRefType.get(f32, f32 as unknown as StringAttr), { argument: "MemRef memory space", expected: "an Attribute" });
  });

  // testTupleType
  t("tuple type", (ctx) => {
    const i32 = ctx.parseType("i32");
    const f32 = FloatType.f32(ctx);
    const vector = ctx.parseType("vector<2x3xf32>");
    const tuple = TupleType.get(ctx, [i32, f32, vector]);
    assertEquals(tuple.toString(), "tuple<i32, f32, vector<2x3xf32>>");
    const types = tuple.types;
    assertEquals(types.length, 3);
    assertEquals(types[1]!.toString(), "f32");
    // Elements come back as their most specific classes.
    assertInstanceOf(types[0], IntegerType);
    assertInstanceOf(types[1], FloatType);
    assertInstanceOf(types[2], VectorType);
    roundTrip(ctx, tuple);
    // Empty and nested tuples.
    const nested = TupleType.get(ctx, [TupleType.get(ctx, []), f32]);
    assertEquals(nested.toString(), "tuple<tuple<>, f32>");
    roundTrip(ctx, nested);

    assertArgumentError(() => TupleType.get(ctx, [i32, "f32" as unknown as Type]), { argument: "Tuple element types[1]", expected: "a Type" });
    assertArgumentError(() => TupleType.get(ctx, i32 as unknown as Type[]), { argument: "Tuple element types", expected: "an array" });
    using other = new Context({ strategy });
    assertArgumentError(() => TupleType.get(ctx, [other.parseType("i32")]), { argument: "Tuple element types[0]", expected: "of this Context" });
  });

  // testFunctionType
  t("function type", (ctx) => {
    const fn = FunctionType.get(ctx, [IntegerType.signless(ctx, 32), IntegerType.signless(ctx, 16)], [
      IndexType.get(ctx),
    ]);
    assertEquals(fn.toString(), "(i32, i16) -> index");
    assertEquals(fn.inputs.map(String), ["i32", "i16"]);
    assert(fn.inputs.every((t) => t instanceof IntegerType));
    assertEquals(fn.results.map(String), ["index"]);
    assertInstanceOf(fn.results[0], IndexType);
    roundTrip(ctx, fn);

    const empty = FunctionType.get(ctx, [], []);
    assertEquals(empty.toString(), "() -> ()");
    assertEquals([empty.inputs, empty.results], [[], []]);
    roundTrip(ctx, empty);
    // T.function(...) of testTypeWrappers: several results are parenthesized.
    const ints = [16, 32, 64].map((w) => IntegerType.get(ctx, w));
    const floats = [FloatType.f16(ctx), FloatType.f32(ctx), FloatType.f64(ctx)];
    assertEquals(FunctionType.get(ctx, ints, floats).toString(), "(i16, i32, i64) -> (f16, f32, f64)");
    roundTrip(ctx, FunctionType.get(ctx, ints, floats));

    assertArgumentError(() => FunctionType.get(ctx, [null as unknown as Type], []), { argument: "Function input types[0]", expected: "a Type" });
    assertArgumentError(() => FunctionType.get(ctx, [], undefined as unknown as Type[]), { argument: "Function result types", expected: "an array" });
    using other = new Context({ strategy });
    assertArgumentError(() => FunctionType.get(ctx, [], [other.parseType("f32")]), { argument: "Function result types[0]", expected: "of this Context" });
  });

  // testOpaqueType (upstream also allows unregistered dialects)
  t("opaque type", (ctx) => {
    const opaque = OpaqueType.get(ctx, "dialect", "type");
    assertEquals(opaque.toString(), "!dialect.type");
    assertEquals(opaque.dialectNamespace, "dialect");
    assertEquals(opaque.data, "type");
    roundTrip(ctx, opaque);
    // T.opaque("scf", "placeholder") of testTypeWrappers.
    assertEquals(OpaqueType.get(ctx, "scf", "placeholder").toString(), "!scf.placeholder");
    const withBody = OpaqueType.get(ctx, "mydialect", "thing<1>");
    assertEquals(withBody.toString(), "!mydialect.thing<1>");
    assertEquals(roundTrip(ctx, withBody).data, "thing<1>");

    assertArgumentError(() => OpaqueType.get(ctx, "1dialect", "type"), { argument: "Opaque type namespace", expected: "a dialect namespace (a letter or _, then letters, digits, _ or $)" });
    assertArgumentError(() => OpaqueType.get(ctx, "dialect", 7 as unknown as string), { argument: "Opaque type data", expected: "a string" });
  }, true);

  t("opaque types of unregistered dialects need the context's permission", (ctx) => {
    // Building one is allowed, as upstream; reading one back is refused.
    const opaque = OpaqueType.get(ctx, "dialect", "type");
    assertEquals(opaque.toString(), "!dialect.type");
    assertThrows(() => ctx.parseType(opaque.toString()), MlirParseError, "unregistered dialect");
    ctx.allowUnregisteredDialects = true;
    roundTrip(ctx, opaque);
  });

  // testConcreteTypesRoundTrip: the types of values and attributes read from
  // IR come back as their most specific classes.
  t("types read from IR are downcast", (ctx) => {
    using mod = ctx.parseModule(`
      func.func @f() -> (tensor<10x10xf32>, tensor<*xf32>, memref<10x10xf32>, memref<*xf32, 2>, tuple<i32, f32>) {
        %t = tensor.empty() : tensor<10x10xf32>
        %u = tensor.cast %t : tensor<10x10xf32> to tensor<*xf32>
        %m = memref.alloc() : memref<10x10xf32>
        %s = memref.alloc() : memref<10x10xf32, 2>
        %c = memref.cast %s : memref<10x10xf32, 2> to memref<*xf32, 2>
        %p = "test.make_tuple"() : () -> tuple<i32, f32>
        return %t, %u, %m, %c, %p : tensor<10x10xf32>, tensor<*xf32>, memref<10x10xf32>, memref<*xf32, 2>, tuple<i32, f32>
      }`);
    const f = mod.body.operations.at(0)!;
    const ops = f.regions.at(0)!.blocks.at(0)!.operations.toArray();
    const resultType = (i: number) => ops[i]!.results.at(0)!.type;
    const empty = resultType(0);
    assertInstanceOf(empty, RankedTensorType);
    assertEquals(empty.toString(), "tensor<10x10xf32>");
    assertInstanceOf(resultType(1), UnrankedTensorType);
    assertInstanceOf(resultType(2), MemRefType);
    const cast = resultType(4);
    assertInstanceOf(cast, UnrankedMemRefType);
    assertEquals((cast.memorySpace as IntegerAttr).value, 2n);
    const tuple = resultType(5);
    assertInstanceOf(tuple, TupleType);
    assertEquals(tuple.types.map((t) => t.constructor), [IntegerType, FloatType]);

    const signature = f.attributes.get("function_type");
    assertInstanceOf(signature, TypeAttr);
    assertInstanceOf(signature.value, FunctionType);
    assertEquals(signature.value.results.length, 5);
    assert(signature.value.results[0]!.equals(empty));

    // Types belong to the context, not the module: they outlive it, while
    // the operations they were read from do not.
    mod.dispose();
    assertEquals(empty.toString(), "tensor<10x10xf32>");
    assertThrows(() => ops[0]!.name, InvalidHandleError);
  }, true);
}

test("a memref layout must be a layout attribute (used to crash)", () => {
  using ctx = new Context();
  const f32 = FloatType.f32(ctx);
  assertArgumentError(() => MemRefType.get([2, 3], f32, { layout: StringAttr.get(ctx, "x") }), { argument: "MemRefType.get's options.layout", expected: "an AffineMapAttr or a StridedLayoutAttr" });
  assertArgumentError(() => MemRefType.get([2, 3], f32, { layout: ctx.parseAttribute("1 : i64") }), { argument: "MemRefType.get's options.layout", expected: "an AffineMapAttr or a StridedLayoutAttr" });
  const t = MemRefType.get([2, 3], f32, { layout: AffineMapAttr.get(ctx, "(d0, d1) -> (d1, d0)") });
  assertEquals(t.toString(), "memref<2x3xf32, affine_map<(d0, d1) -> (d1, d0)>>");
});

test("i0, f80 and f128; element counts beyond exact numbers are refused", () => {
  using ctx = new Context();
  assertEquals(IntegerType.get(ctx, 0).toString(), "i0");
  assertEquals(FloatType.get(ctx, "f80").width, 80);
  assertEquals(FloatType.get(ctx, "f128").name, "f128");
  const huge = RankedTensorType.get([2 ** 30, 2 ** 30, 2 ** 30 + 1], FloatType.f32(ctx));
  assertArgumentError(() => huge.numElements, { argument: "The type whose numElements was asked for", expected: "a type with at most 2^53 - 1 elements (what a number counts exactly)" });
  assertThrows(() => ctx.parseType("i32\0"), Error, "NUL");
});
