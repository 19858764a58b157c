/**
 * Port of upstream MLIR's `mlir/test/python/dialects/scf.py`, under every
 * strategy: each upstream `CHECK:` line is asserted on the printed IR, in
 * order, with FileCheck's captured names (`%[[ARG0]]`) written as the
 * names MLIR prints (each function numbers its values afresh, so they are
 * stable), and the captured values checked through the accessors. Upstream's
 * `@func.FuncOp.from_py_func` is played by `defineFunc` (`func.func`,
 * `addEntryBlock`, `func.return_`); every module is verified, as upstream's
 * `constructAndPrintInModule` does.
 *
 * Ported:
 * - testSimpleForall: `scf.forall` with static bounds and a shared output,
 *   its body block and `scf.forall.in_parallel` terminator.
 * - test_forall_insert_slice_no_region_with_for: both loops, with the
 *   constants `scf.forall`'s Python sugar creates made explicitly, and
 *   `tensor.parallel_insert_slice` with static and mixed offsets/sizes/strides.
 * - test_parange_inits_with_for, ..._with_two_reduce, ..._with_three_reduce:
 *   `scf.parallel` with inits and `scf.reduce` with one region per
 *   reduction, each ended by `scf.reduce.return`.
 * - testSimpleLoop, testInductionVar, testOpsAsArguments (the iteration
 *   values from a `func.call`'s results), testIfWithoutElse, testNestedIf,
 *   testIfWithElse: `scf.for_` and `scf.if_` with their blocks.
 * - testForSugar: range_loop_1 (bounds that are Values), loop_yield_1 and
 *   loop_yield_2 (iteration values and the loop's results), with the
 *   constants made explicitly.
 *
 * Left out:
 * - testForSugar's range_loop_2 … range_loop_7: they test Python's
 *   `for i in scf.for_(0, 10, 1)` sugar turning Python ints into
 *   `arith.constant`s and defaulting the start and step; `scf.for_` takes
 *   Values only, so with explicit constants they are range_loop_1 again.
 * - The iterator (`for i, j, outs in scf.forall(...)`) and decorator
 *   (`@scf.reduce`, `@scf.another_reduce`) forms themselves: Python sugar;
 *   the IR they build is ported.
 *
 * @module
 */
import { assert, assertEquals, assertInstanceOf } from "@std/assert";
import {
  type Context,
  FloatType,
  FunctionType,
  IndexType,
  InsertionPoint,
  IntegerType,
  MemRefType,
  RankedTensorType,
  type Type,
  type Value,
} from "../../src/mod.ts";
import * as arith from "../../src/dialects/arith.ts";
import * as func from "../../src/dialects/func.ts";
import * as memref from "../../src/dialects/memref.ts";
import * as scf from "../../src/dialects/scf.ts";
import * as tensor from "../../src/dialects/tensor.ts";
import { assertInOrder, buildBlock, defineFunc, dialectTest } from "./_helpers.ts";

const t = (name: string, fn: Parameters<typeof dialectTest>[2]) => dialectTest("scf", name, fn);

/** MLIR's dynamic-size sentinel in static offset/size/stride arrays. */
const DYNAMIC = -9223372036854775808n;

// upstream: testSimpleForall
t("a forall with static bounds and a shared output", ({ ctx, mod }) => {
  const tensorType = RankedTensorType.get([4, 8], FloatType.f32(ctx));
  const index = IndexType.get(ctx);
  defineFunc(ctx, "forall_loop", [tensorType], [], (ten) => {
    const loop = scf.forall([tensorType], [], [], [], [0, 0], [4, 8], [1, 1], [ten!]);
    assertInstanceOf(loop, scf.ForallOp);
    buildBlock(loop.region, [index, index, tensorType], (i, j) => {
      arith.addi(i!, j!);
      scf.forall_in_parallel().region.appendBlock();
    });
    // The verifier checks that the regions were created properly.
    loop.operation.verify();
    assert(loop.outputs[0]!.equals(ten!));
    assertEquals(loop.staticUpperBound.toString(), "array<i64: 4, 8>");
  });
  mod.verify();
  assertInOrder(mod.toString(), [
    /scf\.forall \((%\w+), (%\w+)\) in \(4, 8\) shared_outs\(%\w+ = %arg0\) -> \(tensor<4x8xf32>\)/,
    /arith\.addi %arg1, %arg2/,
    "scf.forall.in_parallel",
  ]);
});

/** The six constants `scf.forall([1, 1], [2, 2], [3, 3])` makes in Python. */
function bounds(ctx: Context): [Value[], Value[], Value[]] {
  const index = IndexType.get(ctx);
  const c = (n: number) => arith.constant(index, n);
  return [[c(1), c(1)], [c(2), c(2)], [c(3), c(3)]];
}

