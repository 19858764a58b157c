/**
 * Affine maps and strided layouts.
 *
 * @module
 */
import { contextArg } from "../context_state.ts";
import { argumentError, intArg, stringArg } from "../../base/args.ts";
import { Attribute } from "../attribute.ts";
import { MlirParseError } from "../../base/errors.ts";
import { lib } from "../../ffi/load.ts";
import { encode } from "../../ffi/text.ts";
import type { Context } from "../../context.ts";
import { f64Array } from "../../base/f64_array.ts";

/**
 * `affine_map<(d0, d1)[s0] -> (d0 + s0, d1)>`.
 *
 * @example
 * ```ts
 * import { AffineMapAttr, Context } from "../../mod.ts";
 * using ctx = new Context();
 * const m = AffineMapAttr.get(ctx, "(d0, d1) -> (d1, d0)");
 * console.log(m.numDims, m.numResults, AffineMapAttr.identity(ctx, 2).isIdentity); // 2 2 true
 * ```
 */
export class AffineMapAttr extends Attribute {
  /** The map written as `text` (the part inside `affine_map<...>`). */
  static get(ctx: Context, text: string): AffineMapAttr {
    const state = contextArg(ctx, "AffineMapAttr.get's context");
    const bytes = encode(`affine_map<${stringArg(text, "Affine map")}>`);
    const ptr = state.callNative(
      () => lib.mlirffi_attr_parse(state.store, bytes, bytes.length),
      (diagnostics) => new MlirParseError(`Cannot parse affine map '${text}'.`, diagnostics),
    );
    return new AffineMapAttr(state, ptr);
  }

  /** The identity map on `dims` dimensions. */
  static identity(ctx: Context, dims: number): AffineMapAttr {
    const state = contextArg(ctx, "AffineMapAttr.identity's context");
    return new AffineMapAttr(state, lib.mlirffi_affine_map_identity_attr(state.store, intArg(dims, 0, 1 << 16, "dims")));
  }

  #info(): Float64Array {
    const out = new Float64Array(4);
    lib.mlirffi_affine_map_attr_info(this._live(), out);
    return out;
  }

  /** Number of dimension inputs. */
  get numDims(): number {
    return this.#info()[0]!;
  }

  /** Number of symbol inputs. */
  get numSymbols(): number {
    return this.#info()[1]!;
  }

  /** Number of results. */
  get numResults(): number {
    return this.#info()[2]!;
  }

  /** Whether it is an identity map. */
  get isIdentity(): boolean {
    return this.#info()[3] === 1;
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
