/**
 * Handles with their safety checks compiled out, for benchmarks only: they
 * measure what the checks cost. Never use them for anything else: a stale
 * unchecked handle reads freed memory.
 *
 * @module
 */
import { Block } from "./block.ts";
import { Operation } from "./operation.ts";
import { Region } from "./region.ts";
import { BlockArgument, OpOperand, OpResult } from "./value.ts";
import type { HandleFactories } from "../strategies/types.ts";

/** The Context option key that selects unchecked handles (not part of the API). */
export const UNCHECKED: unique symbol = Symbol("mlir-ffi.unchecked");

let factories: HandleFactories | undefined;

/**
 * Factories of unchecked handles (results, regions and operands delegate to
 * their operation). The classes are made on first use: this module is
 * imported by context.ts, which may load while operation.ts is still loading.
 */
export function uncheckedFactories(): HandleFactories {
  if (factories !== undefined) return factories;
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
  return (factories = {
    operation: (owner, ptr) => new UncheckedOperation(owner, ptr),
    block: (owner, ptr) => new UncheckedBlock(owner, ptr),
    argument: (owner, ptr) => new UncheckedBlockArgument(owner, ptr),
    result: (op, index, ptr) => new OpResult(op, index, ptr),
    region: (op, index, ptr) => new Region(op, index, ptr),
    operand: (op, index) => new OpOperand(op, index),
  });
}
