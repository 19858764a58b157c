/**
 * References to symbols: `@f` and `@module::@f`.
 *
 * @module
 */
import { contextArg } from "../context_state.ts";
import { argumentError, stringArg } from "../../base/args.ts";
import { Attribute } from "../attribute.ts";
import { lib } from "../../ffi/load.ts";
import { encode, takeText, TEXT, TEXT_CAP } from "../../ffi/text.ts";
import type { Context } from "../../context.ts";
import { f64Array } from "../../base/f64_array.ts";
import { staticTypeID, type TypeID } from "../type_id.ts";

/** A non-empty symbol name (MLIR prints an empty one as text it cannot read). */
function symbolName(name: unknown, what: string): string {
  if (stringArg(name, what) === "") throw argumentError(what, "a non-empty string", name);
  return name as string;
}

/**
 * `@root::@a::@b`: a path through nested symbol tables.
 *
 * @example
 * ```ts
 * import { Context, SymbolRefAttr } from "../../mod.ts";
 * using ctx = new Context();
 * const r = SymbolRefAttr.get(ctx, "lib", ["f"]);
 * console.log(r.toString(), r.rootReference, r.leafReference); // @lib::@f lib f
 * ```
 */
export class SymbolRefAttr extends Attribute {
  /** The TypeID every `SymbolRefAttr` has (its `typeID`), for `registerTypeCaster`. */
  static get staticTypeID(): TypeID {
    return staticTypeID("SymbolRefAttr");
  }

  /** A reference to `root`, then `nested` names inside it. */
  static get(ctx: Context, root: string, nested: readonly string[] = []): SymbolRefAttr {
    const state = contextArg(ctx, "SymbolRefAttr.get's context");
    const r = encode(symbolName(root, "Root symbol"));
    if (!Array.isArray(nested)) throw argumentError("SymbolRefAttr.get's nested references", "an array of names", nested);
    const refs = f64Array(nested, (n, i) => {
      const b = encode(symbolName(n, `Nested reference ${i}`));
      return lib.mlirffi_flat_symbol_ref_attr(state.store, b, b.length);
    });
    const ptr = lib.mlirffi_symbol_ref_attr(state.store, r, r.length, refs, refs.length);
    return nested.length === 0 ? new FlatSymbolRefAttr(state, ptr) : new SymbolRefAttr(state, ptr);
  }

  /** The first name of the path. */
  get rootReference(): string {
    return takeText(lib.mlirffi_symbol_ref_attr_root(this._live(), TEXT, TEXT_CAP));
  }

  /** The last name of the path. */
  get leafReference(): string {
    return takeText(lib.mlirffi_symbol_ref_attr_leaf(this._live(), TEXT, TEXT_CAP));
  }

  /** The names after the root. */
  get nestedReferences(): string[] {
    const ptr = this._live();
    const n = lib.mlirffi_symbol_ref_attr_num_nested(ptr);
    return Array.from({ length: n }, (_, i) =>
      takeText(lib.mlirffi_flat_symbol_ref_attr_value(lib.mlirffi_symbol_ref_attr_nested(ptr, i), TEXT, TEXT_CAP)));
  }
}

/**
 * `@f`: a reference to a symbol in the nearest symbol table.
 *
 * @example
 * ```ts
 * import { Context, FlatSymbolRefAttr } from "../../mod.ts";
 * using ctx = new Context();
 * console.log(FlatSymbolRefAttr.get(ctx, "main").value); // main
 * ```
 */
export class FlatSymbolRefAttr extends SymbolRefAttr {
  /** A reference to `name`. */
  static override get(ctx: Context, name: string): FlatSymbolRefAttr {
    const state = contextArg(ctx, "FlatSymbolRefAttr.get's context");
    const bytes = encode(symbolName(name, "Symbol name"));
    return new FlatSymbolRefAttr(state, lib.mlirffi_flat_symbol_ref_attr(state.store, bytes, bytes.length));
  }

  /** The referenced name. */
  get value(): string {
    return takeText(lib.mlirffi_flat_symbol_ref_attr_value(this._live(), TEXT, TEXT_CAP));
  }
}
