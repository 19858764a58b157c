/**
 * The handle strategies, by name.
 *
 * @module
 */
import { ephemeral } from "./ephemeral.ts";
import { interned } from "./interned.ts";
import type { HandleFactories, HandleKinds, HandleStrategy, StrategyName } from "./interface.ts";
import { weak } from "./weak.ts";

export type { HandleFactories, HandleKinds, HandleStrategy, StrategyName, StrategyStats } from "./interface.ts";

/** Every strategy, in a stable order (for tests and benchmarks). */
export const STRATEGIES: readonly StrategyName[] = ["interned", "weak", "ephemeral"];

const makers = { interned, weak, ephemeral } as const;

/** Creates the named strategy over `make`'s handles; `undefined` for an unknown name. */
export function createStrategy<K extends HandleKinds>(name: string, make: HandleFactories<K>): HandleStrategy<K> | undefined {
  return Object.hasOwn(makers, name) ? makers[name as StrategyName](make) : undefined;
}