// upstream: test_forall_insert_slice_no_region_with_for
t("forall loops ending in parallel_insert_slice", ({ ctx, mod }) => {
  const i32 = IntegerType.get(ctx, 32), f32 = FloatType.f32(ctx), index = IndexType.get(ctx);
  const ten = tensor.empty([10, 10], i32);
  const tenType = ten.type;
  const dyn = [DYNAMIC, DYNAMIC];

  let [lb, ub, step] = bounds(ctx);
  const loop1 = scf.forall([tenType], lb, ub, step, dyn, dyn, dyn, [ten]);
  buildBlock(loop1.region, [index, index, tenType], (i, j, sharedOuts) => {
    arith.constant(f32, 1.0);
    const par = scf.forall_in_parallel();
    buildBlock(par.region, [], () => {
      tensor.parallel_insert_slice(ten, sharedOuts!, [i!, j!], [], [], dyn, [10, 10], [1, 1]);
    });
  });

  [lb, ub, step] = bounds(ctx);
  const loop2 = scf.forall([tenType], lb, ub, step, dyn, dyn, dyn, [ten]);
  buildBlock(loop2.region, [index, index, tenType], (ii, _jj, sharedOuts) => {
    const tenDynamic = tensor.empty([ii!, 10], i32);
    const par = scf.forall_in_parallel();
    buildBlock(par.region, [], () => {
      const ins = tensor.parallel_insert_slice(tenDynamic, sharedOuts!, [ii!], [ii!], [ii!], [DYNAMIC, 0], [
        DYNAMIC,
        10,
      ], [
        DYNAMIC,
        1,
      ]);
      assertInstanceOf(ins, tensor.ParallelInsertSliceOp);
      assertEquals(ins.offsets.length, 1);
      assert(ins.sizes[0]!.equals(ii!) && ins.strides[0]!.equals(ii!));
      assert(ins.dest.equals(sharedOuts!));
    });
  });
  assertEquals(loop2.dynamicLowerBound.length, 2);
  assert(loop2.dynamicStep[1]!.equals(step[1]!));
  mod.verify();
  assertInOrder(mod.toString(), [
    "%0 = tensor.empty() : tensor<10x10xi32>",
    "%c1 = arith.constant 1 : index",
    "%c1_0 = arith.constant 1 : index",
    "%c2 = arith.constant 2 : index",
    "%c2_1 = arith.constant 2 : index",
    "%c3 = arith.constant 3 : index",
    "%c3_2 = arith.constant 3 : index",
    "%1 = scf.forall (%arg0, %arg1) = (%c1, %c1_0) to (%c2, %c2_1) step (%c3, %c3_2) shared_outs(%arg2 = %0) -> (tensor<10x10xi32>) {",
    "%cst = arith.constant 1.000000e+00 : f32",
    "scf.forall.in_parallel {",
    "tensor.parallel_insert_slice %0 into %arg2[%arg0, %arg1] [10, 10] [1, 1] : tensor<10x10xi32> into tensor<10x10xi32>",
    "%c1_3 = arith.constant 1 : index",
    "%c3_8 = arith.constant 3 : index",
    "%2 = scf.forall (%arg0, %arg1) = (%c1_3, %c1_4) to (%c2_5, %c2_6) step (%c3_7, %c3_8) shared_outs(%arg2 = %0) -> (tensor<10x10xi32>) {",
    "%3 = tensor.empty(%arg0) : tensor<?x10xi32>",
    "scf.forall.in_parallel {",
    "tensor.parallel_insert_slice %3 into %arg2[%arg0, 0] [%arg0, 10] [%arg0, 1] : tensor<?x10xi32> into tensor<10x10xi32>",
  ]);
});

/** `scf.reduce` of `operands` with one region per operand, each adding its two arguments. */
function reduceByAdding(operands: Value[]): scf.ReduceOp {
  const reduce = scf.reduce(operands, operands.length);
  assertInstanceOf(reduce, scf.ReduceOp);
  assertEquals(reduce.reductions.length, operands.length);
  reduce.reductions.forEach((region, k) => {
    const type = operands[k]!.type;
    buildBlock(region, [type, type], (lhs, rhs) => {
      scf.reduce_return(arith.addi(lhs!, rhs!));
    });
  });
  return reduce;
}

