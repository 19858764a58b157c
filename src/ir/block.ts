/**
 * Blocks: lists of operations, with arguments, inside regions.
 *
 * @module
 */
import { indexArg } from "../base/args.ts";
import { ArgumentError } from "../base/errors.ts";
import { collect } from "../ffi/batch.ts";
import { lib } from "../ffi/load.ts";
import { takeText, TEXT, TEXT_CAP } from "../ffi/text.ts";
import { type Family, Handle, revalidate } from "../safety/handle.ts";
import type { Owner } from "../safety/ledger.ts";
import { HandleList } from "./handle_list.ts";
import { argumentAt, blockAt, operationAt } from "./navigate.ts";
import { asOperation, type Operation } from "./operation.ts";
import { eraseArgument, eraseBlock, insertOperation } from "./ownership_events.ts";
import { stateOf } from "./context_state.ts";
import type { Region } from "./region.ts";
import type { BlockArgument } from "./value.ts";
import { type Location, locationArg } from "./location.ts";
import { type Type, typeArg } from "./type.ts";
import { f64Array } from "../base/f64_array.ts";

/**
 * A block of operations.
 *
 * @example
 * ```ts
 * import { Context } from "../mod.ts";
 * using ctx = new Context();
 * using mod = ctx.parseModule("func.func @f(%x: i32) { return }");
 * const body = mod.body.operations.at(0)!.regions.at(0)!.blocks.at(0)!;
 * console.log(body.arguments.length, body.operations.at(0)?.name); // 1 func.return
 * ```
 */
export class Block extends Handle {
  /** @internal */
  _owner: Owner;
  /** @internal */
  _stamp: number;
  /** @internal */
  readonly _ptr: number;

  /** @internal Handles are made by the context's strategy. */
  constructor(owner: Owner, ptr: number) {
    super();
    this._owner = owner;
    this._stamp = owner.epoch;
    this._ptr = ptr;
  }

  /** @internal */
  _live(): number {
    if (this._stamp !== this._owner.epoch) revalidate(this, "Block"); // the safety check (bench/check_cost.ts)
    return this._ptr;
  }

  /** @internal */
  _revalidate(): void {
    revalidate(this, "Block");
  }

  /** @internal */
  get _family(): Family {
    return "block";
  }

  /** The operations in the block, in order. */
  get operations(): HandleList<Operation> {
    const ptr = this._live();
    const owner = this._owner;
    const stamp = owner.epoch;
    return new HandleList(collect((d, c) => lib.mlirffi_block_ops(ptr, d, c)), (p) => operationAt(owner, stamp, p));
  }

  /** The block's arguments. */
  get arguments(): HandleList<BlockArgument> {
    const ptr = this._live();
    const owner = this._owner;
    const stamp = owner.epoch;
    return new HandleList(collect((d, c) => lib.mlirffi_block_args(ptr, d, c)), (p) => argumentAt(owner, stamp, p));
  }

  /** Number of arguments. */
  get numArguments(): number {
    return lib.mlirffi_block_num_args(this._live());
  }

  /** The operation whose region contains this block, or `null` when detached. */
  get parent(): Operation | null {
    const op = lib.mlirffi_block_parent_op(this._live());
    return op === 0 ? null : stateOf(this._owner).strategy.operation(this._owner, op);
  }

  /** The region that contains this block, or `null` when detached. */
  get region(): Region | null {
    const ptr = this._live();
    const region = lib.mlirffi_block_parent_region(ptr);
    if (region === 0) return null;
    const parent = this.parent;
    if (parent === null) return null;
    for (const r of parent.regions) if (r._ptr === region) return r;
    return null;
  }

  /** The block's terminator, or `null` if its last operation is not one. */
  get terminator(): Operation | null {
    const op = lib.mlirffi_block_terminator(this._live());
    return op === 0 ? null : stateOf(this._owner).strategy.operation(this._owner, op);
  }

