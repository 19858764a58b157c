/**
 * Structural misuse is refused and changes nothing (CONTRACT clause 9).
 *
 * @module
 */
import { assertEquals, assertThrows } from "@std/assert";
import { StructuralError } from "../../../src/mod.ts";
import { ARITH, context, find, SEED, type Scenario } from "../_fixture.ts";

/** Each refused mutation throws StructuralError and leaves the text unchanged. */
export const misuseRefused: Scenario = (strategy) => {
  using ctx = context(strategy);
  using mod = ctx.parseModule(ARITH);
  const before = mod.toString();
  const f = mod.body.operations.at(0)!;
  const usedConstant = find(f, "arith.constant");
  const usesArgument = f.regions.at(0)!.blocks.at(0)!.operations.at(3)!; // %1 = arith.addi %0, %a
  assertEquals(usesArgument.name, "arith.addi");
  assertThrows(() => usedConstant.erase(), StructuralError, "still used");
  assertThrows(() => usesArgument.detach(), StructuralError, "uses values defined outside");
  assertThrows(() => usesArgument.clone(), StructuralError, "uses values defined outside");
  assertThrows(() => f.regions.at(0)!.blocks.at(0)!.append(f), StructuralError, "nested inside itself");
  const ret = find(f, "func.return");
  using other = ctx.parseModule(SEED);
  assertThrows(() => other.body.append(usesArgument), StructuralError);
  assertThrows(() => ret.moveBefore(other.body.operations.at(0)!), StructuralError);
  using ctx2 = context(strategy);
  using foreign = ctx2.parseModule(SEED);
  assertThrows(() => foreign.body.append(f), StructuralError, "another context");
  assertEquals(mod.toString(), before);
  mod.verify();
};
