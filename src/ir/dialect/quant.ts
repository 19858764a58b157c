/**
 * The `quant` dialect's types, as `mlir.dialects.quant` has them in Python:
 * `!quant.any`, `!quant.uniform` (per layer, per axis, per sub-channel) and
 * `!quant.calibrated`.
 *
 * The C constructors skip MLIR's verifier (an assert in release builds), so
 * its rules are checked here first: integer storage of 1 to 32 bits, storage
 * bounds inside the storage type's range, a floating-point expressed type,
 * positive finite scales; then MLIR's parser reads the type's text back,
 * which runs the verifier itself (for the rules that need float semantics,
 * such as a scale inside the expressed type's range). Signedness is an option (`signed`, default true,
 * as `i8` means in the text form) rather than Python's `flags` number.
 *
 * @module
 */
import { argumentError, boolArg, intArg, listArg, optionsArg } from "../../base/args.ts";
import { ArgumentError } from "../../base/errors.ts";
import { lib } from "../../ffi/load.ts";
import { encode, takeText, TEXT, TEXT_CAP } from "../../ffi/text.ts";
import { Type, typeArg } from "../type.ts";
import type { Attribute } from "../attribute.ts";
import { wrapAttribute, wrapType } from "../class_registry.ts";
import { IntegerType } from "../types/integer.ts";
import { FloatType } from "../types/float.ts";
import type { ContextState } from "../context_state.ts";

/** MLIR's widest quantized storage type (QuantizedType::MaxStorageBits). */
export const MAX_QUANT_STORAGE_BITS = 32;

/** Storage options shared by the quantized types. */
export interface QuantStorageOptions {
  /** Whether the stored integers are signed (default true). */
  readonly signed?: boolean;
  /** The smallest stored value (default: the storage type's). */
  readonly storageTypeMin?: number;
  /** The largest stored value (default: the storage type's). */
  readonly storageTypeMax?: number;
}

interface Storage {
  readonly state: ContextState;
  readonly storage: number;
  readonly signed: boolean;
  readonly min: number;
  readonly max: number;
}

function storageArgs(what: string, storage: unknown, options: QuantStorageOptions | undefined): Storage {
  const ptr = typeArg(storage, null, `${what}'s storage type`);
  const t = storage as Type;
  const o = optionsArg(options, `${what}'s options`);
  if (!(t instanceof IntegerType) || t.width < 1 || t.width > MAX_QUANT_STORAGE_BITS) {
    throw new ArgumentError({ argument: `${what}'s storage type`, expected: `an integer type of 1 to ${MAX_QUANT_STORAGE_BITS} bits`, got: t.toString() });
  }
  const signed = boolArg(o.signed, true, `${what}'s options.signed`);
  const lo = QuantizedType.defaultMinimumForInteger(signed, t.width);
  const hi = QuantizedType.defaultMaximumForInteger(signed, t.width);
  const min = o.storageTypeMin === undefined ? lo : intArg(o.storageTypeMin, lo, hi, `${what}'s options.storageTypeMin`);
  const max = o.storageTypeMax === undefined ? hi : intArg(o.storageTypeMax, lo, hi, `${what}'s options.storageTypeMax`);
  if (min >= max) {
    throw new ArgumentError({ argument: `${what}'s options.storageTypeMax`, expected: `greater than storageTypeMin (${min})`, got: String(max) });
  }
  return { state: t._state, storage: ptr, signed, min, max };
}

function expressedArg(what: string, t: unknown, state: ContextState): number {
  const ptr = typeArg(t, state, `${what}'s expressed type`);
  if (!(t instanceof FloatType)) throw new ArgumentError({ argument: `${what}'s expressed type`, expected: "a floating-point type", got: String(t) });
  return ptr;
}

function scaleArg(s: unknown, what: string): number {
  if (typeof s !== "number" || !Number.isFinite(s) || s <= 0) throw argumentError(what, "a positive finite number", s);
  return s;
}

