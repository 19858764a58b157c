/**
 * Attributes of dialects that are not loaded, kept as text.
 *
 * @module
 */
import { contextArg } from "../context_state.ts";
import { argumentError, stringArg } from "../../base/args.ts";
import { Attribute } from "../attribute.ts";
import { lib } from "../../ffi/load.ts";
import { encode, takeText, TEXT, TEXT_CAP } from "../../ffi/text.ts";
import type { Context } from "../../context.ts";
import { NAMESPACE } from "../types/opaque.ts";
import { type Type, typeArg } from "../type.ts";
import { staticTypeID, type TypeID } from "../type_id.ts";

/**
 * `#ns<"data">`: an attribute of dialect `ns` held as uninterpreted text.
 *
 * @example
 * ```ts
 * import { Context, NoneType, OpaqueAttr } from "../../mod.ts";
 * using ctx = new Context({ allowUnregisteredDialects: true });
 * const a = OpaqueAttr.get(ctx, "mydialect", "thing", NoneType.get(ctx));
 * console.log(a.dialectNamespace, a.data); // mydialect thing
 * ```
 */
export class OpaqueAttr extends Attribute {
  /** The TypeID every `OpaqueAttr` has (its `typeID`), for `registerTypeCaster`. */
  static get staticTypeID(): TypeID {
    return staticTypeID("OpaqueAttr");
  }

  /** The opaque attribute `data` of dialect `namespace`, with `type`. */
  static get(ctx: Context, namespace: string, data: string, type: Type): OpaqueAttr {
    const state = contextArg(ctx, "OpaqueAttr.get's context");
    if (!NAMESPACE.test(stringArg(namespace, "Opaque attribute namespace"))) {
      throw argumentError("Opaque attribute namespace", "a dialect namespace (a letter or _, then letters, digits, _ or $)", namespace);
    }
    const ns = encode(namespace);
    const body = encode(stringArg(data, "Opaque attribute data"));
    const t = typeArg(type, state, "Opaque attribute type");
    return new OpaqueAttr(state, lib.mlirffi_opaque_attr(state.store, ns, ns.length, body, body.length, t));
  }

  /** The dialect namespace. */
  get dialectNamespace(): string {
    return takeText(lib.mlirffi_opaque_attr_namespace(this._live(), TEXT, TEXT_CAP));
  }

  /** The uninterpreted data. */
  get data(): string {
    return takeText(lib.mlirffi_opaque_attr_data(this._live(), TEXT, TEXT_CAP));
  }
}
