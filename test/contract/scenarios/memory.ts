/**
 * Bounded memory (CONTRACT clause 7): churning modules leaves every
 * strategy's bookkeeping where it started.
 *
 * @module
 */
import { assertEquals } from "@std/assert";
import { isDeepStrictEqual } from "node:util";
import type { StrategyName } from "../../../src/mod.ts";
import { collectUntil, forceGC } from "../../_gc.ts";
import { allOps, context, SEED, type Scenario } from "../_fixture.ts";

function churn(dispose: boolean): Scenario {
  return async (strategy: StrategyName) => {
    using ctx = context(strategy);
    await forceGC();
    const before = ctx._stats();
    for (let i = 0; i < 10_000; i++) {
      const mod = ctx.parseModule(SEED);
      for (const op of allOps(mod.operation)) op.name;
      mod.body.operations.at(0)!.regions.at(0)!.blocks.at(0)!.operations.at(0)!.erase();
      if (dispose) mod.dispose();
    }
    await collectUntil(() => isDeepStrictEqual(ctx._stats(), before));
    assertEquals(ctx._stats(), before);
  };
}

/** 10,000 modules created, touched and dropped for the garbage collector. */
export const churnDropped = churn(false);
/** 10,000 modules created, touched and disposed explicitly. */
export const churnDisposed = churn(true);
