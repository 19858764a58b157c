/**
 * Pass managers: textual and programmatic pipelines, runs, failures, IR
 * printing and timing (ports the applicable cases of upstream's
 * mlir/test/python/pass_manager.py).
 *
 * @module
 */
import { test } from "node:test";
import { assert, assertEquals, assertMatch, assertStringIncludes, assertThrows } from "@std/assert";
import { assertArgumentError, assertInvalidHandle } from "../_errors.ts";
import {
  ArgumentError,
  Context,
  MlirVerificationError,
  PassFailureError,
  PassPipelineError,
  STRATEGIES,
} from "../../src/mod.ts";

const FOLDABLE = `func.func @f() -> i32 {
  %0 = arith.constant 1 : i32
  %1 = arith.addi %0, %0 : i32
  return %1 : i32
}`;

test("passes: a textual pipeline parses and prints back", () => {
  using ctx = new Context();
  using pm = ctx.passManager("builtin.module(func.func(canonicalize),cse)");
  assertMatch(pm.toString(), /^builtin\.module\(func\.func\(canonicalize\{.*\}\),cse\)$/);
  using any = ctx.passManager("canonicalize,cse");
  assertMatch(any.toString(), /^any\(canonicalize\{.*\},cse\)$/);
});

test("passes: bad pipelines give PassPipelineError with MLIR's message", () => {
  using ctx = new Context();
  const cases: [string, string][] = [
    ["builtin.module(nope)", "'nope' does not refer to a registered pass"],
    ["builtin.module(canonicalize", "expected pass pipeline to be wrapped"],
    ["builtin.module(canonicalize{max-iterations=x})", "max-iterations"],
    ["builtin.module(affine-loop-invariant-code-motion)", "did you intend to nest?"],
    ["func.func(convert-func-to-llvm)", "did you intend to nest?"],
  ];
  for (const [pipeline, message] of cases) {
    const e = assertThrows(() => ctx.passManager(pipeline), PassPipelineError, message);
    assertStringIncludes(e.message, pipeline);
  }
  assertThrows(() => ctx.passManager(42 as never), ArgumentError);
});

test("passes: built step by step with nested managers and options", () => {
  using ctx = new Context();
  using pm = ctx.passManager();
  pm.nest("func.func").addPass("canonicalize", { "max-iterations": 3, "top-down": false }).add("cse");
  pm.addPass("symbol-dce");
  const text = pm.toString();
  assertStringIncludes(text, "func.func(canonicalize{");
  assertStringIncludes(text, "max-iterations=3");
  assertStringIncludes(text, "top-down=false");
  assertStringIncludes(text, "symbol-dce");
  assertArgumentError(() => pm.addPass("not a pass"), { argument: "Pass name", expected: "a pass name (letters, digits, _, . and -)" });
  assertThrows(() => pm.addPass("canonicalize", { "bad key!": 1 }), ArgumentError);
  assertThrows(() => pm.addPass("no-such-pass"), PassPipelineError, "no-such-pass");
  using mod = ctx.parseModule(FOLDABLE);
  pm.run(mod);
  assertStringIncludes(mod.toString(), "arith.constant 2 : i32");
});

for (const strategy of STRATEGIES) {
  test(`passes [${strategy}] running changes the IR; the module stays usable`, () => {
    using ctx = new Context({ strategy });
    using mod = ctx.parseModule(FOLDABLE);
    using pm = ctx.passManager("builtin.module(canonicalize)");
    pm.run(mod);
    assertStringIncludes(mod.toString(), "arith.constant 2 : i32");
    pm.run(mod.operation); // an operation works as well as a module
    mod.verify();
  });

  test(`passes [${strategy}] a failing run gives PassFailureError and leaves the module usable`, () => {
    using ctx = new Context({ strategy });
    using mod = ctx.parseModule(FOLDABLE);
    const f = mod.body.operations.at(0)!;
    using pm = ctx.passManager("builtin.module(canonicalize)");
    // A module-anchored pipeline cannot run on a function.
    const e = assertThrows(() => pm.run(f), PassFailureError, "failed");
    assert(e.diagnostics.length > 0);
    assertStringIncludes(e.diagnostics[0]!.message, "builtin.module");
    // The handles inside f were invalidated (conservatively); the module was not.
    assertStringIncludes(mod.toString(), "arith.addi");
    assert(f.isValid, "the op the pass ran on stays valid");
  });

  test(`passes [${strategy}] invalid IR is refused before any pass runs`, () => {
    using ctx = new Context({ strategy });
    using mod = ctx.parseModule(FOLDABLE);
    const body = mod.body.operations.at(0)!.regions.at(0)!.blocks.at(0)!;
    const constant = body.operations.at(0)!;
    body.terminator!.erase(); // no terminator: invalid
    using pm = ctx.passManager("builtin.module(canonicalize)");
    const e = assertThrows(() => pm.run(mod), MlirVerificationError, "not run on invalid IR");
    assert(e.diagnostics.length > 0);
    assert(constant.isValid, "nothing ran, so nothing was invalidated");
  });
}

test("passes: IR printing goes to a callback or to printedIR", () => {
  using ctx = new Context();
  using mod = ctx.parseModule(FOLDABLE);
  using pm = ctx.passManager("builtin.module(canonicalize,cse)");
  const seen: string[] = [];
  pm.enableIRPrinting({ before: true, after: true, onOutput: (t) => seen.push(t) });
  pm.run(mod);
  assertEquals(seen.length, 1);
  assertStringIncludes(seen[0]!, "IR Dump Before Canonicalizer");
  assertStringIncludes(seen[0]!, "IR Dump After CSE");
  using mod2 = ctx.parseModule(FOLDABLE);
  using pm2 = ctx.passManager("builtin.module(canonicalize)").enableIRPrinting();
  pm2.run(mod2);
  assertStringIncludes(pm2.printedIR, "IR Dump After Canonicalizer");
  assertStringIncludes(pm2.printedIR, "arith.constant 2 : i32");
  assertThrows(() => pm2.enableIRPrinting({ onOutput: 3 as never }), ArgumentError);
});

test("passes: the timing report is collected when the manager is disposed", () => {
  using ctx = new Context();
  using mod = ctx.parseModule(FOLDABLE);
  const pm = ctx.passManager("builtin.module(canonicalize)").enableTiming();
  pm.run(mod);
  pm.dispose();
  assertStringIncludes(pm.timingReport, "Execution time report");
  assertStringIncludes(pm.timingReport, "Canonicalizer");
  pm.dispose(); // twice is fine
  assertInvalidHandle(() => pm.run(mod), { kind: "PassManager", reason: "disposed" });
});

test("passes: the verifier can be turned off; misuse of the manager is refused", () => {
  using ctx = new Context();
  using pm = ctx.passManager("builtin.module(canonicalize)").enableVerifier(false);
  assertThrows(() => pm.enableVerifier("yes" as never), ArgumentError);
  assertArgumentError(() => pm.run({} as never), { argument: "PassManager.run's target", expected: "a Module or an Operation" });
  using other = new Context();
  using foreign = other.parseModule(FOLDABLE);
  assertArgumentError(() => pm.run(foreign), { argument: "PassManager.run's target", expected: "IR of the pass manager's context" });
  ctx.dispose();
  assertInvalidHandle(() => pm.run(foreign), { kind: "PassManager", reason: "context disposed" });
});
