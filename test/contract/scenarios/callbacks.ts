/**
 * IR changed by MLIR under JavaScript callbacks: passes and rewrite
 * patterns written in TypeScript, PDL functions (CONTRACT clause 11).
 *
 * @module
 */
import { assert, assertEquals, assertInstanceOf, assertStringIncludes, assertThrows } from "@std/assert";
import {
  applyPatternsGreedily,
  Context,
  InsertionPoint,
  InvalidHandleError,
  type InvalidReason,
  type Operation,
  PassFailureError,
  PatternError,
  type PatternRewriter,
  PDLModule,
  RewritePatternSet,
  StructuralError,
  type Value,
  walkAndApplyPatterns,
} from "../../../src/mod.ts";
import * as arith from "../../../src/dialects/arith.ts";
import { assertInvalidHandle } from "../../_errors.ts";
import { ARITH, context, find, type Scenario } from "../_fixture.ts";

const assertInvalid = (fn: () => unknown, reason: InvalidReason) => assertInvalidHandle(fn, { kind: "Operation", reason });

/** `attempt(what, fn)`: runs `fn`, which must throw a StructuralError, and notes `what` in `refused` when it does. */
function refusals(refused: string[]): (what: string, fn: () => void) => void {
  return (what, fn) => {
    try {
      fn();
    } catch (e) {
      assertInstanceOf(e, StructuralError, what);
      refused.push(what);
    }
  };
}

/** Handles given to a pass work during it; those it stashed are invalid after the run, the root is not. */
export const tsPassHandles: Scenario = (strategy) => {
  using ctx = context(strategy);
  using mod = ctx.parseModule(ARITH);
  const root = mod.operation;
  let stashedOp: Operation | undefined;
  let stashedConstant: Operation | undefined;
  let names: string[] = [];
  using pm = ctx.passManager();
  pm.addPass((op) => {
    assert(op.equals(root), "a module-level pass gets the module");
    stashedOp = op.regions.at(0)!.blocks.at(0)!.operations.at(0)!;
    stashedConstant = find(op, "arith.constant");
    names = [stashedOp.name, stashedConstant.name, stashedConstant.result.type.toString()];
  });
  pm.add("canonicalize");
  pm.run(mod);
  assertEquals(names, ["func.func", "arith.constant", "i32"]);
  assertInvalid(() => stashedConstant!.toString(), "invalidated by pass run");
  assertInvalid(() => stashedOp!.name, "invalidated by pass run");
  assert(root.isValid);
  assertStringIncludes(mod.toString(), "arith.constant 3 : i32");
};

/**
 * In `func.func(ts, canonicalize)`, canonicalize runs on @f between the
 * callbacks on @f and @g: what the first callback stashed is invalid in the
 * second, never a read of what canonicalize freed.
 */
export const tsPassBetweenCallbacks: Scenario = (strategy) => {
  using ctx = context(strategy);
  using mod = ctx.parseModule(ARITH);
  const stashed: Operation[] = [];
  const seenInLater: (string | null)[] = [];
  using pm = ctx.passManager();
  pm.nest("func.func").addPass((fn) => {
    for (const old of stashed) {
      try {
        seenInLater.push(old.name);
      } catch (e) {
        assertInstanceOf(e, InvalidHandleError);
        seenInLater.push(null);
      }
    }
    stashed.push(find(fn, "arith.constant"));
  }, { opName: "func.func" }).add("canonicalize");
  pm.run(mod);
  assertEquals(seenInLater, [null], "the handle from @f's callback is invalid in @g's");
  for (const op of stashed) assertInvalid(() => op.name, "invalidated by pass run");
};

