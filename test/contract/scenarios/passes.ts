/**
 * Pass runs (CONTRACT clause 3's conservative rule).
 *
 * @module
 */
import { assert, assertEquals, assertStringIncludes, assertThrows } from "@std/assert";
import { InvalidHandleError } from "../../../src/mod.ts";
import { allOps, ARITH, context, find, type Scenario } from "../_fixture.ts";

function assertInvalid(fn: () => unknown, reason: string): void {
  const e = assertThrows(fn, InvalidHandleError);
  assertEquals(e.reason, reason);
}

/** A nested constant is held while canonicalize runs on the module. */
export const passRunOnModule: Scenario = (strategy) => {
  using ctx = context(strategy);
  using mod = ctx.parseModule(ARITH);
  const root = mod.operation;
  const f = mod.body.operations.at(0)!;
  const constant = find(f, "arith.constant");
  const value = constant.result;
  const body = mod.body;
  const region = root.regions.at(0)!;
  using pm = ctx.passManager("builtin.module(canonicalize)");
  pm.run(mod);
  assertInvalid(() => constant.toString(), "invalidated by pass run");
  assertInvalid(() => value.type, "invalidated by pass run");
  assertInvalid(() => f.name, "invalidated by pass run");
  assertInvalid(() => body.operations, "invalidated by pass run");
  assert(root.isValid, "the op the pass ran on stays valid");
  assert(region.isValid, "so do its regions");
  assertStringIncludes(mod.toString(), "arith.constant 3 : i32");
  for (const op of allOps(mod.operation)) {
    assert(op.isValid);
    op.toString();
  }
  assertEquals(find(mod.operation, "arith.constant").result.type.toString(), "i32");
};

/** A pass run on one function leaves the rest of the module alone. */
export const passRunOnFunction: Scenario = (strategy) => {
  using ctx = context(strategy);
  using mod = ctx.parseModule(ARITH);
  const [f, g] = mod.body.operations.toArray();
  const inF = find(f!, "arith.addi");
  const inG = find(g!, "arith.constant");
  using pm = ctx.passManager("canonicalize");
  pm.run(f!);
  assert(f!.isValid);
  assert(g!.isValid);
  assert(inG.isValid, "ops outside the function the pass ran on stay valid");
  assertInvalid(() => inF.name, "invalidated by pass run");
  assertStringIncludes(f!.toString(), "arith.constant 3 : i32");
};
