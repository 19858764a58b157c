/**
 * Dense data: elements attributes to and from typed arrays, dense resources
 * and dense arrays.
 *
 * Element types map to typed arrays: i1 ↔ Uint8Array (0/1, or boolean[] in),
 * i8/i16/i32 ↔ Int*Array (Uint*Array for unsigned types; signless types take
 * either), i64 and index ↔ BigInt64Array (BigUint64Array for ui64),
 * f32 ↔ Float32Array, f64 ↔ Float64Array, f16 and bf16 ↔ Uint16Array (bits).
 *
 * @module
 */
import { contextArg } from "../context_state.ts";
import { argumentError, describe, stringArg } from "../../base/args.ts";
import { Attribute, attributeArg } from "../attribute.ts";
import { ArgumentError } from "../../base/errors.ts";
import { lib } from "../../ffi/load.ts";
import { encode, takeOutput } from "../../ffi/text.ts";
import type { Context } from "../../context.ts";
import { type Type, typeArg } from "../type.ts";
import { FloatType } from "../types/float.ts";
import { IndexType, IntegerType } from "../types/integer.ts";
import { ShapedType } from "../types/shaped.ts";
import { wrapAttribute } from "../class_registry.ts";
import { BoolAttr, FloatAttr, IntegerAttr } from "./scalar.ts";
import { bfloat16Bits, float16Bits } from "./half.ts";
import { f64Array } from "../../base/f64_array.ts";
import { staticTypeID, type TypeID } from "../type_id.ts";

/** A typed array that can hold elements. */
export type ElementArray =
  | Uint8Array
  | Int8Array
  | Int16Array
  | Uint16Array
  | Int32Array
  | Uint32Array
  | BigInt64Array
  | BigUint64Array
  | Float32Array
  | Float64Array;

// Element kinds, as native/src/elements.c numbers them.
const BOOL = 0, I8 = 1, U8 = 2, I16 = 3, U16 = 4, I32 = 5, U32 = 6, I64 = 7, U64 = 8, F32 = 9, F64 = 10, F16 = 11,
  BF16 = 12;

type ArrayCtor = new (n: number) => ElementArray;
const CTORS: Record<number, ArrayCtor> = {
  [BOOL]: Uint8Array,
  [I8]: Int8Array,
  [U8]: Uint8Array,
  [I16]: Int16Array,
  [U16]: Uint16Array,
  [I32]: Int32Array,
  [U32]: Uint32Array,
  [I64]: BigInt64Array,
  [U64]: BigUint64Array,
  [F32]: Float32Array,
  [F64]: Float64Array,
  [F16]: Uint16Array,
  [BF16]: Uint16Array,
};

/** The element kind that holds `type`'s values, for reading; signedness picks the array. */
function kindOf(type: Type, what: string): number {
  if (type instanceof IndexType) return I64;
  if (type instanceof IntegerType) {
    const unsigned = type.signedness === "unsigned";
    switch (type.width) {
      case 1: return BOOL;
      case 8: return unsigned ? U8 : I8;
      case 16: return unsigned ? U16 : I16;
      case 32: return unsigned ? U32 : I32;
      case 64: return unsigned ? U64 : I64;
    }
  }
  if (type instanceof FloatType) {
    const kind = ({ f32: F32, f64: F64, f16: F16, bf16: BF16 } as Record<string, number>)[type.name];
    if (kind !== undefined) return kind;
  }
  throw new ArgumentError(
    {
      argument: what,
      expected: "an element type with a typed-array form (i1, i8 to i64, index, f16, bf16, f32 or f64)",
      got: type.toString(),
    },
    { advice: "Build or read such elements as text." },
  );
}

/** The ArgumentError for an array of booleans holding something else. */
function notBooleans(what: string, data: readonly unknown[], expected: string): ArgumentError {
  const i = data.findIndex((b) => typeof b !== "boolean");
  return new ArgumentError({ argument: what, expected, got: `an array holding ${describe(data[i])} at [${i}]` });
}