function zeroPointArg(z: unknown, what: string): number {
  if (typeof z !== "number" || !Number.isSafeInteger(z)) throw argumentError(what, "a safe integer", z);
  return z;
}

/**
 * `ptr`, after MLIR's parser accepted its text: the parser runs the
 * verifier, whose rules on scales (inside the expressed type's range) need
 * the float semantics the C API does not give. The type made is uniqued
 * but harmless when refused; it is never returned.
 */
function verified(state: ContextState, ptr: number, argument: string, expected: string): number {
  const text = takeText(lib.mlirffi_type_print(ptr, TEXT, TEXT_CAP));
  const bytes = encode(text);
  state.callNative(
    () => lib.mlirffi_type_parse(state.store, bytes, bytes.length),
    (diagnostics) => new ArgumentError({ argument, expected, got: text }, { diagnostics }),
  );
  return ptr;
}

const INFO = new Float64Array(6);

/** What every quantized type has: storage and expressed types, bounds, casts. */
export abstract class QuantizedType extends Type {
  /** The smallest value of a `signed` integer of `width` bits (1 to 32). */
  static defaultMinimumForInteger(signed: boolean, width: number): number {
    intArg(width, 1, MAX_QUANT_STORAGE_BITS, "QuantizedType.defaultMinimumForInteger's width");
    return lib.mlirffi_quant_default_bound(boolArg(signed, true, "signed"), width, false);
  }

  /** The largest value of a `signed` integer of `width` bits (1 to 32). */
  static defaultMaximumForInteger(signed: boolean, width: number): number {
    intArg(width, 1, MAX_QUANT_STORAGE_BITS, "QuantizedType.defaultMaximumForInteger's width");
    return lib.mlirffi_quant_default_bound(boolArg(signed, true, "signed"), width, true);
  }

  /** `t` without quantization: its storage type (for a shaped type, the same shape of it); null if `t` holds no quantized type. */
  static castToStorageType(t: Type): Type | null {
    const ptr = typeArg(t, null, "QuantizedType.castToStorageType's type");
    const q = quantElement(ptr);
    // A calibrated type has no storage type; MLIR would build a shaped type of null.
    if (q === 0 || (wrapType(t._state, q) as QuantizedType).storageType === null) return null;
    return orNull(t._state, lib.mlirffi_quant_cast_self(ptr, 0));
  }

  /** `t` with its quantized type replaced by the expressed type; null if `t` holds no quantized type. */
  static castToExpressedType(t: Type): Type | null {
    const ptr = typeArg(t, null, "QuantizedType.castToExpressedType's type");
    const q = quantElement(ptr);
    // An `!quant.any` may have no expressed type; MLIR would build a shaped type of null.
    if (q === 0 || (wrapType(t._state, q) as QuantizedType).expressedType === null) return null;
    return orNull(t._state, lib.mlirffi_quant_cast_self(ptr, 1));
  }

  /** The quantized type of `t` or of its elements; null when there is none. */
  static quantizedElementType(t: Type): QuantizedType | null {
    const ptr = typeArg(t, null, "QuantizedType.quantizedElementType's type");
    return orNull(t._state, quantElement(ptr)) as QuantizedType | null;
  }

