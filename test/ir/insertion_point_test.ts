/**
 * Insertion points: where new operations go, in order, and the rules a
 * block's terminator sets.
 *
 * @module
 */
import { test } from "node:test";
import { assert, assertEquals, assertThrows } from "@std/assert";
import { Context, InsertionPoint, STRATEGIES, StructuralError } from "../../src/mod.ts";

for (const strategy of STRATEGIES) {
  test(`[${strategy}] insertion points keep order at a block's start and respect terminators`, () => {
    using ctx = new Context({ strategy, allowUnregisteredDialects: true });
    using mod = ctx.parseModule('"custom.op0"() : () -> ()');
    const ip = InsertionPoint.atStart(mod.body);
    ip.insert(ctx.createOperation({ name: "custom.op1" }));
    ip.insert(ctx.createOperation({ name: "custom.op2" }));
    assertEquals(mod.body.operations.toArray().map((op) => op.name), ["custom.op1", "custom.op2", "custom.op0"]);
    assert(ip.refOperation!.name === "custom.op0");
    using f = ctx.parseModule("func.func @foo() { return }");
    const entry = f.body.operations.at(0)!.regions.at(0)!.blocks.at(0)!;
    assertThrows(
      () => ctx.createOperation({ name: "custom.late", insertAt: InsertionPoint.atEnd(entry) }),
      StructuralError,
      "already has a terminator",
    );
    ctx.createOperation({ name: "custom.early", insertAt: InsertionPoint.atTerminator(entry) });
    f.verify();
  });
}