/** From inside a pass: disposing the module or context, or running on the same IR again, is a StructuralError; nothing is freed. */
export const tsPassRefusals: Scenario = (strategy) => {
  using ctx = context(strategy);
  using mod = ctx.parseModule(ARITH);
  const refused: string[] = [];
  const attempt = refusals(refused);
  using again = ctx.passManager("builtin.module(canonicalize)");
  using pm = ctx.passManager();
  pm.addPass((op) => {
    attempt("module dispose", () => mod.dispose());
    attempt("context dispose", () => ctx.dispose());
    attempt("run another manager on it", () => again.run(mod));
    attempt("run this manager again", () => pm.run(mod));
    attempt("dispose this manager", () => pm.dispose());
    attempt("erase the pass's own op", () => op.erase());
    // Unrelated IR works as anywhere else.
    using other = ctx.parseModule("func.func @h() { return }");
    again.run(other);
    assertStringIncludes(other.toString(), "@h");
  });
  pm.run(mod);
  assertEquals(refused, [
    "module dispose",
    "context dispose",
    "run another manager on it",
    "run this manager again",
    "dispose this manager",
    "erase the pass's own op",
  ]);
  assert(mod.operation.isValid);
  mod.verify();
  assertStringIncludes(mod.toString(), "func.func @g");
  // After the run, the same calls work.
  again.run(mod);
};

/** A pass that throws, or signals failure, fails the run; the module stays valid and printable. */
export const tsPassFailures: Scenario = (strategy) => {
  using ctx = context(strategy);
  using mod = ctx.parseModule(ARITH);
  const boom = new RangeError("boom");
  using throwing = ctx.passManager();
  throwing.nest("func.func").addPass(() => {
    throw boom;
  }, { opName: "func.func" });
  const e = assertThrows(() => throwing.run(mod), PassFailureError);
  assert(e.cause === boom, "the thrown value is the cause");
  using failing = ctx.passManager();
  let late: (() => void) | undefined;
  failing.addPass((_, pass) => {
    pass.signalFailure();
    late = () => pass.signalFailure();
  });
  const f = assertThrows(() => failing.run(mod), PassFailureError);
  assertEquals(f.cause, undefined);
  assertThrows(() => late!(), StructuralError);
  mod.verify();
  assertStringIncludes(mod.toString(), "func.func @f");
};

/** Inside a pass, the normal API changes what is nested in the pass's op, tracked as anywhere; outside it, it is refused. */
export const tsPassMutation: Scenario = (strategy) => {
  using ctx = context(strategy);
  using mod = ctx.parseModule(ARITH);
  let erased: Operation | undefined;
  let outsideRefused = false;
  using pm = ctx.passManager();
  pm.nest("func.func").addPass((fn) => {
    if (fn.symbolName === "g") {
      try {
        // @f is a sibling: MLIR's pass manager is iterating over it.
        mod.body.operations.at(0)!.erase();
      } catch (e) {
        assertInstanceOf(e, StructuralError);
        outsideRefused = true;
      }
      return;
    }
    // In @f: fold `c1 + c2` by hand and erase the dead ops.
    const [c1, c2, add] = fn.regions.at(0)!.blocks.at(0)!.operations.toArray() as [Operation, Operation, Operation];
    const three = ctx.createOperation({
      name: "arith.constant",
      results: [add.result.type],
      attributes: { value: ctx.parseAttribute("3 : i32") },
      insertAt: InsertionPoint.before(add),
    });
    add.result.replaceAllUsesWith(three.result);
    add.erase();
    erased = c1;
    c1.erase();
    c2.erase();
    assertInvalid(() => erased!.name, "operation erased");
  }, { opName: "func.func" });
  pm.run(mod);
  assert(outsideRefused, "erasing a sibling function from a function pass is refused");
  mod.verify();
  assertStringIncludes(mod.toString(), "arith.constant 3 : i32");
  assertEquals((mod.toString().match(/arith.constant/g) ?? []).length, 2);
  assertInvalid(() => erased!.name, "operation erased");
};

