/**
 * The rewriter handed to TypeScript rewrite code while a pattern driver
 * runs: a rewrite pattern's function, or a function a PDL pattern calls
 * (pdl_patterns.ts). Every change goes through it, so MLIR's driver and the
 * ledger hear of it (CONTRACT.md clause 11); it is valid only during the
 * call it was made for.
 *
 * @module
 */
import { argumentError } from "../base/args.ts";
import { ArgumentError, StructuralError } from "../base/errors.ts";
import { lib } from "../ffi/load.ts";
import type { Block } from "../ir/block.ts";
import { type Inserter, InsertionPoint } from "../ir/insertion_point.ts";
import { Operation } from "../ir/operation.ts";
import { forgetSubtree } from "../ir/ownership_events.ts";
import { Value } from "../ir/value.ts";
import type { CallbackRun } from "./callback_runs.ts";

/**
 * What a rewriter is made for: a rewrite pattern, a PDL rewrite function,
 * or a PDL constraint function, which only looks (matching must not change
 * the IR, so every change through it throws).
 */
export type RewriterUse = "pattern" | "pdl rewrite" | "pdl constraint";

/**
 * How a pattern changes the IR: every change goes through here, so the
 * driver and the handles hear of it. Valid only while the pattern runs.
 */
export class PatternRewriter {
  readonly #run: CallbackRun;
  readonly #ptr: number;
  readonly #matched: Operation | null;
  readonly #use: RewriterUse;
  readonly #walk: boolean;
  #active = true;
  /** @internal Whether the pattern changed anything through it. */
  _changed = false;
  #inserterMade: Inserter | null = null;

  /**
   * @internal Made for each call: `matched` is the op a pattern was given
   * (null for PDL functions); `walk` when the walk driver runs, which lets a
   * pattern change only the matched op.
   */
  constructor(run: CallbackRun, ptr: number, matched: Operation | null, use: RewriterUse, walk: boolean) {
    // Not a ThreadBound: one is made per pattern call, and it holds nothing a
    // structured clone could carry (its fields are private; it dies with the call).
    this.#run = run;
    this.#ptr = ptr;
    this.#matched = matched;
    this.#use = use;
    this.#walk = walk;
  }

