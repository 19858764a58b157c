/**
 * Shaped types: vectors, tensors and memrefs. Shapes are arrays of sizes,
 * with `null` for a dynamic size.
 *
 * @module
 */
import { argumentError, boolArg, describe } from "../../base/args.ts";
import { ArgumentError } from "../../base/errors.ts";
import { lib } from "../../ffi/load.ts";
import type { ContextState } from "../context_state.ts";
import { Type, typeArg } from "../type.ts";
import { type Attribute, attributeArg } from "../attribute.ts";
import { wrapAttribute } from "../class_registry.ts";
import { AffineMapAttr, StridedLayoutAttr } from "../attributes/layout.ts";
import { wrapType } from "../class_registry.ts";
import { f64Array } from "../../base/f64_array.ts";
import { staticTypeID, type TypeID } from "../type_id.ts";

/** A dimension size: a non-negative integer, or `null` when dynamic. */
export type Dim = number | null;

/** The shape as the shim takes it: sizes as doubles, NaN for dynamic. */
export function shapeArg(shape: unknown, allowDynamic: boolean, what: string): Float64Array {
  if (!Array.isArray(shape)) throw argumentError(what, "an array of sizes", shape);
  return f64Array(shape, (d, i) => {
    if (d === null && allowDynamic) return NaN;
    if (typeof d !== "number" || !Number.isSafeInteger(d) || d < 0) {
      throw argumentError(`${what}[${i}]`, `a non-negative integer${allowDynamic ? " or null (dynamic)" : ""}`, d);
    }
    return d;
  });
}

/**
 * Makes a shaped type with a checked native constructor; a null result is
 * an ArgumentError with MLIR's reason in its diagnostics.
 */
function checkedType(
  state: ContextState,
  build: () => number,
  argument: string,
  expected: string,
  got: () => string,
): number {
  return state.callNative(build, (diagnostics) => new ArgumentError({ argument, expected, got: got() }, { diagnostics }));
}

/** How a shape reads in messages: `[4, ?]`. */
function shapeText(dims: Float64Array): string {
  return `[${Array.from(dims, (d) => (Number.isNaN(d) ? "?" : d)).join(", ")}]`;
}

/** Common queries of shaped types. */
export abstract class ShapedType extends Type {
  /** The element type. */
  get elementType(): Type {
    return wrapType(this._state, lib.mlirffi_shaped_type_element(this._live()));
  }

  /** The rank, or `null` for an unranked type. */
  get rank(): number | null {
    const r = lib.mlirffi_shaped_type_rank(this._live());
    return r < 0 ? null : r;
  }

  /** The shape (`null` for dynamic sizes), or `null` for an unranked type. */
  get shape(): Dim[] | null {
    const ptr = this._live();
    const rank = lib.mlirffi_shaped_type_rank(ptr);
    if (rank < 0) return null;
    const dims = new Float64Array(rank);
    lib.mlirffi_shaped_type_shape(ptr, dims, rank);
    return Array.from(dims, (d) => (Number.isNaN(d) ? null : d));
  }

  /** Whether every size is known. */
  get hasStaticShape(): boolean {
    const shape = this.shape;
    return shape !== null && shape.every((d) => d !== null);
  }

  /** The number of elements of a static shape. */
  get numElements(): number {
    const shape = this.shape;
    if (shape === null || shape.some((d) => d === null)) {
      throw new ArgumentError({
        argument: "The type whose numElements was asked for",
        expected: "statically shaped",
        got: `${this.toString()}, which has dynamic sizes or no rank`,
      });
    }
    const n = (shape as number[]).reduce((a, b) => a * b, 1);
    if (!Number.isSafeInteger(n)) {
      throw new ArgumentError({
        argument: "The type whose numElements was asked for",
        expected: "a type with at most 2^53 - 1 elements (what a number counts exactly)",
        got: `${this.toString()}, with more`,
      });
    }
    return n;
  }
}

/**
 * `vector<4x[8]xf32>`: fixed sizes, some of which may be scalable.
 *
 * @example
 * ```ts
 * import { Context, FloatType, VectorType } from "../../mod.ts";
 * using ctx = new Context();
 * const v = VectorType.get([4, 8], FloatType.f32(ctx), { scalable: [false, true] });
 * console.log(v.toString(), v.scalableDims); // vector<4x[8]xf32> [false, true]
 * ```
 */
