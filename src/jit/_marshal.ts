/**
 * How `invoke`'s arguments and results cross into compiled code: the byte
 * layout native/src/jit_calls.c reads (a slot per packed argument of the
 * function's C interface), and the conversions between JS values and those
 * bytes. Private to the JIT folder.
 *
 * A memref result is copied out of the compiled code's buffer into a fresh
 * typed array, and that buffer is freed (when the code allocated it; see
 * jit_calls.c): the caller owns what it gets, and nothing native outlives
 * the call.
 *
 * @module
 */
import { argumentError } from "../base/args.ts";
import { ArgumentError, ExecutionEngineError } from "../base/errors.ts";
import { lib } from "../ffi/load.ts";
import type { Type } from "../ir/type.ts";
import type { FunctionType } from "../ir/types/composite.ts";
import { FloatType } from "../ir/types/float.ts";
import { IndexType, IntegerType } from "../ir/types/integer.ts";
import { MemRefType } from "../ir/types/shaped.ts";
import type { ElementArray } from "../ir/attributes/elements.ts";

/** A memref argument: a typed array (1-D, or shaped by the type) or data with an explicit shape. */
export type MemRefArgument = ElementArray | { readonly data: ElementArray; readonly shape: readonly number[] };

/**
 * A memref result: a typed array the caller owns (a copy of what the
 * compiled code returned), with its shape and its strides in elements
 * (row-major: the copy is dense).
 */
export interface MemRefResult {
  /** The elements, row-major. */
  readonly data: ElementArray;
  /** The size of each dimension. */
  readonly shape: readonly number[];
  /** Elements between neighbours along each dimension. */
  readonly strides: readonly number[];
}

/** What `invoke` accepts per parameter. */
export type JitArgument = number | bigint | boolean | MemRefArgument;

/** One scalar result. */
export type JitScalar = number | bigint | boolean;

/** What `invoke` returns: nothing, one scalar or memref, or the scalars of a function with several results, in order. */
export type JitResult = JitScalar | undefined | MemRefResult | JitScalar[];

/** Memref data pointers passed as parameters of the call; more are staged. */
export const PARAM_MEMREFS = 8;
/** The most memref parameters and results a function may have (jit_calls.c's staging area). */
export const MAX_MEMREFS = 1024;
/** Elements a memref result may have (what a typed array can hold, with room to spare). */
const MAX_RESULT_BYTES = 2 ** 31 - 1;

/** One packed argument: where it lives in the storage and what it is. */
export interface Slot {
  readonly type: Type;
  readonly offset: number;
  /** 0 a scalar, k > 0 memref argument k - 1, -1 a memref result, -2 the struct of several results. */
  readonly kind: number;
}

/** The layout of one call. */
export interface Layout {
  readonly slots: readonly Slot[];
  /** The slot of each parameter, in order. */
  readonly inputs: readonly Slot[];
  readonly result: Slot | undefined;
  /** For several results: where each lies in the struct at `result` (not passed natively). */
  readonly fields: readonly Slot[];
  readonly size: number;
  readonly memrefs: number;
}

/** The bit width of a scalar type invoke can pass, or null. */
export function scalarWidth(type: Type): number | null {
  if (type instanceof IndexType) return 64;
  if (type instanceof IntegerType && [1, 8, 16, 32, 64].includes(type.width)) return type.width;
  if (type instanceof FloatType && (type.name === "f32" || type.name === "f64")) return type.width;
  return null;
}

type ArrayClass = (abstract new (...a: never[]) => ElementArray) & { readonly BYTES_PER_ELEMENT: number };

/** The typed arrays that hold each element type; the first is what results come back as. */
const ELEMENT_ARRAYS: Record<string, readonly ArrayClass[]> = {
  f32: [Float32Array],
  f64: [Float64Array],
  i8: [Int8Array, Uint8Array],
  i16: [Int16Array, Uint16Array],
  i32: [Int32Array, Uint32Array],
  i64: [BigInt64Array, BigUint64Array],
  index: [BigInt64Array],
};

function isPassableMemRef(t: Type): t is MemRefType {
  return t instanceof MemRefType && t.rank !== null && ELEMENT_ARRAYS[t.elementType.toString()] !== undefined;
}

/** Refuses a signature invoke cannot call, before anything runs. */
export function checkSignature(name: string, type: FunctionType): void {
  for (const [i, t] of type.inputs.entries()) {
    if (scalarWidth(t) === null && !isPassableMemRef(t)) {
      throw new ArgumentError({
        argument: `invoke's function @${name}`,
        expected: "a function whose parameters are integers (i1 to i64, index), f32, f64 or memrefs of those",
        got: `parameter ${i} of type ${t.toString()}`,
      });
    }
  }
  const results = type.results;
  const one = results.length === 1 && (scalarWidth(results[0]!) !== null || isPassableMemRef(results[0]!));
  const several = results.length > 1 && results.every((t) => scalarWidth(t) !== null);
  if (results.length > 0 && !one && !several) {
    throw new ArgumentError({
      argument: `invoke's function @${name}`,
      expected: "a function returning nothing, scalars, or one ranked memref of those",
      got: type.toString(),
    });
  }
}