// upstream: test_parange_inits_with_for
t("a parallel loop with an init and a reduction", ({ ctx, mod }) => {
  const i32 = IntegerType.get(ctx, 32), f32 = FloatType.f32(ctx), index = IndexType.get(ctx);
  const ten = tensor.empty([10, 10], i32);
  const [lb, ub, step] = bounds(ctx);
  const loop = scf.parallel([ten.type], lb, ub, step, [ten]);
  assertInstanceOf(loop, scf.ParallelOp);
  buildBlock(loop.region, [index, index], () => {
    arith.constant(f32, 1.0);
    const ten2 = tensor.empty([10, 10], i32);
    reduceByAdding([ten2]);
  });
  assert(loop.initVals[0]!.equals(ten));
  assertEquals(loop.lowerBound.length, 2);
  mod.verify();
  assertInOrder(mod.toString(), [
    "%0 = tensor.empty() : tensor<10x10xi32>",
    "%1 = scf.parallel (%arg0, %arg1) = (%c1, %c1_0) to (%c2, %c2_1) step (%c3, %c3_2) init (%0) -> tensor<10x10xi32> {",
    "%cst = arith.constant 1.000000e+00 : f32",
    "%2 = tensor.empty() : tensor<10x10xi32>",
    "scf.reduce(%2 : tensor<10x10xi32>) {",
    "^bb0(%arg2: tensor<10x10xi32>, %arg3: tensor<10x10xi32>):",
    "%3 = arith.addi %arg2, %arg3 : tensor<10x10xi32>",
    "scf.reduce.return %3 : tensor<10x10xi32>",
  ]);
});

// upstream: test_parange_inits_with_for_with_two_reduce and _with_three_reduce
for (const n of [2, 3]) {
  t(`a parallel loop with ${n} reductions`, ({ ctx, mod }) => {
    const index = IndexType.get(ctx);
    const one = arith.constant(index, 1);
    const c = (k: number) => Array.from({ length: n }, () => arith.constant(index, k));
    const [lb, ub, step] = [c(1), c(2), c(3)];
    const loop = scf.parallel(Array(n).fill(index), lb, ub, step, Array(n).fill(one));
    buildBlock(loop.region, Array(n).fill(index), (...ivs) => {
      reduceByAdding(ivs);
    });
    assertEquals(loop.results.length, n);
    mod.verify();
    const ivs = Array.from({ length: n }, (_, k) => `%arg${k}`);
    const text = mod.toString();
    assertInOrder(text, [
      `%0:${n} = scf.parallel (${ivs.join(", ")})`,
      `init (${Array(n).fill("%c1").join(", ")}) -> (${Array(n).fill("index").join(", ")}) {`,
      `scf.reduce(${ivs.join(", ")} : ${Array(n).fill("index").join(", ")}) {`,
      ...Array.from({ length: n }, (_, k) => [
        // Each reduction region numbers its values afresh.
        `^bb0(%arg${n}: index, %arg${n + 1}: index):`,
        `%1 = arith.addi %arg${n}, %arg${n + 1} : index`,
        "scf.reduce.return %1 : index",
        k < n - 1 ? "}, {" : "}",
      ]).flat(),
    ]);
  });
}

// upstream: testSimpleLoop
t("a for loop with iteration values", ({ ctx, mod }) => {
  const index = IndexType.get(ctx);
  const f = defineFunc(ctx, "simple_loop", [index, index, index], [], (lb, ub, step) => {
    const loop = scf.for_(lb!, ub!, step!, [lb!, lb!]);
    scf.yield_(loop.innerIterArgs, { ip: InsertionPoint.atEnd(loop.bodyBlock) });
    assertEquals(loop.innerIterArgs.length, 2);
    assert(loop.initArgs[1]!.equals(lb!));
  });
  mod.verify();
  assertEquals(
    f.toString(),
    [
      "func.func @simple_loop(%arg0: index, %arg1: index, %arg2: index) {",
      "  %0:2 = scf.for %arg3 = %arg0 to %arg1 step %arg2 iter_args(%arg4 = %arg0, %arg5 = %arg0) -> (index, index) {",
      "    scf.yield %arg4, %arg5 : index, index",
      "  }",
      "  return",
      "}",
    ].join("\n"),
  );
});

// upstream: testInductionVar
t("a for loop yielding its induction variable", ({ ctx, mod }) => {
  const index = IndexType.get(ctx);
  const f = defineFunc(ctx, "induction_var", [index, index, index], [], (lb, ub, step) => {
    const loop = scf.for_(lb!, ub!, step!, [lb!]);
    scf.yield_([loop.inductionVar], { ip: InsertionPoint.atEnd(loop.bodyBlock) });
    assert(loop.inductionVar.type.equals(index));
  });
  mod.verify();
  assertInOrder(f.toString(), [
    "func.func @induction_var(%arg0: index, %arg1: index, %arg2: index)",
    "scf.for %arg3 = %arg0 to %arg1 step %arg2",
    "scf.yield %arg3",
  ]);
});

