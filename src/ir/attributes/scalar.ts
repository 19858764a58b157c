/**
 * Scalar attributes: integers, booleans, floats, strings, unit, types.
 *
 * @module
 */
import { contextArg } from "../context_state.ts";
import { argumentError } from "../../base/args.ts";
import { Attribute } from "../attribute.ts";
import { ArgumentError } from "../../base/errors.ts";
import { lib } from "../../ffi/load.ts";
import { encode, TEXT, TEXT_CAP } from "../../ffi/text.ts";
import type { Context } from "../../context.ts";
import { type Type, typeArg } from "../type.ts";
import { FloatType } from "../types/float.ts";
import { IndexType, IntegerType } from "../types/integer.ts";
import { wrapType } from "../class_registry.ts";
import { staticTypeID, type TypeID } from "../type_id.ts";

/** The values an integer type of `width` bits and `signedness` holds. */
function range(width: number, signedness: string): [bigint, bigint] {
  const w = BigInt(width);
  if (signedness === "unsigned") return [0n, (1n << w) - 1n];
  if (signedness === "signed") return [-(1n << (w - 1n)), (1n << (w - 1n)) - 1n];
  // Signless: either reading is accepted, as MLIR's parser does.
  return [-(1n << (w - 1n)), (1n << w) - 1n];
}

/**
 * An integer (or index) constant: `42 : i32`.
 *
 * @example
 * ```ts
 * import { Context, IntegerAttr, IntegerType } from "../../mod.ts";
 * using ctx = new Context();
 * const a = IntegerAttr.get(IntegerType.get(ctx, 8), -3);
 * console.log(a.toString(), a.value); // -3 : i8 -3n
 * ```
 */
export class IntegerAttr extends Attribute {
  /** The TypeID every `IntegerAttr` has (its `typeID`), for `registerTypeCaster`. */
  static get staticTypeID(): TypeID {
    return staticTypeID("IntegerAttr");
  }

  /** The constant `value` of integer or index `type`; must fit the type. */
  static get(type: IntegerType | IndexType, value: number | bigint): IntegerAttr {
    const t = typeArg(type, null, "IntegerAttr's type");
    if (!(type instanceof IntegerType || type instanceof IndexType)) {
      throw new ArgumentError({ argument: "IntegerAttr's type", expected: "an integer or index type", got: String(type) });
    }
    if (typeof value === "number" && !Number.isSafeInteger(value)) {
      throw argumentError("IntegerAttr's value", "a safe integer or a BigInt", value);
    }
    if (typeof value !== "number" && typeof value !== "bigint") {
      throw argumentError("IntegerAttr's value", "a number or a BigInt", value);
    }
    const v = BigInt(value);
    const [width, signedness] = type instanceof IndexType ? [64, "signed"] : [type.width, type.signedness];
    const [min, max] = range(width, signedness);
    if (v < min || v > max) {
      throw new ArgumentError({
        argument: "IntegerAttr's value",
        expected: `an integer in [${min}, ${max}] (to fit ${type.toString()})`,
        got: String(v),
      });
    }
    if (width > 64) {
      // The C API builds from 64 bits and would zero-extend; wider values go
      // through MLIR's parser, which reads any width.
      const bytes = encode(`${v} : ${type.toString()}`);
      return new IntegerAttr(type._state, lib.mlirffi_attr_parse(type._state.store, bytes, bytes.length));
    }
    return new IntegerAttr(type._state, lib.mlirffi_integer_attr(t, BigInt.asIntN(64, v)));
  }

  /** The value (sign-extended for signless and signed types). */
  get value(): bigint {
    const ptr = this._live();
    const type = this.type;
    if (type instanceof IntegerType && type.width > 64) {
      // The C API reads at most 64 bits; wider constants come from the text.
      return BigInt(this.toString().split(":")[0]!.trim());
    }
    const v = lib.mlirffi_integer_attr_value(ptr);
    return type instanceof IntegerType && type.signedness === "unsigned" ? BigInt.asUintN(64, v) : v;
  }

  /** The value as a number; throws if it is not a safe integer. */
  toNumber(): number {
    const v = this.value;
    if (v > BigInt(Number.MAX_SAFE_INTEGER) || v < BigInt(Number.MIN_SAFE_INTEGER)) {
      throw new ArgumentError(
        { argument: "The IntegerAttr read by toNumber", expected: "a safe integer", got: String(v) },
        { advice: "Use .value (a BigInt)." },
      );
    }
    return Number(v);
  }
}

/**
 * `true` or `false`.
 *
 * @example
 * ```ts
 * import { BoolAttr, Context } from "../../mod.ts";
 * using ctx = new Context();
 * console.log(BoolAttr.get(ctx, true).value); // true
 * ```
 */
export class BoolAttr extends Attribute {
  /** The boolean `value`. */
  static get(ctx: Context, value: boolean): BoolAttr {
    const state = contextArg(ctx, "BoolAttr.get's context");
    if (typeof value !== "boolean") throw argumentError("BoolAttr.get's value", "a boolean", value);
    return new BoolAttr(state, lib.mlirffi_bool_attr(state.store, value));
  }

  /** The value. */
  get value(): boolean {
    return lib.mlirffi_bool_attr_value(this._live());
  }
}

