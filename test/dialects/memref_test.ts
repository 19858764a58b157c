/**
 * Port of upstream MLIR's `mlir/test/python/dialects/memref.py`, under every
 * strategy: each upstream `CHECK:` line is asserted on the printed IR and
 * each Python `assert` on the accessors.
 *
 * Ported:
 * - testSubViewAccessors: a parsed `memref.subview` viewed as
 *   `memref.SubViewOp`, its `source`, `offsets`, `sizes`, `strides` (each
 *   the matching constant) and `result`.
 * - testCustomBuidlers: `memref.load` built before a block's terminator
 *   (`InsertionPoint.atTerminator`).
 * - testMemRefAttr: `memref.global` of a type.
 * - testSubViewOpInferReturnTypeSemantics: the `memref.alloc` and
 *   `memref.subview` ops it checks, with static offsets, a dynamic offset
 *   (an `arith.addi` result), and an alloc with a symbol operand and a
 *   strided layout with a dynamic offset; each subview's result type is
 *   given explicitly, as the type upstream infers.
 *
 * Left out:
 * - testSubViewOpInferReturnTypeSemantics' inference of the subview result
 *   type (`_infer_memref_subview_result_type`), its folding of constant
 *   Values into static offsets, and its two error messages: Python-side
 *   helpers of `memref.subview`; the generated `subview` takes the result
 *   type and the static/dynamic split explicitly.
 * - testSubViewOpInferReturnTypeExtensiveSlicing: checks that inference
 *   against numpy strides; Python-only (numpy, inference).
 *
 * @module
 */
import { assert, assertEquals, assertInstanceOf } from "@std/assert";
import {
  IndexType,
  InsertionPoint,
  IntegerAttr,
  IntegerType,
  MemRefType,
  StridedLayoutAttr,
  TypeAttr,
} from "../../src/mod.ts";
import * as arith from "../../src/dialects/arith.ts";
import * as memref from "../../src/dialects/memref.ts";
import { assertInOrder, dialectTest } from "./_helpers.ts";

const t = (name: string, fn: Parameters<typeof dialectTest>[2]) => dialectTest("memref", name, fn);

/** MLIR's dynamic-size sentinel in static offset/size/stride arrays. */
const DYNAMIC = -9223372036854775808n;

// upstream: testSubViewAccessors
t("subview accessors of a parsed op", ({ ctx }) => {
  using module = ctx.parseModule(`
    func.func @f1(%arg0: memref<?x?xf32>) {
      %0 = arith.constant 0 : index
      %1 = arith.constant 1 : index
      %2 = arith.constant 2 : index
      %3 = arith.constant 3 : index
      %4 = arith.constant 4 : index
      %5 = arith.constant 5 : index
      memref.subview %arg0[%0, %1][%2, %3][%4, %5] : memref<?x?xf32> to memref<?x?xf32, strided<[?, ?], offset: ?>>
      return
    }
  `);
  const funcBody = module.body.operations.at(0)!.regions.at(0)!.blocks.at(0)!;
  const subview = funcBody.operations.at(6)!.opview;
  assertInstanceOf(subview, memref.SubViewOp);
  assertEquals(subview.constructor.name, "SubViewOp");
  assert(subview.source.equals(subview.operation.operands.at(0)));
  assertEquals(subview.offsets.length, 2);
  assertEquals(subview.sizes.length, 2);
  assertEquals(subview.strides.length, 2);
  assert(subview.result.equals(subview.operation.results.at(0)));
  const constantValue = (v: { owner: unknown }) => {
    const view = (v.owner as { opview: unknown }).opview;
    assertInstanceOf(view, arith.ConstantOp);
    const attr = view.value;
    assertInstanceOf(attr, IntegerAttr);
    return attr.value;
  };
  assertEquals(
    [...subview.offsets, ...subview.sizes, ...subview.strides].map(constantValue),
    [0n, 1n, 2n, 3n, 4n, 5n],
  );
  assertEquals(subview.offsets[0]!.toString(), "%c0 = arith.constant 0 : index");
  assertEquals(subview.strides[1]!.toString(), "%c5 = arith.constant 5 : index");
  // All offsets, sizes and strides are dynamic.
  assertEquals(subview.staticOffsets.toString(), `array<i64: ${DYNAMIC}, ${DYNAMIC}>`);
});

