/**
 * Handles with their safety checks compiled out, for benchmarks only: they
 * measure what the checks cost. Never use them for anything else: a stale
 * unchecked handle reads freed memory. None of this ships in the package; a
 * benchmark context gets them by swapping its strategy before it has made a
 * single handle (`uncheckedContext`).
 *
 * @module
 */
import { Context, type StrategyName } from "../src/mod.ts";
import { contextArg, type IrHandles } from "../src/ir/context_state.ts";
import { Block } from "../src/ir/block.ts";
import { Operation } from "../src/ir/operation.ts";
import { Region } from "../src/ir/region.ts";
import { BlockArgument, OpOperand, OpResult } from "../src/ir/value.ts";
import { createStrategy, type HandleFactories } from "../strategies/mod.ts";

class UncheckedOperation extends Operation {
  override _live(): number {
    return this._ptr;
  }
}

class UncheckedBlock extends Block {
  override _live(): number {
    return this._ptr;
  }
}

class UncheckedBlockArgument extends BlockArgument {
  override _live(): number {
    return this._ptr;
  }
}

/** Factories of unchecked handles (results, regions and operands delegate to their operation). */
const UNCHECKED: HandleFactories<IrHandles> = {
  operation: (owner, ptr) => new UncheckedOperation(owner, ptr),
  block: (owner, ptr) => new UncheckedBlock(owner, ptr),
  argument: (owner, ptr) => new UncheckedBlockArgument(owner, ptr),
  result: (op, index, ptr) => new OpResult(op, index, ptr),
  region: (op, index, ptr) => new Region(op, index, ptr),
  operand: (op, index) => new OpOperand(op, index),
};

/** A new context whose `strategy` makes unchecked handles. */
export function uncheckedContext(strategy: StrategyName): Context {
  const ctx = new Context({ strategy });
  contextArg(ctx, "uncheckedContext").strategy = createStrategy(strategy, UNCHECKED)!;
  return ctx;
}
