/**
 * The `transform` dialect's handle types, as `mlir.dialects.transform` has
 * them in Python: handles to ops (any, or of one name), to values, and to
 * parameters (any, or of one integer type).
 *
 * @module
 */
import { contextArg } from "../context_state.ts";
import { stringArg } from "../../base/args.ts";
import { ArgumentError } from "../../base/errors.ts";
import { lib } from "../../ffi/load.ts";
import { encode, takeText, TEXT, TEXT_CAP } from "../../ffi/text.ts";
import { Type, typeArg } from "../type.ts";
import { wrapType } from "../class_registry.ts";
import { IntegerType } from "../types/integer.ts";
import type { Context } from "../../context.ts";

/**
 * `!transform.any_op`: a handle to any payload ops.
 *
 * @example
 * ```ts
 * import { Context, TransformAnyOpType } from "../../mod.ts";
 * using ctx = new Context();
 * console.log(TransformAnyOpType.get(ctx).toString()); // !transform.any_op
 * ```
 */
export class TransformAnyOpType extends Type {
  /** The type of `ctx`. */
  static get(ctx: Context): TransformAnyOpType {
    const state = contextArg(ctx, "TransformAnyOpType.get's context");
    return new TransformAnyOpType(state, lib.mlirffi_transform_simple_type(state.store, 0));
  }
}

/**
 * `!transform.any_param`: a handle to any parameters.
 *
 * @example
 * ```ts
 * import { Context, TransformAnyParamType } from "../../mod.ts";
 * using ctx = new Context();
 * console.log(TransformAnyParamType.get(ctx).toString()); // !transform.any_param
 * ```
 */
export class TransformAnyParamType extends Type {
  /** The type of `ctx`. */
  static get(ctx: Context): TransformAnyParamType {
    const state = contextArg(ctx, "TransformAnyParamType.get's context");
    return new TransformAnyParamType(state, lib.mlirffi_transform_simple_type(state.store, 1));
  }
}

/**
 * `!transform.any_value`: a handle to any payload values.
 *
 * @example
 * ```ts
 * import { Context, TransformAnyValueType } from "../../mod.ts";
 * using ctx = new Context();
 * console.log(TransformAnyValueType.get(ctx).toString()); // !transform.any_value
 * ```
 */
export class TransformAnyValueType extends Type {
  /** The type of `ctx`. */
  static get(ctx: Context): TransformAnyValueType {
    const state = contextArg(ctx, "TransformAnyValueType.get's context");
    return new TransformAnyValueType(state, lib.mlirffi_transform_simple_type(state.store, 2));
  }
}

/**
 * `!transform.op<"func.func">`: a handle to payload ops of one name.
 *
 * @example
 * ```ts
 * import { Context, TransformOperationType } from "../../mod.ts";
 * using ctx = new Context();
 * const t = TransformOperationType.get(ctx, "func.func");
 * console.log(t.toString(), t.operationName); // !transform.op<"func.func"> func.func
 * ```
 */
export class TransformOperationType extends Type {
  /** The handle type for ops named `operationName`. */
  static get(ctx: Context, operationName: string): TransformOperationType {
    const state = contextArg(ctx, "TransformOperationType.get's context");
    const bytes = encode(stringArg(operationName, "TransformOperationType.get's operationName"));
    return new TransformOperationType(state, lib.mlirffi_transform_operation_type(state.store, bytes, bytes.length));
  }

  /** The name of the ops it refers to. */
  get operationName(): string {
    return takeText(lib.mlirffi_transform_operation_type_name(this._live(), TEXT, TEXT_CAP));
  }
}

/**
 * `!transform.param<i64>`: a handle to parameters of one integer type.
 *
 * @example
 * ```ts
 * import { Context, IntegerType, TransformParamType } from "../../mod.ts";
 * using ctx = new Context();
 * const t = TransformParamType.get(IntegerType.get(ctx, 64));
 * console.log(t.toString(), t.type.toString()); // !transform.param<i64> i64
 * ```
 */
export class TransformParamType extends Type {
  /** The handle type for parameters of `type` (an integer type of at most 64 bits, as MLIR's verifier requires). */
  static get(type: IntegerType): TransformParamType {
    const ptr = typeArg(type, null, "TransformParamType.get's type");
    if (!(type instanceof IntegerType) || type.width > 64) {
      throw new ArgumentError({ argument: "TransformParamType.get's type", expected: "an integer type of at most 64 bits", got: String(type) });
    }
    return new TransformParamType(type._state, lib.mlirffi_transform_param_type(type._state.store, ptr));
  }

  /** The parameters' type. */
  get type(): Type {
    return wrapType(this._state, lib.mlirffi_transform_param_type_type(this._live()));
  }
}
