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
import { operandAt, operandAtChecked } from "./navigate.ts";
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
    // One native call that also checks the range (0: out of range).
    const i = index < 0 ? index + lib.mlirffi_op_num_operands(ptr) : index;
    return i < 0 ? undefined : operandAtChecked(op._owner, ptr, i);
  }

  /** Makes operand `index` use `value` (as `Operation.setOperand`). */
  set(index: number, value: Value): void {
    this.#op.setOperand(index, value);
  }

  /**
   * The operands in order. The count is read again after any ownership
   * event in the operation's module (MLIR code that ran in between may have
   * changed it); an erased operation ends the loop with InvalidHandleError.
   */
  *[Symbol.iterator](): Iterator<Value> {
    const op = this.#op;
    let ptr = op._live();
    let owner = op._owner;
    let epoch = owner.epoch;
    let n = lib.mlirffi_op_num_operands(ptr);
    for (let i = 0;; i++) {
      ptr = op._live();
      if (op._owner !== owner || owner.epoch !== epoch) {
        owner = op._owner;
        epoch = owner.epoch;
        n = lib.mlirffi_op_num_operands(ptr);
      }
      if (i >= n) return;
      yield operandAt(owner, ptr, i);
    }
  }

  /** The operands as an array. */
  toArray(): Value[] {
    return [...this];
  }
}
