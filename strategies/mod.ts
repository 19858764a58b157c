/**
 * The handle strategies, by name.
 *
 * @module
 */
import { ephemeral } from "./ephemeral.ts";
import { interned } from "./interned.ts";
import type { HandleFactories, HandleStrategy, StrategyName } from "./types.ts";
import { weak } from "./weak.ts";

export type { HandleFactories, HandleStrategy, StrategyName, StrategyStats } from "./types.ts";

/** Every strategy, in a stable order (for tests and benchmarks). */
export const STRATEGIES: readonly StrategyName[] = ["interned", "weak", "ephemeral"];

const makers: Record<StrategyName, (make: HandleFactories) => HandleStrategy> = { interned, weak, ephemeral };

/** Creates the named strategy; `undefined` for an unknown name. */
export function createStrategy(name: string, make: HandleFactories): HandleStrategy | undefined {
  return Object.hasOwn(makers, name) ? makers[name as StrategyName](make) : undefined;
}
