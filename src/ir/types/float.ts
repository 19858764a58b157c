/**
 * Floating-point types.
 *
 * @module
 */
import { contextArg } from "../context_state.ts";
import { argumentError } from "../../base/args.ts";
import { lib } from "../../ffi/load.ts";
import { encode } from "../../ffi/text.ts";
import { Type } from "../type.ts";
import { hasStaticTypeID, staticTypeID, type TypeID } from "../type_id.ts";
import type { Context } from "../../context.ts";

/** Every builtin floating-point type, in the shim's order (native/src/types.c). */
export const FLOAT_TYPES = [
  "f16",
  "bf16",
  "f32",
  "f64",
  "tf32",
  "f8E5M2",
  "f8E4M3",
  "f8E4M3FN",
  "f8E5M2FNUZ",
  "f8E4M3FNUZ",
  "f8E4M3B11FNUZ",
  "f8E3M4",
  "f8E8M0FNU",
  "f4E2M1FN",
  "f6E2M3FN",
  "f6E3M2FN",
  "f80",
  "f128",
] as const;

/** Float types the C API has no constructor for; they are parsed instead. */
const PARSED = new Set<string>(["f80", "f128"]);

/** The name of a builtin floating-point type. */
export type FloatTypeName = (typeof FLOAT_TYPES)[number];

/**
 * A floating-point type: `f16`, `bf16`, `f32`, `f64`, the `f8` variants, ...
 *
 * @example
 * ```ts
 * import { Context, FloatType } from "../../mod.ts";
 * using ctx = new Context();
 * const t = FloatType.get(ctx, "f8E4M3FN");
 * console.log(t.toString(), t.width, FloatType.f32(ctx).width); // f8E4M3FN 8 32
 * ```
 */
export class FloatType extends Type {
  /**
   * The TypeID of the float type called `name` (each has its own class in
   * MLIR). `f80` and `f128` have one too, but the C API does not name it:
   * read `typeID` of such a type instead.
   */
  static typeIDOf(name: FloatTypeName): TypeID {
    if (!hasStaticTypeID(name)) {
      throw argumentError("FloatType.typeIDOf's name", `one of ${FLOAT_TYPES.filter(hasStaticTypeID).join(", ")}`, name);
    }
    return staticTypeID(name);
  }

  /** The floating-point type called `name`. */
  static get(ctx: Context, name: FloatTypeName): FloatType {
    const state = contextArg(ctx, "FloatType.get's context");
    const kind = FLOAT_TYPES.indexOf(name);
    if (kind < 0) throw argumentError("FloatType.get's name", `one of ${FLOAT_TYPES.join(", ")}`, name);
    if (PARSED.has(name)) {
      const bytes = encode(name);
      return new FloatType(state, lib.mlirffi_type_parse(state.store, bytes, bytes.length));
    }
    return new FloatType(state, lib.mlirffi_float_type(state.store, kind));
  }

  /** `f16`. */
  static f16(ctx: Context): FloatType {
    return FloatType.get(ctx, "f16");
  }

  /** `bf16`. */
  static bf16(ctx: Context): FloatType {
    return FloatType.get(ctx, "bf16");
  }

  /** `f32`. */
  static f32(ctx: Context): FloatType {
    return FloatType.get(ctx, "f32");
  }

  /** `f64`. */
  static f64(ctx: Context): FloatType {
    return FloatType.get(ctx, "f64");
  }

  /** Its width in bits. */
  get width(): number {
    return lib.mlirffi_float_type_width(this._live());
  }

  /** Its name, e.g. `f32`. */
  get name(): FloatTypeName {
    return this.toString() as FloatTypeName;
  }
}