  /** Made on first use: most pattern calls do not match, and build nothing. */
  get #inserter(): Inserter {
    return this.#inserterMade ??= {
      check: () => void this.#changing(),
      insert: (where, block, ref, op) => {
        this._changed = true;
        lib.mlirffi_rewriter_insert(this.#ptr, where === "end" ? 0 : where === "before" ? 1 : 2, block, ref, op);
      },
    };
  }

  /** @internal The pattern returned. */
  _end(): void {
    this.#active = false;
  }

  #live(): number {
    if (!this.#active) throw new StructuralError("A PatternRewriter is valid only while its pattern runs.");
    return this.#ptr;
  }

  /** {@linkcode #live}, for a change: refused in a PDL constraint. */
  #changing(): number {
    const ptr = this.#live();
    if (this.#use === "pdl constraint") {
      throw new StructuralError("A PDL constraint function must not change the IR: it runs while MLIR matches. Change it in a rewrite function.");
    }
    return ptr;
  }

  /** An op of the IR being rewritten, checked live. */
  #opIn(op: unknown, what: string): number {
    if (!(op instanceof Operation)) throw argumentError(what, "an Operation", op);
    const ptr = op._live();
    if (op._owner !== this.#run.transform.owner) throw new StructuralError(`${what} must be in the IR the driver is rewriting.`);
    if (ptr === this.#run.transform.root || !lib.mlirffi_op_is_ancestor(this.#run.transform.root, ptr)) {
      throw new StructuralError(`${what} must be nested inside the op the driver runs on, not be it.`);
    }
    if (this.#walk && this.#matched !== null && !lib.mlirffi_op_is_ancestor(this.#matched._live(), ptr)) {
      throw new StructuralError(`${what}: the walk driver lets a pattern erase or replace only the matched op and what it contains.`);
    }
    return ptr;
  }

  /**
   * Where the rewriter inserts now: right before the matched op in a
   * pattern (as MLIR sets it up), wherever PDL has put it in a PDL function.
   */
  get insertionPoint(): InsertionPoint {
    const rw = this.#live();
    return InsertionPoint._through(this.#matched !== null ? InsertionPoint.before(this.#matched) : this.#current(rw), this.#inserter);
  }

  /** The native rewriter's insertion point, as one of ours. */
  #current(rw: number): InsertionPoint {
    const { owner, root } = this.#run.transform;
    const strategy = this.#run.state.strategy;
    const before = lib.mlirffi_rewriter_ip_op(rw);
    if (before !== 0 && lib.mlirffi_op_is_ancestor(root, before)) return InsertionPoint.before(strategy.operation(owner, before));
    const block = lib.mlirffi_rewriter_ip_block(rw);
    const parent = block === 0 ? 0 : lib.mlirffi_block_parent_op(block);
    if (parent !== 0 && lib.mlirffi_op_is_ancestor(root, parent)) return InsertionPoint.atEnd(strategy.block(owner, block));
    throw new StructuralError("The rewriter has no insertion point inside the IR being rewritten; use insertionPointBefore/After/AtEnd.");
  }

  /** Inserts right before `op`, through this rewriter. */
  insertionPointBefore(op: Operation): InsertionPoint {
    this.#live();
    return InsertionPoint._through(InsertionPoint.before(op), this.#inserter);
  }

  /** Inserts right after `op`, through this rewriter. */
  insertionPointAfter(op: Operation): InsertionPoint {
    this.#live();
    return InsertionPoint._through(InsertionPoint.after(op), this.#inserter);
  }

  /** Inserts at the end of `block`, through this rewriter. */
  insertionPointAtEnd(block: Block): InsertionPoint {
    this.#live();
    return InsertionPoint._through(InsertionPoint.atEnd(block), this.#inserter);
  }

  /** Replaces every use of `op`'s results with `values` (one each), then erases `op`. */
  replaceOp(op: Operation, values: readonly Value[]): void {
    const rw = this.#changing();
    const ptr = this.#opIn(op, "replaceOp's op");
    if (!Array.isArray(values)) throw argumentError("replaceOp's values", "an array of Values", values);
    const n = lib.mlirffi_op_num_results(ptr);
    if (values.length !== n) {
      throw new ArgumentError({ argument: "replaceOp's values", expected: `${n} Values, one per result of '${op.name}'`, got: `${values.length}` });
    }
    const ptrs = new Float64Array(n);
    values.forEach((v, i) => {
      if (!(v instanceof Value)) throw argumentError(`replaceOp's values[${i}]`, "a Value", v);
      ptrs[i] = v._live();
      if (v._where !== this.#run.transform.owner) throw new StructuralError(`replaceOp's values[${i}] must be in the IR being rewritten.`);
      const v0 = ptrs[i]!;
      const definer = lib.mlirffi_value_is_op_result(v0) ? lib.mlirffi_result_owner(v0) : lib.mlirffi_block_parent_op(lib.mlirffi_arg_owner(v0));
      if (definer !== 0 && lib.mlirffi_op_is_ancestor(ptr, definer)) {
        throw new StructuralError(`replaceOp's values[${i}] is defined inside the op being replaced.`);
      }
    });
    this.#forget(ptr, op.name, false);
    this._changed = true;
    lib.mlirffi_rewriter_replace_op(rw, ptr, ptrs, n);
  }

  /** Erases `op`, which must have no uses left outside it. */
  eraseOp(op: Operation): void {
    const rw = this.#changing();
    const ptr = this.#opIn(op, "eraseOp's op");
    this.#forget(ptr, op.name, true);
    this._changed = true;
    lib.mlirffi_rewriter_erase_op(rw, ptr);
  }

  /** Makes every use of `from` use `to` instead. */
  replaceAllUsesWith(from: Value, to: Value): void {
    const rw = this.#changing();
    for (const [what, v] of [["from", from], ["to", to]] as const) {
      if (!(v instanceof Value)) throw argumentError(`replaceAllUsesWith's ${what}`, "a Value", v);
      v._live();
      if (v._where !== this.#run.transform.owner) throw new StructuralError(`replaceAllUsesWith's ${what} must be in the IR being rewritten.`);
    }
    this._changed = true;
    lib.mlirffi_rewriter_replace_all_uses_with(rw, from._live(), to._live());
  }

  /**
   * Changes `op` in place (its attributes, operands, types) inside `fn`, so
   * the driver revisits it; if `fn` throws, the change is reported cancelled.
   */
  modifyOpInPlace(op: Operation, fn: () => void): void {
    const rw = this.#changing();
    const ptr = this.#opIn(op, "modifyOpInPlace's op");
    if (typeof fn !== "function") throw argumentError("modifyOpInPlace's change", "a function", fn);
    lib.mlirffi_rewriter_start_modification(rw, ptr);
    try {
      fn();
    } catch (e) {
      lib.mlirffi_rewriter_cancel_modification(rw, ptr);
      throw e;
    }
    this._changed = true;
    lib.mlirffi_rewriter_finalize_modification(rw, ptr);
  }

  /** Tells the strategy and the ledger that `ptr`'s subtree is about to go. */
  #forget(ptr: number, name: string, checkUses: boolean): void {
    forgetSubtree(this.#run.transform.owner, ptr, name, checkUses);
  }
}
