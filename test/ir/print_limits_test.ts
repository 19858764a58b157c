/**
 * Printing with `largeResourceLimit` (MLIR's `elideLargeResourceString`,
 * Python's `large_resource_limit`): resources whose printed string is longer
 * than the limit are left out of the `dialect_resources` section.
 *
 * @module
 */
import { test } from "node:test";
import { assertEquals, assertFalse, assertStringIncludes } from "@std/assert";
import { assertArgumentError } from "../_errors.ts";
import { Context, STRATEGIES } from "../../src/mod.ts";

const BLOB = "0x04000000010000000200000003000000";
const SOURCE = `func.func @f() -> tensor<3xi32> {
  %0 = arith.constant dense_resource<big> : tensor<3xi32>
  return %0 : tensor<3xi32>
}
{-#
  dialect_resources: {
    builtin: {
      big: "${BLOB}"
    }
  }
#-}`;

for (const strategy of STRATEGIES) {
  test(`[${strategy}] largeResourceLimit leaves out longer resource strings, keeps shorter ones`, () => {
    using ctx = new Context({ strategy });
    using mod = ctx.parseModule(SOURCE);
    assertStringIncludes(mod.print(), BLOB);
    const elided = mod.print({ largeResourceLimit: 8 });
    assertFalse(elided.includes(BLOB));
    assertStringIncludes(elided, "dense_resource<big>");
    assertStringIncludes(mod.print({ largeResourceLimit: BLOB.length + 2 }), BLOB);
    // With the other options, on a nested op too.
    const generic = mod.print({ largeResourceLimit: 0, generic: true });
    assertStringIncludes(generic, '"arith.constant"()');
    assertFalse(generic.includes(BLOB));
    const f = mod.body.operations.at(0)!;
    assertFalse(f.print({ largeResourceLimit: 0 }).includes(BLOB));
    assertEquals(f.print({ largeResourceLimit: 1_000 }), f.print());
  });
}

test("largeResourceLimit must be a non-negative integer", () => {
  using ctx = new Context();
  using mod = ctx.parseModule(SOURCE);
  for (const bad of [-1, 1.5, Number.NaN, "8", 2 ** 60]) {
    assertArgumentError(() => mod.print({ largeResourceLimit: bad as never }), {
      argument: "Print option 'largeResourceLimit'",
      expected: "a non-negative integer",
    });
  }
});
