/**
 * Where new or moved operations go.
 *
 * @module
 */
import { argumentError } from "../base/args.ts";
import { ArgumentError, StructuralError } from "../base/errors.ts";
import { lib } from "../ffi/load.ts";
import { Block } from "./block.ts";
import { asOperation, type Operation } from "./operation.ts";
import type { Owner } from "../safety/ledger.ts";
import { insertOperation } from "./ownership_events.ts";
import { ThreadBound } from "../base/thread_bound.ts";
import { ScopeStack } from "../base/scope_stack.ts";
import { setInsertionPointCheck } from "./class_registry.ts";

type Where = "end" | "before" | "after" | "terminator";

/**
 * Inserts through something other than the block itself: a rewrite
 * pattern's rewriter, which must hear of every op its driver did not make.
 */
export interface Inserter {
  /** Throws if inserting is no longer allowed (the pattern returned). */
  check(): void;
  /** Inserts the op at `op`: at the end of `block`, or before or after `ref`. */
  insert(where: "end" | "before" | "after", block: number, ref: number, op: number): void;
}

const scopes = new ScopeStack<InsertionPoint>();

/**
 * A position in a block: at its start or end, before or after an operation,
 * or right before its terminator.
 *
 * @example
 * ```ts
 * import { Context, InsertionPoint } from "../mod.ts";
 * using ctx = new Context();
 * using mod = ctx.parseModule("func.func private @a()");
 * const f = mod.body.operations.at(0)!.clone();
 * InsertionPoint.atStart(mod.body).insert(f);
 * ```
 */
export class InsertionPoint extends ThreadBound {
  readonly #block: Block;
  readonly #ref: Operation | null;
  readonly #where: Where;
  readonly #through: Inserter | null;

  private constructor(block: Block, ref: Operation | null, where: Where, through: Inserter | null = null) {
    super();
    this.#block = block;
    this.#ref = ref;
    this.#where = where;
    this.#through = through;
  }