/**
 * A floating-point constant: `1.5 : f32`.
 *
 * @example
 * ```ts
 * import { Context, FloatAttr, FloatType } from "../../mod.ts";
 * using ctx = new Context();
 * console.log(FloatAttr.get(FloatType.f64(ctx), 0.25).value); // 0.25
 * ```
 */
export class FloatAttr extends Attribute {
  /** The TypeID every `FloatAttr` has (its `typeID`), for `registerTypeCaster`. */
  static get staticTypeID(): TypeID {
    return staticTypeID("FloatAttr");
  }

  /** The constant `value` of float `type` (rounded to the type). */
  static get(type: FloatType, value: number): FloatAttr {
    const t = typeArg(type, null, "FloatAttr's type");
    if (!(type instanceof FloatType)) throw new ArgumentError({ argument: "FloatAttr's type", expected: "a float type", got: String(type) });
    if (typeof value !== "number") throw argumentError("FloatAttr's value", "a number", value);
    const state = type._state;
    const ptr = state.callNative(
      () => lib.mlirffi_float_attr(lib.mlirffi_loc_unknown(state.store), t, value),
      (diagnostics) =>
        new ArgumentError(
          { argument: "FloatAttr's value", expected: `a value of ${type.toString()}`, got: String(value) },
          { diagnostics },
        ),
    );
    return new FloatAttr(state, ptr);
  }

  /** `value : f32`. */
  static f32(ctx: Context, value: number): FloatAttr {
    return FloatAttr.get(FloatType.f32(ctx), value);
  }

  /** `value : f64`. */
  static f64(ctx: Context, value: number): FloatAttr {
    return FloatAttr.get(FloatType.f64(ctx), value);
  }

  /** The value, as a double. */
  get value(): number {
    return lib.mlirffi_float_attr_value(this._live());
  }
}

const lossyDecoder = new TextDecoder();

/**
 * A string: any bytes, including NUL and invalid UTF-8.
 *
 * @example
 * ```ts
 * import { Context, StringAttr } from "../../mod.ts";
 * using ctx = new Context();
 * const a = StringAttr.get(ctx, "héllo");
 * console.log(a.value, a.bytes.length); // héllo 6
 * ```
 */
export class StringAttr extends Attribute {
  /** The TypeID every `StringAttr` has (its `typeID`), for `registerTypeCaster`. */
  static get staticTypeID(): TypeID {
    return staticTypeID("StringAttr");
  }

  /** A string attribute holding `value` (a string is stored as UTF-8), optionally typed. */
  static get(ctx: Context, value: string | Uint8Array, type?: Type): StringAttr {
    const state = contextArg(ctx, "StringAttr.get's context");
    let bytes: Uint8Array;
    if (typeof value === "string") bytes = encode(value);
    else if (value instanceof Uint8Array) bytes = value;
    else throw argumentError("StringAttr.get's value", "a string or bytes (a Uint8Array)", value);
    const ptr = type === undefined
      ? lib.mlirffi_string_attr(state.store, bytes, bytes.length)
      : lib.mlirffi_string_attr_typed(typeArg(type, state, "StringAttr's type"), bytes, bytes.length);
    return new StringAttr(state, ptr);
  }

  /** The bytes, exactly. */
  get bytes(): Uint8Array {
    const len = lib.mlirffi_string_attr_value(this._live(), TEXT, TEXT_CAP);
    if (len <= TEXT_CAP) return TEXT.slice(0, len);
    const out = new Uint8Array(len);
    lib.mlirffi_out_copy(out, len);
    return out;
  }

  /** The bytes decoded as UTF-8 (invalid sequences become U+FFFD). */
  get value(): string {
    return lossyDecoder.decode(this.bytes);
  }
}

/**
 * The unit attribute: present or absent, no value (`attributes {flag}`).
 *
 * @example
 * ```ts
 * import { Context, UnitAttr } from "../../mod.ts";
 * using ctx = new Context();
 * console.log(UnitAttr.get(ctx).toString()); // unit
 * ```
 */
export class UnitAttr extends Attribute {
  /** The TypeID every `UnitAttr` has (its `typeID`), for `registerTypeCaster`. */
  static get staticTypeID(): TypeID {
    return staticTypeID("UnitAttr");
  }

  /** The unit attribute of `ctx`. */
  static get(ctx: Context): UnitAttr {
    const state = contextArg(ctx, "UnitAttr.get's context");
    return new UnitAttr(state, lib.mlirffi_unit_attr(state.store));
  }
}

/**
 * A type as an attribute (e.g. a function's `function_type`).
 *
 * @example
 * ```ts
 * import { Context, IntegerType, TypeAttr } from "../../mod.ts";
 * using ctx = new Context();
 * console.log(TypeAttr.get(IntegerType.get(ctx, 32)).value.toString()); // i32
 * ```
 */
export class TypeAttr extends Attribute {
  /** The TypeID every `TypeAttr` has (its `typeID`), for `registerTypeCaster`. */
  static get staticTypeID(): TypeID {
    return staticTypeID("TypeAttr");
  }

  /** The attribute holding `type`. */
  static get(type: Type): TypeAttr {
    const t = typeArg(type, null, "TypeAttr's type");
    return new TypeAttr(type._state, lib.mlirffi_type_attr(t));
  }

  /** The type held. */
  get value(): Type {
    return wrapType(this._state, lib.mlirffi_type_attr_value(this._live()));
  }
}