// upstream: testForSugar (range_loop_1, loop_yield_1, loop_yield_2)
t("for loops storing to a memref and yielding sums", ({ ctx, mod }) => {
  const index = IndexType.get(ctx);
  const memrefT = MemRefType.get([10], index);
  const f1 = defineFunc(ctx, "range_loop_1", [index, index, index, memrefT], [], (lb, ub, step, m) => {
    const loop = scf.for_(lb!, ub!, step!);
    using _ = InsertionPoint.atEnd(loop.bodyBlock).enter();
    const i = loop.inductionVar;
    const add = arith.addi(i, i);
    memref.store(add, m!, [i]);
    scf.yield_([]);
  });
  assertEquals(
    f1.toString(),
    [
      "func.func @range_loop_1(%arg0: index, %arg1: index, %arg2: index, %arg3: memref<10xindex>) {",
      "  scf.for %arg4 = %arg0 to %arg1 step %arg2 {",
      "    %0 = arith.addi %arg4, %arg4 : index",
      "    memref.store %0, %arg3[%arg4] : memref<10xindex>",
      "  }",
      "  return",
      "}",
    ].join("\n"),
  );

  const f2 = defineFunc(ctx, "loop_yield_1", [index, index, index, memrefT], [], (_lb, _ub, _step, m) => {
    const sum = arith.constant(index, 0);
    const c0 = arith.constant(index, 0);
    const loop = scf.for_(arith.constant(index, 0), arith.constant(index, 100), arith.constant(index, 1), [sum]);
    {
      using _ = InsertionPoint.atEnd(loop.bodyBlock).enter();
      scf.yield_([arith.addi(loop.innerIterArgs[0]!, loop.inductionVar)]);
    }
    memref.store(loop.results[0]!, m!, [c0]);
  });
  assertInOrder(f2.toString(), [
    "func.func @loop_yield_1(%arg0: index, %arg1: index, %arg2: index, %arg3: memref<10xindex>) {",
    "%c0 = arith.constant 0 : index",
    "%c0_0 = arith.constant 0 : index",
    "%c0_1 = arith.constant 0 : index",
    "%c100 = arith.constant 100 : index",
    "%c1 = arith.constant 1 : index",
    "%0 = scf.for %arg4 = %c0_1 to %c100 step %c1 iter_args(%arg5 = %c0) -> (index) {",
    "%1 = arith.addi %arg5, %arg4 : index",
    "scf.yield %1 : index",
    "memref.store %0, %arg3[%c0_0] : memref<10xindex>",
    "return",
  ]);

  const f3 = defineFunc(ctx, "loop_yield_2", [index, index, index, memrefT], [], (_lb, _ub, _step, m) => {
    const sum1 = arith.constant(index, 0);
    const sum2 = arith.constant(index, 2);
    const c0 = arith.constant(index, 0);
    const c1 = arith.constant(index, 1);
    const loop = scf.for_(arith.constant(index, 0), arith.constant(index, 100), arith.constant(index, 1), [sum1, sum2]);
    {
      using _ = InsertionPoint.atEnd(loop.bodyBlock).enter();
      const [s1, s2] = loop.innerIterArgs;
      scf.yield_([arith.addi(s1!, loop.inductionVar), arith.addi(s2!, loop.inductionVar)]);
    }
    memref.store(loop.results[0]!, m!, [c0]);
    memref.store(loop.results[1]!, m!, [c1]);
  });
  assertInOrder(f3.toString(), [
    "func.func @loop_yield_2(",
    "%c0 = arith.constant 0 : index",
    "%c2 = arith.constant 2 : index",
    "%0:2 = scf.for %arg4 = %c0_1 to %c100 step %c1_2 iter_args(%arg5 = %c0, %arg6 = %c2) -> (index, index) {",
    "%1 = arith.addi %arg5, %arg4 : index",
    "%2 = arith.addi %arg6, %arg4 : index",
    "scf.yield %1, %2 : index, index",
    "memref.store %0#0, %arg3[%c0_0] : memref<10xindex>",
    "memref.store %0#1, %arg3[%c1] : memref<10xindex>",
    "return",
  ]);
  mod.verify();
});