/** Bytes (and alignment) of a scalar of `width` bits in an LLVM struct: i1 takes a byte. */
function fieldBytes(width: number): number {
  return Math.max(1, width / 8);
}

/**
 * The slots of a call of `type`. The C interface takes a memref result, or
 * the struct MLIR packs several results into, as a pointer before the
 * parameters (it returns void), a single scalar result after them. A memref
 * or struct slot is preceded by the pointer to it. Struct fields are laid
 * out as LLVM lays out a struct of those scalars: each at its own
 * alignment (its size).
 */
export function layout(name: string, type: FunctionType): Layout {
  const slots: Slot[] = [];
  let size = 0;
  let memrefs = 0;
  const place = (t: Type, isResult: boolean): Slot => {
    let slot: Slot;
    if (t instanceof MemRefType) {
      size += 8;
      slot = { type: t, offset: size, kind: isResult ? -1 : 1 + memrefs };
      size += 24 + 16 * t.rank!;
      memrefs++;
    } else {
      slot = { type: t, offset: size, kind: 0 };
      size += 8;
    }
    slots.push(slot);
    return slot;
  };
  const fields: Slot[] = [];
  let first: Slot | undefined;
  if (type.results.length > 1) {
    size += 8;
    first = { type: type.results[0]!, offset: size, kind: -2 };
    slots.push(first);
    let at = 0;
    for (const t of type.results) {
      const bytes = fieldBytes(scalarWidth(t)!);
      at = Math.ceil(at / bytes) * bytes;
      fields.push({ type: t, offset: size + at, kind: 0 });
      at += bytes;
    }
    size += Math.ceil(at / 8) * 8;
  }
  const resultType = type.results.length === 1 ? type.results[0] : undefined;
  if (resultType instanceof MemRefType) first = place(resultType, true);
  const inputs = type.inputs.map((t) => place(t, false));
  const result = first ?? (resultType === undefined ? undefined : place(resultType, true));
  if (memrefs > MAX_MEMREFS) {
    throw new ArgumentError({
      argument: `invoke's function @${name}`,
      expected: `a function with at most ${MAX_MEMREFS} memref parameters and results`,
      got: `one with ${memrefs}`,
    });
  }
  return { slots, inputs, result, fields, size, memrefs };
}

/** Writes a scalar argument, checking that the type can carry it. */
export function writeScalar(view: DataView, slot: Slot, value: unknown, what: string): void {
  const t = slot.type;
  const width = scalarWidth(t)!;
  if (t instanceof FloatType) {
    if (typeof value !== "number") throw argumentError(`${what} (${t.toString()})`, "a number", value);
    if (width === 32) view.setFloat32(slot.offset, value, true);
    else view.setFloat64(slot.offset, value, true);
    return;
  }
  view.setBigUint64(slot.offset, BigInt.asUintN(64, integerValue(value, width, `${what} (${t.toString()})`)), true);
}

/** `value` as an integer of `width` bits (signed or unsigned range), or an ArgumentError. */
export function integerValue(value: unknown, width: number, what: string): bigint {
  let v: bigint;
  if (typeof value === "boolean" && width === 1) v = value ? 1n : 0n;
  else if (typeof value === "bigint") v = value;
  else if (typeof value === "number" && Number.isSafeInteger(value)) v = BigInt(value);
  else throw argumentError(what, "an integer (number or BigInt)", value);
  const min = -(1n << BigInt(width - 1));
  const max = (1n << BigInt(width)) - 1n;
  if (v < min || v > max) {
    throw new ArgumentError({ argument: what, expected: `an integer in [${min}, ${max}]`, got: String(v) });
  }
  return v;
}

/** Reads a scalar result. */
export function readScalar(view: DataView, slot: Slot): JitScalar {
  const t = slot.type;
  const width = scalarWidth(t)!;
  if (t instanceof FloatType) return width === 32 ? view.getFloat32(slot.offset, true) : view.getFloat64(slot.offset, true);
  const unsigned = t instanceof IntegerType && t.signedness === "unsigned";
  switch (width) {
    case 1: return (view.getUint8(slot.offset) & 1) === 1;
    case 8: return unsigned ? view.getUint8(slot.offset) : view.getInt8(slot.offset);
    case 16: return unsigned ? view.getUint16(slot.offset, true) : view.getInt16(slot.offset, true);
    case 32: return unsigned ? view.getUint32(slot.offset, true) : view.getInt32(slot.offset, true);
    default: return unsigned ? view.getBigUint64(slot.offset, true) : view.getBigInt64(slot.offset, true);
  }
}