  #info(): Float64Array {
    lib.mlirffi_quant_info(this._live(), INFO);
    return INFO;
  }

  /** Whether the stored integers are signed. */
  get isSigned(): boolean {
    return this.#info()[0] !== 0;
  }

  /** The storage type (an integer type); `null` for a calibrated type, which has none. */
  get storageType(): Type | null {
    return orNull(this._state, this.#info()[1]!);
  }

  /** The expressed type; `null` for an `!quant.any` without one. */
  get expressedType(): Type | null {
    return orNull(this._state, this.#info()[2]!);
  }

  /** The smallest stored value. */
  get storageTypeMin(): number {
    return this.#info()[3]!;
  }

  /** The largest stored value. */
  get storageTypeMax(): number {
    return this.#info()[4]!;
  }

  /** The storage type's width in bits. */
  get storageTypeIntegralWidth(): number {
    return this.#info()[5]!;
  }

  /** Whether `candidate` (or its element type) is the expressed type. */
  isCompatibleExpressedType(candidate: Type): boolean {
    const c = typeArg(candidate, this._state, "isCompatibleExpressedType's candidate");
    return lib.mlirffi_quant_cast(this._live(), c, 3) !== 0;
  }

  /** This type for `candidate`, the storage type or a tensor or vector of it; null otherwise. */
  castFromStorageType(candidate: Type): Type | null {
    const c = typeArg(candidate, this._state, "castFromStorageType's candidate");
    // MLIR would build a shaped type of the null storage type of a calibrated type.
    if (this.storageType === null) return null;
    return orNull(this._state, lib.mlirffi_quant_cast(this._live(), c, 0));
  }

  /** This type for `candidate`, the expressed type or a shaped type of it; null otherwise. */
  castFromExpressedType(candidate: Type): Type | null {
    const c = typeArg(candidate, this._state, "castFromExpressedType's candidate");
    if (this.expressedType === null) return null;
    return orNull(this._state, lib.mlirffi_quant_cast(this._live(), c, 1));
  }

  /** The storage form of `candidate`, the expressed type or a shaped type of it; null otherwise. */
  castExpressedToStorageType(candidate: Type): Type | null {
    const c = typeArg(candidate, this._state, "castExpressedToStorageType's candidate");
    if (this.expressedType === null || this.storageType === null) return null;
    return orNull(this._state, lib.mlirffi_quant_cast(this._live(), c, 2));
  }
}

function orNull(state: ContextState, ptr: number): Type | null {
  return ptr === 0 ? null : wrapType(state, ptr);
}

/** The quantized type `ptr` is or holds as its element (0 if none). */
function quantElement(ptr: number): number {
  return lib.mlirffi_quant_cast_self(ptr, 2);
}

/**
 * `!quant.any<i8:f32>`: quantized storage with an optional expressed type and no parameters.
 *
 * @example
 * ```ts
 * import { AnyQuantizedType, Context, FloatType, IntegerType } from "../../mod.ts";
 * using ctx = new Context();
 * const t = AnyQuantizedType.get(IntegerType.get(ctx, 8), FloatType.f32(ctx), { storageTypeMin: -8, storageTypeMax: 7 });
 * console.log(t.toString(), t.storageTypeMax); // !quant.any<i8<-8:7>:f32> 7
 * ```
 */
export class AnyQuantizedType extends QuantizedType {
  /** The type storing `storage` for `expressed` (a float type, or `null` for none). */
  static get(storage: IntegerType, expressed: FloatType | null, options?: QuantStorageOptions): AnyQuantizedType {
    const s = storageArgs("AnyQuantizedType.get", storage, options);
    const e = expressed === null ? 0 : expressedArg("AnyQuantizedType.get", expressed, s.state);
    return new AnyQuantizedType(s.state, lib.mlirffi_quant_any_type(s.signed, s.storage, e, s.min, s.max));
  }
}

/**
 * `!quant.uniform<i8:f32, 0.5:10>`: one scale and zero point for every value.
 *
 * @example
 * ```ts
 * import { Context, FloatType, IntegerType, UniformQuantizedType } from "../../mod.ts";
 * using ctx = new Context();
 * const t = UniformQuantizedType.get(IntegerType.get(ctx, 8), FloatType.f32(ctx), 0.5, 10);
 * console.log(t.toString(), t.scale, t.zeroPoint); // !quant.uniform<i8:f32, 5.000000e-01:10> 0.5 10
 * ```
 */
export class UniformQuantizedType extends QuantizedType {
  /** `storage` values `q` expressing `(q - zeroPoint) * scale` in `expressed`. */
  static get(storage: IntegerType, expressed: FloatType, scale: number, zeroPoint: number, options?: QuantStorageOptions): UniformQuantizedType {
    const s = storageArgs("UniformQuantizedType.get", storage, options);
    const e = expressedArg("UniformQuantizedType.get", expressed, s.state);
    const sc = scaleArg(scale, "UniformQuantizedType.get's scale");
    const z = zeroPointArg(zeroPoint, "UniformQuantizedType.get's zeroPoint");
    const ptr = lib.mlirffi_quant_uniform_type(s.signed, s.storage, e, sc, z, s.min, s.max);
    verified(s.state, ptr, "UniformQuantizedType.get's scale", `inside the range of ${expressed.toString()}`);
    return new UniformQuantizedType(s.state, ptr);
  }

  /** The scale. */
  get scale(): number {
    return lib.mlirffi_quant_uniform_scale(this._live());
  }

  /** The zero point. */
  get zeroPoint(): number {
    return lib.mlirffi_quant_uniform_zero_point(this._live());
  }

  /** Whether it is fixed point (the zero point is 0 and the storage signed). */
  get isFixedPoint(): boolean {
    return lib.mlirffi_quant_is_fixed_point(this._live());
  }
}

/**
 * `!quant.uniform<i8:f32:1, {0.5:1, 2.0:3}>`: a scale and zero point per slice along one dimension.
 *
 * @example
 * ```ts
 * import { Context, FloatType, IntegerType, UniformQuantizedPerAxisType } from "../../mod.ts";
 * using ctx = new Context();
 * const t = UniformQuantizedPerAxisType.get(IntegerType.get(ctx, 8), FloatType.f32(ctx), [0.5, 2], [1, 3], 1);
 * console.log(t.scales, t.zeroPoints, t.quantizedDimension); // [0.5, 2] [1, 3] 1
 * ```
 */
export class UniformQuantizedPerAxisType extends QuantizedType {
  /** One `scales[i]` and `zeroPoints[i]` per index `i` of dimension `quantizedDimension`. */
  static get(
    storage: IntegerType,
    expressed: FloatType,
    scales: readonly number[],
    zeroPoints: readonly number[],
    quantizedDimension: number,
    options?: QuantStorageOptions,
  ): UniformQuantizedPerAxisType {
    const what = "UniformQuantizedPerAxisType.get";
    const s = storageArgs(what, storage, options);
    const e = expressedArg(what, expressed, s.state);
    const sc = Float64Array.from(listArg(scales, `${what}'s scales`), (v, i) => scaleArg(v, `${what}'s scales[${i}]`));
    const z = Float64Array.from(listArg(zeroPoints, `${what}'s zeroPoints`), (v, i) => zeroPointArg(v, `${what}'s zeroPoints[${i}]`));
    if (sc.length === 0) throw argumentError(`${what}'s scales`, "a non-empty array", scales);
    if (z.length !== sc.length) {
      throw new ArgumentError({ argument: `${what}'s zeroPoints`, expected: `${sc.length} zero points, one per scale`, got: `${z.length}` });
    }
    intArg(quantizedDimension, 0, 0x7fff_ffff, `${what}'s quantizedDimension`);
    const ptr = lib.mlirffi_quant_per_axis_type(s.signed, s.storage, e, sc, z, sc.length, quantizedDimension, s.min, s.max);
    verified(s.state, ptr, `${what}'s scales`, `inside the range of ${expressed.toString()}`);
    return new UniformQuantizedPerAxisType(s.state, ptr);
  }

  #info(): Float64Array {
    const ptr = this._live();
    const n = lib.mlirffi_quant_per_axis_info(ptr, null, 0);
    const out = new Float64Array(2 * n);
    lib.mlirffi_quant_per_axis_info(ptr, out, out.length);
    return out;
  }

  /** The scales, one per slice. */
  get scales(): number[] {
    const info = this.#info();
    return Array.from(info.subarray(0, info.length / 2));
  }

  /** The zero points, one per slice. */
  get zeroPoints(): number[] {
    const info = this.#info();
    return Array.from(info.subarray(info.length / 2));
  }

  /** The dimension the slices are taken along. */
  get quantizedDimension(): number {
    return lib.mlirffi_quant_per_axis_dimension(this._live());
  }

  /**
   * MLIR's `isFixedPoint`: signed storage and, as MLIR 22 computes it, no
   * zero point equal to 0 (the opposite of the per-layer type's rule).
   */
  get isFixedPoint(): boolean {
    return lib.mlirffi_quant_is_fixed_point(this._live());
  }
}