  /** @internal The same position, with inserts made through `inserter` (a rewriter). */
  static _through(ip: InsertionPoint, inserter: Inserter): InsertionPoint {
    return new InsertionPoint(ip.#block, ip.#ref, ip.#where, inserter);
  }

  /** @internal Whether inserts go through a rewriter. */
  _viaRewriter(): boolean {
    return this.#through !== null;
  }

  /**
   * The insertion point made current by the innermost `enter()` scope, or
   * null: the one the dialect builders use when given no `ip`.
   */
  static get current(): InsertionPoint | null {
    return scopes.current;
  }

  /**
   * Makes this the current insertion point until the returned object is
   * disposed, like Python's `with InsertionPoint(block):`.
   *
   * @example
   * ```ts
   * import { Context, InsertionPoint } from "../mod.ts";
   * using ctx = new Context();
   * using mod = ctx.createModule();
   * {
   *   using _ = InsertionPoint.atEnd(mod.body).enter();
   *   console.log(InsertionPoint.current?.block === mod.body); // true
   * }
   * console.log(InsertionPoint.current); // null
   * ```
   */
  enter(): Disposable {
    // A stale point is refused now, not at the first builder inside the scope.
    this.#block._live();
    this.#ref?._live();
    return scopes.enter(this);
  }

  /** After the last operation of `block`. */
  static atEnd(block: Block): InsertionPoint {
    return new InsertionPoint(blockArg(block, "InsertionPoint.atEnd's block"), null, "end");
  }

  /**
   * Before what is now the first operation of `block` (so several inserts
   * keep their order), or at the end of an empty block.
   */
  static atStart(block: Block): InsertionPoint {
    const b = blockArg(block, "InsertionPoint.atStart's block");
    const first = b.operations.at(0);
    return first === undefined ? new InsertionPoint(b, null, "end") : new InsertionPoint(b, first, "before");
  }

  /** Right before the terminator of `block` (at its end if it has none yet). */
  static atTerminator(block: Block): InsertionPoint {
    return new InsertionPoint(blockArg(block, "InsertionPoint.atTerminator's block"), null, "terminator");
  }

  /** Right before `op`. */
  static before(op: Operation): InsertionPoint {
    const ref = asOperation(op, "InsertionPoint.before's argument");
    const block = ref.block;
    if (block === null) throw notInBlock("InsertionPoint.before's argument", ref);
    return new InsertionPoint(block, ref, "before");
  }

  /** Right after `op`. */
  static after(op: Operation): InsertionPoint {
    const ref = asOperation(op, "InsertionPoint.after's argument");
    const block = ref.block;
    if (block === null) throw notInBlock("InsertionPoint.after's argument", ref);
    return new InsertionPoint(block, ref, "after");
  }

  /** The operation inserts go before or after, or null (at the end or before the terminator). */
  get refOperation(): Operation | null {
    this.#block._live();
    this.#ref?._live();
    return this.#ref;
  }

  /** The block operations are inserted into. */
  get block(): Block {
    this.#block._live();
    return this.#block;
  }

  /** @internal The owner of the block (valid now). */
  _owner(): Owner {
    this.#block._live();
    return this.#block._owner;
  }

  /**
   * @internal The owner of the block, unchecked: enough to name the context
   * (a JS object) before the insert checks the block itself.
   */
  _ownerUnchecked(): Owner {
    return this.#block._owner;
  }

  /**
   * @internal Checks that an insert can happen here and returns how to do it
   * (a native placement in the block). Called before anything is built.
   */
  _placement(op: Operation | null): ((p: number) => void) | null {
    const block = this.#block._live();
    let ref = 0;
    if (this.#ref !== null) {
      ref = this.#ref._live();
      if (lib.mlirffi_op_block(ref) !== block) {
        throw new ArgumentError({
          argument: "The insertion point's reference operation",
          expected: "in the insertion point's block",
          got: `'${this.#ref.name}', which has left that block`,
        });
      }
      if (op !== null && ref === op._live()) return null;
    }
    const where = this.#where;
    if (where === "end" && lib.mlirffi_block_terminator(block) !== 0) {
      throw new StructuralError(
        "Cannot insert at the end of a block that already has a terminator; use InsertionPoint.atTerminator(block).",
      );
    }
    const through = this.#through;
    if (through !== null) {
      through.check();
      return (p: number) => {
        const terminator = where === "terminator" ? lib.mlirffi_block_terminator(block) : 0;
        if (where === "end" || (where === "terminator" && terminator === 0)) through.insert("end", block, 0, p);
        else if (where === "terminator") through.insert("before", block, terminator, p);
        else through.insert(where, block, ref, p);
      };
    }
    return (p: number) => {
      if (where === "end") lib.mlirffi_block_append_op(block, p);
      else if (where === "before") lib.mlirffi_block_insert_op_before(block, ref, p);
      else if (where === "after") lib.mlirffi_block_insert_op_after(block, ref, p);
      else {
        const terminator = lib.mlirffi_block_terminator(block);
        if (terminator === 0) lib.mlirffi_block_append_op(block, p);
        else lib.mlirffi_block_insert_op_before(block, terminator, p);
      }
    };
  }

  /**
   * Inserts `op` here: a detached operation is handed to the block, one with
   * a parent is moved here.
   */
  insert(op: Operation): void {
    const operation = asOperation(op, "InsertionPoint.insert's argument");
    const place = this._placement(operation);
    if (place === null) return;
    this._insertWith(operation, place);
  }

  /** @internal Inserts with a placement from `_placement`. */
  _insertWith(operation: Operation, place: (p: number) => void): void {
    const block = this.#block._live();
    const ptr = operation._live();
    operation._moved(
      insertOperation(operation._owner, ptr, operation.name, this.#block._owner, lib.mlirffi_block_parent_op(block), place),
    );
  }
}

setInsertionPointCheck((value): value is InsertionPoint => value instanceof InsertionPoint);

function notInBlock(what: string, op: Operation): ArgumentError {
  return new ArgumentError({ argument: what, expected: "in a block", got: `'${op.name}', which is not in a block` });
}

function blockArg(block: unknown, what: string): Block {
  if (!(block instanceof Block)) throw argumentError(what, "a Block", block);
  block._live();
  return block;
}
