/**
 * Passes written in TypeScript: what they are given, how they are named and
 * nested, what they may print and build, and the arguments they refuse. The
 * safety clauses (handles, refusals, failures, threads) are contract
 * scenarios (test/contract/scenarios/callbacks.ts), run in child processes.
 *
 * @module
 */
import { test } from "node:test";
import { assert, assertEquals, assertMatch, assertStringIncludes, assertThrows } from "@std/assert";
import { assertArgumentError } from "../_errors.ts";
import { Context, MlirParseError, type Operation, PassFailureError, STRATEGIES } from "../../src/mod.ts";
import * as arith from "../../src/dialects/arith.ts";
import { InsertionPoint } from "../../src/mod.ts";

const TWO = `func.func @f(%a: i32) -> i32 {
  %c = arith.constant 1 : i32
  %0 = arith.muli %a, %c : i32
  return %0 : i32
}
func.func private @g()`;

for (const strategy of STRATEGIES) {
  test(`TS passes [${strategy}]: nested on func.func, each function in turn, after and before native passes`, () => {
    using ctx = new Context({ strategy });
    using mod = ctx.parseModule(TWO);
    const order: string[] = [];
    using pm = ctx.passManager();
    pm.nest("func.func")
      .addPass((fn) => void order.push(`before ${fn.symbolName} ${fn.regions.at(0)!.blocks.length}`), { name: "before" })
      .add("canonicalize")
      .addPass(function after(fn: Operation) {
        order.push(`after ${fn.symbolName}`);
      });
    assertMatch(pm.toString(), /^any\(func\.func\(before, ?canonicalize\{.*\}, ?after\)\)$/);
    pm.run(mod);
    assertEquals(order, ["before f 1", "after f", "before g 0", "after g"]);
  });

  test(`TS passes [${strategy}]: a pass builds IR with the builders and it verifies`, () => {
    using ctx = new Context({ strategy });
    using mod = ctx.parseModule(TWO);
    using pm = ctx.passManager();
    // Replace `x * 1` by `x`: a peephole as a pass.
    pm.nest("func.func").addPass((fn) => {
      fn.walk((op) => {
        if (op.name !== "arith.muli") return;
        const rhs = op.operands.at(1)!.owner as Operation | null;
        if (rhs?.name === "arith.constant" && rhs.attributes.get("value")?.toString() === "1 : i32") {
          op.result.replaceAllUsesWith(op.operands.at(0)!);
          op.erase();
        }
      });
      // And tag the function with a new constant it does not use.
      const ret = fn.regions.at(0)!.blocks.at(0)?.operations.at(-1);
      if (ret !== undefined) arith.constant(ret.operands.at(0)!.type, 7, { ip: InsertionPoint.before(ret) });
    }, { opName: "func.func" });
    pm.run(mod);
    mod.verify();
    const text = mod.toString();
    assert(!text.includes("arith.muli"), text);
    assertStringIncludes(text, "arith.constant 7 : i32");
  });

  test(`TS passes [${strategy}]: an op detached inside a pass keeps its handle, and its identity, after the run`, () => {
    using ctx = new Context({ strategy });
    using mod = ctx.parseModule(TWO);
    let detached: Operation | undefined;
    using pm = ctx.passManager();
    pm.addPass((m) => {
      // Made inside the run (the weak strategy keeps such handles in a
      // short-lived map), then moved out of the IR the run invalidates.
      const f = m.regions.at(0)!.blocks.at(0)!.operations.at(0)!;
      f.detach();
      detached = f;
    });
    pm.run(mod);
    const f = detached!;
    assertEquals(f.symbolName, "f");
    assertEquals(f.parent, null);
    const inner = f.regions.at(0)!.blocks.at(0)!.operations.at(0)!;
    assertEquals(inner.name, "arith.constant");
    // Found again from inside: the same handle (interned, weak) or an equal one (ephemeral).
    if (strategy === "ephemeral") assert(inner.parent!.equals(f));
    else assert(inner.parent === f);
    assert(!mod.toString().includes("@f("));
    f.erase();
  });
}

test("TS passes: parsing and printing unrelated IR inside a pass, a caught parse error included", () => {
  using ctx = new Context();
  using mod = ctx.parseModule(TWO);
  const printed: string[] = [];
  using pm = ctx.passManager();
  pm.addPass((op) => {
    assertThrows(() => ctx.parseModule("func.func @broken("), MlirParseError);
    using other = ctx.parseModule("func.func private @h()");
    printed.push(other.toString(), op.regions.at(0)!.blocks.at(0)!.operations.at(1)!.toString());
  });
  pm.run(mod);
  assertStringIncludes(printed[0]!, "func.func private @h()");
  assertEquals(printed[1], "func.func private @g()");
  // The caught error inside left nothing behind for the next run.
  using plain = ctx.passManager("canonicalize");
  plain.run(mod);
});

test("TS passes: a pass that leaves invalid IR fails the run with the verifier's diagnostics", () => {
  using ctx = new Context();
  using mod = ctx.parseModule(TWO);
  using pm = ctx.passManager();
  pm.nest("func.func").addPass((fn) => {
    // A function whose entry block lost its terminator.
    fn.regions.at(0)!.blocks.at(0)?.operations.at(-1)?.erase();
  }, { opName: "func.func" });
  const e = assertThrows(() => pm.run(mod), PassFailureError);
  assert(e.diagnostics.some((d) => /terminator/.test(d.message)), e.message);
});

test("TS passes: bad arguments are ArgumentErrors, and a pass on another op than its level is refused before MLIR aborts", () => {
  using ctx = new Context();
  using pm = ctx.passManager();
  assertArgumentError(() => pm.addPass(42 as never), { argument: "Pass name" });
  assertArgumentError(() => pm.addPass(() => {}, { name: 3 as never }), { argument: "addPass's options.name" });
  assertArgumentError(() => pm.addPass(() => {}, "x" as never), { argument: "addPass's options" });
  // MLIR's own behaviour here is an LLVM ERROR that ends the process.
  assertArgumentError(() => pm.addPass(() => {}, { opName: "func.func" }), {
    argument: "addPass's options.opName",
    expected: "the nesting level's operation ('any')",
  });
  using mpm = ctx.passManager("builtin.module(canonicalize)");
  assertArgumentError(() => mpm.addPass(() => {}, { opName: "func.func" }), { argument: "addPass's options.opName" });
  mpm.nest("func.func").addPass(() => {}, { opName: "func.func" });
  assertStringIncludes(mpm.toString(), "func.func(typescript-pass)");
});