/** Checks that `data` fits elements of `type` and returns it with its native kind. */
function dataArg(data: unknown, type: Type, kind: number, what: string): { bytes: Uint8Array; kind: number; count: number } {
  if (kind === BOOL && Array.isArray(data)) {
    if (!data.every((b) => typeof b === "boolean")) throw notBooleans(what, data, "booleans (elements of type i1)");
    return { bytes: Uint8Array.from(data, (b) => (b ? 1 : 0)), kind, count: data.length };
  }
  if (!ArrayBuffer.isView(data) || data instanceof DataView) {
    throw argumentError(what, "a typed array (or booleans for i1)", data);
  }
  const expected = CTORS[kind]!;
  const signless = type instanceof IntegerType && type.signedness === "signless";
  // A signless integer takes signed or unsigned arrays of its width.
  const twin = signless ? CTORS[kind + 1] : undefined;
  if (!(data instanceof expected) && !(twin !== undefined && data instanceof twin)) {
    const article = expected.name.startsWith("I") ? "an" : "a";
    const arrays = `${expected.name}${twin === undefined ? "" : ` or ${twin.name}`}`;
    throw argumentError(what, `${article} ${arrays} (elements of type ${type.toString()})`, data);
  }
  const array = data as ElementArray;
  return { bytes: new Uint8Array(array.buffer, array.byteOffset, array.byteLength), kind, count: array.length };
}

function shapedArg(type: unknown, what: string): ShapedType {
  typeArg(type, null, what);
  if (!(type instanceof ShapedType) || !type.hasStaticShape) {
    throw new ArgumentError({ argument: what, expected: "a statically shaped tensor or vector type", got: String(type) });
  }
  return type;
}

/**
 * `dense<[1, 2, 3]> : tensor<3xi32>`: elements stored inline.
 *
 * @example
 * ```ts
 * import { Context, DenseElementsAttr, FloatType, RankedTensorType } from "../../mod.ts";
 * using ctx = new Context();
 * const t = RankedTensorType.get([2, 2], FloatType.f32(ctx));
 * const a = DenseElementsAttr.get(t, new Float32Array([1, 2, 3, 4]));
 * console.log(a.toString(), a.toArray()); // dense<[[1.0, 2.0], [3.0, 4.0]]> : tensor<2x2xf32> Float32Array(4) [ 1, 2, 3, 4 ]
 * ```
 */
export class DenseElementsAttr extends Attribute {
  /** The TypeID every `DenseElementsAttr` has (its `typeID`), for `registerTypeCaster`. */
  static get staticTypeID(): TypeID {
    return staticTypeID("DenseElementsAttr");
  }

  /** Elements of `type` from a typed array with one element per position (or exactly one: a splat). */
  static get(type: ShapedType, data: ElementArray | boolean[]): DenseElementsAttr {
    const shaped = shapedArg(type, "DenseElementsAttr's type");
    const element = shaped.elementType;
    const { bytes, kind, count } = dataArg(data, element, kindOf(element, "DenseElementsAttr.get's element type"), "DenseElementsAttr data");
    const n = shaped.numElements;
    if (count !== n && count !== 1) {
      throw new ArgumentError(
        { argument: "DenseElementsAttr data", expected: `${n} elements, or 1`, got: `${count} elements for ${shaped.toString()}` },
        { advice: `Give ${n}, or 1 for a splat.` },
      );
    }
    const ptr = lib.mlirffi_dense_elements(shaped._live(), kind, bytes, count);
    if (ptr === 0) {
      throw argumentError("DenseElementsAttr data", `data MLIR can build elements of ${shaped.toString()} from`, data);
    }
    return new DenseElementsAttr(shaped._state, ptr);
  }