/**
 * `!quant.uniform<i8:f32:{0:1, 1:2}, {...}>`: scales and zero points per
 * block. Read from parsed IR (`ctx.parseType`); there is no constructor
 * here (its verifier's rules are many, and the C one skips them).
 *
 * @example
 * ```ts
 * import { Context, RankedTensorType, UniformQuantizedSubChannelType } from "../../mod.ts";
 * using ctx = new Context();
 * const t = ctx.parseType("tensor<2x4x!quant.uniform<i8:f32:{0:1, 1:2}, {{2.0:10, 3.0:20}, {4.0:30, 5.0:40}}>>");
 * const q = (t as RankedTensorType).elementType as UniformQuantizedSubChannelType;
 * console.log(q.quantizedDimensions, q.blockSizes); // [0, 1] [1, 2]
 * ```
 */
export class UniformQuantizedSubChannelType extends QuantizedType {
  #info(): Float64Array {
    const ptr = this._live();
    const n = lib.mlirffi_quant_sub_channel_info(ptr, null, 0);
    const out = new Float64Array(2 * n);
    lib.mlirffi_quant_sub_channel_info(ptr, out, out.length);
    return out;
  }

  /** The quantized dimensions, one per block size. */
  get quantizedDimensions(): number[] {
    const info = this.#info();
    return Array.from(info.subarray(0, info.length / 2));
  }

  /** The block sizes, one per quantized dimension. */
  get blockSizes(): number[] {
    const info = this.#info();
    return Array.from(info.subarray(info.length / 2));
  }

  /** The scales, as a dense elements attribute. */
  get scales(): Attribute {
    return wrapAttribute(this._state, lib.mlirffi_quant_sub_channel_attr(this._live(), false));
  }

  /** The zero points, as a dense elements attribute. */
  get zeroPoints(): Attribute {
    return wrapAttribute(this._state, lib.mlirffi_quant_sub_channel_attr(this._live(), true));
  }
}