// upstream: testOpsAsArguments
t("a for loop over a call's results", ({ ctx, mod }) => {
  const index = IndexType.get(ctx);
  func.func("callee", FunctionType.get(ctx, [], [index, index]), { symVisibility: "private" });
  const f = func.func("ops_as_arguments", FunctionType.get(ctx, [], []));
  {
    using _ = InsertionPoint.atEnd(f.addEntryBlock()).enter();
    const lb = arith.constant(index, 0);
    const ub = arith.constant(index, 42);
    const step = arith.constant(index, 2);
    const iterArgs = func.call([index, index], "callee", []);
    const loop = scf.for_(lb, ub, step, iterArgs.operation.results.toArray());
    scf.yield_(loop.innerIterArgs, { ip: InsertionPoint.atEnd(loop.bodyBlock) });
    func.return_([]);
    assertEquals(loop.results.length, 2);
  }
  mod.verify();
  assertInOrder(mod.toString(), [
    "func private @callee() -> (index, index)",
    "func @ops_as_arguments() {",
    "%c0 = arith.constant 0",
    "%c42 = arith.constant 42",
    "%c2 = arith.constant 2",
    "%0:2 = call @callee()",
    "scf.for %arg0 = %c0 to %c42 step %c2",
    "iter_args(%arg1 = %0#0, %arg2 = %0#1)",
    "scf.yield %arg1, %arg2",
    "return",
  ]);
});

/** `one = constant(i32, 1); addi(one, one)` at the current insertion point. */
function addOnes(i32: Type): void {
  const one = arith.constant(i32, 1);
  arith.addi(one, one);
}

// upstream: testIfWithoutElse
t("an if without else", ({ ctx, mod }) => {
  const i1 = IntegerType.get(ctx, 1), i32 = IntegerType.get(ctx, 32);
  const f = defineFunc(ctx, "simple_if", [i1], [], (cond) => {
    const ifOp = scf.if_(cond!);
    assertEquals(ifOp.elseBlock, null);
    using _ = InsertionPoint.atEnd(ifOp.thenBlock).enter();
    addOnes(i32);
    scf.yield_([]);
  });
  mod.verify();
  assertInOrder(f.toString(), [
    "func.func @simple_if(%arg0: i1)",
    "scf.if %arg0",
    "%c1_i32 = arith.constant 1",
    "%0 = arith.addi %c1_i32, %c1_i32",
    "return",
  ]);
});

// upstream: testNestedIf
t("nested ifs", ({ ctx, mod }) => {
  const i1 = IntegerType.get(ctx, 1), i32 = IntegerType.get(ctx, 32);
  const f = defineFunc(ctx, "nested_if", [i1, i1], [], (b, c) => {
    const outer = scf.if_(b!);
    const ip = InsertionPoint.atEnd(outer.thenBlock);
    using _ = ip.enter();
    const inner = scf.if_(c!, { ip });
    {
      using _i = InsertionPoint.atEnd(inner.thenBlock).enter();
      addOnes(i32);
      scf.yield_([]);
    }
    scf.yield_([]);
    assert(inner.operation.parent!.equals(outer.operation));
  });
  mod.verify();
  assertInOrder(f.toString(), [
    "func.func @nested_if(%arg0: i1, %arg1: i1)",
    "scf.if %arg0",
    "scf.if %arg1",
    "%c1_i32 = arith.constant 1",
    "%0 = arith.addi %c1_i32, %c1_i32",
    "return",
  ]);
});

// upstream: testIfWithElse
t("an if with else and results", ({ ctx, mod }) => {
  const i1 = IntegerType.get(ctx, 1), i32 = IntegerType.get(ctx, 32);
  const f = defineFunc(ctx, "simple_if_else", [i1], [], (cond) => {
    const ifOp = scf.if_(cond!, { results: [i32, i32], withElse: true });
    {
      using _ = InsertionPoint.atEnd(ifOp.thenBlock).enter();
      scf.yield_([arith.constant(i32, 0), arith.constant(i32, 1)]);
    }
    {
      using _ = InsertionPoint.atEnd(ifOp.elseBlock!).enter();
      scf.yield_([arith.constant(i32, 2), arith.constant(i32, 3)]);
    }
    arith.addi(ifOp.results[0]!, ifOp.results[1]!);
    assert(ifOp.condition.equals(cond!));
  });
  mod.verify();
  assertInOrder(f.toString(), [
    "func.func @simple_if_else(%arg0: i1)",
    "%0:2 = scf.if %arg0",
    "%c0_i32 = arith.constant 0",
    "%c1_i32 = arith.constant 1",
    "scf.yield %c0_i32, %c1_i32",
    "} else {",
    "%c2_i32 = arith.constant 2",
    "%c3_i32 = arith.constant 3",
    "scf.yield %c2_i32, %c3_i32",
    "arith.addi %0#0, %0#1",
    "return",
  ]);
});
