/**
 * Types of dialects that are not loaded, kept as text.
 *
 * @module
 */
import { contextArg } from "../context_state.ts";
import { argumentError, stringArg } from "../../base/args.ts";
import { lib } from "../../ffi/load.ts";
import { encode, takeText, TEXT, TEXT_CAP } from "../../ffi/text.ts";
import { Type } from "../type.ts";
import type { Context } from "../../context.ts";
import { staticTypeID, type TypeID } from "../type_id.ts";

/** A dialect namespace: what MLIR accepts before the `.` of a name. */
export const NAMESPACE = /^[A-Za-z_][A-Za-z0-9_$]*$/;

/**
 * `!ns<"data">`: a type of dialect `ns` held as uninterpreted text.
 *
 * @example
 * ```ts
 * import { Context, OpaqueType } from "../../mod.ts";
 * using ctx = new Context({ allowUnregisteredDialects: true });
 * console.log(OpaqueType.get(ctx, "mydialect", "thing<1>").toString()); // !mydialect.thing<1>
 * ```
 */
export class OpaqueType extends Type {
  /** The TypeID every `OpaqueType` has (its `typeID`), for `registerTypeCaster`. */
  static get staticTypeID(): TypeID {
    return staticTypeID("OpaqueType");
  }

  /** The opaque type `data` of dialect `namespace`. */
  static get(ctx: Context, namespace: string, data: string): OpaqueType {
    const state = contextArg(ctx, "OpaqueType.get's context");
    if (!NAMESPACE.test(stringArg(namespace, "Opaque type namespace"))) {
      throw argumentError("Opaque type namespace", "a dialect namespace (a letter or _, then letters, digits, _ or $)", namespace);
    }
    const ns = encode(namespace);
    const body = encode(stringArg(data, "Opaque type data"));
    return new OpaqueType(state, lib.mlirffi_opaque_type(state.store, ns, ns.length, body, body.length));
  }

  /** The dialect namespace. */
  get dialectNamespace(): string {
    return takeText(lib.mlirffi_opaque_type_namespace(this._live(), TEXT, TEXT_CAP));
  }

  /** The uninterpreted type data. */
  get data(): string {
    return takeText(lib.mlirffi_opaque_type_data(this._live(), TEXT, TEXT_CAP));
  }
}
