/**
 * Shaped types: vectors, tensors and memrefs. Shapes are arrays of sizes,
 * with `null` for a dynamic size.
 *
 * @module
 */
import { boolArg, describe } from "../../base/args.ts";
import { ArgumentError } from "../../base/errors.ts";
import { lib } from "../../ffi/load.ts";
import type { ContextState } from "../context_state.ts";
import { Type, typeArg } from "../type.ts";
import { type Attribute, attributeArg } from "../attribute.ts";
import { wrapAttribute } from "../class_registry.ts";
import { AffineMapAttr, StridedLayoutAttr } from "../attributes/layout.ts";
import { wrapType } from "../class_registry.ts";

/** A dimension size: a non-negative integer, or `null` when dynamic. */
export type Dim = number | null;

/** The shape as the shim takes it: sizes as doubles, NaN for dynamic. */
export function shapeArg(shape: unknown, allowDynamic: boolean, what: string): Float64Array {
  if (!Array.isArray(shape)) throw new ArgumentError(`${what} must be an array of sizes, got ${describe(shape)}.`);
  return Float64Array.from(shape, (d, i) => {
    if (d === null && allowDynamic) return NaN;
    if (typeof d !== "number" || !Number.isSafeInteger(d) || d < 0) {
      throw new ArgumentError(
        `${what}[${i}] must be a non-negative integer${allowDynamic ? " or null (dynamic)" : ""}, got ${describe(d)}.`,
      );
    }
    return d;
  });
}

/** Throws MLIR's reason when a checked constructor returned null. */
export function checkedType<T extends Type>(
  state: ContextState,
  ptr: number,
  make: (state: ContextState, ptr: number) => T,
  what: string,
): T {
  const diagnostics = state.takeDiagnostics();
  if (ptr === 0) throw new ArgumentError(`Invalid ${what}.`, diagnostics);
  return make(state, ptr);
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
      throw new ArgumentError(`${this.toString()} has no static number of elements.`);
    }
    const n = (shape as number[]).reduce((a, b) => a * b, 1);
    if (!Number.isSafeInteger(n)) throw new ArgumentError(`${this.toString()} has more elements than a number can count exactly.`);
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
  /** The vector of `shape` over `element`. */
  static get(shape: readonly number[], element: Type, options?: { scalable?: readonly boolean[] }): VectorType {
    const el = typeArg(element, null, "Vector element type");
    const state = element._state;
    const dims = shapeArg(shape, false, "Vector shape");
    let scalable: Uint8Array | null = null;
    if (options?.scalable !== undefined) {
      if (!Array.isArray(options.scalable) || options.scalable.length !== dims.length) {
        throw new ArgumentError(`scalable must be an array of ${dims.length} booleans, one per dimension.`);
      }
      scalable = Uint8Array.from(options.scalable, (b, i) => (boolArg(b, false, `scalable[${i}]`) ? 1 : 0));
    }
    const loc = lib.mlirffi_loc_unknown(state.store);
    const ptr = lib.mlirffi_vector_type(loc, dims, dims.length, scalable, el);
    return checkedType(state, ptr, (s, p) => new VectorType(s, p), "vector type");
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
  /** The tensor of `shape` over `element`. */
  static get(shape: readonly (number | null)[], element: Type, encoding?: Attribute): RankedTensorType {
    const el = typeArg(element, null, "Tensor element type");
    const state = element._state;
    const dims = shapeArg(shape, true, "Tensor shape");
    const enc = encoding === undefined ? 0 : attributeArg(encoding, state, "Tensor encoding");
    const ptr = lib.mlirffi_ranked_tensor_type(lib.mlirffi_loc_unknown(state.store), dims, dims.length, el, enc);
    return checkedType(state, ptr, (s, p) => new RankedTensorType(s, p), "tensor type");
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
  /** The unranked tensor over `element`. */
  static get(element: Type): UnrankedTensorType {
    const el = typeArg(element, null, "Tensor element type");
    const state = element._state;
    const ptr = lib.mlirffi_unranked_tensor_type(lib.mlirffi_loc_unknown(state.store), el);
    return checkedType(state, ptr, (s, p) => new UnrankedTensorType(s, p), "unranked tensor type");
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
      throw new ArgumentError(`A memref layout must be an AffineMapAttr or a StridedLayoutAttr, got ${describe(options.layout)}.`);
    }
    const layout = options?.layout === undefined ? 0 : attributeArg(options.layout, state, "MemRef layout");
    const space = options?.memorySpace === undefined ? 0 : attributeArg(options.memorySpace, state, "MemRef memory space");
    const ptr = lib.mlirffi_memref_type(lib.mlirffi_loc_unknown(state.store), el, dims, dims.length, layout, space);
    return checkedType(state, ptr, (s, p) => new MemRefType(s, p), "memref type");
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
  /** The unranked memref over `element`, in an optional memory space. */
  static get(element: Type, memorySpace?: Attribute): UnrankedMemRefType {
    const el = typeArg(element, null, "MemRef element type");
    const state = element._state;
    const space = memorySpace === undefined ? 0 : attributeArg(memorySpace, state, "MemRef memory space");
    const ptr = lib.mlirffi_unranked_memref_type(lib.mlirffi_loc_unknown(state.store), el, space);
    return checkedType(state, ptr, (s, p) => new UnrankedMemRefType(s, p), "unranked memref type");
  }

  /** The memory space attribute, or `null` for the default space. */
  get memorySpace(): Attribute | null {
    const a = lib.mlirffi_unranked_memref_type_memory_space(this._live());
    return a === 0 ? null : wrapAttribute(this._state, a);
  }
}
