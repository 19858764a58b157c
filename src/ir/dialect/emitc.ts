/**
 * The `emitc` dialect's types and attributes: C arrays, lvalues, pointers,
 * opaque C types, `size_t` and its kin; opaque C expressions and the
 * comparison predicate.
 *
 * MLIR checks emitc element types only in an assert, and its rules (which
 * types C code can hold) are MLIR's own, so the array, lvalue and pointer
 * constructors ask MLIR's verifier first, through the parser: an invalid
 * element is an ArgumentError with MLIR's reasons, never an invalid type in
 * the context.
 *
 * @module
 */
import { contextArg, type ContextState } from "../context_state.ts";
import { argumentError, intArg, listArg, stringArg } from "../../base/args.ts";
import { ArgumentError } from "../../base/errors.ts";
import { f64Array } from "../../base/f64_array.ts";
import { lib } from "../../ffi/load.ts";
import { encode, encodeZ, takeText, TEXT, TEXT_CAP } from "../../ffi/text.ts";
import { Type, typeArg } from "../type.ts";
import { Attribute } from "../attribute.ts";
import { wrapType } from "../class_registry.ts";
import type { Context } from "../../context.ts";

/** Parses `text` (NUL-terminated, as MLIR's parser reads it) as a type of `state`'s context; 0 if it is none. */
function parse(state: ContextState, text: string): number {
  // MLIR 22's parser crashes on dense arrays of index (llvm/llvm-project#179045).
  if (/array<index\s*:/.test(text)) return 0;
  const bytes = encodeZ(text);
  return lib.mlirffi_type_parse(state.store, bytes.subarray(0, bytes.length - 1), bytes.length - 1);
}

/**
 * Whether MLIR's verifier accepts the type written `text` (its parser
 * builds types with their checked `get`); an ArgumentError with MLIR's
 * diagnostics when not.
 */
function verify(state: ContextState, text: string, argument: string, expected: string, got: string): void {
  state.callNative(
    () => parse(state, text),
    (diagnostics) => new ArgumentError({ argument, expected, got }, { diagnostics }),
  );
}

/** The type inside `!emitc.<kind><...>` (the C API has no getter for it). */
function inner(t: Type, kind: string): Type {
  const text = t.toString();
  const body = text.slice(`!emitc.${kind}<`.length, -1);
  const state = t._state;
  const ptr = state.callNative(
    () => parse(state, body),
    () => new Error(`mlir-ffi: cannot read the type inside ${text}`),
  );
  return wrapType(state, ptr);
}

function simple(ctx: Context, kind: number, what: string): [ContextState, number] {
  const state = contextArg(ctx, `${what}.get's context`);
  return [state, lib.mlirffi_emitc_simple_type(state.store, kind)];
}

const MAX_DIM = Number.MAX_SAFE_INTEGER;

/**
 * `!emitc.array<2x3xi32>`: a C array, of at least one dimension.
 *
 * @example
 * ```ts
 * import { Context, EmitCArrayType, IntegerType } from "../../mod.ts";
 * using ctx = new Context();
 * const a = EmitCArrayType.get([2, 3], IntegerType.get(ctx, 32));
 * console.log(a.toString(), a.shape, a.elementType.toString()); // !emitc.array<2x3xi32> [ 2, 3 ] i32
 * ```
 */
export class EmitCArrayType extends Type {
  /**
   * The array of `shape` (non-empty, each dimension 0 or more) of
   * `elementType`: an integer of 1, 8, 16, 32 or 64 bits, `f16`, `bf16`,
   * `f32`, `f64`, `index`, an emitc opaque, pointer or size type (MLIR's
   * verifier says which).
   */
  static get(shape: readonly number[], elementType: Type): EmitCArrayType {
    const dims = listArg(shape, "EmitCArrayType.get's shape");
    if (dims.length === 0) throw argumentError("EmitCArrayType.get's shape", "a non-empty array", shape);
    const buf = f64Array(dims, (d, i) => intArg(d, 0, MAX_DIM, `EmitCArrayType.get's shape[${i}]`));
    const el = typeArg(elementType, null, "EmitCArrayType.get's element type");
    const state = elementType._state;
    verify(
      state,
      `!emitc.array<${[...buf].join("x")}x${elementType.toString()}>`,
      "EmitCArrayType.get's element type",
      "a valid emitc array element type (a 1, 8, 16, 32 or 64-bit integer, f16, bf16, f32, f64, index, or an emitc opaque, pointer or size type)",
      elementType.toString(),
    );
    return new EmitCArrayType(state, lib.mlirffi_emitc_array_type(buf, buf.length, el));
  }

