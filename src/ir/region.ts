/**
 * Regions: the lists of blocks an operation holds.
 *
 * @module
 */
import { describe, indexArg } from "../base/args.ts";
import { ArgumentError } from "../base/errors.ts";
import { collect } from "../ffi/batch.ts";
import { lib } from "../ffi/load.ts";
import { type Family, Handle } from "../safety/handle.ts";
import { HandleList } from "./handle_list.ts";
import { blockAt } from "./navigate.ts";
import { stateOf } from "./context_state.ts";
import { type Location, locationArg } from "./location.ts";
import { type Type, typesArg } from "./type.ts";
import type { Block } from "./block.ts";
import type { Operation } from "./operation.ts";
import { f64Array } from "../base/f64_array.ts";
import { refuseStructuralChange } from "./active_transforms.ts";

/**
 * A region of an operation. It lives exactly as long as its operation.
 *
 * @example
 * ```ts
 * import { Context } from "../mod.ts";
 * using ctx = new Context();
 * using mod = ctx.parseModule("func.func @f() { return }");
 * const region = mod.body.operations.at(0)!.regions.at(0)!;
 * console.log(region.blocks.length, region.owner.name); // 1 func.func
 * ```
 */
export class Region extends Handle {
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
  get _family(): Family {
    return "region";
  }

  /** The operation that holds this region. */
  get owner(): Operation {
    this.#op._live();
    return this.#op;
  }

  /** The region's position among its operation's regions. */
  get index(): number {
    this.#op._live();
    return this.#index;
  }

  /** The blocks of the region, in order. */
  get blocks(): HandleList<Block> {
    const ptr = this._live();
    const owner = this.#op._owner;
    const stamp = owner.epoch;
    return new HandleList(collect((d, c) => lib.mlirffi_region_blocks(ptr, d, c)), (p) => blockAt(owner, stamp, p));
  }

  /** Adds a block with arguments of `types` (at `locations`, unknown by default) at the end. */
  appendBlock(types: readonly Type[] = [], locations?: readonly Location[]): Block {
    return this.#addBlock(-1, types, locations);
  }

  /** Adds a block with arguments of `types` at position `index`. */
  insertBlock(index: number, types: readonly Type[] = [], locations?: readonly Location[]): Block {
    const count = lib.mlirffi_region_blocks(this._live(), null, 0);
    indexArg(index, count, "insertBlock's index", true);
    return this.#addBlock(index, types, locations);
  }

  #addBlock(pos: number, types: readonly Type[], locations?: readonly Location[]): Block {
    const ptr = this._live();
    const owner = this.#op._owner;
    refuseStructuralChange(owner, this.#op._live(), "add a block", true);
    const state = stateOf(owner);
    const ts = typesArg(types, state, "Block argument types");
    let locs: Float64Array;
    if (locations === undefined) locs = new Float64Array(ts.length).fill(lib.mlirffi_loc_unknown(state.store));
    else {
      if (!Array.isArray(locations) || locations.length !== ts.length) {
        throw new ArgumentError({
          argument: "Block argument locations",
          expected: `an array of ${ts.length} Locations, one per argument`,
          got: Array.isArray(locations) ? `an array of ${locations.length}` : describe(locations),
        });
      }
      locs = f64Array(locations, (l, i) => locationArg(l, state, `Location of argument ${i}`));
    }
    const block = lib.mlirffi_region_add_block(ptr, pos, ts, locs, ts.length);
    return state.strategy.block(owner, block);
  }
}
