/**
 * SSA values (operation results and block arguments) and their uses.
 *
 * @module
 */
import { argumentError, listArg } from "../base/args.ts";
import { ArgumentError, StructuralError } from "../base/errors.ts";
import { f64Array } from "../base/f64_array.ts";
import { collect } from "../ffi/batch.ts";
import { lib } from "../ffi/load.ts";
import { takeText, TEXT, TEXT_CAP } from "../ffi/text.ts";
import { type Family, Handle, revalidate } from "../safety/handle.ts";
import type { Owner } from "../safety/ledger.ts";
import { HandleList } from "./handle_list.ts";
import { operationAt, valueAt } from "./navigate.ts";
import { stateOf } from "./context_state.ts";
import { type Type, typeArg } from "./type.ts";
import { Location, locationArg } from "./location.ts";
import { wrapType } from "./class_registry.ts";
import type { Block } from "./block.ts";
import type { Operation } from "./operation.ts";

/** An operation handle, told apart without importing Operation (which imports this module). */
function isOperation(x: unknown): x is Operation {
  return x instanceof Handle && x._family === "operation";
}

/** An SSA value: an {@linkcode OpResult} or a {@linkcode BlockArgument}. */
export abstract class Value extends Handle {
  /** @internal */
  abstract readonly _ptr: number;
  /** @internal The owner the value lives in (valid after `_live()`). */
  abstract get _where(): Owner;

  /** @internal */
  get _family(): Family {
    return "value";
  }

  /** The value's type. */
  get type(): Type {
    const ptr = this._live();
    return wrapType(stateOf(this._where), lib.mlirffi_value_type(ptr));
  }

  /** The operation (for a result) or block (for an argument) that defines it. */
  abstract get owner(): Operation | Block;

  /** Whether this is a block argument. */
  get isBlockArgument(): boolean {
    this._live();
    return this instanceof BlockArgument;
  }

  /** Whether this is an operation result. */
  get isOpResult(): boolean {
    this._live();
    return this instanceof OpResult;
  }

  /** Every use of the value: the operand slots that refer to it. */
  get uses(): HandleList<OpOperand> {
    const ptr = this._live();
    const owner = this._where;
    const stamp = owner.epoch;
    const pairs = collect((d, c) => 2 * lib.mlirffi_value_uses(ptr, d, c >> 1));
    const users = new Float64Array(pairs.length / 2);
    for (let i = 0; i < users.length; i++) users[i] = i;
    return new HandleList(users, (_, i) => {
      const user = operationAt(owner, stamp, pairs[2 * i]!);
      return stateOf(user._owner).strategy.operand(user, pairs[2 * i + 1]!);
    });
  }

  /** The value's location (its op's, or the block argument's own). */
  get location(): Location {
    const ptr = this._live();
    return new Location(stateOf(this._where), lib.mlirffi_value_location(ptr));
  }

  /** Changes the value's type (the IR may need updating to verify again). */
  setType(type: Type): void {
    const ptr = this._live();
    lib.mlirffi_value_set_type(ptr, typeArg(type, stateOf(this._where), "setType's type"));
  }

  /** Whether anything uses the value. */
  get hasUses(): boolean {
    return lib.mlirffi_value_has_uses(this._live());
  }

  /** Makes every use of this value use `other` instead. */
  replaceAllUsesWith(other: Value): void {
    const ptr = this._live();
    if (!(other instanceof Value)) throw argumentError("replaceAllUsesWith's argument", "a Value", other);
    const otherPtr = other._live();
    if (other._where !== this._where) {
      throw new StructuralError("replaceAllUsesWith needs a value from the same module (or detached operation).");
    }
    lib.mlirffi_value_replace_all_uses(ptr, otherPtr);
  }

  /**
   * Makes every use of this value use `other` instead, except the uses by
   * `exceptions` (one operation or a list), as Python's
   * `replace_all_uses_except`. `other` must have the same type (a different
   * one is an `ArgumentError`: the users would no longer verify) and live in
   * the same module or detached operation; the exceptions must be
   * operations of the same context (an op that does not use this value is
   * allowed, and changes nothing).
   *
   * @example
   * ```ts
   * import { Context } from "../mod.ts";
   * using ctx = new Context();
   * using mod = ctx.parseModule("func.func @f(%a: i32, %b: i32) -> i32 { %0 = arith.addi %a, %a : i32\n return %0 : i32 }");
   * const [a, b] = mod.body.operations.at(0)!.regions.at(0)!.blocks.at(0)!.arguments;
   * const add = a!.uses.at(0)!.owner;
   * a!.replaceAllUsesExcept(b!, []);
   * console.log(add.toString()); // %0 = arith.addi %arg1, %arg1 : i32
   * ```
   */
  replaceAllUsesExcept(other: Value, exceptions: Operation | readonly Operation[]): void {
    const ptr = this._live();
    if (!(other instanceof Value)) throw argumentError("replaceAllUsesExcept's value", "a Value", other);
    const otherPtr = other._live();
    if (other._where !== this._where) {
      throw new StructuralError("replaceAllUsesExcept needs a value from the same module (or detached operation).");
    }
    const state = stateOf(this._where);
    const type = lib.mlirffi_value_type(ptr);
    if (lib.mlirffi_value_type(otherPtr) !== type) {
      throw new ArgumentError({
        argument: "replaceAllUsesExcept's value",
        expected: `a Value of type ${this.type}`,
        got: `a Value of type ${other.type}`,
      });
    }
    const list = isOperation(exceptions) ? [exceptions] : listArg(exceptions, "replaceAllUsesExcept's exceptions");
    const ops = f64Array(list, (op, i) => {
      const what = `replaceAllUsesExcept's exceptions[${i}]`;
      if (!isOperation(op)) throw argumentError(what, "an Operation", op);
      const p = op._live();
      if (stateOf(op._owner) !== state) {
        throw new ArgumentError({ argument: what, expected: "an Operation of this Context", got: "an Operation of another context" });
      }
      return p;
    });
    lib.mlirffi_value_replace_all_uses_except(ptr, otherPtr, ops, ops.length);
  }