  /** The dimensions. */
  get shape(): number[] {
    const ptr = this._live();
    const out = new Float64Array(8);
    const n = lib.mlirffi_emitc_array_shape(ptr, out, out.length);
    if (n <= out.length) return [...out.subarray(0, n)];
    const big = new Float64Array(n);
    lib.mlirffi_emitc_array_shape(ptr, big, n);
    return [...big];
  }

  /** The element type. */
  get elementType(): Type {
    return wrapType(this._state, lib.mlirffi_emitc_array_element(this._live()));
  }
}

/**
 * `!emitc.lvalue<i32>`: an assignable C value (what `emitc.variable` gives).
 *
 * @example
 * ```ts
 * import { Context, EmitCLValueType, IntegerType } from "../../mod.ts";
 * using ctx = new Context();
 * const l = EmitCLValueType.get(IntegerType.get(ctx, 32));
 * console.log(l.toString(), l.valueType.toString()); // !emitc.lvalue<i32> i32
 * ```
 */
export class EmitCLValueType extends Type {
  /** The lvalue of `valueType`: a type emitc supports, not an array or an lvalue (MLIR's verifier says which). */
  static get(valueType: Type): EmitCLValueType {
    const t = typeArg(valueType, null, "EmitCLValueType.get's value type");
    const state = valueType._state;
    verify(
      state,
      `!emitc.lvalue<${valueType.toString()}>`,
      "EmitCLValueType.get's value type",
      "a type emitc supports, not an array or lvalue",
      valueType.toString(),
    );
    return new EmitCLValueType(state, lib.mlirffi_emitc_wrapper_type(t, 0));
  }

  /** The type of the value. */
  get valueType(): Type {
    return inner(this, "lvalue");
  }
}

/**
 * `!emitc.ptr<i32>`: a C pointer.
 *
 * @example
 * ```ts
 * import { Context, EmitCPointerType, IntegerType } from "../../mod.ts";
 * using ctx = new Context();
 * const p = EmitCPointerType.get(IntegerType.get(ctx, 8));
 * console.log(p.toString(), p.pointee.toString()); // !emitc.ptr<i8> i8
 * ```
 */
export class EmitCPointerType extends Type {
  /** The pointer to `pointee` (not an lvalue, as MLIR's verifier requires). */
  static get(pointee: Type): EmitCPointerType {
    const t = typeArg(pointee, null, "EmitCPointerType.get's pointee");
    const state = pointee._state;
    verify(state, `!emitc.ptr<${pointee.toString()}>`, "EmitCPointerType.get's pointee", "a type other than an lvalue", pointee.toString());
    return new EmitCPointerType(state, lib.mlirffi_emitc_wrapper_type(t, 1));
  }

  /** The type pointed to. */
  get pointee(): Type {
    return inner(this, "ptr");
  }
}

/**
 * `!emitc.opaque<"FILE">`: a C type emitc passes through as written.
 *
 * @example
 * ```ts
 * import { Context, EmitCOpaqueType } from "../../mod.ts";
 * using ctx = new Context();
 * console.log(EmitCOpaqueType.get(ctx, "FILE").toString()); // !emitc.opaque<"FILE">
 * ```
 */
export class EmitCOpaqueType extends Type {
  /** The opaque type written `value`: not empty, and not ending in `*` (use {@linkcode EmitCPointerType}), as MLIR's verifier requires. */
  static get(ctx: Context, value: string): EmitCOpaqueType {
    const state = contextArg(ctx, "EmitCOpaqueType.get's context");
    const s = stringArg(value, "EmitCOpaqueType.get's value");
    if (s.length === 0) throw argumentError("EmitCOpaqueType.get's value", "a non-empty string", s);
    if (s.endsWith("*")) {
      throw argumentError("EmitCOpaqueType.get's value", "a C type that is not a pointer (use EmitCPointerType for one)", s);
    }
    const bytes = encode(s);
    return new EmitCOpaqueType(state, lib.mlirffi_emitc_opaque_type(state.store, bytes, bytes.length));
  }