/** A pass that applies patterns to its op (as MLIR's passes do) may; to anything outside its op it may not. */
export const tsPassAppliesPatterns: Scenario = (strategy) => {
  using ctx = context(strategy);
  using mod = ctx.parseModule(ARITH);
  using frozen = new RewritePatternSet(ctx).add("arith.addi", (op, rewriter) => {
    if (!op.operands.toArray().every((v) => (v.owner as Operation | null)?.name === "arith.constant")) return false;
    const [a, b] = op.operands.toArray().map((v) => Number((v.owner as Operation).attributes.get("value")!.toString().split(" ")[0]));
    rewriter.replaceOp(op, [arith.constant(op.result.type, a! + b!, { ip: rewriter.insertionPoint })]);
    return true;
  }).freeze();
  let outsideRefused = false;
  using pm = ctx.passManager();
  pm.nest("func.func").addPass((fn) => {
    assert(applyPatternsGreedily(fn, frozen, { enableFolding: false }));
    assert(fn.isValid, "the pass's op survives the driver");
    try {
      applyPatternsGreedily(mod, frozen);
    } catch (e) {
      assertInstanceOf(e, StructuralError);
      outsideRefused = true;
    }
  }, { opName: "func.func" });
  pm.run(mod);
  assert(outsideRefused, "a driver on the whole module from a function pass is refused");
  mod.verify();
  assertStringIncludes(mod.toString(), "arith.constant 3 : i32");
};

/** A multithreaded context: nested TypeScript passes on 200 functions all run, on the JS thread, and threading is restored. */
export const tsPassThreaded: Scenario = (strategy) => {
  using ctx = new Context({ strategy, threading: true });
  const text = Array.from({ length: 200 }, (_, i) => `func.func @f${i}(%a: i32) -> i32 {\n  %c = arith.constant 0 : i32\n  %0 = arith.addi %a, %c : i32\n  return %0 : i32\n}`).join("\n");
  using mod = ctx.parseModule(text);
  const seen = new Set<string>();
  using pm = ctx.passManager();
  pm.nest("func.func").add("canonicalize").addPass((fn) => void seen.add(fn.symbolName!), { opName: "func.func" });
  pm.run(mod);
  assertEquals(seen.size, 200);
  pm.run(mod);
  // A run without TypeScript passes is multithreaded again, and works.
  using plain = ctx.passManager("builtin.module(func.func(cse))");
  plain.run(mod);
  mod.verify();
};

/** `x * 1` and `x + 0` in one function, for the pattern scenarios. */
const PEEPHOLE = `func.func @f(%a: i32) -> i32 {
  %c1 = arith.constant 1 : i32
  %0 = arith.muli %a, %c1 : i32
  %c0 = arith.constant 0 : i32
  %1 = arith.addi %0, %c0 : i32
  return %1 : i32
}`;

/** Whether `v` is defined by `arith.constant <n> : i32`. */
function isConstant(v: Value, n: number): boolean {
  const def = v.owner;
  return def instanceof Object && "name" in def && (def as Operation).name === "arith.constant" &&
    (def as Operation).attributes.get("value")?.toString() === `${n} : i32`;
}

/** No folding: the patterns do the work. */
const NO_FOLD = { enableFolding: false, maxNumRewrites: 10_000 } as const;

/** Patterns rewrite through the rewriter; handles to what they replaced, and handles they stashed, are invalid after. */
export const tsPatternHandles: Scenario = (strategy) => {
  using ctx = context(strategy);
  using mod = ctx.parseModule(PEEPHOLE);
  const before = find(mod.operation, "arith.muli");
  const stashed: Operation[] = [];
  const set = new RewritePatternSet(ctx)
    .add("arith.muli", (op, rewriter) => {
      stashed.push(op, op.operands.at(1)!.owner as Operation);
      if (!isConstant(op.operands.at(1)!, 1)) return false;
      rewriter.replaceOp(op, [op.operands.at(0)!]);
      assertInvalid(() => op.name, "operation erased");
      return true;
    })
    .add("arith.addi", (op, rewriter) => {
      if (!isConstant(op.operands.at(1)!, 0)) return false;
      rewriter.replaceOp(op, [op.operands.at(0)!]);
      return true;
    });
  using frozen = set.freeze();
  assert(applyPatternsGreedily(mod, frozen, NO_FOLD), "converges");
  assertInvalid(() => before.name, "invalidated by pass run");
  for (const op of stashed) assert(!op.isValid, "stashed handles are invalid after the run");
  mod.verify();
  const text = mod.toString();
  assert(!text.includes("arith.muli") && !text.includes("arith.addi"), text);
  assertStringIncludes(text, "return %arg0 : i32");
  // The frozen set applies again, to another module.
  using other = ctx.parseModule(PEEPHOLE);
  assert(applyPatternsGreedily(other, frozen, NO_FOLD));
  assert(!other.toString().includes("arith.muli"));
};

