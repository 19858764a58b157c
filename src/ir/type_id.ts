/**
 * Type IDs: how MLIR tells the classes of types, attributes and operations
 * apart. A TypeID is the address of an object that lives as long as the
 * process (MLIR compares them by address, as `mlirTypeIDEqual` does), so it
 * needs no context and no liveness check, and one JS object per address
 * makes `===`, `equals` and `Map` keys all agree.
 *
 * @module
 */
import { argumentError } from "../base/args.ts";
import { lib } from "../ffi/load.ts";

const interned = new Map<number, TypeID>();

/**
 * The class of a type, attribute or operation, as MLIR identifies it:
 * comparable (`equals`, or `===`: one object per TypeID) and hashable
 * (`key`, or the object itself as a `Map` key), as Python's `TypeID`.
 *
 * @example
 * ```ts
 * import { Context, IntegerType } from "../mod.ts";
 * using ctx = new Context();
 * const id = ctx.parseType("i8").typeID;
 * console.log(id === IntegerType.staticTypeID, id.equals(ctx.parseType("f32").typeID)); // true false
 * ```
 */
export class TypeID {
  readonly #ptr: number;

  private constructor(ptr: number) {
    this.#ptr = ptr;
  }

  /** @internal The TypeID at `ptr` (non-null). */
  static _of(ptr: number): TypeID {
    let id = interned.get(ptr);
    if (id === undefined) interned.set(ptr, id = new TypeID(ptr));
    return id;
  }

  /** A number equal for equal TypeIDs (stable for the process), for hashing. */
  get key(): number {
    return this.#ptr;
  }

  /** True when `other` is the same TypeID. */
  equals(other: unknown): boolean {
    return other instanceof TypeID && other.#ptr === this.#ptr;
  }

  /** `TypeID(0x...)`: the address, which only identifies it within this process. */
  toString(): string {
    return `TypeID(0x${this.#ptr.toString(16)})`;
  }
}

/**
 * The builtin classes whose static TypeID the C API names, in the order of
 * the shim's table (native/src/typeid.c).
 */
const STATIC_TYPE_IDS = [
  "IntegerType",
  "IndexType",
  "NoneType",
  "ComplexType",
  "TupleType",
  "FunctionType",
  "VectorType",
  "RankedTensorType",
  "UnrankedTensorType",
  "MemRefType",
  "UnrankedMemRefType",
  "OpaqueType",
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
  "IntegerAttr",
  "FloatAttr",
  "StringAttr",
  "UnitAttr",
  "TypeAttr",
  "ArrayAttr",
  "DictionaryAttr",
  "SymbolRefAttr",
  "AffineMapAttr",
  "DenseElementsAttr",
  "DenseArrayAttr",
  "OpaqueAttr",
  "StridedLayoutAttr",
  "IntegerSetAttr",
  "SparseElementsAttr",
] as const;

/** A builtin class (or float type name) with a static TypeID. */
export type StaticTypeIDName = (typeof STATIC_TYPE_IDS)[number];

/** The static TypeID of the builtin class (or float type) called `name`. */
export function staticTypeID(name: StaticTypeIDName): TypeID {
  const index = STATIC_TYPE_IDS.indexOf(name);
  const ptr = index < 0 ? 0 : lib.mlirffi_static_type_id(index);
  if (ptr === 0) throw argumentError("staticTypeID's name", "a builtin class the C API names a TypeID for", name);
  return TypeID._of(ptr);
}

/** Whether `name` has a static TypeID (float types do, but `f80` and `f128`). */
export function hasStaticTypeID(name: string): name is StaticTypeIDName {
  return (STATIC_TYPE_IDS as readonly string[]).includes(name);
}

/** The TypeID at `ptr`, or null for 0 (an unregistered operation has none). */
export function typeIDOrNull(ptr: number): TypeID | null {
  return ptr === 0 ? null : TypeID._of(ptr);
}
