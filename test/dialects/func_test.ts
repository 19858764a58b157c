/**
 * Port of upstream MLIR's `mlir/test/python/dialects/func.py`, under every
 * strategy: each upstream `CHECK:` line is asserted on the printed IR, in
 * order, and each Python `assert` on the accessors.
 *
 * Ported:
 * - testConstantOp: i32, i64, f32 and f64 `arith.constant`s; upstream's
 *   `literal_value` is read through the `value` accessor (an IntegerAttr's
 *   bigint, a FloatAttr's number).
 * - testVectorConstantOp: a splat `dense<42> : vector<2x2xi32>` constant,
 *   from a DenseElementsAttr and from the plain value.
 * - testConstantIndexOp: `arith.ConstantOp.create_index(10)` as
 *   `arith.constant(index, 10)`.
 * - testFunctionCalls: private declarations, `func.constant` of one (its
 *   type equals the callee's), and `func.call` by name and by
 *   FlatSymbolRefAttr.
 * - testFunctionArgAttrs: argument attributes given to `func.func` and set
 *   on the op, read back through the `argAttrs` accessor and the printed
 *   signature.
 *
 * Left out:
 * - testVectorConstantOp's "only integer and float constants have literal
 *   values" error: there is no `literal_value`; the `value` accessor returns
 *   the attribute of any constant (checked to be a splat
 *   DenseElementsAttr).
 * - testFunctionCalls' `func.CallOp(foo, [])` taking the callee op: `call`
 *   takes result types and a symbol name or attribute; the call is built
 *   from `foo`'s name and type instead.
 * - testFunctionArgAttrs' Python `arg_attrs` property, which reads an absent
 *   attribute as one empty dictionary per argument: the generated `argAttrs`
 *   accessor returns null when the attribute is absent.
 *
 * @module
 */
import { assert, assertEquals, assertInstanceOf, assertStrictEquals } from "@std/assert";
import {
  ArrayAttr,
  DenseElementsAttr,
  DictionaryAttr,
  FlatSymbolRefAttr,
  FloatAttr,
  FloatType,
  FunctionType,
  IndexType,
  InsertionPoint,
  IntegerAttr,
  IntegerType,
  StringAttr,
  TypeAttr,
  VectorType,
} from "../../src/mod.ts";
import * as arith from "../../src/dialects/arith.ts";
import * as func from "../../src/dialects/func.ts";
import { assertInOrder, dialectTest } from "./_helpers.ts";

const t = (name: string, fn: Parameters<typeof dialectTest>[2]) => dialectTest("func", name, fn);

const constantOf = (v: { owner: { opview: unknown } }): arith.ConstantOp => {
  const view = v.owner.opview;
  assertInstanceOf(view, arith.ConstantOp);
  return view;
};

// upstream: testConstantOp
t("constants and their literal values", ({ ctx, mod }) => {
  const c1 = arith.constant(IntegerType.get(ctx, 32), 42);
  const c2 = arith.constant(IntegerType.get(ctx, 64), 100);
  const c3 = arith.constant(FloatType.f32(ctx), 3.14);
  const c4 = arith.constant(FloatType.f64(ctx), 1.23);
  const v1 = constantOf(c1).value, v2 = constantOf(c2).value, v3 = constantOf(c3).value, v4 = constantOf(c4).value;
  assertInstanceOf(v1, IntegerAttr);
  assertInstanceOf(v2, IntegerAttr);
  assertInstanceOf(v3, FloatAttr);
  assertInstanceOf(v4, FloatAttr);
  assertStrictEquals(v1.value, 42n);
  assertStrictEquals(v2.value, 100n);
  assertStrictEquals(v3.value, 3.140000104904175);
  assertStrictEquals(v4.value, 1.23);
  assertInOrder(mod.toString(), [
    "= arith.constant 42 : i32",
    "= arith.constant 100 : i64",
    "= arith.constant 3.140000e+00 : f32",
    "= arith.constant 1.230000e+00 : f64",
  ]);
  mod.verify();
});

// upstream: testVectorConstantOp
t("a vector splat constant", ({ ctx, mod }) => {
  const i32 = IntegerType.get(ctx, 32);
  const vec = VectorType.get([2, 2], i32);
  const c1 = arith.constant(vec, DenseElementsAttr.fromAttributes(vec, [IntegerAttr.get(i32, 42)]));
  const c2 = arith.constant(vec, 42);
  for (const c of [c1, c2]) {
    const value = constantOf(c).value;
    assertInstanceOf(value, DenseElementsAttr);
    assert(value.isSplat);
    assert(c.type.equals(vec));
  }
  assert(constantOf(c1).value.equals(constantOf(c2).value));
  assertInOrder(mod.toString(), [
    "= arith.constant dense<42> : vector<2x2xi32>",
    "= arith.constant dense<42> : vector<2x2xi32>",
  ]);
  mod.verify();
});

