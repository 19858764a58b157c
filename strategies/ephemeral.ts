/**
 * `ephemeral`: a fresh handle on every access, as MLIR's current Python
 * bindings do. Nothing is cached, so there is nothing to keep consistent and
 * nothing to grow; identity is by value (`a.equals(b)`, `a.key`), not `===`.
 *
 * @module
 */
import type { Owner } from "../src/safety/ledger.ts";
import type { HandleFactories, HandleKinds, HandleStrategy, StrategyStats } from "./interface.ts";

/** Makes a new handle per access. */
export function ephemeral<K extends HandleKinds>(make: HandleFactories<K>): HandleStrategy<K> {
  return {
    name: "ephemeral",
    tracksHandles: false,
    operation: make.operation,
    block: make.block,
    argument: make.argument,
    result: make.result,
    region: make.region,
    operand: make.operand,
    freed() {},
    moved() {},
    merged() {},
    nestedInvalidated() {},
    closed() {},
    stats(_owners: Iterable<Owner>): StrategyStats {
      return { entries: 0 };
    },
  };
}