/** Inside a pattern, changing IR around the rewriter, disposing, or running on the same IR is a StructuralError; the driver's state is intact. */
export const tsPatternRefusals: Scenario = (strategy) => {
  using ctx = context(strategy);
  using mod = ctx.parseModule(PEEPHOLE);
  const refused: string[] = [];
  const attempt = refusals(refused);
  using again = ctx.passManager("builtin.module(canonicalize)");
  using innerFrozen = new RewritePatternSet(ctx).freeze();
  const set = new RewritePatternSet(ctx).add("arith.muli", (op, rewriter) => {
    attempt("op.erase()", () => op.erase());
    attempt("detach", () => op.detach());
    attempt("insert at a plain insertion point", () => void arith.constant(op.result.type, 3, { ip: InsertionPoint.before(op) }));
    attempt("module dispose", () => mod.dispose());
    attempt("context dispose", () => ctx.dispose());
    attempt("pass manager on it", () => again.run(mod));
    attempt("driver on it", () => void applyPatternsGreedily(mod, innerFrozen));
    // Through the rewriter, the same change is fine.
    const three = arith.constant(op.result.type, 3, { ip: rewriter.insertionPoint });
    rewriter.replaceOp(op, [three]);
    return true;
  });
  using frozen = set.freeze();
  assert(applyPatternsGreedily(mod, frozen, NO_FOLD));
  assertEquals(refused, [
    "op.erase()",
    "detach",
    "insert at a plain insertion point",
    "module dispose",
    "context dispose",
    "pass manager on it",
    "driver on it",
  ]);
  mod.verify();
  assertStringIncludes(mod.toString(), "arith.constant 3 : i32");
};

/** A pattern that throws stops the driver's calls into JS; the error has the cause; the IR stays valid. */
export const tsPatternThrows: Scenario = (strategy) => {
  using ctx = context(strategy);
  using mod = ctx.parseModule(PEEPHOLE + "\n" + PEEPHOLE.replace("@f", "@g"));
  const boom = new TypeError("boom");
  let thrown = false;
  let callsAfter = 0;
  using frozen = new RewritePatternSet(ctx).add("arith.muli", () => {
    if (thrown) callsAfter++;
    thrown = true;
    throw boom;
  }).add("arith.addi", () => {
    if (thrown) callsAfter++;
    return false;
  }).freeze();
  const e = assertThrows(() => applyPatternsGreedily(mod, frozen, NO_FOLD), PatternError);
  assert(e.cause === boom);
  assertEquals(callsAfter, 0, "no pattern runs after the throw");
  mod.verify();
  assertStringIncludes(mod.toString(), "arith.muli");
  // The same module and set work again.
  assertThrows(() => applyPatternsGreedily(mod, frozen, NO_FOLD), PatternError);
};

