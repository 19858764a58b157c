/**
 * Rewrite patterns written in TypeScript: the API's shape and the arguments
 * it refuses. The safety clauses (handles, refusals, throws, limits) are
 * contract scenarios (test/contract/scenarios/callbacks.ts).
 *
 * @module
 */
import { test } from "node:test";
import { assert, assertEquals, assertInstanceOf, assertStringIncludes, assertThrows } from "@std/assert";
import { assertArgumentError, assertInvalidHandle } from "../_errors.ts";
import {
  applyPatternsGreedily,
  ArgumentError,
  Context,
  type Operation,
  PatternError,
  type PatternRewriter,
  RewritePatternSet,
  STRATEGIES,
  StructuralError,
} from "../../src/mod.ts";
import * as arith from "../../src/dialects/arith.ts";
import { forceGC } from "../_gc.ts";

const MUL = `func.func @f(%a: i32) -> i32 {
  %c1 = arith.constant 1 : i32
  %0 = arith.muli %a, %c1 : i32
  return %0 : i32
}`;
const NO_FOLD = { enableFolding: false, maxNumRewrites: 1000 } as const;

for (const strategy of STRATEGIES) {
  test(`patterns [${strategy}]: a peephole in TypeScript does what canonicalize does`, () => {
    using ctx = new Context({ strategy });
    using ours = ctx.parseModule(MUL);
    using theirs = ctx.parseModule(MUL);
    using frozen = new RewritePatternSet(ctx).add(arith.MulIOp, (op, rewriter) => {
      const rhs = op.operands.at(1)!.owner as Operation;
      if (rhs.name !== "arith.constant" || rhs.attributes.get("value")?.toString() !== "1 : i32") return false;
      rewriter.replaceOp(op, [op.operands.at(0)!]);
      return true;
    }).freeze();
    assertEquals(frozen.size, 1);
    assert(applyPatternsGreedily(ours, frozen, NO_FOLD));
    using pm = ctx.passManager("builtin.module(canonicalize)");
    pm.run(theirs);
    assertEquals(ours.toString(), theirs.toString());
  });

  test(`patterns [${strategy}]: higher benefit is tried first; the rewriter builds through the builders`, () => {
    using ctx = new Context({ strategy });
    using mod = ctx.parseModule(MUL);
    const order: string[] = [];
    using frozen = new RewritePatternSet(ctx)
      .add("arith.muli", () => {
        order.push("low");
        return false;
      }, { benefit: 1 })
      .add("arith.muli", (op, rewriter) => {
        order.push("high");
        const two = arith.constant(op.result.type, 2, { ip: rewriter.insertionPoint });
        rewriter.modifyOpInPlace(op, () => op.setOperand(1, two));
        return true;
      }, { benefit: 5 })
      .freeze();
    applyPatternsGreedily(mod, frozen, { ...NO_FOLD, maxIterations: 1, maxNumRewrites: 1 });
    assertEquals(order[0], "high");
    assertStringIncludes(mod.toString(), "arith.constant 2 : i32");
    mod.verify();
  });
}

test("patterns: a set made before any IR of its dialect exists still matches (the dialect is loaded for it)", () => {
  using ctx = new Context();
  let calls = 0;
  using frozen = new RewritePatternSet(ctx).add("tensor.empty", () => {
    calls++;
    return false;
  }).freeze();
  using mod = ctx.parseModule("func.func @f() -> tensor<2xf32> {\n  %0 = tensor.empty() : tensor<2xf32>\n  return %0 : tensor<2xf32>\n}");
  applyPatternsGreedily(mod, frozen, NO_FOLD);
  assert(calls > 0);
});

test("patterns: a frozen set keeps matching after the set it came from is collected", async () => {
  using ctx = new Context();
  let calls = 0;
  const frozen = (() =>
    new RewritePatternSet(ctx).add("arith.muli", () => {
      calls++;
      return false;
    }).freeze())();
  await forceGC();
  using mod = ctx.parseModule(MUL);
  applyPatternsGreedily(mod, frozen, NO_FOLD);
  assert(calls > 0, "the pattern still runs");
  frozen.dispose();
});

test("patterns: bad arguments are ArgumentErrors; a frozen set is consumed; a rewriter outlives nothing", () => {
  using ctx = new Context();
  using mod = ctx.parseModule(MUL);
  const set = new RewritePatternSet(ctx);
  assertArgumentError(() => set.add("muli", () => false), { argument: "add's root" });
  assertArgumentError(() => set.add("arith.mul", () => false), { argument: "add's root", expected: "a registered operation" });
  assertArgumentError(() => set.add("arith.muli", 3 as never), { argument: "add's pattern" });
  assertArgumentError(() => set.add("arith.muli", () => false, { benefit: -1 }), { argument: "add's options.benefit" });
  assertArgumentError(() => new RewritePatternSet({} as never), { argument: "RewritePatternSet's context" });
  let kept: PatternRewriter | undefined;
  set.add("arith.muli", (_, rewriter) => {
    kept = rewriter;
    return false;
  });
  const frozen = set.freeze();
  assertThrows(() => set.add("arith.addi", () => false), StructuralError);
  assertThrows(() => set.freeze(), StructuralError);
  assertArgumentError(() => applyPatternsGreedily(mod, frozen, { strictness: "some" as never }), { argument: "config.strictness" });
  assertArgumentError(() => applyPatternsGreedily(mod, frozen, { maxIterations: 0 }), { argument: "config.maxIterations" });
  assertArgumentError(() => applyPatternsGreedily(mod, {} as never), { argument: "applyPatternsGreedily's patterns" });
  applyPatternsGreedily(mod, frozen, NO_FOLD);
  assertThrows(() => kept!.insertionPoint, StructuralError);
  using other = new Context();
  using otherMod = other.parseModule(MUL);
  assertArgumentError(() => applyPatternsGreedily(otherMod, frozen), { argument: "The pattern set" });
  frozen.dispose();
  assertInvalidHandle(() => applyPatternsGreedily(mod, frozen), { kind: "FrozenRewritePatternSet", reason: "disposed" });
});

test("patterns: misuse of the rewriter inside a pattern fails the run with the refusal as cause", () => {
  using ctx = new Context();
  const run = (fn: (op: Operation, rewriter: PatternRewriter) => boolean) => {
    using mod = ctx.parseModule(MUL);
    using frozen = new RewritePatternSet(ctx).add("arith.muli", fn).freeze();
    const e = assertThrows(() => applyPatternsGreedily(mod, frozen, NO_FOLD), PatternError);
    mod.verify();
    return e.cause;
  };
  // Erasing a used op would leave its users with freed operands.
  assertInstanceOf(run((op, rewriter) => {
    rewriter.eraseOp(op.operands.at(1)!.owner as Operation);
    return true;
  }), StructuralError);
  // One value per result.
  const e = run((op, rewriter) => {
    rewriter.replaceOp(op, []);
    return true;
  });
  assertInstanceOf(e, ArgumentError);
  assertEquals((e as ArgumentError).argument, "replaceOp's values");
  // A value defined by the op being replaced.
  assertInstanceOf(run((op, rewriter) => {
    rewriter.replaceOp(op, [op.result]);
    return true;
  }), StructuralError);
  // Not a boolean.
  assertInstanceOf(run(() => "yes" as never), ArgumentError);
});
