/**
 * Operations: the nodes of MLIR's IR.
 *
 * @module
 */
import { StringAttr } from "./attributes/scalar.ts";
import { argumentError, describe, indexArg, optionsArg, stringArg } from "../base/args.ts";
import { ArgumentError, MlirVerificationError, StructuralError } from "../base/errors.ts";
import { collect } from "../ffi/batch.ts";
import { lib } from "../ffi/load.ts";
import { nameBytes, takeText, TEXT, TEXT_CAP } from "../ffi/text.ts";
import { type Family, Handle, revalidate } from "../safety/handle.ts";
import type { Owner } from "../safety/ledger.ts";
import { HandleList } from "./handle_list.ts";
import { Location, locationArg } from "./location.ts";
import { blockAt } from "./navigate.ts";
import { OperandList } from "./operand_list.ts";
import { cloneOperation, detachOperation, disposeOwner, eraseOperation, insertOperation } from "./ownership_events.ts";
import { encodePrintOptions, type PrintOptions } from "./print_options.ts";
import { stateOf } from "./context_state.ts";
import { AttributeMap } from "./attribute_map.ts";
import { type TypeID, typeIDOrNull } from "./type_id.ts";
import { isInsertionPoint, makeOpView } from "./class_registry.ts";
import type { InsertionPoint } from "./insertion_point.ts";
import type { OpView } from "./op_view.ts";
import { walk, type WalkOptions, type WalkResult, type WalkStatus } from "./walk.ts";
import type { Block } from "./block.ts";
import type { Context } from "../context.ts";
import type { Region } from "./region.ts";
import { type OpResult, Value as ValueClass, type Value } from "./value.ts";

/** Interprets an argument as an operation handle, or throws a clear error. */
export function asOperation(value: unknown, what: string): Operation {
  if (value instanceof Operation) return value;
  throw argumentError(what, "an Operation", value);
}

/**
 * An MLIR operation.
 *
 * @example
 * ```ts
 * import { Context } from "../mod.ts";
 * using ctx = new Context();
 * using mod = ctx.parseModule("func.func @f() { return }");
 * const f = mod.body.operations.at(0)!;
 * console.log(f.name, f.attributes.get("sym_name")?.toString()); // func.func "f"
 * ```
 */
export class Operation extends Handle {
  /** @internal */
  _owner: Owner;
  /** @internal */
  _stamp: number;
  /** @internal */
  readonly _ptr: number;
  /** @internal Child handles cached by the strategy. */
  _kids: unknown = undefined;
  /** @internal The name, once read (an operation's name never changes). */
  _name: string | undefined = undefined;
  /**
   * @internal The address of its only result, once read; 0 before. An
   * operation's results are fixed when it is made, so this never goes stale
   * while the handle is live.
   */
  _result0 = 0;
  /** @internal Its regions, once listed: like its results, fixed when it is made. */
  _regions: HandleList<Region> | undefined = undefined;
  /** @internal Its attribute view, made once: it holds nothing but the handle. */
  _attributes: AttributeMap | undefined = undefined;
  /** @internal Its operand view, made once, likewise. */
  _operands: OperandList | undefined = undefined;

  /** @internal Handles are made by the context's strategy. */
  constructor(owner: Owner, ptr: number) {
    super();
    this._owner = owner;
    this._stamp = owner.epoch;
    this._ptr = ptr;
  }

  /** @internal */
  _live(): number {
    if (this._stamp !== this._owner.epoch) revalidate(this, "Operation"); // the safety check (bench/check_cost.ts)
    return this._ptr;
  }

  /** @internal */
  _revalidate(): void {
    revalidate(this, "Operation");
  }

  /** @internal */
  get _family(): Family {
    return "operation";
  }

  /** The context the operation lives in. */
  get context(): Context {
    this._live();
    return stateOf(this._owner).api as Context;
  }

  /** The operation's name, e.g. `func.func`. */
  get name(): string {
    const ptr = this._live();
    return (this._name ??= stateOf(this._owner).opName(ptr));
  }

  /** The operation's source location. */
  get location(): Location {
    const ptr = this._live();
    return new Location(stateOf(this._owner), lib.mlirffi_op_location(ptr));
  }

  /** Sets the operation's source location. */
  set location(location: Location) {
    const ptr = this._live();
    lib.mlirffi_op_set_location(ptr, locationArg(location, stateOf(this._owner), "location"));
  }