  /**
   * Appends `op` to the block. A detached operation is handed to the block;
   * one that has a parent is moved here (as upstream's `Block.append` does).
   */
  append(op: Operation): void {
    const block = this._live();
    const operation = asOperation(op, "Block.append's argument");
    const ptr = operation._live();
    operation._moved(
      insertOperation(operation._owner, ptr, operation.name, this._owner, lib.mlirffi_block_parent_op(block), (p) =>
        lib.mlirffi_block_append_op(block, p)),
    );
  }

  /** Inserts `op` at position `index` (0 = first); otherwise like {@linkcode Block.append}. */
  insert(index: number, op: Operation): void {
    const block = this._live();
    const operation = asOperation(op, "Block.insert's argument");
    const length = lib.mlirffi_block_ops(block, null, 0);
    indexArg(index, length, "Block.insert's index", true);
    const ptr = operation._live();
    operation._moved(
      insertOperation(operation._owner, ptr, operation.name, this._owner, lib.mlirffi_block_parent_op(block), (p) =>
        lib.mlirffi_block_insert_op(block, index, p)),
    );
  }

  /** The blocks that branch to this one. */
  get predecessors(): HandleList<Block> {
    const ptr = this._live();
    const n = lib.mlirffi_block_num_predecessors(ptr);
    const owner = this._owner;
    const stamp = owner.epoch;
    return new HandleList(f64Array({ length: n }, (_, i) => lib.mlirffi_block_predecessor(ptr, i)), (p) =>
      blockAt(owner, stamp, p));
  }

  /** The blocks this block's terminator branches to. */
  get successors(): HandleList<Block> {
    const ptr = this._live();
    const n = lib.mlirffi_block_num_successors(ptr);
    const owner = this._owner;
    const stamp = owner.epoch;
    return new HandleList(f64Array({ length: n }, (_, i) => lib.mlirffi_block_successor(ptr, i)), (p) =>
      blockAt(owner, stamp, p));
  }

  /** Adds an argument of `type` at the end. */
  addArgument(type: Type, location?: Location): BlockArgument {
    const ptr = this._live();
    const state = stateOf(this._owner);
    const loc = location === undefined ? lib.mlirffi_loc_unknown(state.store) : locationArg(location, state, "Argument location");
    const arg = lib.mlirffi_block_add_argument(ptr, typeArg(type, state, "Argument type"), loc);
    return state.strategy.argument(this._owner, arg);
  }

  /** Inserts an argument of `type` at position `index`. */
  insertArgument(index: number, type: Type, location?: Location): BlockArgument {
    const ptr = this._live();
    const n = lib.mlirffi_block_num_args(ptr);
    indexArg(index, n, "insertArgument's index", true);
    const state = stateOf(this._owner);
    const loc = location === undefined ? lib.mlirffi_loc_unknown(state.store) : locationArg(location, state, "Argument location");
    const arg = lib.mlirffi_block_insert_argument(ptr, index, typeArg(type, state, "Argument type"), loc);
    return state.strategy.argument(this._owner, arg);
  }

  /** Erases argument `index`; refused while it is used. */
  eraseArgument(index: number): void {
    const ptr = this._live();
    const n = lib.mlirffi_block_num_args(ptr);
    indexArg(index, n, "eraseArgument's index");
    eraseArgument(this._owner, ptr, index, lib.mlirffi_block_arg(ptr, index));
  }

  /**
   * Erases the block and everything in it. Refused while another block
   * branches to it or its values are used outside it.
   */
  erase(): void {
    const ptr = this._live();
    if (lib.mlirffi_block_parent_region(ptr) === 0) {
      throw new ArgumentError({ argument: "The block to erase", expected: "in a region", got: "a block that is not in a region" });
    }
    eraseBlock(this._owner, ptr);
  }

  /** The block in MLIR's textual form. */
  override toString(): string {
    return takeText(lib.mlirffi_block_print(this._live(), TEXT, TEXT_CAP));
  }
}
