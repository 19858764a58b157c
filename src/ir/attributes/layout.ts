/**
 * Affine maps, integer sets and strided layouts as attributes.
 *
 * @module
 */
import { contextArg } from "../context_state.ts";
import { argumentError, stringArg } from "../../base/args.ts";
import { Attribute } from "../attribute.ts";
import { MlirParseError } from "../../base/errors.ts";
import { lib } from "../../ffi/load.ts";
import { encode } from "../../ffi/text.ts";
import type { Context } from "../../context.ts";
import { f64Array } from "../../base/f64_array.ts";
import { AffineMap } from "../affine/map.ts";
import { IntegerSet } from "../affine/integer_set.ts";
import { staticTypeID, type TypeID } from "../type_id.ts";

/**
 * `affine_map<(d0, d1)[s0] -> (d0 + s0, d1)>`: an {@linkcode AffineMap} as an attribute.
 *
 * @example
 * ```ts
 * import { AffineExpr, AffineMap, AffineMapAttr, Context } from "../../mod.ts";
 * using ctx = new Context();
 * const m = AffineMapAttr.get(ctx, "(d0, d1) -> (d1, d0)");
 * console.log(m.numDims, m.numResults, AffineMapAttr.identity(ctx, 2).isIdentity); // 2 2 true
 * const [d0, d1] = [AffineExpr.dim(ctx, 0), AffineExpr.dim(ctx, 1)];
 * console.log(AffineMapAttr.get(AffineMap.get(ctx, 2, 0, [d1, d0])).equals(m)); // true
 * ```
 */
export class AffineMapAttr extends Attribute {
  /** The TypeID every `AffineMapAttr` has (its `typeID`), for `registerTypeCaster`. */
  static get staticTypeID(): TypeID {
    return staticTypeID("AffineMapAttr");
  }

  /** The attribute of `map`. */
  static get(map: AffineMap): AffineMapAttr;
  /** The map written as `text` (the part inside `affine_map<...>`). */
  static get(ctx: Context, text: string): AffineMapAttr;
  static get(mapOrCtx: AffineMap | Context, text?: string): AffineMapAttr {
    if (mapOrCtx instanceof AffineMap) {
      if (text !== undefined) throw argumentError("AffineMapAttr.get's text (after a map)", "nothing", text);
      return new AffineMapAttr(mapOrCtx._state, lib.mlirffi_affine_map_attr(mapOrCtx._live()));
    }
    const state = contextArg(mapOrCtx, "AffineMapAttr.get's context or map");
    const bytes = encode(`affine_map<${stringArg(text, "Affine map")}>`);
    const ptr = state.callNative(
      () => lib.mlirffi_attr_parse(state.store, bytes, bytes.length),
      (diagnostics) => new MlirParseError(`Cannot parse affine map '${text}'.`, diagnostics),
    );
    return new AffineMapAttr(state, ptr);
  }

  /** The identity map on `dims` dimensions. */
  static identity(ctx: Context, dims: number): AffineMapAttr {
    contextArg(ctx, "AffineMapAttr.identity's context");
    return AffineMapAttr.get(AffineMap.identity(ctx, dims));
  }

  /** The map. */
  get value(): AffineMap {
    return new AffineMap(this._state, lib.mlirffi_affine_map_attr_value(this._live()));
  }

  /** Number of dimension inputs. */
  get numDims(): number {
    return this.value.numDims;
  }

  /** Number of symbol inputs. */
  get numSymbols(): number {
    return this.value.numSymbols;
  }

  /** Number of results. */
  get numResults(): number {
    return this.value.numResults;
  }

  /** Whether it is an identity map. */
  get isIdentity(): boolean {
    return this.value.isIdentity;
  }
}

/**
 * An {@linkcode IntegerSet} as an attribute: `affine.if`'s condition.
 *
 * @example
 * ```ts
 * import { AffineExpr, Context, IntegerSet, IntegerSetAttr } from "../../mod.ts";
 * using ctx = new Context();
 * const set = IntegerSet.get(ctx, 1, 0, [AffineExpr.dim(ctx, 0)], [false]);
 * console.log(IntegerSetAttr.get(set).toString()); // "affine_set<(d0) : (d0 >= 0)>"
 * ```
 */
export class IntegerSetAttr extends Attribute {
  /** The TypeID every `IntegerSetAttr` has (its `typeID`), for `registerTypeCaster`. */
  static get staticTypeID(): TypeID {
    return staticTypeID("IntegerSetAttr");
  }

  /** The attribute of `set`. */
  static get(set: IntegerSet): IntegerSetAttr {
    if (!(set instanceof IntegerSet)) throw argumentError("IntegerSetAttr.get's set", "an IntegerSet", set);
    return new IntegerSetAttr(set._state, lib.mlirffi_integer_set_attr(set._live()));
  }

  /** The set. */
  get value(): IntegerSet {
    return new IntegerSet(this._state, lib.mlirffi_integer_set_attr_value(this._live()));
  }
}

/**
 * `strided<[s0, s1], offset: o>`: a memref layout (`null` for a dynamic value).
 *
 * @example
 * ```ts
 * import { Context, StridedLayoutAttr } from "../../mod.ts";
 * using ctx = new Context();
 * console.log(StridedLayoutAttr.get(ctx, null, [null, 1]).toString()); // strided<[?, 1], offset: ?>
 * ```
 */
export class StridedLayoutAttr extends Attribute {
  /** The TypeID every `StridedLayoutAttr` has (its `typeID`), for `registerTypeCaster`. */
  static get staticTypeID(): TypeID {
    return staticTypeID("StridedLayoutAttr");
  }

  /** The layout with `offset` and `strides`. */
  static get(ctx: Context, offset: number | null, strides: readonly (number | null)[]): StridedLayoutAttr {
    const state = contextArg(ctx, "StridedLayoutAttr.get's context");
    const value = (v: unknown, what: string) => {
      if (v === null) return NaN;
      if (typeof v !== "number" || !Number.isSafeInteger(v)) {
        throw argumentError(what, "an integer or null (dynamic)", v);
      }
      return v;
    };
    if (!Array.isArray(strides)) throw argumentError("StridedLayoutAttr.get's strides", "an array", strides);
    const s = f64Array(strides, (v, i) => value(v, `Stride ${i}`));
    return new StridedLayoutAttr(state, lib.mlirffi_strided_layout_attr(state.store, value(offset, "Offset"), s, s.length));
  }

  #info(): (number | null)[] {
    const ptr = this._live();
    const n = lib.mlirffi_strided_layout_attr_info(ptr, null, 0);
    const out = new Float64Array(n + 1);
    lib.mlirffi_strided_layout_attr_info(ptr, out, n + 1);
    return Array.from(out, (v) => (Number.isNaN(v) ? null : v));
  }

  /** The offset (`null` when dynamic). */
  get offset(): number | null {
    return this.#info()[0]!;
  }

  /** The strides (`null` for dynamic ones). */
  get strides(): (number | null)[] {
    return this.#info().slice(1);
  }
}
