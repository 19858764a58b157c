/**
 * Types built from other types: complex, tuple and function types.
 *
 * @module
 */
import { contextArg } from "../context_state.ts";
import { ArgumentError } from "../../base/errors.ts";
import { lib } from "../../ffi/load.ts";
import { Type, typeArg, typesArg } from "../type.ts";
import type { Context } from "../../context.ts";
import { FloatType } from "./float.ts";
import { IntegerType } from "./integer.ts";
import { wrapType } from "../class_registry.ts";
import { staticTypeID, type TypeID } from "../type_id.ts";

/**
 * `complex<T>` for an integer or float element type.
 *
 * @example
 * ```ts
 * import { ComplexType, Context, FloatType } from "../../mod.ts";
 * using ctx = new Context();
 * console.log(ComplexType.get(FloatType.f32(ctx)).toString()); // complex<f32>
 * ```
 */
export class ComplexType extends Type {
  /** The TypeID every `ComplexType` has (its `typeID`), for `registerTypeCaster`. */
  static get staticTypeID(): TypeID {
    return staticTypeID("ComplexType");
  }

  /** The complex type over `element`. */
  static get(element: IntegerType | FloatType): ComplexType {
    const ptr = typeArg(element, null, "ComplexType's element type");
    if (!(element instanceof IntegerType || element instanceof FloatType)) {
      throw new ArgumentError({ argument: "ComplexType's element type", expected: "an integer or float type", got: String(element) });
    }
    return new ComplexType(element._state, lib.mlirffi_complex_type(ptr));
  }

  /** The element type. */
  get elementType(): Type {
    return wrapType(this._state, lib.mlirffi_complex_type_element(this._live()));
  }
}

/**
 * `tuple<T...>`.
 *
 * @example
 * ```ts
 * import { Context, IndexType, IntegerType, TupleType } from "../../mod.ts";
 * using ctx = new Context();
 * const t = TupleType.get(ctx, [IntegerType.get(ctx, 1), IndexType.get(ctx)]);
 * console.log(t.toString(), t.types.length); // tuple<i1, index> 2
 * ```
 */
export class TupleType extends Type {
  /** The TypeID every `TupleType` has (its `typeID`), for `registerTypeCaster`. */
  static get staticTypeID(): TypeID {
    return staticTypeID("TupleType");
  }

  /** The tuple of `types`. */
  static get(ctx: Context, types: readonly Type[]): TupleType {
    const state = contextArg(ctx, "TupleType.get's context");
    const ptrs = typesArg(types, state, "Tuple element types");
    return new TupleType(state, lib.mlirffi_tuple_type(state.store, ptrs, ptrs.length));
  }

  /** The element types. */
  get types(): Type[] {
    const ptr = this._live();
    const n = lib.mlirffi_tuple_type_size(ptr);
    return Array.from({ length: n }, (_, i) => wrapType(this._state, lib.mlirffi_tuple_type_at(ptr, i)));
  }
}

/**
 * `(inputs) -> results`.
 *
 * @example
 * ```ts
 * import { Context, FunctionType, IntegerType } from "../../mod.ts";
 * using ctx = new Context();
 * const i32 = IntegerType.get(ctx, 32);
 * console.log(FunctionType.get(ctx, [i32, i32], [i32]).toString()); // (i32, i32) -> i32
 * ```
 */
export class FunctionType extends Type {
  /** The TypeID every `FunctionType` has (its `typeID`), for `registerTypeCaster`. */
  static get staticTypeID(): TypeID {
    return staticTypeID("FunctionType");
  }

  /** The function type from `inputs` to `results`. */
  static get(ctx: Context, inputs: readonly Type[], results: readonly Type[]): FunctionType {
    const state = contextArg(ctx, "FunctionType.get's context");
    const ins = typesArg(inputs, state, "Function input types");
    const outs = typesArg(results, state, "Function result types");
    return new FunctionType(state, lib.mlirffi_function_type(state.store, ins, ins.length, outs, outs.length));
  }

  /** The input types. */
  get inputs(): Type[] {
    const ptr = this._live();
    const n = lib.mlirffi_function_type_inputs(ptr);
    return Array.from({ length: n }, (_, i) => wrapType(this._state, lib.mlirffi_function_type_input(ptr, i)));
  }

  /** The result types. */
  get results(): Type[] {
    const ptr = this._live();
    const n = lib.mlirffi_function_type_results(ptr);
    return Array.from({ length: n }, (_, i) => wrapType(this._state, lib.mlirffi_function_type_result(ptr, i)));
  }
}