/** Patterns that claim a match without changing anything, or undo each other, end at the limits: not converged, never a hang. */
export const tsPatternNonConvergence: Scenario = (strategy) => {
  using ctx = context(strategy);
  using mod = ctx.parseModule(PEEPHOLE);
  using liar = new RewritePatternSet(ctx).add("arith.muli", () => true).freeze();
  assertEquals(applyPatternsGreedily(mod, liar, { enableFolding: false, maxIterations: 5 }), false);
  // Swap the operands of addi back and forth, forever but for the limit.
  using flip = new RewritePatternSet(ctx).add("arith.addi", (op, rewriter) => {
    const [a, b] = [op.operands.at(0)!, op.operands.at(1)!];
    rewriter.modifyOpInPlace(op, () => {
      op.setOperand(0, b);
      op.setOperand(1, a);
    });
    return true;
  }).freeze();
  assertEquals(applyPatternsGreedily(mod, flip, { enableFolding: false, maxNumRewrites: 2_000 }), false);
  mod.verify();
};

/** The walk driver: one visit per op; erasing anything but the matched op (or inside it) is refused. */
export const tsPatternWalk: Scenario = (strategy) => {
  using ctx = context(strategy);
  using mod = ctx.parseModule(PEEPHOLE);
  const refused: string[] = [];
  using frozen = new RewritePatternSet(ctx).add("arith.muli", (op, rewriter) => {
    try {
      rewriter.eraseOp(mod.body.operations.at(0)!.regions.at(0)!.blocks.at(0)!.operations.at(-1)!);
    } catch (e) {
      assertInstanceOf(e, StructuralError);
      refused.push("erase another op");
    }
    rewriter.replaceOp(op, [op.operands.at(0)!]);
    return true;
  }).freeze();
  walkAndApplyPatterns(mod, frozen);
  assertEquals(refused, ["erase another op"]);
  mod.verify();
  assert(!mod.toString().includes("arith.muli"));
  assertStringIncludes(mod.toString(), "arith.addi");
};

/** How many ops named `name` are under `root`. */
function count(root: Operation, name: string): number {
  let n = 0;
  root.walk((op) => void (op.name === name && n++));
  return n;
}

/** x * 1 -> x, with the "is one" test in TypeScript; a + 0 -> a by a TypeScript rewrite. */
const PDL_PEEPHOLE = `
pdl.pattern @mul_one : benefit(1) {
  %t = pdl.type
  %x = pdl.operand : %t
  %one = pdl.attribute
  %c = pdl.operation "arith.constant" {"value" = %one} -> (%t : !pdl.type)
  %cv = pdl.result 0 of %c
  %m = pdl.operation "arith.muli"(%x, %cv : !pdl.value, !pdl.value) -> (%t : !pdl.type)
  pdl.apply_native_constraint "isOne"(%one : !pdl.attribute)
  pdl.rewrite %m {
    pdl.replace %m with (%x : !pdl.value)
  }
}
pdl.pattern @add_zero : benefit(1) {
  %t = pdl.type
  %x = pdl.operand : %t
  %y = pdl.operand : %t
  %a = pdl.operation "arith.addi"(%x, %y : !pdl.value, !pdl.value) -> (%t : !pdl.type)
  pdl.rewrite %a with "dropZero"(%x, %y : !pdl.value, !pdl.value)
}`;