  /**
   * Every element equal to `value`: a boolean for i1, an integer (number or
   * BigInt) in range for integer and index types, a number for float types.
   */
  static splat(type: ShapedType, value: number | bigint | boolean): DenseElementsAttr {
    const shaped = shapedArg(type, "DenseElementsAttr's type");
    const element = shaped.elementType;
    const kind = kindOf(element, "DenseElementsAttr.splat's element type");
    const one = new CTORS[kind]!(1);
    const what = "DenseElementsAttr.splat's value";
    const of = ` (elements of type ${element.toString()})`;
    if (kind === BOOL) {
      if (typeof value !== "boolean") throw argumentError(what, `a boolean${of}`, value);
      one[0] = value ? 1 : 0;
    } else if (element instanceof FloatType) {
      if (typeof value !== "number") throw argumentError(what, `a number${of}`, value);
      if (kind === F16) one[0] = float16Bits(value);
      else if (kind === BF16) one[0] = bfloat16Bits(value);
      else one[0] = value;
    } else {
      if (!(typeof value === "bigint" || (typeof value === "number" && Number.isSafeInteger(value)))) {
        throw argumentError(what, `an integer (number or BigInt)${of}`, value);
      }
      const v = BigInt(value);
      const width = element instanceof IntegerType ? element.width : 64;
      const signedness = element instanceof IntegerType ? element.signedness : "signed";
      const min = signedness === "unsigned" ? 0n : -(1n << BigInt(width - 1));
      const max = signedness === "signed" ? (1n << BigInt(width - 1)) - 1n : (1n << BigInt(width)) - 1n;
      if (v < min || v > max) throw new ArgumentError({ argument: what, expected: `an integer in [${min}, ${max}]${of}`, got: String(v) });
      if (one instanceof BigInt64Array) one[0] = BigInt.asIntN(64, v);
      else if (one instanceof BigUint64Array) one[0] = BigInt.asUintN(64, v);
      else one[0] = Number(v);
    }
    return DenseElementsAttr.get(shaped, one);
  }

  /**
   * Elements of `type` from one attribute per element (or exactly one: a
   * splat); each must have the element type, e.g. `IntegerAttr`s of `i32`.
   */
  static fromAttributes(type: ShapedType, elements: readonly Attribute[]): DenseElementsAttr {
    const shaped = shapedArg(type, "DenseElementsAttr's type");
    if (!Array.isArray(elements)) throw argumentError("fromAttributes's elements", "an array of Attributes", elements);
    const element = shaped.elementType;
    const n = shaped.numElements;
    if (elements.length !== n && elements.length !== 1) {
      throw new ArgumentError(
        {
          argument: "fromAttributes's elements",
          expected: `${n} attributes, or 1`,
          got: `${elements.length} attributes for ${shaped.toString()}`,
        },
        { advice: `Give ${n}, or 1 for a splat.` },
      );
    }
    const ptrs = f64Array(elements, (a, i) => {
      const p = attributeArg(a, shaped._state, `Element ${i}`);
      if (!(a instanceof IntegerAttr || a instanceof FloatAttr || a instanceof BoolAttr) || !a.type.equals(element)) {
        throw new ArgumentError({
          argument: `Element ${i}`,
          expected: `an integer, float or bool attribute of type ${element.toString()}`,
          got: String(a),
        });
      }
      return p;
    });
    const ptr = lib.mlirffi_dense_elements_from_attrs(shaped._live(), ptrs, ptrs.length);
    if (ptr === 0) {
      throw new ArgumentError({
        argument: "fromAttributes's elements",
        expected: `attributes MLIR can build elements of ${shaped.toString()} from`,
        got: `${ptrs.length} attributes it refused`,
      });
    }
    return new DenseElementsAttr(shaped._state, ptr);
  }

  /** The value every element has, for a splat; `null` otherwise. */
  getSplatValue(): Attribute | null {
    const a = lib.mlirffi_dense_elements_splat_value(this._live());
    return a === 0 ? null : wrapAttribute(this._state, a);
  }

