/**
 * The `pdl` dialect's types, as `mlir.dialects.pdl` has them in Python:
 * handles to attributes, operations, types and values in a PDL pattern,
 * and ranges of them.
 *
 * @module
 */
import { contextArg, type ContextState } from "../context_state.ts";
import { ArgumentError } from "../../base/errors.ts";
import { lib } from "../../ffi/load.ts";
import { Type, typeArg } from "../type.ts";
import { wrapType } from "../class_registry.ts";
import type { Context } from "../../context.ts";

function simple(ctx: Context, kind: number, what: string): [ContextState, number] {
  const state = contextArg(ctx, `${what}.get's context`);
  return [state, lib.mlirffi_pdl_simple_type(state.store, kind)];
}

/**
 * `!pdl.attribute`: a handle to an attribute in a PDL pattern.
 *
 * @example
 * ```ts
 * import { Context, PDLAttributeType } from "../../mod.ts";
 * using ctx = new Context();
 * console.log(PDLAttributeType.get(ctx).toString()); // !pdl.attribute
 * ```
 */
export class PDLAttributeType extends Type {
  /** The type of `ctx`. */
  static get(ctx: Context): PDLAttributeType {
    return new PDLAttributeType(...simple(ctx, 0, "PDLAttributeType"));
  }
}

/**
 * `!pdl.operation`: a handle to an operation in a PDL pattern.
 *
 * @example
 * ```ts
 * import { Context, PDLOperationType } from "../../mod.ts";
 * using ctx = new Context();
 * console.log(PDLOperationType.get(ctx).toString()); // !pdl.operation
 * ```
 */
export class PDLOperationType extends Type {
  /** The type of `ctx`. */
  static get(ctx: Context): PDLOperationType {
    return new PDLOperationType(...simple(ctx, 1, "PDLOperationType"));
  }
}

/**
 * `!pdl.type`: a handle to a type in a PDL pattern.
 *
 * @example
 * ```ts
 * import { Context, PDLTypeType } from "../../mod.ts";
 * using ctx = new Context();
 * console.log(PDLTypeType.get(ctx).toString()); // !pdl.type
 * ```
 */
export class PDLTypeType extends Type {
  /** The type of `ctx`. */
  static get(ctx: Context): PDLTypeType {
    return new PDLTypeType(...simple(ctx, 2, "PDLTypeType"));
  }
}

/**
 * `!pdl.value`: a handle to a value in a PDL pattern.
 *
 * @example
 * ```ts
 * import { Context, PDLValueType } from "../../mod.ts";
 * using ctx = new Context();
 * console.log(PDLValueType.get(ctx).toString()); // !pdl.value
 * ```
 */
export class PDLValueType extends Type {
  /** The type of `ctx`. */
  static get(ctx: Context): PDLValueType {
    return new PDLValueType(...simple(ctx, 3, "PDLValueType"));
  }
}

/** The PDL types a {@linkcode PDLRangeType} may hold. */
export type PDLRangeElementType = PDLAttributeType | PDLOperationType | PDLTypeType | PDLValueType;

/**
 * `!pdl.range<value>`: a range of PDL handles of one kind.
 *
 * @example
 * ```ts
 * import { Context, PDLRangeType, PDLValueType } from "../../mod.ts";
 * using ctx = new Context();
 * const r = PDLRangeType.get(PDLValueType.get(ctx));
 * console.log(r.toString(), r.elementType.toString()); // !pdl.range<value> !pdl.value
 * ```
 */
export class PDLRangeType extends Type {
  /**
   * The range of `elementType`: `!pdl.attribute`, `!pdl.operation`,
   * `!pdl.type` or `!pdl.value` (not a range, as MLIR's verifier requires).
   */
  static get(elementType: PDLRangeElementType): PDLRangeType {
    const el = typeArg(elementType, null, "PDLRangeType.get's element type");
    if (!lib.mlirffi_pdl_range_element_ok(el)) {
      throw new ArgumentError({
        argument: "PDLRangeType.get's element type",
        expected: "a PDL type other than a range (!pdl.attribute, !pdl.operation, !pdl.type or !pdl.value)",
        got: elementType.toString(),
      });
    }
    return new PDLRangeType(elementType._state, lib.mlirffi_pdl_range_type(el));
  }

  /** The element type. */
  get elementType(): Type {
    return wrapType(this._state, lib.mlirffi_pdl_range_element(this._live()));
  }
}