  /** The value as MLIR prints it (its defining operation, or the argument). */
  override toString(): string {
    return takeText(lib.mlirffi_value_print(this._live(), TEXT, TEXT_CAP));
  }

  /** The value's SSA name as an operand, e.g. `%0` or `%arg1`. */
  get name(): string {
    return takeText(lib.mlirffi_value_print_as_operand(this._live(), TEXT, TEXT_CAP));
  }
}

/**
 * A value defined by an operation. It lives exactly as long as the operation.
 *
 * @example
 * ```ts
 * import { Context } from "../mod.ts";
 * using ctx = new Context();
 * using mod = ctx.parseModule("%c = arith.constant 1 : i32");
 * const c = mod.body.operations.at(0)!;
 * console.log(c.result.type.toString(), c.result.resultNumber); // i32 0
 * ```
 */
export class OpResult extends Value {
  readonly #op: Operation;
  readonly #index: number;
  /** @internal */
  readonly _ptr: number;

  /** @internal Made by the context's strategy. */
  constructor(op: Operation, index: number, ptr: number) {
    super();
    this.#op = op;
    this.#index = index;
    this._ptr = ptr;
  }

  /** @internal */
  _live(): number {
    this.#op._live();
    return this._ptr;
  }

  /** @internal */
  get _where(): Owner {
    return this.#op._owner;
  }

  /** The operation that defines this result. */
  get owner(): Operation {
    this.#op._live();
    return this.#op;
  }

  /** The result's position among its operation's results. */
  get resultNumber(): number {
    this.#op._live();
    return this.#index;
  }
}

/**
 * An argument of a block.
 *
 * @example
 * ```ts
 * import { Context } from "../mod.ts";
 * using ctx = new Context();
 * using mod = ctx.parseModule("func.func @f(%x: i32) { return }");
 * const arg = mod.body.operations.at(0)!.regions.at(0)!.blocks.at(0)!.arguments.at(0)!;
 * console.log(arg.type.toString(), arg.argNumber); // i32 0
 * ```
 */
export class BlockArgument extends Value {
  /** @internal */
  _owner: Owner;
  /** @internal */
  _stamp: number;
  /** @internal */
  readonly _ptr: number;

  /** @internal Made by the context's strategy. */
  constructor(owner: Owner, ptr: number) {
    super();
    this._owner = owner;
    this._stamp = owner.epoch;
    this._ptr = ptr;
  }

  /** @internal */
  _live(): number {
    if (this._stamp !== this._owner.epoch) revalidate(this, "BlockArgument"); // the safety check (bench/check_cost.ts)
    return this._ptr;
  }

  /** @internal */
  _revalidate(): void {
    revalidate(this, "BlockArgument");
  }

  /** @internal */
  get _where(): Owner {
    return this._owner;
  }

  /** The block this argument belongs to. */
  get owner(): Block {
    const block = lib.mlirffi_arg_owner(this._live());
    return stateOf(this._owner).strategy.block(this._owner, block);
  }

  /** Sets the argument's location. */
  override set location(location: Location) {
    const ptr = this._live();
    lib.mlirffi_value_set_location_of_arg(ptr, locationArg(location, stateOf(this._owner), "location"));
  }

  /** The argument's location. */
  override get location(): Location {
    return super.location;
  }

  /** The argument's position in its block. */
  get argNumber(): number {
    return lib.mlirffi_arg_number(this._live());
  }
}

/**
 * One operand slot of an operation: the use of a value by its owner.
 *
 * @example
 * ```ts
 * import { Context } from "../mod.ts";
 * using ctx = new Context();
 * using mod = ctx.parseModule("func.func @f(%x: i32) -> i32 { return %x : i32 }");
 * const x = mod.body.operations.at(0)!.regions.at(0)!.blocks.at(0)!.arguments.at(0)!;
 * const use = x.uses.at(0)!;
 * console.log(use.owner.name, use.operandNumber); // func.return 0
 * ```
 */
export class OpOperand extends Handle {
  readonly #op: Operation;
  readonly #index: number;

  /** @internal Made by the context's strategy. */
  constructor(op: Operation, index: number) {
    super();
    this.#op = op;
    this.#index = index;
  }

  /** @internal The native operand slot (its use-list node). */
  _live(): number {
    const op = this.#op._live();
    if (this.#index >= lib.mlirffi_op_num_operands(op)) {
      throw new StructuralError(`Operand ${this.#index} of '${this.#op.name}' no longer exists.`);
    }
    return lib.mlirffi_op_operand_ptr(op, this.#index);
  }

  /** True when both are the same operand slot of the same live operation. */
  override equals(other: unknown): boolean {
    return other instanceof OpOperand && other.#index === this.#index && this.#op.equals(other.#op) &&
      this.isValid;
  }

  /** @internal */
  get _family(): Family {
    return "operand";
  }

  /** The operation that uses the value. */
  get owner(): Operation {
    this.#op._live();
    return this.#op;
  }

  /** Which operand of its owner this is. */
  get operandNumber(): number {
    this._live();
    return this.#index;
  }

  /** Makes this operand use `value` instead (which must live in the same module). */
  set(value: Value): void {
    this.#op.setOperand(this.operandNumber, value);
  }

  /** The value used. */
  get value(): Value {
    const op = this.#op._live();
    this._live();
    return valueAt(this.#op._owner, lib.mlirffi_op_operand(op, this.#index));
  }
}