  /** The dialect namespace of its name (`arith` for `arith.addi`). */
  get dialect(): string {
    const name = this.name;
    return name.slice(0, name.indexOf("."));
  }

  /** Whether its dialect registered this operation (false for unregistered ones). */
  get isRegistered(): boolean {
    const bytes = nameBytes(this.name);
    return lib.mlirffi_is_registered_operation(stateOf(this._owner).store, bytes, bytes.length);
  }

  /**
   * The TypeID of its registered operation class, or `null` for an
   * unregistered operation (which has none).
   */
  get typeID(): TypeID | null {
    return typeIDOrNull(lib.mlirffi_op_type_id(this._live()));
  }

  /** Whether it terminates its block (has the IsTerminator trait and is last). */
  get isTerminator(): boolean {
    return lib.mlirffi_op_is_terminator(this._live());
  }

  /** Its `sym_name`, if it is a symbol; otherwise `null`. */
  get symbolName(): string | null {
    const name = this.attributes.get("sym_name");
    return name instanceof StringAttr ? name.value : null;
  }

  /** Makes operand `index` use `value`, which must live in the same module. */
  setOperand(index: number, value: Value): void {
    const ptr = this._live();
    const n = lib.mlirffi_op_num_operands(ptr);
    indexArg(index, n, "setOperand's index");
    if (!(value instanceof ValueClass)) throw argumentError("setOperand's value", "a Value", value);
    const v = value._live();
    if (value._where !== this._owner) throw new StructuralError("setOperand needs a value from the same module (or detached operation).");
    lib.mlirffi_op_set_operand(ptr, index, v);
  }

  /** Makes uses of `of` inside this operation use `with` instead. */
  replaceUsesOfWith(of: Value, with_: Value): void {
    const ptr = this._live();
    for (const [what, v] of [["of", of], ["with", with_]] as const) {
      if (!(v instanceof ValueClass)) throw argumentError(`replaceUsesOfWith's ${what}`, "a Value", v);
      v._live();
      if (v._where !== this._owner) throw new StructuralError("replaceUsesOfWith needs values from the same module.");
    }
    lib.mlirffi_op_replace_uses_of_with(ptr, of._live(), with_._live());
  }

  /** The nearest enclosing operation called `name` (e.g. `func.func`), or `null`. */
  parentOfType(name: string): Operation | null {
    stringArg(name, "parentOfType's name");
    for (let op = this.parent; op !== null; op = op.parent) if (op.name === name) return op;
    return null;
  }

  /** The operation that contains this one, or `null` at the top. */
  get parent(): Operation | null {
    const parent = lib.mlirffi_op_parent(this._live());
    return parent === 0 ? null : stateOf(this._owner).strategy.operation(this._owner, parent);
  }

  /** The block that contains this operation, or `null` when detached. */
  get block(): Block | null {
    const block = lib.mlirffi_op_block(this._live());
    return block === 0 ? null : stateOf(this._owner).strategy.block(this._owner, block);
  }

  /** The operation's regions. */
  get regions(): HandleList<Region> {
    const ptr = this._live();
    // Listed once per handle: nested iteration asks every op, most of
    // which have none. Each element still comes from the strategy.
    return (this._regions ??= new HandleList(
      collect((d, c) => lib.mlirffi_op_regions(ptr, d, c)),
      (p, i) => stateOf(this._owner).strategy.region(this, i, p),
    ));
  }

  /** The values the operation defines. */
  get results(): HandleList<OpResult> {
    const ptr = this._live();
    const strategy = stateOf(this._owner).strategy;
    return new HandleList(collect((d, c) => lib.mlirffi_op_results(ptr, d, c)), (p, i) => strategy.result(this, i, p));
  }

  /** The single result of a one-result operation. */
  get result(): OpResult {
    // Not the list: `.result` follows nearly every build, and is read again
    // and again on a hot op.
    const ptr = this._live();
    let result = this._result0;
    if (result === 0) {
      const n = lib.mlirffi_op_num_results(ptr);
      if (n !== 1) throw new StructuralError(`'${this.name}' has ${n} results; use .results instead of .result.`);
      result = this._result0 = lib.mlirffi_op_result(ptr, 0);
    }
    return stateOf(this._owner).strategy.result(this, 0, result);
  }

  /** The values the operation uses: a live list (see {@linkcode OperandList}). */
  get operands(): OperandList {
    this._live();
    return (this._operands ??= new OperandList(this));
  }

