/**
 * An operation's attributes as a map from name to attribute.
 *
 * @module
 */
import { argumentError, stringArg } from "../base/args.ts";
import { lib } from "../ffi/load.ts";
import { nameBytes } from "../ffi/text.ts";
import { Attribute } from "./attribute.ts";
import { wrapAttribute } from "./class_registry.ts";
import { stateOf } from "./context_state.ts";
import type { Operation } from "./operation.ts";

function checkName(name: unknown): string {
  if (stringArg(name, "Attribute name") === "") throw argumentError("Attribute name", "a non-empty string", name);
  return name as string;
}

/**
 * A live view of an operation's attributes (inherent and discardable).
 *
 * @example
 * ```ts
 * import { Context } from "../mod.ts";
 * using ctx = new Context();
 * using mod = ctx.parseModule("func.func private @f()");
 * const attrs = mod.body.operations.at(0)!.attributes;
 * console.log(attrs.get("sym_name")?.toString(), [...attrs.keys()]);
 * ```
 */
export class AttributeMap implements Iterable<[string, Attribute]> {
  readonly #op: Operation;

  /** @internal Made by Operation.attributes. */
  constructor(op: Operation) {
    this.#op = op;
  }

  /** Number of attributes. */
  get size(): number {
    return lib.mlirffi_op_num_attributes(this.#op._live());
  }

  /** The attribute called `name`, or `undefined`. */
  get(name: string): Attribute | undefined {
    const ptr = this.#op._live();
    const state = stateOf(this.#op._owner);
    // By identifier: a number crosses FFI faster than a name buffer.
    const attr = lib.mlirffi_op_attribute_get_by_id(ptr, state.identifierOf(checkName(name)));
    return attr === 0 ? undefined : wrapAttribute(state, attr);
  }

  /** Whether the operation has an attribute called `name`. */
  has(name: string): boolean {
    const key = nameBytes(checkName(name));
    return lib.mlirffi_op_attribute_get(this.#op._live(), key, key.length) !== 0;
  }

  /** Sets (adds or replaces) the attribute called `name`. */
  set(name: string, value: Attribute): this {
    const key = nameBytes(checkName(name));
    const ptr = this.#op._live();
    if (!(value instanceof Attribute)) throw argumentError(`Attribute '${name}'`, "an Attribute", value);
    lib.mlirffi_op_attribute_set(ptr, key, key.length, value._in(stateOf(this.#op._owner), `Attribute '${name}'`));
    return this;
  }

  /** Removes the attribute called `name`; returns whether it existed. */
  delete(name: string): boolean {
    const key = nameBytes(checkName(name));
    return lib.mlirffi_op_attribute_remove(this.#op._live(), key, key.length);
  }

  /** The attribute names. */
  *keys(): IterableIterator<string> {
    for (const [name] of this) yield name;
  }

  /** Each name with its attribute, in the operation's order. */
  *[Symbol.iterator](): IterableIterator<[string, Attribute]> {
    const ptr = this.#op._live();
    const state = stateOf(this.#op._owner);
    const pair = new Float64Array(2);
    const n = lib.mlirffi_op_num_attributes(ptr);
    const entries: [string, Attribute][] = [];
    for (let i = 0; i < n; i++) {
      lib.mlirffi_op_attribute_at(ptr, i, pair);
      entries.push([state.identifier(pair[0]!), wrapAttribute(state, pair[1]!)]);
    }
    yield* entries;
  }
}
