/**
 * Port of upstream MLIR's `mlir/test/python/dialects/tensor.py`, under every
 * strategy: each upstream `CHECK:` line is asserted on the printed IR, with
 * upstream's `@func.FuncOp.from_py_func` played by `defineFunc`.
 *
 * Ported:
 * - testDimOp: `tensor.dim` of a dynamic tensor argument, with the result
 *   type inferred (index).
 * - testEmptyOp: `tensor.empty` with static, dynamic, mixed and no sizes.
 * - testInferTypesInsertSlice: `tensor.insert_slice` with static
 *   offsets/sizes/strides given as plain arrays (upstream passes
 *   DenseI64ArrayAttrs; both are checked) and its result type inferred.
 * - testFromElementsOp: `tensor.from_elements` of 2xf32, 2x1xf32 and
 *   1x2xf32, each printed (generic form: the enclosing function has no
 *   terminator yet, exactly as upstream prints it) with its operands the
 *   constants printed before.
 *
 * Left out: nothing.
 *
 * @module
 */
import { assert, assertEquals, assertInstanceOf, assertMatch } from "@std/assert";
import { DenseArrayAttr, FloatType, IndexType, RankedTensorType } from "../../src/mod.ts";
import * as arith from "../../src/dialects/arith.ts";
import * as tensor from "../../src/dialects/tensor.ts";
import { assertInOrder, defineFunc, dialectTest } from "./_helpers.ts";

const t = (name: string, fn: Parameters<typeof dialectTest>[2]) => dialectTest("tensor", name, fn);

// upstream: testDimOp
t("dim of a dynamic tensor", ({ ctx, mod }) => {
  const f32 = FloatType.f32(ctx), index = IndexType.get(ctx);
  const f = defineFunc(ctx, "tensor_static_dim", [RankedTensorType.get([null, null], f32)], [index, index], (arg) => {
    const c0 = arith.constant(index, 0);
    const c1 = arith.constant(index, 1);
    const d0 = tensor.dim(arg!, c0);
    const d1 = tensor.dim(arg!, c1);
    const view = d1.owner.opview;
    assertInstanceOf(view, tensor.DimOp);
    assert(view.source.equals(arg!) && view.index.equals(c1));
    assert(d0.type.equals(index));
    return [d0, d1];
  });
  mod.verify();
  assertInOrder(f.toString(), [
    "func @tensor_static_dim",
    "%arg0: tensor<?x?xf32>",
    "%c0 = arith.constant 0 : index",
    "%c1 = arith.constant 1 : index",
    "%dim = tensor.dim %arg0, %c0",
    "%dim_0 = tensor.dim %arg0, %c1",
    "return %dim, %dim_0",
  ]);
});

// upstream: testEmptyOp
t("empty with static, dynamic and mixed sizes", ({ ctx, mod }) => {
  const f32 = FloatType.f32(ctx), index = IndexType.get(ctx);
  const ranked = (shape: (number | null)[]) => RankedTensorType.get(shape, f32);
  const f1 = defineFunc(ctx, "static_sizes", [], [ranked([3, 4])], () => [tensor.empty([3, 4], f32)]);
  const f2 = defineFunc(ctx, "dynamic_sizes", [index, index], [ranked([null, null])], (d0, d1) => {
    const e = tensor.empty([d0!, d1!], f32);
    const view = e.owner.opview;
    assertInstanceOf(view, tensor.EmptyOp);
    assertEquals(view.dynamicSizes.length, 2);
    return [e];
  });
  const f3 = defineFunc(ctx, "mixed_static_dynamic_sizes", [index], [ranked([null, 4])], (d0) => [
    tensor.empty([d0!, 4], f32),
  ]);
  const f4 = defineFunc(ctx, "zero_d", [], [ranked([])], () => [tensor.empty([], f32)]);
  mod.verify();
  assertInOrder(f1.toString(), ["func @static_sizes", "%0 = tensor.empty() : tensor<3x4xf32>"]);
  assertInOrder(f2.toString(), ["func @dynamic_sizes", "%0 = tensor.empty(%arg0, %arg1) : tensor<?x?xf32>"]);
  assertInOrder(f3.toString(), ["func @mixed_static_dynamic_sizes", "%0 = tensor.empty(%arg0) : tensor<?x4xf32>"]);
  assertInOrder(f4.toString(), ["func @zero_d", "%0 = tensor.empty() : tensor<f32>"]);
});

// upstream: testInferTypesInsertSlice
t("insert_slice with its result type inferred", ({ ctx, mod }) => {
  const t11 = RankedTensorType.get([1, 1], FloatType.f32(ctx));
  const i64s = (xs: number[]) => DenseArrayAttr.get(ctx, BigInt64Array.from(xs, BigInt));
  const f = defineFunc(ctx, "f", [t11, t11], [t11], (source, dest) => {
    const d0 = tensor.insert_slice(source!, dest!, [], [], [], i64s([0, 0]), i64s([1, 1]), i64s([0, 0]));
    const d1 = tensor.insert_slice(source!, dest!, [], [], [], [0, 0], [1, 1], [0, 0]);
    assert(d0.type.equals(t11));
    const view = d1.owner.opview;
    assertInstanceOf(view, tensor.InsertSliceOp);
    assert(view.staticSizes.equals(i64s([1, 1])));
    assertEquals(view.offsets, []);
    return [d0];
  });
  mod.verify();
  assertInOrder(f.toString(), [
    "func @f",
    "tensor.insert_slice %arg0 into %arg1[0, 0] [1, 1] [0, 0] :",
    "tensor<1x1xf32> into tensor<1x1xf32>",
    "tensor.insert_slice %arg0 into %arg1[0, 0] [1, 1] [0, 0] :",
  ]);
});

// upstream: testFromElementsOp
t("from_elements of two constants", ({ ctx, mod }) => {
  const f32 = FloatType.f32(ctx);
  defineFunc(ctx, "default_builder", [], [], () => {
    const name = (text: string, pattern: RegExp) => {
      const m = pattern.exec(text);
      assert(m !== null, `${pattern} in ${text}`);
      return m[1]!;
    };
    const c0 = arith.constant(f32, 0.0);
    const c0Text = c0.owner.toString();
    assertMatch(c0Text, /^%\d+ = "arith.constant/);
    assertMatch(c0Text, /value = 0\.000000e\+00 : f32/);
    const c0Name = name(c0Text, /^(%\d+) =/);
    const c1 = arith.constant(f32, 1.0);
    const c1Text = c1.owner.toString();
    assertMatch(c1Text, /value = 1\.000000e\+00 : f32/);
    const c1Name = name(c1Text, /^(%\d+) =/);

    for (const shape of [[2], [2, 1], [1, 2]]) {
      const type = RankedTensorType.get(shape, f32);
      const tt = tensor.from_elements(type, [c0, c1]);
      assertMatch(
        tt.owner.toString(),
        new RegExp(
          `^%\\d+ = "tensor.from_elements"\\(${c0Name}, ${c1Name}\\) : \\(f32, f32\\) -> tensor<${
            shape.join("x")
          }xf32>$`,
        ),
      );
      const view = tt.owner.opview;
      assertInstanceOf(view, tensor.FromElementsOp);
      assertEquals(view.elements.length, 2);
    }
  });
  mod.verify();
  assertInOrder(mod.toString(), [
    "tensor.from_elements %cst, %cst_0 : tensor<2xf32>",
    "tensor<2x1xf32>",
    "tensor<1x2xf32>",
  ]);
});
