/**
 * `PassManager.enableStatistics` (Python's `enable_statistics`): MLIR's
 * report is captured into `statisticsReport` after every run, kept apart
 * from IR printing, in both display modes, under every strategy.
 *
 * MLIR counts statistics only when built with LLVM_ENABLE_STATS; Debian's
 * release packages are not, so there the report is its banner alone. The
 * tests accept either and check that what follows the banner names the pass.
 *
 * @module
 */
import { test } from "node:test";
import { assert, assertEquals, assertFalse, assertStringIncludes, assertThrows } from "@std/assert";
import { assertArgumentError, assertInvalidHandle } from "../_errors.ts";
import { Context, PassFailureError, STRATEGIES } from "../../src/mod.ts";

const DUPLICATES = `func.func @f(%a: i32) -> i32 {
  %0 = arith.addi %a, %a : i32
  %1 = arith.addi %a, %a : i32
  %2 = arith.muli %0, %1 : i32
  return %2 : i32
}`;
const BANNER = /^===-{73}===\n\s*\.\.\. Pass statistics report \.\.\.\n===-{73}===\n/;

function checkReport(report: string): void {
  assert(BANNER.test(report), `a statistics report: ${JSON.stringify(report)}`);
  const body = report.replace(BANNER, "").trim();
  if (body !== "") assertStringIncludes(body, "CSE");
}

for (const strategy of STRATEGIES) {
  for (const display of ["list", "pipeline"] as const) {
    test(`[${strategy}] enableStatistics("${display}") captures the report after each run`, () => {
      using ctx = new Context({ strategy });
      using mod = ctx.parseModule(DUPLICATES);
      using pm = ctx.passManager("builtin.module(func.func(cse))").enableStatistics(display);
      assertEquals(pm.statisticsReport, "");
      pm.run(mod);
      checkReport(pm.statisticsReport);
      // Without IR printing, nothing else is printed or kept.
      assertEquals(pm.printedIR, "");
      pm.statisticsReport = "";
      pm.run(mod);
      checkReport(pm.statisticsReport);
      assertEquals(mod.body.operations.at(0)!.regions.at(0)!.blocks.at(0)!.operations.length, 3);
    });
  }

  test(`[${strategy}] statistics and IR printing are kept apart`, () => {
    using ctx = new Context({ strategy });
    using mod = ctx.parseModule(DUPLICATES);
    const outputs: string[] = [];
    using pm = ctx.passManager("builtin.module(func.func(cse,canonicalize))")
      .enableIRPrinting({ onOutput: (t) => outputs.push(t) })
      .enableStatistics();
    pm.run(mod);
    assertEquals(outputs.length, 1);
    assertStringIncludes(outputs[0]!, "IR Dump After CSE");
    assertStringIncludes(outputs[0]!, "IR Dump After Canonicalizer");
    assertFalse(outputs[0]!.includes("Pass statistics report"));
    checkReport(pm.statisticsReport);
    assertFalse(pm.statisticsReport.includes("IR Dump"));
  });

  test(`[${strategy}] statistics with a TypeScript pass, and after a failed run`, () => {
    using ctx = new Context({ strategy });
    using mod = ctx.parseModule(DUPLICATES);
    using pm = ctx.passManager().enableStatistics("list");
    pm.nest("func.func").addPass("cse").addPass((_op, pass) => pass.signalFailure(), { opName: "func.func" });
    assertThrows(() => pm.run(mod), PassFailureError);
    checkReport(pm.statisticsReport);
    mod.operation.verify();
  });
}

test("enableStatistics checks its argument and its pass manager", () => {
  using ctx = new Context();
  const pm = ctx.passManager("builtin.module(cse)");
  for (const bad of ["tree", 0, null]) {
    assertArgumentError(() => pm.enableStatistics(bad as never), {
      argument: "enableStatistics's display",
      expected: "one of list, pipeline",
    });
  }
  pm.dispose();
  assertInvalidHandle(() => pm.enableStatistics(), { kind: "PassManager", reason: "disposed" });
});
