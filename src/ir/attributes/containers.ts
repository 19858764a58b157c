/**
 * Attributes holding other attributes: arrays and dictionaries.
 *
 * @module
 */
import { contextArg } from "../context_state.ts";
import { argumentError, stringArg } from "../../base/args.ts";
import { Attribute, attributeArg } from "../attribute.ts";
import { lib } from "../../ffi/load.ts";
import { nameBytes } from "../../ffi/text.ts";
import type { Context } from "../../context.ts";
import { wrapAttribute } from "../class_registry.ts";
import { f64Array } from "../../base/f64_array.ts";
import { staticTypeID, type TypeID } from "../type_id.ts";

/**
 * `[a, b, c]`.
 *
 * @example
 * ```ts
 * import { ArrayAttr, BoolAttr, Context, UnitAttr } from "../../mod.ts";
 * using ctx = new Context();
 * const a = ArrayAttr.get(ctx, [UnitAttr.get(ctx), BoolAttr.get(ctx, false)]);
 * console.log(a.toString(), a.length); // [unit, false] 2
 * ```
 */
export class ArrayAttr extends Attribute implements Iterable<Attribute> {
  /** The TypeID every `ArrayAttr` has (its `typeID`), for `registerTypeCaster`. */
  static get staticTypeID(): TypeID {
    return staticTypeID("ArrayAttr");
  }

  /** The array of `elements`. */
  static get(ctx: Context, elements: readonly Attribute[]): ArrayAttr {
    const state = contextArg(ctx, "ArrayAttr.get's context");
    if (!Array.isArray(elements)) throw argumentError("ArrayAttr.get's elements", "an array of Attributes", elements);
    const ptrs = f64Array(elements, (a, i) => attributeArg(a, state, `ArrayAttr element ${i}`));
    return new ArrayAttr(state, lib.mlirffi_array_attr(state.store, ptrs, ptrs.length));
  }

  /** Number of elements. */
  get length(): number {
    return lib.mlirffi_array_attr_size(this._live());
  }

  /** The element at `index` (negative counts from the end), or undefined. */
  at(index: number): Attribute | undefined {
    const ptr = this._live();
    const n = lib.mlirffi_array_attr_size(ptr);
    if (!Number.isInteger(index)) throw argumentError("ArrayAttr.at's index", "an integer", index);
    const i = index < 0 ? index + n : index;
    return i < 0 || i >= n ? undefined : wrapAttribute(this._state, lib.mlirffi_array_attr_at(ptr, i));
  }

  /** The elements in order. */
  *[Symbol.iterator](): Iterator<Attribute> {
    const ptr = this._live();
    const n = lib.mlirffi_array_attr_size(ptr);
    for (let i = 0; i < n; i++) yield wrapAttribute(this._state, lib.mlirffi_array_attr_at(ptr, i));
  }
}

/**
 * `{name = attr, ...}`, sorted by name.
 *
 * @example
 * ```ts
 * import { Context, DictionaryAttr, UnitAttr } from "../../mod.ts";
 * using ctx = new Context();
 * const d = DictionaryAttr.get(ctx, { b: UnitAttr.get(ctx), a: UnitAttr.get(ctx) });
 * console.log(d.toString(), d.get("a")?.toString()); // {a, b} unit
 * ```
 */
export class DictionaryAttr extends Attribute implements Iterable<[string, Attribute]> {
  /** The TypeID every `DictionaryAttr` has (its `typeID`), for `registerTypeCaster`. */
  static get staticTypeID(): TypeID {
    return staticTypeID("DictionaryAttr");
  }

  /** The dictionary of `entries`. */
  static get(ctx: Context, entries: Readonly<Record<string, Attribute>>): DictionaryAttr {
    const state = contextArg(ctx, "DictionaryAttr.get's context");
    if (typeof entries !== "object" || entries === null) {
      throw argumentError("DictionaryAttr.get's entries", "an object of Attributes", entries);
    }
    const keys = Object.keys(entries);
    if (keys.includes("")) throw argumentError("DictionaryAttr.get's entry names", "non-empty strings", "");
    const names = f64Array(keys, (k) => state.identifierOf(k));
    const values = f64Array(keys, (k) => attributeArg(entries[k], state, `DictionaryAttr entry '${k}'`));
    return new DictionaryAttr(state, lib.mlirffi_dictionary_attr(state.store, names, values, keys.length));
  }

  /** Number of entries. */
  get size(): number {
    return lib.mlirffi_dictionary_attr_size(this._live());
  }

  /** The entry called `name`, or undefined. */
  get(name: string): Attribute | undefined {
    const bytes = nameBytes(stringArg(name, "Dictionary key"));
    const a = lib.mlirffi_dictionary_attr_get(this._live(), bytes, bytes.length);
    return a === 0 ? undefined : wrapAttribute(this._state, a);
  }

  /** The keys, sorted. */
  keys(): string[] {
    return [...this].map(([k]) => k);
  }

  /** Each entry's name with its attribute, sorted by name as MLIR keeps them. */
  *[Symbol.iterator](): Iterator<[string, Attribute]> {
    const ptr = this._live();
    const n = lib.mlirffi_dictionary_attr_size(ptr);
    const pair = new Float64Array(2);
    for (let i = 0; i < n; i++) {
      lib.mlirffi_dictionary_attr_at(ptr, i, pair);
      yield [this._state.identifier(pair[0]!), wrapAttribute(this._state, pair[1]!)];
    }
  }
}