/** Fills a memref descriptor (offset, sizes, strides) and returns the data's bytes. */
export function writeMemRef(view: DataView, slot: Slot, value: unknown, what: string): Uint8Array {
  const t = slot.type as MemRefType;
  const arrays = ELEMENT_ARRAYS[t.elementType.toString()]!;
  const given = ArrayBuffer.isView(value) ? { data: value, shape: undefined } : value as { data?: unknown; shape?: unknown };
  const data = given?.data;
  if (!arrays.some((a) => data instanceof a)) {
    const names = arrays.map((a) => a.name).join(" or ");
    throw argumentError(`${what} (${t.toString()})`, `${names.startsWith("I") ? "an" : "a"} ${names}`, data);
  }
  const array = data as ElementArray;
  const declared = t.shape!;
  let shape: number[];
  if (Array.isArray(given.shape)) {
    shape = given.shape as number[];
  } else if (declared.length === 1) {
    shape = [array.length];
  } else if (declared.every((d) => d !== null)) {
    shape = declared as number[];
  } else {
    throw new ArgumentError(
      { argument: `${what} (${t.toString()})`, expected: "{ data, shape } for a memref with dynamic sizes", got: "a typed array alone" },
      { advice: "Pass { data, shape }." },
    );
  }
  if (shape.length !== declared.length || shape.some((d, i) => !Number.isSafeInteger(d) || d < 0 || (declared[i] !== null && declared[i] !== d))) {
    throw new ArgumentError({ argument: `${what}'s shape`, expected: `a shape that matches ${t.toString()}`, got: `[${shape}]` });
  }
  const count = shape.reduce((a, b) => a * b, 1);
  if (count !== array.length) {
    throw new ArgumentError({
      argument: `${what}'s data`,
      expected: `${count} elements (as shape [${shape}] needs)`,
      got: `an array of ${array.length}`,
    });
  }
  const identity = shape.map((_, i) => `d${i}`).join(", ");
  if (t.layout.toString() !== `affine_map<(${identity}) -> (${identity})>`) {
    throw new ArgumentError({
      argument: `${what}'s parameter type`,
      expected: "a memref with the identity (row-major) layout",
      got: t.toString(),
    });
  }
  // Descriptor: allocated, aligned (filled natively), offset, sizes, strides.
  let at = slot.offset + 16;
  view.setBigInt64(at, 0n, true);
  at += 8;
  for (const d of shape) {
    view.setBigInt64(at, BigInt(d), true);
    at += 8;
  }
  // Row-major: each stride is the product of the sizes after it.
  for (let i = 0; i < shape.length; i++) {
    view.setBigInt64(at, BigInt(shape.slice(i + 1).reduce((a, b) => a * b, 1)), true);
    at += 8;
  }
  return new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
}

function rowMajorStrides(shape: readonly number[]): number[] {
  const strides = new Array<number>(shape.length);
  let s = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    strides[i] = s;
    s *= shape[i]!;
  }
  return strides;
}

/**
 * Takes the memref result in `slot` after the call: copies it into a new
 * typed array and frees the compiled code's buffer when it owns one. With
 * `discard` only frees (the call failed in JS). Every path frees exactly
 * once: nothing else reads the descriptor afterwards.
 */
export function takeMemRef(storage: Uint8Array, view: DataView, slot: Slot, discard: boolean, fn: string): MemRefResult | undefined {
  const t = slot.type as MemRefType;
  const rank = t.rank!;
  const Array_ = ELEMENT_ARRAYS[t.elementType.toString()]![0]! as unknown as { new (n: number): ElementArray; readonly BYTES_PER_ELEMENT: number };
  const owned = view.getBigInt64(slot.offset - 8, true) === 1n;
  const shape: number[] = [];
  let count = 1;
  let valid = true;
  for (let i = 0; i < rank; i++) {
    const d = view.getBigInt64(slot.offset + 24 + 8 * i, true);
    if (d < 0n || d > BigInt(MAX_RESULT_BYTES)) valid = false;
    shape.push(Number(d));
    count *= Number(d);
  }
  if (count * Array_.BYTES_PER_ELEMENT > MAX_RESULT_BYTES) valid = false;
  if (discard || !valid) {
    lib.mlirffi_jit_take_memref(storage, slot.offset, rank, Array_.BYTES_PER_ELEMENT, null, owned);
    if (discard) return undefined;
    throw new ExecutionEngineError(
      `@${fn} returned a memref of shape [${shape}], which is negative or larger than a typed array can hold; its buffer was freed.`,
    );
  }
  const data = new Array_(count);
  lib.mlirffi_jit_take_memref(
    storage,
    slot.offset,
    rank,
    Array_.BYTES_PER_ELEMENT,
    count === 0 ? null : new Uint8Array(data.buffer),
    owned,
  );
  return { data, shape, strides: rowMajorStrides(shape) };
}