/** PDL functions see live handles; what they stashed is invalid after the run; one that throws stops the calls into JS. */
export const pdlFunctions: Scenario = (strategy) => {
  using ctx = context(strategy);
  const build = (dropZero: (rw: PatternRewriter, op: Operation, x: Value, y: Value) => void) => {
    const pdl = new PDLModule(ctx.parseModule(PDL_PEEPHOLE));
    pdl.registerConstraintFunction("isOne", (_rw, _results, [attr]) => attr!.toString() === "1 : i32");
    pdl.registerRewriteFunction("dropZero", (rw, _results, [op, x, y]) => dropZero(rw, op as Operation, x as Value, y as Value));
    return pdl.freeze();
  };
  const stashed: Operation[] = [];
  using frozen = build((rw, op, x, y) => {
    stashed.push(op);
    assertEquals(op.name, "arith.addi");
    if (isConstant(y, 0)) rw.replaceOp(op, [x]);
  });
  using mod = ctx.parseModule(PEEPHOLE);
  assert(applyPatternsGreedily(mod, frozen, NO_FOLD));
  mod.verify();
  assertEquals(count(mod.operation, "arith.muli") + count(mod.operation, "arith.addi"), 0);
  assert(stashed.length > 0);
  for (const op of stashed) assertInvalid(() => op.name, "operation erased");
  // A throw: no TypeScript runs after it, the run fails with the cause, the IR stays valid.
  const boom = new RangeError("boom");
  let calls = 0;
  using throwing = build(() => {
    calls++;
    throw boom;
  });
  using again = ctx.parseModule(PEEPHOLE + "\n" + PEEPHOLE.replace("@f", "@g"));
  const e = assertThrows(() => applyPatternsGreedily(again, throwing, NO_FOLD), PatternError);
  assert(e.cause === boom);
  assertEquals(calls, 1);
  again.verify();
};

/** PDL's own erase and replace, which MLIR trusts, are checked: erasing a used op or replacing an op by itself is refused. */
export const pdlUncheckedRewrites: Scenario = (strategy) => {
  using ctx = context(strategy);
  for (const rewrite of ["pdl.erase %m", "pdl.replace %m with %m", "%r = pdl.result 0 of %m\n    pdl.replace %m with (%r : !pdl.value)"]) {
    using frozen = new PDLModule(ctx.parseModule(`pdl.pattern @p : benefit(1) {
  %t = pdl.type
  %x = pdl.operand : %t
  %y = pdl.operand : %t
  %m = pdl.operation "arith.muli"(%x, %y : !pdl.value, !pdl.value) -> (%t : !pdl.type)
  pdl.rewrite %m {
    ${rewrite}
  }
}`)).freeze();
    using mod = ctx.parseModule(PEEPHOLE);
    const muli = find(mod.operation, "arith.muli");
    const e = assertThrows(() => applyPatternsGreedily(mod, frozen, NO_FOLD), PatternError);
    assert(e.diagnostics.length > 0, rewrite);
    mod.verify();
    assertEquals(count(mod.operation, "arith.muli"), 1, rewrite);
    assertInvalid(() => muli.name, "invalidated by pass run");
  }
};

/** A diagnostic handler called from inside a driver sees the driver's erasures: stashed handles are invalid, and it can change nothing. */
export const diagnosticHandlerInsideDriver: Scenario = (strategy) => {
  using ctx = context(strategy);
  using mod = ctx.parseModule(PEEPHOLE + "\n" + PEEPHOLE.replace("@f", "@g"));
  const stashed: Operation[] = [];
  const outcomes: string[] = [];
  using _handler = ctx.attachDiagnosticHandler(() => {
    for (const op of stashed) {
      try {
        outcomes.push(op.name);
      } catch (e) {
        assertInstanceOf(e, InvalidHandleError);
        outcomes.push(e.reason);
      }
    }
    try {
      mod.body.operations.at(0)!.erase();
      outcomes.push("erased");
    } catch (e) {
      assertInstanceOf(e, StructuralError);
      outcomes.push("refused");
    }
    return true;
  });
  using frozen = new RewritePatternSet(ctx).add("arith.muli", (op, rewriter) => {
    if (!isConstant(op.operands.at(1)!, 1)) return false;
    stashed.push(op);
    rewriter.replaceOp(op, [op.operands.at(0)!]);
    return true;
  }).add("arith.addi", (op) => {
    op.location.emitError("seen an addi");
    return false;
  }).freeze();
  applyPatternsGreedily(mod, frozen, NO_FOLD);
  mod.verify();
  assert(outcomes.length > 0);
  assert(!outcomes.includes("erased"), "the handler changed nothing");
  assert(outcomes.includes("refused"));
  // Every stashed muli was replaced before the handler read it: none reads as live.
  assert(!outcomes.includes("arith.muli"), outcomes.join());
};