  /** Number of elements. */
  get numElements(): number {
    return lib.mlirffi_elements_count(this._live());
  }

  /** Whether every element is the same. */
  get isSplat(): boolean {
    return lib.mlirffi_dense_elements_is_splat(this._live());
  }

  /** The elements, in row-major order, as the typed array of their type. */
  toArray(): ElementArray {
    const ptr = this._live();
    const element = (this.type as ShapedType).elementType;
    const kind = kindOf(element, "DenseElementsAttr.toArray's element type");
    const n = lib.mlirffi_elements_count(ptr);
    const out = new CTORS[kind]!(n);
    const bytes = new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
    if (lib.mlirffi_dense_elements_copy(ptr, kind, bytes, n) !== n) {
      throw new ArgumentError({
        argument: "The DenseElementsAttr read by toArray",
        expected: "elements a typed array can hold",
        got: `elements of type ${element.toString()} that could not be copied`,
      });
    }
    return out;
  }
}

/**
 * `dense_resource<name> : tensor<...>`: elements in a named blob outside the
 * IR text (the binding keeps its own copy of the data).
 *
 * @example
 * ```ts
 * import { Context, DenseResourceElementsAttr, IntegerType, RankedTensorType } from "../../mod.ts";
 * using ctx = new Context();
 * const t = RankedTensorType.get([3], IntegerType.get(ctx, 32));
 * const a = DenseResourceElementsAttr.get(t, "weights", new Int32Array([7, 8, 9]));
 * console.log(a.toArray()); // Int32Array(3) [ 7, 8, 9 ]
 * ```
 */
export class DenseResourceElementsAttr extends Attribute {
  /** A resource called `name` holding `data` (one element per position). */
  static get(type: ShapedType, name: string, data: ElementArray | boolean[]): DenseResourceElementsAttr {
    const shaped = shapedArg(type, "DenseResourceElementsAttr's type");
    const element = shaped.elementType;
    const kind = kindOf(element, "DenseResourceElementsAttr.get's element type");
    const { bytes, count } = dataArg(data, element, kind, "DenseResourceElementsAttr data");
    if (kind === F16 || kind === BF16) {
      throw new ArgumentError(
        { argument: "DenseResourceElementsAttr.get's element type", expected: "an element type other than f16 and bf16", got: element.toString() },
        { advice: "Use DenseElementsAttr for those." },
      );
    }
    const n = shaped.numElements;
    if (count !== n) {
      throw new ArgumentError({
        argument: "DenseResourceElementsAttr data",
        expected: `${n} elements`,
        got: `${count} elements for ${shaped.toString()}`,
      });
    }
    const nameBytes = encode(stringArg(name, "Resource name"));
    const ptr = lib.mlirffi_dense_resource(shaped._live(), nameBytes, nameBytes.length, kind, bytes, count);
    if (ptr === 0) {
      throw new ArgumentError({
        argument: "DenseResourceElementsAttr.get's arguments",
        expected: "a type, name and data MLIR can build a dense resource from",
        got: `${shaped.toString()}, resource '${name}' and ${count} elements`,
      });
    }
    shaped._state.ownedResources.add(ptr);
    return new DenseResourceElementsAttr(shaped._state, ptr);
  }