  /** The blocks a terminator may branch to. */
  get successors(): HandleList<Block> {
    const ptr = this._live();
    const n = lib.mlirffi_op_num_successors(ptr);
    const ptrs = new Float64Array(n);
    for (let i = 0; i < n; i++) ptrs[i] = lib.mlirffi_op_successor(ptr, i);
    const owner = this._owner;
    const stamp = owner.epoch;
    return new HandleList(ptrs, (p) => blockAt(owner, stamp, p));
  }

  /** Number of regions. */
  get numRegions(): number {
    return lib.mlirffi_op_num_regions(this._live());
  }

  /** Number of results. */
  get numResults(): number {
    return lib.mlirffi_op_num_results(this._live());
  }

  /** Number of operands. */
  get numOperands(): number {
    return lib.mlirffi_op_num_operands(this._live());
  }

  /** Number of successor blocks. */
  get numSuccessors(): number {
    return lib.mlirffi_op_num_successors(this._live());
  }

  /**
   * A typed view of this op: an instance of the class registered for its
   * name by a loaded dialect module (`arith.AddIOp` once
   * `mlir-ffi/dialects/arith` is imported), else the generic `OpView`.
   *
   * @example
   * ```ts
   * import { Context } from "../mod.ts";
   * using ctx = new Context();
   * using mod = ctx.parseModule("func.func @f() { return }");
   * console.log(mod.body.operations.at(0)!.opview.operation.name); // func.func
   * ```
   */
  get opview(): OpView {
    this._live();
    return makeOpView(this) as OpView;
  }

  /** The operation's attributes, inherent and discardable, by name. */
  get attributes(): AttributeMap {
    this._live();
    return (this._attributes ??= new AttributeMap(this));
  }

  /** The operation in MLIR's textual form. */
  override toString(): string {
    return this.print();
  }

  /** Prints the operation with the given options. */
  print(options?: PrintOptions): string {
    const { flags, limit, resourceLimit } = encodePrintOptions(options);
    const ptr = this._live();
    return takeText(
      resourceLimit < 0
        ? lib.mlirffi_op_print(ptr, flags, limit, TEXT, TEXT_CAP)
        : lib.mlirffi_op_print_limits(ptr, flags, limit, resourceLimit, TEXT, TEXT_CAP),
    );
  }

  /**
   * The operation in MLIR bytecode (`version`: the bytecode format version to
   * write, for readers of older MLIR; the current one by default).
   */
  toBytecode(options?: { version?: number }): Uint8Array {
    const ptr = this._live();
    const version = options?.version ?? -1;
    if (!Number.isInteger(version) || version < -1) throw argumentError("toBytecode's version", "a non-negative integer", version);
    return stateOf(this._owner).callNative(
      () => {
        const len = lib.mlirffi_op_write_bytecode(ptr, version);
        if (len < 0) return null;
        const out = new Uint8Array(len);
        lib.mlirffi_out_copy(out, len); // before the diagnostics are drained: they reuse the text result
        return out;
      },
      (diagnostics) =>
        new ArgumentError(
          { argument: "toBytecode's version", expected: "a bytecode version this MLIR can write", got: describe(version) },
          { diagnostics },
        ),
    );
  }

  /**
   * Runs MLIR's verifier on the operation and everything nested in it.
   * Throws {@linkcode MlirVerificationError} with the diagnostics on failure.
   */
  verify(): void {
    const ptr = this._live();
    const state = stateOf(this._owner);
    state.callNative(
      () => lib.mlirffi_op_verify(ptr),
      (diagnostics) => new MlirVerificationError(`'${this.name}' failed verification.`, diagnostics),
    );
  }

  /**
   * Visits this operation and every operation nested in it, in pre-order
   * (default) or post-order. The callback may return `"skip"` (pre-order:
   * do not enter this op's regions) or `"interrupt"` (stop). Operations
   * erased by the callback before their turn are not visited.
   */
  walk(callback: (op: Operation) => WalkResult | void, options?: WalkOptions): WalkStatus {
    return walk(this, callback, options);
  }

  /** Whether this operation comes before `other` in the same block. */
  isBeforeInBlock(other: Operation): boolean {
    const ptr = this._live();
    const otherPtr = asOperation(other, "isBeforeInBlock's argument")._live();
    const block = lib.mlirffi_op_block(ptr);
    if (block === 0 || block !== lib.mlirffi_op_block(otherPtr)) {
      throw new StructuralError("isBeforeInBlock needs two operations in the same block.");
    }
    return lib.mlirffi_op_is_before_in_block(ptr, otherPtr);
  }

