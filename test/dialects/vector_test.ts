/**
 * Port of upstream MLIR's `mlir/test/python/dialects/vector.py`, under every
 * strategy: each upstream `CHECK:` line is asserted on the printed IR, with
 * upstream's `@func.FuncOp.from_py_func` played by `defineFunc`.
 *
 * Ported:
 * - testPrintOp: `vector.print` of a vector argument (its optional
 *   `source` operand given by name).
 * - testTransferReadOp: `vector.transfer_read` with and without the
 *   optional `mask` operand (and the `CHECK-NOT` that the second read has
 *   none), the `mask` accessor reading null when absent.
 * - testBitEnumCombiningKind: `vector.reduction` with the combining kind as
 *   a case name (`"add"`, upstream's `vector.CombiningKind.ADD`).
 *
 * Left out: nothing. (`in_bounds`, required by MLIR 22's ODS, is given as
 * `[false, false]`, which prints as no attribute: upstream's builder of
 * the time defaulted it.)
 *
 * @module
 */
import { assert, assertEquals, assertInstanceOf, assertStrictEquals } from "@std/assert";
import {
  AffineMapAttr,
  FloatType,
  FunctionType,
  IndexType,
  InsertionPoint,
  IntegerType,
  MemRefType,
  VectorType,
} from "../../src/mod.ts";
import * as func from "../../src/dialects/func.ts";
import * as vector from "../../src/dialects/vector.ts";
import { assertInOrder, assertNotIncludes, defineFunc, dialectTest } from "./_helpers.ts";

const t = (name: string, fn: Parameters<typeof dialectTest>[2]) => dialectTest("vector", name, fn);

// upstream: testPrintOp
t("print of a vector", ({ ctx, mod }) => {
  const f = defineFunc(ctx, "print_vector", [VectorType.get([12, 5], FloatType.f32(ctx))], [], (arg) => {
    const p = vector.print({ source: arg! });
    assertInstanceOf(p, vector.PrintOp);
    assert(p.source!.equals(arg!));
  });
  mod.verify();
  assertEquals(
    f.toString(),
    [
      "func.func @print_vector(%arg0: vector<12x5xf32>) {",
      "  vector.print %arg0 : vector<12x5xf32>",
      "  return",
      "}",
    ].join("\n"),
  );
});

// upstream: testTransferReadOp
t("transfer_read with and without a mask", ({ ctx, mod }) => {
  const f32 = FloatType.f32(ctx);
  const vectorType = VectorType.get([2, 3], f32);
  const memrefType = MemRefType.get([null, null], f32);
  const index = IndexType.get(ctx);
  assertEquals(vectorType.shape, [2, 3]);
  const maskType = VectorType.get([2, 3], IntegerType.get(ctx, 1));
  const identityMapAttr = AffineMapAttr.identity(ctx, 2);
  assertEquals(identityMapAttr.toString(), "affine_map<(d0, d1) -> (d0, d1)>");
  const f = func.func("transfer_read", FunctionType.get(ctx, [memrefType, index, f32, maskType], []));
  {
    using _ = InsertionPoint.atEnd(f.addEntryBlock()).enter();
    const [A, zero, padding, mask] = f.arguments;
    const r1 = vector.transfer_read(vectorType, A!, [zero!, zero!], identityMapAttr, padding!, [false, false], {
      mask,
    });
    const r2 = vector.transfer_read(vectorType, A!, [zero!, zero!], identityMapAttr, padding!, [false, false]);
    func.return_([]);
    const v1 = r1.owner.opview, v2 = r2.owner.opview;
    assertInstanceOf(v1, vector.TransferReadOp);
    assertInstanceOf(v2, vector.TransferReadOp);
    assert(v1.mask!.equals(mask!));
    assertStrictEquals(v2.mask, null);
    assert(v2.padding.equals(padding!) && v2.base.equals(A!));
    assert(r1.type.equals(vectorType));
  }
  mod.verify();
  const text = mod.toString();
  const [, , , second] = assertInOrder(text, [
    "@transfer_read(%arg0: memref<?x?xf32>, %arg1: index,",
    "%arg2: f32, %arg3: vector<2x3xi1>)",
    "vector.transfer_read %arg0[%arg1, %arg1], %arg2, %arg3",
    /vector\.transfer_read %arg0\[%arg1, %arg1\], %arg2[^\n]*/,
  ]);
  assertNotIncludes(second![0], "%arg3");
});

// upstream: testBitEnumCombiningKind
t("reduction with a combining kind", ({ ctx, mod }) => {
  const f32 = FloatType.f32(ctx);
  const vectorType = VectorType.get([16], f32);
  const f = defineFunc(ctx, "reduction", [vectorType], [f32], (arg) => {
    const v = vector.reduction(f32, "add", arg!);
    const view = v.owner.opview;
    assertInstanceOf(view, vector.ReductionOp);
    assertEquals(view.kind.toString(), "#vector.kind<add>");
    assertStrictEquals(view.acc, null);
    return [v];
  });
  mod.verify();
  assertInOrder(f.toString(), [
    "func.func @reduction(%arg0: vector<16xf32>) -> f32 {",
    "%0 = vector.reduction <add>, %arg0 : vector<16xf32> into f32",
  ]);
});