  /**
   * The elements, as the typed array of their type. Throws if the resource
   * has no data (a `dense_resource` parsed without its blob) or its blob
   * does not match the type.
   */
  toArray(): ElementArray {
    const ptr = this._live();
    const shaped = this.type as ShapedType;
    const kind = kindOf(shaped.elementType, "DenseResourceElementsAttr.toArray's element type");
    const n = shaped.numElements;
    const out = new CTORS[kind]!(n);
    const bytes = new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
    if (this._state.ownedResources.has(ptr)) {
      lib.mlirffi_dense_resource_copy(ptr, kind, bytes, n);
      return out;
    }
    // MLIR's C API reads a resource's blob without checking that it exists
    // or is large enough; the printer writes exactly the blob it has.
    lib.mlirffi_resource_text(this._state.store, ptr);
    const m = /dialect_resources: \{\s*builtin: \{\s*(?:"(?:[^"\\]|\\.)*"|[^\s:]+): "0x([0-9A-Fa-f]*)"/.exec(takeOutput());
    if (m === null) {
      throw new ArgumentError({
        argument: "The dense resource read by toArray",
        expected: "a resource whose blob was given",
        got: `${this.toString()}, whose blob was never given`,
      });
    }
    const hex = m[1]!;
    // The blob's hex starts with its alignment (4 bytes), then the data.
    const blob = new Uint8Array((hex.length >> 1) - 4);
    for (let i = 0; i < blob.length; i++) blob[i] = parseInt(hex.substr(8 + 2 * i, 2), 16);
    if (blob.length !== bytes.length) {
      throw new ArgumentError({
        argument: "The dense resource read by toArray",
        expected: `a blob of ${bytes.length} bytes (as its type needs)`,
        got: `${this.toString()}, whose blob holds ${blob.length} bytes`,
      });
    }
    bytes.set(blob);
    return out;
  }
}

/** The typed arrays a dense array attribute can be built from. */
export type DenseArrayData = Int8Array | Int16Array | Int32Array | BigInt64Array | Float32Array | Float64Array | boolean[];

/**
 * `array<i32: 1, 2, 3>`: a plain array of scalars (used by many ops' inherent attributes).
 *
 * @example
 * ```ts
 * import { Context, DenseArrayAttr } from "../../mod.ts";
 * using ctx = new Context();
 * console.log(DenseArrayAttr.get(ctx, new Int32Array([1, 2])).toString()); // array<i32: 1, 2>
 * ```
 */
export class DenseArrayAttr extends Attribute {
  /** The TypeID every `DenseArrayAttr` has (its `typeID`), for `registerTypeCaster`. */
  static get staticTypeID(): TypeID {
    return staticTypeID("DenseArrayAttr");
  }

  /** The array of `data`'s values; the typed array picks the element type. */
  static get(ctx: Context, data: DenseArrayData): DenseArrayAttr {
    const state = contextArg(ctx, "DenseArrayAttr.get's context");
    let kind: number;
    let bytes: Uint8Array;
    let n: number;
    if (Array.isArray(data)) {
      if (!data.every((b) => typeof b === "boolean")) throw notBooleans("DenseArrayAttr.get's data", data, "booleans (a dense bool array)");
      kind = BOOL;
      bytes = Uint8Array.from(data, (b) => (b ? 1 : 0));
      n = data.length;
    } else {
      const k = [[Int8Array, I8], [Int16Array, I16], [Int32Array, I32], [BigInt64Array, I64], [Float32Array, F32], [
        Float64Array,
        F64,
      ]].find(([c]) => data instanceof (c as ArrayCtor));
      if (k === undefined) {
        throw argumentError(
          "DenseArrayAttr.get's data",
          "an Int8/16/32Array, BigInt64Array, Float32/64Array or an array of booleans",
          data,
        );
      }
      kind = k[1] as number;
      bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
      n = data.length;
    }
    return new DenseArrayAttr(state, lib.mlirffi_dense_array(state.store, kind, bytes, n));
  }

  /** The values (booleans as a Uint8Array of 0/1). */
  toArray(): ElementArray {
    const ptr = this._live();
    const size = new Float64Array(1);
    const kind = lib.mlirffi_dense_array_kind(ptr, size);
    const out = new CTORS[kind]!(size[0]!);
    lib.mlirffi_dense_array_copy(ptr, kind, new Uint8Array(out.buffer, out.byteOffset, out.byteLength), size[0]!);
    return out;
  }
}