// upstream: testCustomBuidlers
t("a load before a block's terminator", ({ ctx }) => {
  using module = ctx.parseModule(`
    func.func @f1(%arg0: memref<?x?xf32>, %arg1: index, %arg2: index) {
      return
    }
  `);
  const f = module.body.operations.at(0)!;
  const funcBody = f.regions.at(0)!.blocks.at(0)!;
  const args = funcBody.arguments.toArray();
  const loaded = memref.load(args[0]!, args.slice(1), { ip: InsertionPoint.atTerminator(funcBody) });
  const view = loaded.owner.opview;
  assertInstanceOf(view, memref.LoadOp);
  assert(view.memref.equals(args[0]!));
  assertEquals(view.indices.length, 2);
  assertEquals(loaded.type.toString(), "f32");
  assertInOrder(module.toString(), [
    "func @f1(%arg0: memref<?x?xf32>, %arg1: index, %arg2: index)",
    "memref.load %arg0[%arg1, %arg2]",
    "return",
  ]);
  module.verify();
});

// upstream: testMemRefAttr
t("a global", ({ ctx, mod }) => {
  const type = MemRefType.get([16], IntegerType.get(ctx, 32));
  const g = memref.global("objFifo_in0", type);
  assertInstanceOf(g, memref.GlobalOp);
  const typeAttr = g.type;
  assertInstanceOf(typeAttr, TypeAttr);
  assert(typeAttr.value.equals(type));
  assertEquals(g.constant, false);
  assertInOrder(mod.toString(), ["memref.global @objFifo_in0 : memref<16xi32>"]);
  mod.verify();
});

// upstream: testSubViewOpInferReturnTypeSemantics (with the result types given)
t("allocs and subviews", ({ ctx, mod }) => {
  const i32 = IntegerType.get(ctx, 32), index = IndexType.get(ctx);
  const x = memref.alloc(MemRefType.get([10, 10], i32), [], []);
  assertEquals(x.owner.toString(), "%alloc = memref.alloc() : memref<10x10xi32>");

  const strided = (offset: number | null) =>
    MemRefType.get([3, 3], i32, { layout: StridedLayoutAttr.get(ctx, offset, [10, 1]) });
  const y = memref.subview(strided(11), x, [], [], [], [1, 1], [3, 3], [1, 1]);
  y.owner.verify();
  assertEquals(
    y.owner.toString(),
    "%subview = memref.subview %alloc[1, 1] [3, 3] [1, 1] : memref<10x10xi32> to memref<3x3xi32, strided<[10, 1], offset: 11>>",
  );
  const z = memref.subview(strided(34), x, [], [], [], [3, 4], [3, 3], [1, 1]);
  assertInOrder(z.owner.toString(), [
    "= memref.subview %alloc[3, 4] [3, 3] [1, 1] : memref<10x10xi32> to memref<3x3xi32, strided<[10, 1], offset: 34>>",
  ]);

  const s = arith.addi(arith.constant(index, 3), arith.constant(index, 4));
  const w = memref.subview(strided(null), x, [s], [], [], [DYNAMIC, 0], [3, 3], [1, 1]);
  assertInOrder(w.owner.toString(), [
    "= memref.subview %alloc[%0, 0] [3, 3] [1, 1] : memref<10x10xi32> to memref<3x3xi32, strided<[10, 1], offset: ?>>",
  ]);
  const wView = w.owner.opview;
  assertInstanceOf(wView, memref.SubViewOp);
  assert(wView.offsets[0]!.equals(s));
  assertEquals(wView.sizes, []);

  const layout = StridedLayoutAttr.get(ctx, null, [10, 1]);
  const c42 = arith.constant(index, 42);
  const dynamicAlloc = memref.alloc(MemRefType.get([10, 10], i32, { layout }), [], [c42]);
  assertEquals(
    dynamicAlloc.owner.toString(),
    "%alloc_2 = memref.alloc()[%c42] : memref<10x10xi32, strided<[10, 1], offset: ?>>",
  );
  const allocView = dynamicAlloc.owner.opview;
  assertInstanceOf(allocView, memref.AllocOp);
  assertEquals(allocView.dynamicSizes, []);
  assert(allocView.symbolOperands[0]!.equals(c42));
  const v = memref.subview(MemRefType.get([3, 3], i32, { layout }), dynamicAlloc, [], [], [], [1, 1], [3, 3], [1, 1]);
  assertEquals(
    v.owner.toString(),
    "%subview_3 = memref.subview %alloc_2[1, 1] [3, 3] [1, 1] : memref<10x10xi32, strided<[10, 1], offset: ?>> to memref<3x3xi32, strided<[10, 1], offset: ?>>",
  );
  mod.verify();
});
