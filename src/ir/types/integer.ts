/**
 * Integer and index types.
 *
 * @module
 */
import { contextArg } from "../context_state.ts";
import { argumentError, intArg } from "../../base/args.ts";
import { lib } from "../../ffi/load.ts";
import { Type } from "../type.ts";
import type { Context } from "../../context.ts";
import { staticTypeID, type TypeID } from "../type_id.ts";

/** Whether an integer type carries a sign. */
export type Signedness = "signless" | "signed" | "unsigned";

const SIGNEDNESS: readonly Signedness[] = ["signless", "signed", "unsigned"];
/** MLIR's widest integer type (IntegerType::kMaxWidth). */
export const MAX_INTEGER_WIDTH = 16_777_215;

/**
 * An integer type: `i32` (signless), `si8`, `ui64`.
 *
 * @example
 * ```ts
 * import { Context, IntegerType } from "../../mod.ts";
 * using ctx = new Context();
 * const t = IntegerType.get(ctx, 32, "unsigned");
 * console.log(t.toString(), t.width, t.signedness); // ui32 32 unsigned
 * ```
 */
export class IntegerType extends Type {
  /** The TypeID every `IntegerType` has (its `typeID`), for `registerTypeCaster`. */
  static get staticTypeID(): TypeID {
    return staticTypeID("IntegerType");
  }

  /** The integer type of `width` bits. */
  static get(ctx: Context, width: number, signedness: Signedness = "signless"): IntegerType {
    const state = contextArg(ctx, "IntegerType.get's context");
    intArg(width, 0, MAX_INTEGER_WIDTH, "IntegerType.get's width");
    const sign = SIGNEDNESS.indexOf(signedness);
    if (sign < 0) throw argumentError("IntegerType.get's signedness", `one of ${SIGNEDNESS.join(", ")}`, signedness);
    return new IntegerType(state, lib.mlirffi_integer_type(state.store, width, sign));
  }

  /** `iN`. */
  static signless(ctx: Context, width: number): IntegerType {
    return IntegerType.get(ctx, width, "signless");
  }

  /** `siN`. */
  static signed(ctx: Context, width: number): IntegerType {
    return IntegerType.get(ctx, width, "signed");
  }

  /** `uiN`. */
  static unsigned(ctx: Context, width: number): IntegerType {
    return IntegerType.get(ctx, width, "unsigned");
  }

  /** Its width in bits. */
  get width(): number {
    return lib.mlirffi_integer_type_width(this._live());
  }

  /** Whether it is signless, signed or unsigned. */
  get signedness(): Signedness {
    return SIGNEDNESS[lib.mlirffi_integer_type_signedness(this._live())]!;
  }
}

/**
 * The `index` type: a target-sized integer for sizes and indices.
 *
 * @example
 * ```ts
 * import { Context, IndexType } from "../../mod.ts";
 * using ctx = new Context();
 * console.log(IndexType.get(ctx).toString()); // index
 * ```
 */
export class IndexType extends Type {
  /** The TypeID every `IndexType` has (its `typeID`), for `registerTypeCaster`. */
  static get staticTypeID(): TypeID {
    return staticTypeID("IndexType");
  }

  /** The index type of `ctx`. */
  static get(ctx: Context): IndexType {
    const state = contextArg(ctx, "IndexType.get's context");
    return new IndexType(state, lib.mlirffi_index_type(state.store));
  }
}

/**
 * The `none` type.
 *
 * @example
 * ```ts
 * import { Context, NoneType } from "../../mod.ts";
 * using ctx = new Context();
 * console.log(NoneType.get(ctx).toString()); // none
 * ```
 */
export class NoneType extends Type {
  /** The TypeID every `NoneType` has (its `typeID`), for `registerTypeCaster`. */
  static get staticTypeID(): TypeID {
    return staticTypeID("NoneType");
  }

  /** The none type of `ctx`. */
  static get(ctx: Context): NoneType {
    const state = contextArg(ctx, "NoneType.get's context");
    return new NoneType(state, lib.mlirffi_none_type(state.store));
  }
}