export class VectorType extends ShapedType {
  /** The TypeID every `VectorType` has (its `typeID`), for `registerTypeCaster`. */
  static get staticTypeID(): TypeID {
    return staticTypeID("VectorType");
  }

  /** The vector of `shape` over `element`. */
  static get(shape: readonly number[], element: Type, options?: { scalable?: readonly boolean[] }): VectorType {
    const el = typeArg(element, null, "Vector element type");
    const state = element._state;
    const dims = shapeArg(shape, false, "Vector shape");
    let scalable: Uint8Array | null = null;
    if (options?.scalable !== undefined) {
      if (!Array.isArray(options.scalable) || options.scalable.length !== dims.length) {
        throw new ArgumentError({
          argument: "VectorType.get's options.scalable",
          expected: `an array of ${dims.length} booleans, one per dimension`,
          got: Array.isArray(options.scalable) ? `an array of ${options.scalable.length}` : describe(options.scalable),
        });
      }
      scalable = Uint8Array.from(options.scalable, (b, i) => (boolArg(b, false, `scalable[${i}]`) ? 1 : 0));
    }
    const loc = lib.mlirffi_loc_unknown(state.store);
    const ptr = checkedType(
      state,
      () => lib.mlirffi_vector_type(loc, dims, dims.length, scalable, el),
      "VectorType.get's shape and element type",
      "a valid vector type",
      () => `shape ${shapeText(dims)} of ${element.toString()}`,
    );
    return new VectorType(state, ptr);
  }

  /** For each dimension, whether it is scalable. */
  get scalableDims(): boolean[] {
    const ptr = this._live();
    const rank = lib.mlirffi_shaped_type_rank(ptr);
    return Array.from({ length: rank }, (_, i) => lib.mlirffi_vector_type_dim_scalable(ptr, i));
  }
}

/**
 * `tensor<4x?xf32>`, with an optional encoding attribute.
 *
 * @example
 * ```ts
 * import { Context, FloatType, RankedTensorType } from "../../mod.ts";
 * using ctx = new Context();
 * const t = RankedTensorType.get([4, null], FloatType.f32(ctx));
 * console.log(t.toString(), t.shape); // tensor<4x?xf32> [4, null]
 * ```
 */
export class RankedTensorType extends ShapedType {
  /** The TypeID every `RankedTensorType` has (its `typeID`), for `registerTypeCaster`. */
  static get staticTypeID(): TypeID {
    return staticTypeID("RankedTensorType");
  }

  /** The tensor of `shape` over `element`. */
  static get(shape: readonly (number | null)[], element: Type, encoding?: Attribute): RankedTensorType {
    const el = typeArg(element, null, "Tensor element type");
    const state = element._state;
    const dims = shapeArg(shape, true, "Tensor shape");
    const enc = encoding === undefined ? 0 : attributeArg(encoding, state, "Tensor encoding");
    const ptr = checkedType(
      state,
      () => lib.mlirffi_ranked_tensor_type(lib.mlirffi_loc_unknown(state.store), dims, dims.length, el, enc),
      "RankedTensorType.get's arguments",
      "a valid tensor type",
      () => `shape ${shapeText(dims)} of ${element.toString()}${encoding === undefined ? "" : `, encoding ${encoding.toString()}`}`,
    );
    return new RankedTensorType(state, ptr);
  }

  /** The encoding attribute, or `null`. */
  get encoding(): Attribute | null {
    const a = lib.mlirffi_ranked_tensor_type_encoding(this._live());
    return a === 0 ? null : wrapAttribute(this._state, a);
  }
}

/**
 * `tensor<*xf32>`.
 *
 * @example
 * ```ts
 * import { Context, FloatType, UnrankedTensorType } from "../../mod.ts";
 * using ctx = new Context();
 * console.log(UnrankedTensorType.get(FloatType.f32(ctx)).toString()); // tensor<*xf32>
 * ```
 */
export class UnrankedTensorType extends ShapedType {
  /** The TypeID every `UnrankedTensorType` has (its `typeID`), for `registerTypeCaster`. */
  static get staticTypeID(): TypeID {
    return staticTypeID("UnrankedTensorType");
  }

  /** The unranked tensor over `element`. */
  static get(element: Type): UnrankedTensorType {
    const el = typeArg(element, null, "Tensor element type");
    const state = element._state;
    const ptr = checkedType(
      state,
      () => lib.mlirffi_unranked_tensor_type(lib.mlirffi_loc_unknown(state.store), el),
      "UnrankedTensorType.get's element type",
      "a valid tensor element type",
      () => element.toString(),
    );
    return new UnrankedTensorType(state, ptr);
  }
}