  /** The C type as written. */
  get value(): string {
    // The C API has no getter; the printed form is `!emitc.opaque<"...">`, a string MLIR escapes.
    return unescapeMlirString(/^!emitc\.opaque<"([\s\S]*)">$/.exec(this.toString())![1]!);
  }
}

/** The body of a string as MLIR prints it (`\\`, `\"`, `\n`, `\t` and `\XX` hex escapes) as the string. */
function unescapeMlirString(body: string): string {
  const bytes: number[] = [];
  const raw = new TextEncoder().encode(body);
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i]!;
    if (c !== 0x5c) {
      bytes.push(c);
      continue;
    }
    const n = String.fromCharCode(raw[i + 1]!);
    if (n === "\\" || n === '"') bytes.push(n.charCodeAt(0)), i++;
    else if (n === "n") bytes.push(10), i++;
    else if (n === "t") bytes.push(9), i++;
    else {
      bytes.push(parseInt(String.fromCharCode(raw[i + 1]!, raw[i + 2]!), 16));
      i += 2;
    }
  }
  return new TextDecoder().decode(new Uint8Array(bytes));
}

/**
 * `!emitc.ptrdiff_t`.
 *
 * @example
 * ```ts
 * import { Context, EmitCPtrDiffTType } from "../../mod.ts";
 * using ctx = new Context();
 * console.log(EmitCPtrDiffTType.get(ctx).toString()); // !emitc.ptrdiff_t
 * ```
 */
export class EmitCPtrDiffTType extends Type {
  /** The type of `ctx`. */
  static get(ctx: Context): EmitCPtrDiffTType {
    return new EmitCPtrDiffTType(...simple(ctx, 0, "EmitCPtrDiffTType"));
  }
}

/**
 * `!emitc.ssize_t`.
 *
 * @example
 * ```ts
 * import { Context, EmitCSignedSizeTType } from "../../mod.ts";
 * using ctx = new Context();
 * console.log(EmitCSignedSizeTType.get(ctx).toString()); // !emitc.ssize_t
 * ```
 */
export class EmitCSignedSizeTType extends Type {
  /** The type of `ctx`. */
  static get(ctx: Context): EmitCSignedSizeTType {
    return new EmitCSignedSizeTType(...simple(ctx, 1, "EmitCSignedSizeTType"));
  }
}

/**
 * `!emitc.size_t`.
 *
 * @example
 * ```ts
 * import { Context, EmitCSizeTType } from "../../mod.ts";
 * using ctx = new Context();
 * console.log(EmitCSizeTType.get(ctx).toString()); // !emitc.size_t
 * ```
 */
export class EmitCSizeTType extends Type {
  /** The type of `ctx`. */
  static get(ctx: Context): EmitCSizeTType {
    return new EmitCSizeTType(...simple(ctx, 2, "EmitCSizeTType"));
  }
}

/**
 * `#emitc.opaque<"...">`: C code emitc passes through as written.
 *
 * @example
 * ```ts
 * import { Context, EmitCOpaqueAttr } from "../../mod.ts";
 * using ctx = new Context();
 * const a = EmitCOpaqueAttr.get(ctx, "NULL");
 * console.log(a.toString(), a.value); // #emitc.opaque<"NULL"> NULL
 * ```
 */
export class EmitCOpaqueAttr extends Attribute {
  /** The attribute written `value`. */
  static get(ctx: Context, value: string): EmitCOpaqueAttr {
    const state = contextArg(ctx, "EmitCOpaqueAttr.get's context");
    const bytes = encode(stringArg(value, "EmitCOpaqueAttr.get's value"));
    return new EmitCOpaqueAttr(state, lib.mlirffi_emitc_opaque_attr(state.store, bytes, bytes.length));
  }

  /** The C code as written. */
  get value(): string {
    return takeText(lib.mlirffi_emitc_opaque_attr_value(this._live(), TEXT, TEXT_CAP));
  }
}