// upstream: testConstantIndexOp
t("an index constant", ({ ctx, mod }) => {
  const c1 = arith.constant(IndexType.get(ctx), 10);
  const value = constantOf(c1).value;
  assertInstanceOf(value, IntegerAttr);
  assertStrictEquals(value.value, 10n);
  assertInOrder(mod.toString(), ["= arith.constant 10 : index"]);
  mod.verify();
});

// upstream: testFunctionCalls
t("declarations, func.constant and calls", ({ ctx, mod }) => {
  const index = IndexType.get(ctx), f32 = FloatType.f32(ctx);
  const foo = func.func("foo", FunctionType.get(ctx, [], []));
  foo.operation.attributes.set("sym_visibility", StringAttr.get(ctx, "private"));
  const bar = func.func("bar", FunctionType.get(ctx, [], [index]), { symVisibility: "private" });
  const qux = func.func("qux", FunctionType.get(ctx, [], [f32]), { symVisibility: "private" });
  assert(foo.isExternal && bar.isExternal && qux.isExternal);
  assertEquals(bar.type.results.map(String), ["index"]);

  const symName = qux.symName;
  assertInstanceOf(symName, StringAttr);
  const con = func.constant(qux.type, symName.value);
  assert(con.type.equals(qux.type));
  const conView = con.owner.opview;
  assertInstanceOf(conView, func.ConstantOp);
  assertInstanceOf(conView.value, FlatSymbolRefAttr);

  const caller = func.func("caller", FunctionType.get(ctx, [], []));
  {
    using _ = InsertionPoint.atEnd(caller.addEntryBlock()).enter();
    const callFoo = func.call(foo.type.results, "foo", []);
    func.call([index], "bar", []);
    func.call([f32], FlatSymbolRefAttr.get(ctx, "qux"), []);
    func.return_([]);
    assertInstanceOf(callFoo, func.CallOp);
    assertEquals(callFoo.operation.numResults, 0);
    assertEquals(callFoo.callee.toString(), "@foo");
  }
  assertInOrder(mod.toString(), [
    "func private @foo()",
    "func private @bar() -> index",
    "func private @qux() -> f32",
    "%f = func.constant @qux : () -> f32",
    "func @caller() {",
    "call @foo() : () -> ()",
    "%0 = call @bar() : () -> index",
    "%1 = call @qux() : () -> f32",
    "return",
    "}",
  ]);
  mod.verify();
});

// upstream: testFunctionArgAttrs
t("argument attributes", ({ ctx, mod }) => {
  const f32 = FloatType.f32(ctx);
  const foo = func.func("foo", FunctionType.get(ctx, [f32], []), { symVisibility: "private" });
  const empty = DictionaryAttr.get(ctx, {});
  const testAttr = DictionaryAttr.get(ctx, { "test.foo": StringAttr.get(ctx, "bar") });
  const testAttr2 = DictionaryAttr.get(ctx, { "test.baz": StringAttr.get(ctx, "qux") });
  // Absent until set (upstream reads it as one empty dictionary per argument).
  assertStrictEquals(foo.argAttrs as unknown, null);
  foo.operation.attributes.set("arg_attrs", ArrayAttr.get(ctx, [testAttr]));
  const fooAttrs = foo.argAttrs;
  assertInstanceOf(fooAttrs, ArrayAttr);
  assertEquals(fooAttrs.length, 1);
  const first = fooAttrs.at(0);
  assertInstanceOf(first, DictionaryAttr);
  assert(first.get("test.foo")!.equals(StringAttr.get(ctx, "bar")));

  const foo2 = func.func("foo2", FunctionType.get(ctx, [f32, f32], []), {
    symVisibility: "private",
    argAttrs: ArrayAttr.get(ctx, [empty, empty]),
  });
  assert(foo2.argAttrs!.equals(ArrayAttr.get(ctx, [empty, empty])));
  foo2.operation.attributes.set("arg_attrs", ArrayAttr.get(ctx, [empty, testAttr2]));
  assert(foo2.argAttrs!.equals(ArrayAttr.get(ctx, [empty, testAttr2])));
  // The function type is untouched by its argument attributes.
  const type = foo2.functionType;
  assertInstanceOf(type, TypeAttr);
  assertEquals(type.value.toString(), "(f32, f32) -> ()");

  assertInOrder(mod.toString(), [
    'func private @foo(f32 {test.foo = "bar"})',
    'func private @foo2(f32, f32 {test.baz = "qux"})',
  ]);
  mod.verify();
});
