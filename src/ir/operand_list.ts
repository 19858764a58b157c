/**
 * An operation's operands as a live list (Python's `OpOperandList`): each
 * read asks the operation, so a list kept across `setOperand` sees the new
 * value, and reading one operand costs one native call rather than a
 * snapshot of all of them.
 *
 * @module
 */
import { argumentError } from "../base/args.ts";
import { lib } from "../ffi/load.ts";
import { operandAt } from "./navigate.ts";
import type { Operation } from "./operation.ts";
import type { Value } from "./value.ts";

/**
 * The values an operation uses, indexed like an array.
 *
 * @example
 * ```ts
 * import { Context } from "../mod.ts";
 * using ctx = new Context();
 * using mod = ctx.parseModule("func.func @f(%a: i32) -> i32 { return %a : i32 }");
 * const ret = mod.body.operations.at(0)!.regions.at(0)!.blocks.at(0)!.operations.at(0)!;
 * console.log(ret.operands.length, ret.operands.at(0)!.type.toString()); // 1 i32
 * ```
 */
export class OperandList implements Iterable<Value> {
  readonly #op: Operation;

  /** @internal Made by Operation.operands. */
  constructor(op: Operation) {
    this.#op = op;
  }

  /** Number of operands, now. */
  get length(): number {
    return lib.mlirffi_op_num_operands(this.#op._live());
  }

  /**
   * The operand at `index` (negative counts from the end), or `undefined`
   * when out of range.
   */
  at(index: number): Value | undefined {
    const op = this.#op;
    const ptr = op._live();
    if (!Number.isInteger(index)) throw argumentError("OperandList.at's index", "an integer", index);
    // One native call, which also checks the range.
    return operandAt(op._owner, ptr, index < 0 ? index + lib.mlirffi_op_num_operands(ptr) : index);
  }

  /** Makes operand `index` use `value` (as `Operation.setOperand`). */
  set(index: number, value: Value): void {
    this.#op.setOperand(index, value);
  }

  /**
   * The operands in order, each read when the loop reaches it (the range is
   * checked natively at every step, so a count MLIR changed in between is
   * seen); an erased operation ends the loop with InvalidHandleError.
   */
  *[Symbol.iterator](): Iterator<Value> {
    const op = this.#op;
    for (let i = 0;; i++) {
      const ptr = op._live(); // first: it may move the handle to its op's new owner
      const value = operandAt(op._owner, ptr, i);
      if (value === undefined) return;
      yield value;
    }
  }

  /** The operands as an array. */
  toArray(): Value[] {
    return [...this];
  }
}
