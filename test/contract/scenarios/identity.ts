/**
 * Identity and equality (CONTRACT clause 6).
 *
 * @module
 */
import { assert, assertEquals, assertNotStrictEquals, assertStrictEquals } from "@std/assert";
import type { Operation } from "../../../src/mod.ts";
import { ARITH, context, find, funcBody, type Scenario } from "../_fixture.ts";

/** Owners compare by equality; iterating twice gives equal handles; `===` for interned/weak. */
export const ownersAndIdentity: Scenario = (strategy) => {
  using ctx = context(strategy);
  using mod = ctx.parseModule(ARITH);
  const region = mod.operation.regions.at(0)!;
  assert(region.owner.equals(mod.operation));
  const f = mod.body.operations.at(0)!;
  const body = funcBody(mod);
  assert(body.parent!.equals(f));
  assert(body.region!.equals(f.regions.at(0)));
  assert(f.parent!.equals(mod.operation));
  assert(f.block!.equals(mod.body));
  const first = body.operations.toArray();
  const second = body.operations.toArray();
  const add = find(f, "arith.addi");
  assert(add.operands.at(0)!.equals(find(f, "arith.constant").result));
  assert(add.result.uses.at(0)!.owner.equals(find(f, "arith.addi").result.uses.at(0)!.owner));
  for (let i = 0; i < first.length; i++) {
    assert(first[i]!.equals(second[i]));
    assertEquals(first[i]!.key, second[i]!.key);
    if (strategy === "ephemeral") assertNotStrictEquals(first[i], second[i]);
    else assertStrictEquals(first[i], second[i]);
  }
  const byKey = new Map<number, Operation>(first.map((op) => [op.key, op]));
  for (const op of second) assert(byKey.get(op.key)!.equals(op));
  if (strategy !== "ephemeral") {
    assertStrictEquals(f.regions.at(0), f.regions.at(0));
    assertStrictEquals(add.result, add.result);
    assertStrictEquals(body.arguments.at(0), body.arguments.at(0));
  }
  assert(!f.equals(add));
  assert(!f.equals(region));
  assert(!f.equals("f"));
};
