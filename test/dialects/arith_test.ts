/**
 * Port of upstream MLIR's `mlir/test/python/dialects/arith_dialect.py`, under
 * every strategy: each upstream `CHECK:` line is asserted on the printed IR,
 * in order.
 *
 * Ported:
 * - testConstantOps: `arith.constant(f32, 42.42)`.
 * - testFastMathFlags: `arith.addf` with fastmath `["nnan", "ninf"]` (the
 *   bit enum as an array of case names), and the `fastmath` accessor.
 * - testArithValue: the IR it builds (`addf` on f16, `subf` on f32, `mulf` on
 *   f64 of constants), built with the builders directly.
 * - testArrayConstantConstruction: the `arith.ConstantOp(vec,
 *   DenseIntElementsAttr.get(array, type=vec))` form, through
 *   `arith.constant(type, DenseElementsAttr.get(type, typedArray))`, for
 *   i32, i64, f32 and f64 vectors.
 *
 * Left out:
 * - testArithValue's operator overloading (`a + a`) through
 *   `register_value_caster` and `ArithValue`: Python-only value casters.
 * - testArrayConstantConstruction's `arith.constant(vec, array(...))` form:
 *   `arith.constant` takes a number, bigint, boolean (splat) or an
 *   Attribute, not an array of elements, so each CHECK-COUNT-2 is checked
 *   once, for the attribute form.
 *
 * The arith constants of upstream's func.py (literal values, vector splats,
 * index constants) are ported in func_test.ts, with that file.
 *
 * @module
 */
import { assert, assertEquals, assertInstanceOf, assertStrictEquals } from "@std/assert";
import { Attribute, DenseElementsAttr, FloatAttr, FloatType, IntegerType, VectorType } from "../../src/mod.ts";
import * as arith from "../../src/dialects/arith.ts";
import { assertInOrder, dialectTest } from "./_helpers.ts";

const t = (name: string, fn: Parameters<typeof dialectTest>[2]) => dialectTest("arith", name, fn);

// upstream: testConstantOps
t("a float constant", ({ ctx, mod }) => {
  const c = arith.constant(FloatType.f32(ctx), 42.42);
  assertInOrder(mod.toString(), ["%cst = arith.constant 4.242000e+01 : f32"]);
  const view = c.owner.opview;
  assertInstanceOf(view, arith.ConstantOp);
  assertInstanceOf(view.value, FloatAttr);
  assertEquals(view.value.value, Math.fround(42.42));
  assert(view.result.equals(c));
  mod.verify();
});

// upstream: testFastMathFlags
t("fastmath flags as case names", ({ ctx, mod }) => {
  const a = arith.constant(FloatType.f32(ctx), 42.42);
  const r = arith.addf(a, a, { fastmath: ["nnan", "ninf"] });
  assertEquals(r.owner.toString(), "%0 = arith.addf %cst, %cst fastmath<nnan,ninf> : f32");
  const view = r.owner.opview;
  assertInstanceOf(view, arith.AddFOp);
  assertEquals(view.fastmath?.toString(), "#arith.fastmath<nnan,ninf>");
  assert(view.lhs.equals(a) && view.rhs.equals(a));
  mod.verify();
});

// upstream: testArithValue (the IR; the operator sugar is Python-only)
t("addf, subf and mulf on f16, f32 and f64", ({ ctx, mod }) => {
  const f16 = FloatType.f16(ctx), f32 = FloatType.f32(ctx), f64 = FloatType.f64(ctx);
  let a = arith.constant(f16, 42.42);
  assertEquals(a.owner.toString().slice(0, "%cst = arith.constant 4.240".length), "%cst = arith.constant 4.240");
  const b16 = arith.addf(a, a);
  assertEquals(b16.owner.toString(), "%0 = arith.addf %cst, %cst : f16");
  a = arith.constant(f32, 42.42);
  const b32 = arith.subf(a, a);
  assertEquals(b32.owner.toString(), "%1 = arith.subf %cst_0, %cst_0 : f32");
  a = arith.constant(f64, 42.42);
  const b64 = arith.mulf(a, a);
  assertEquals(b64.owner.toString(), "%2 = arith.mulf %cst_1, %cst_1 : f64");
  // Result types are inferred from the first operand.
  assert(b16.type.equals(f16) && b32.type.equals(f32) && b64.type.equals(f64));
  assertInstanceOf(b32.owner.opview, arith.SubFOp);
  mod.verify();
});

// upstream: testArrayConstantConstruction (the DenseElementsAttr form)
t("vector constants from typed arrays", ({ ctx, mod }) => {
  const i32 = IntegerType.get(ctx, 32), i64 = IntegerType.get(ctx, 64);
  const vecI32 = VectorType.get([2, 2], i32);
  arith.constant(vecI32, DenseElementsAttr.get(vecI32, Int32Array.from([1, 2, 3, 4])));
  const vecI64 = VectorType.get([1, 4], i64);
  arith.constant(vecI64, DenseElementsAttr.get(vecI64, BigInt64Array.from([5n, 6n, 7n, 8n])));
  const vecF32 = VectorType.get([4, 1], FloatType.f32(ctx));
  arith.constant(vecF32, DenseElementsAttr.get(vecF32, Float32Array.from([1, 2, 3, 4])));
  const vecF64 = VectorType.get([2, 1, 2], FloatType.f64(ctx));
  const last = arith.constant(vecF64, DenseElementsAttr.get(vecF64, Float64Array.from([1, 2, 3, 4])));
  assertInOrder(mod.toString(), [
    "arith.constant dense<[[1, 2], [3, 4]]> : vector<2x2xi32>",
    "arith.constant dense<[[5, 6, 7, 8]]> : vector<1x4xi64>",
    "arith.constant dense<[[1.000000e+00], [2.000000e+00], [3.000000e+00], [4.000000e+00]]> : vector<4x1xf32>",
    "arith.constant dense<[[[1.000000e+00, 2.000000e+00]], [[3.000000e+00, 4.000000e+00]]]> : vector<2x1x2xf64>",
  ]);
  // The attribute passed is the attribute held, and the result has the given type.
  const view = last.owner.opview as arith.ConstantOp;
  assertInstanceOf(view.value, DenseElementsAttr);
  assertStrictEquals(view.value.numElements, 4);
  assertInstanceOf(view.value, Attribute);
  assert(last.type.equals(vecF64));
  mod.verify();
});