/**
 * `!quant.calibrated<f32<-1.0:1.0>>`: a value range seen in calibration, not yet quantized.
 *
 * @example
 * ```ts
 * import { CalibratedQuantizedType, Context, FloatType } from "../../mod.ts";
 * using ctx = new Context();
 * const t = CalibratedQuantizedType.get(FloatType.f32(ctx), -1, 1);
 * console.log(t.min, t.max); // -1 1
 * ```
 */
export class CalibratedQuantizedType extends QuantizedType {
  /** The range `[min, max]` of `expressed` values (finite, min < max). */
  static get(expressed: FloatType, min: number, max: number): CalibratedQuantizedType {
    const e = typeArg(expressed, null, "CalibratedQuantizedType.get's expressed type");
    expressedArg("CalibratedQuantizedType.get", expressed, expressed._state);
    if (typeof min !== "number" || !Number.isFinite(min)) throw argumentError("CalibratedQuantizedType.get's min", "a finite number", min);
    if (typeof max !== "number" || !Number.isFinite(max) || max <= min) {
      throw argumentError("CalibratedQuantizedType.get's max", `a finite number greater than min (${min})`, max);
    }
    return new CalibratedQuantizedType(expressed._state, lib.mlirffi_quant_calibrated_type(e, min, max));
  }

  /** The smallest value seen. */
  get min(): number {
    return lib.mlirffi_quant_calibrated_bound(this._live(), false);
  }

  /** The largest value seen. */
  get max(): number {
    return lib.mlirffi_quant_calibrated_bound(this._live(), true);
  }
}