/**
 * `memref<4x?xf32, strided<[?, 1]>, 1>`: a shape, a layout and a memory space.
 *
 * @example
 * ```ts
 * import { Context, FloatType, MemRefType } from "../../mod.ts";
 * using ctx = new Context();
 * console.log(MemRefType.get([8, 8], FloatType.f32(ctx)).toString()); // memref<8x8xf32>
 * ```
 */
export class MemRefType extends ShapedType {
  /** The TypeID every `MemRefType` has (its `typeID`), for `registerTypeCaster`. */
  static get staticTypeID(): TypeID {
    return staticTypeID("MemRefType");
  }

  /** The memref of `shape` over `element`, with an optional layout and memory space. */
  static get(
    shape: readonly (number | null)[],
    element: Type,
    options?: { layout?: Attribute; memorySpace?: Attribute },
  ): MemRefType {
    const el = typeArg(element, null, "MemRef element type");
    const state = element._state;
    const dims = shapeArg(shape, true, "MemRef shape");
    // MLIR casts the layout to its layout interface without checking.
    if (options?.layout !== undefined && !(options.layout instanceof AffineMapAttr || options.layout instanceof StridedLayoutAttr)) {
      throw argumentError("MemRefType.get's options.layout", "an AffineMapAttr or a StridedLayoutAttr", options.layout);
    }
    const layout = options?.layout === undefined ? 0 : attributeArg(options.layout, state, "MemRef layout");
    const space = options?.memorySpace === undefined ? 0 : attributeArg(options.memorySpace, state, "MemRef memory space");
    const ptr = checkedType(
      state,
      () => lib.mlirffi_memref_type(lib.mlirffi_loc_unknown(state.store), el, dims, dims.length, layout, space),
      "MemRefType.get's arguments",
      "a valid memref type",
      () =>
        `shape ${shapeText(dims)} of ${element.toString()}` +
        (options?.layout === undefined ? "" : `, layout ${options.layout.toString()}`) +
        (options?.memorySpace === undefined ? "" : `, memory space ${options.memorySpace.toString()}`),
    );
    return new MemRefType(state, ptr);
  }

  /** The layout attribute (an identity affine map by default). */
  get layout(): Attribute {
    return wrapAttribute(this._state, lib.mlirffi_memref_type_layout(this._live()));
  }

  /** The memory space attribute, or `null` for the default space. */
  get memorySpace(): Attribute | null {
    const a = lib.mlirffi_memref_type_memory_space(this._live());
    return a === 0 ? null : wrapAttribute(this._state, a);
  }
}

/**
 * `memref<*xf32>`.
 *
 * @example
 * ```ts
 * import { Context, FloatType, UnrankedMemRefType } from "../../mod.ts";
 * using ctx = new Context();
 * console.log(UnrankedMemRefType.get(FloatType.f32(ctx)).toString()); // memref<*xf32>
 * ```
 */
export class UnrankedMemRefType extends ShapedType {
  /** The TypeID every `UnrankedMemRefType` has (its `typeID`), for `registerTypeCaster`. */
  static get staticTypeID(): TypeID {
    return staticTypeID("UnrankedMemRefType");
  }

  /** The unranked memref over `element`, in an optional memory space. */
  static get(element: Type, memorySpace?: Attribute): UnrankedMemRefType {
    const el = typeArg(element, null, "MemRef element type");
    const state = element._state;
    const space = memorySpace === undefined ? 0 : attributeArg(memorySpace, state, "MemRef memory space");
    const ptr = checkedType(
      state,
      () => lib.mlirffi_unranked_memref_type(lib.mlirffi_loc_unknown(state.store), el, space),
      "UnrankedMemRefType.get's arguments",
      "a valid unranked memref type",
      () => `element type ${element.toString()}${memorySpace === undefined ? "" : `, memory space ${memorySpace.toString()}`}`,
    );
    return new UnrankedMemRefType(state, ptr);
  }

  /** The memory space attribute, or `null` for the default space. */
  get memorySpace(): Attribute | null {
    const a = lib.mlirffi_unranked_memref_type_memory_space(this._live());
    return a === 0 ? null : wrapAttribute(this._state, a);
  }
}