  /**
   * Erases the operation and everything nested in it. Every handle to them,
   * however obtained, becomes invalid. Refused while its results are used
   * outside it.
   */
  erase(): void {
    const ptr = this._live();
    eraseOperation(this._owner, ptr, this.name);
  }

  /**
   * Unlinks the operation from its block. It is then owned by its handles
   * and freed when they are dropped (or by `dispose()`). Returns `this`.
   */
  detach(): this {
    const ptr = this._live();
    this.#moveTo(detachOperation(this._owner, ptr, this.name));
    return this;
  }

  /**
   * A deep copy: detached (owned by the returned handle), or, with `ip`,
   * inserted there, as Python's `clone(ip=...)`. The insertion point is
   * checked before anything is copied (a stale one is an
   * `InvalidHandleError`, one in another context a `StructuralError`).
   * Unlike Python, no `ip` means detached even inside an
   * `InsertionPoint.enter()` scope: a copy is inserted only where asked.
   *
   * @example
   * ```ts
   * import { Context, InsertionPoint } from "../mod.ts";
   * using ctx = new Context();
   * using mod = ctx.parseModule("func.func private @a()");
   * const a = mod.body.operations.at(0)!;
   * const copy = a.clone({ ip: InsertionPoint.after(a) });
   * console.log(copy.block === mod.body, mod.body.operations.length); // true 2
   * ```
   */
  clone(options?: { readonly ip?: InsertionPoint | null }): Operation {
    const ptr = this._live();
    const ip = optionsArg(options ?? {}, "clone's options").ip ?? null;
    if (ip !== null && !isInsertionPoint(ip)) throw argumentError("clone's options.ip", "an InsertionPoint", ip);
    const place = ip?._placement(null) ?? null;
    if (ip !== null && ip._owner().context !== this._owner.context) {
      throw new StructuralError(`Cannot clone '${this.name}' into a block of another context.`);
    }
    const owner = cloneOperation(this._owner, ptr, this.name);
    const clone = stateOf(owner).strategy.operation(owner, owner.root);
    if (ip !== null && place !== null) {
      try {
        ip._insertWith(clone, place);
      } catch (e) {
        // Refused (e.g. inside a pass, outside the op it was given): the
        // copy goes now rather than at garbage collection.
        clone.dispose();
        throw e;
      }
    }
    return clone;
  }

  /** Moves this operation right before `other` (possibly into another block). */
  moveBefore(other: Operation): void {
    this.#moveNextTo(other, true);
  }

  /** Moves this operation right after `other` (possibly into another block). */
  moveAfter(other: Operation): void {
    this.#moveNextTo(other, false);
  }

  #moveNextTo(other: Operation, before: boolean): void {
    const ptr = this._live();
    const ref = asOperation(other, before ? "moveBefore's argument" : "moveAfter's argument");
    const refPtr = ref._live();
    if (refPtr === ptr) return;
    const block = lib.mlirffi_op_block(refPtr);
    if (block === 0) throw new StructuralError(`Cannot move next to '${ref.name}': it is not in a block.`);
    const place = before
      ? (p: number) => lib.mlirffi_block_insert_op_before(block, refPtr, p)
      : (p: number) => lib.mlirffi_block_insert_op_after(block, refPtr, p);
    this.#moveTo(insertOperation(this._owner, ptr, this.name, ref._owner, lib.mlirffi_block_parent_op(block), place));
  }

  /** @internal Points this handle at its new owner after an ownership move. */
  _moved(owner: Owner): void {
    this.#moveTo(owner);
  }

  #moveTo(owner: Owner): void {
    this._owner = owner;
    this._stamp = owner.epoch;
  }

  /**
   * Frees a detached operation now. Does nothing for an operation inside a
   * block (its parent owns it) or one already gone.
   */
  dispose(): void {
    if (!this.isValid) return;
    if (this._ptr === this._owner.root && this._owner.kind === "operation") {
      disposeOwner(this._owner, "parent erased", "operation erased");
    }
  }

  /** Same as {@linkcode Operation.dispose}, for `using`. */
  [Symbol.dispose](): void {
    this.dispose();
  }
}
