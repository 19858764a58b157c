/**
 * How the strategies make IR handles: the one place that names the classes
 * behind each kind of handle. A strategy receives these factories and knows
 * the handles only by the shapes in strategies/interface.ts.
 *
 * @module
 */
import type { HandleFactories } from "../../strategies/mod.ts";
import { Block } from "./block.ts";
import type { IrHandles } from "./context_state.ts";
import { Operation } from "./operation.ts";
import { Region } from "./region.ts";
import { BlockArgument, OpOperand, OpResult } from "./value.ts";

/** The factories of checked IR handles, which every context uses. */
export const IR_HANDLES: HandleFactories<IrHandles> = {
  operation: (owner, ptr) => new Operation(owner, ptr),
  block: (owner, ptr) => new Block(owner, ptr),
  argument: (owner, ptr) => new BlockArgument(owner, ptr),
  result: (op, index, ptr) => new OpResult(op, index, ptr),
  region: (op, index, ptr) => new Region(op, index, ptr),
  operand: (op, index) => new OpOperand(op, index),
};
