/**
 * Typed views of operations: the base class of every generated op class
 * (`arith.AddIOp`, `func.FuncOp`), and the table from op names to those
 * classes that `Operation.opview` consults.
 *
 * A view is a thin wrapper over an {@linkcode Operation} handle: it holds
 * nothing native of its own, so every read goes through the handle and its
 * strategy, and a view of an erased op throws `InvalidHandleError` exactly as
 * the handle does. Views are made on request and not cached; two views of
 * one op compare equal through their `operation`s.
 *
 * @module
 */
import { ArgumentError } from "../base/errors.ts";
import { setOpViewMaker } from "./class_registry.ts";
import type { Context } from "../context.ts";
import type { Location } from "./location.ts";
import { asOperation, type Operation } from "./operation.ts";

/** A class of views: what the generated op classes are. */
export interface OpViewClass<V extends OpView = OpView> {
  /** A view of `operation` (which must be the op the class views). */
  new (operation: Operation): V;
  /** The op name it views, `dialect.op` (null for the generic view). */
  readonly OPERATION_NAME: string | null;
}

const classes = new Map<string, OpViewClass>();

/**
 * A view of an operation. The generated op classes extend it with named
 * accessors for their operands, results, attributes, regions and
 * successors; the generic view (for ops with no registered class) has only
 * these members.
 *
 * @example
 * ```ts
 * import { Context, OpView } from "../mod.ts";
 * using ctx = new Context();
 * using mod = ctx.parseModule("func.func @f() { return }");
 * const view = mod.body.operations.at(0)!.opview;
 * console.log(view instanceof OpView, view.operation.name); // true func.func
 * ```
 */
export class OpView {
  /** The op name this class views (null: any op). */
  static readonly OPERATION_NAME: string | null = null;
  readonly #operation: Operation;

  /**
   * A view of `operation`, which must be the op this class views.
   *
   * @throws {ArgumentError} when `operation` is not an Operation, or is another op.
   */
  constructor(operation: Operation) {
    const cls = new.target as unknown as OpViewClass;
    const op = asOperation(operation, `${cls.name}'s operation`);
    if (cls.OPERATION_NAME !== null && op.name !== cls.OPERATION_NAME) {
      throw new ArgumentError({
        argument: `${cls.name}'s operation`,
        expected: `a '${cls.OPERATION_NAME}' operation`,
        got: `'${op.name}'`,
      });
    }
    this.#operation = op;
  }

  /** The operation viewed. */
  get operation(): Operation {
    return this.#operation;
  }

  /** Its context. */
  get context(): Context {
    return this.#operation.context;
  }

  /** Its location. */
  get location(): Location {
    return this.#operation.location;
  }

  /** Its text, as `Operation.toString` prints it. */
  toString(): string {
    return this.#operation.toString();
  }
}

/**
 * Registers `cls` as the view of its `OPERATION_NAME` (the generated dialect
 * modules do this when loaded). A second class for the same name replaces
 * the first, as Python's `register_operation(replace=True)` does.
 */
export function registerOpView(cls: OpViewClass): void {
  if (typeof cls !== "function" || typeof cls.OPERATION_NAME !== "string") {
    throw new ArgumentError({ argument: "registerOpView's class", expected: "an OpView class with an OPERATION_NAME", got: String(cls) });
  }
  classes.set(cls.OPERATION_NAME, cls);
}

/** The view class registered for `name`, if any. */
export function opViewClass(name: string): OpViewClass | undefined {
  return classes.get(name);
}

setOpViewMaker((op) => new (classes.get(op.name) ?? OpView)(op));
