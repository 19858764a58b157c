/**
 * The `llvm` dialect's types: pointers, arrays, functions, structs and
 * void, as `mlir.dialects.llvm` has them in Python.
 *
 * MLIR checks LLVM element types only in an assert, so every constructor
 * asks the shim first (native/src/dialect_types.c), which asks MLIR's
 * checked struct constructor or compares TypeIDs: an invalid element is an
 * ArgumentError, never an invalid type left in the context. Identified
 * structs are the one mutable kind: their body is set once, and setting a
 * different one is refused by MLIR (an ArgumentError here).
 *
 * @module
 */
import { contextArg, type ContextState } from "../context_state.ts";
import { argumentError, boolArg, intArg, optionsArg, stringArg } from "../../base/args.ts";
import { ArgumentError } from "../../base/errors.ts";
import { lib } from "../../ffi/load.ts";
import { encode, takeText, TEXT, TEXT_CAP } from "../../ffi/text.ts";
import { Type, typeArg, typesArg } from "../type.ts";
import { wrapType } from "../class_registry.ts";
import type { Context } from "../../context.ts";

const U32_MAX = 0xffff_ffff;

/** A type made by a checked native constructor: 0 becomes an ArgumentError with MLIR's reasons. */
function checked(state: ContextState, build: () => number, argument: string, expected: string, got: () => string): number {
  return state.callNative(build, (diagnostics) => new ArgumentError({ argument, expected, got: got() }, { diagnostics }));
}

const ELEMENTS = "valid LLVM struct element types (not void, a function, label, metadata or token type)";

function listText(types: readonly Type[]): string {
  return `[${types.map(String).join(", ")}]`;
}

/**
 * `!llvm.ptr` and `!llvm.ptr<3>`: an opaque pointer in an address space.
 *
 * @example
 * ```ts
 * import { Context, LLVMPointerType } from "../../mod.ts";
 * using ctx = new Context();
 * const p = LLVMPointerType.get(ctx, 3);
 * console.log(p.toString(), p.addressSpace); // !llvm.ptr<3> 3
 * ```
 */
export class LLVMPointerType extends Type {
  /** The pointer type in `addressSpace` (default 0). */
  static get(ctx: Context, addressSpace = 0): LLVMPointerType {
    const state = contextArg(ctx, "LLVMPointerType.get's context");
    intArg(addressSpace, 0, U32_MAX, "LLVMPointerType.get's addressSpace");
    const ptr = checked(
      state,
      () => lib.mlirffi_llvm_pointer_type(state.store, addressSpace),
      "LLVMPointerType.get's context",
      "a context with the llvm dialect",
      () => "one without it",
    );
    return new LLVMPointerType(state, ptr);
  }

  /** The address space. */
  get addressSpace(): number {
    return lib.mlirffi_llvm_pointer_address_space(this._live());
  }
}

/**
 * `!llvm.void`: the result type of a function that returns nothing.
 *
 * @example
 * ```ts
 * import { Context, LLVMVoidType } from "../../mod.ts";
 * using ctx = new Context();
 * console.log(LLVMVoidType.get(ctx).toString()); // !llvm.void
 * ```
 */
export class LLVMVoidType extends Type {
  /** The void type of `ctx`. */
  static get(ctx: Context): LLVMVoidType {
    const state = contextArg(ctx, "LLVMVoidType.get's context");
    const ptr = checked(state, () => lib.mlirffi_llvm_void_type(state.store), "LLVMVoidType.get's context", "a context with the llvm dialect", () => "one without it");
    return new LLVMVoidType(state, ptr);
  }
}

/**
 * `!llvm.array<4 x i32>`.
 *
 * @example
 * ```ts
 * import { Context, IntegerType, LLVMArrayType } from "../../mod.ts";
 * using ctx = new Context();
 * const a = LLVMArrayType.get(IntegerType.get(ctx, 32), 4);
 * console.log(a.toString(), a.numElements); // !llvm.array<4 x i32> 4
 * ```
 */
export class LLVMArrayType extends Type {
  /** The array of `numElements` values of `element` (not void, a function, label, metadata or token type). */
  static get(element: Type, numElements: number): LLVMArrayType {
    const el = typeArg(element, null, "LLVMArrayType.get's element type");
    intArg(numElements, 0, U32_MAX, "LLVMArrayType.get's numElements");
    const state = element._state;
    const ptr = checked(
      state,
      () => lib.mlirffi_llvm_array_type(lib.mlirffi_loc_unknown(state.store), el, numElements),
      "LLVMArrayType.get's element type",
      "a valid LLVM array element type (not void, a function, label, metadata or token type)",
      () => element.toString(),
    );
    return new LLVMArrayType(state, ptr);
  }

  /** The element type. */
  get elementType(): Type {
    return wrapType(this._state, lib.mlirffi_llvm_array_element(this._live()));
  }

  /** The number of elements. */
  get numElements(): number {
    // The C API has no getter for the count; the printed form always starts with it.
    return Number(/^!llvm\.array<(\d+) x /.exec(this.toString())![1]);
  }
}

/**
 * `!llvm.func<i32 (ptr, ...)>`: an LLVM function type, possibly variadic.
 *
 * @example
 * ```ts
 * import { Context, IntegerType, LLVMFunctionType, LLVMPointerType } from "../../mod.ts";
 * using ctx = new Context();
 * const f = LLVMFunctionType.get(IntegerType.get(ctx, 32), [LLVMPointerType.get(ctx)], { varArg: true });
 * console.log(f.toString(), f.isVarArg); // !llvm.func<i32 (ptr, ...)> true
 * ```
 */
export class LLVMFunctionType extends Type {
  /**
   * The function from `inputs` to `result` (use {@linkcode LLVMVoidType} for
   * none). Inputs may not be void or functions; the result may not be a
   * function, label or metadata type.
   */
  static get(result: Type, inputs: readonly Type[], options?: { readonly varArg?: boolean }): LLVMFunctionType {
    const res = typeArg(result, null, "LLVMFunctionType.get's result type");
    const state = result._state;
    const args = typesArg(inputs, state, "LLVMFunctionType.get's inputs");
    const varArg = boolArg(optionsArg(options, "LLVMFunctionType.get's options").varArg, false, "LLVMFunctionType.get's options.varArg");
    const problem = lib.mlirffi_llvm_function_check(res, args, args.length);
    if (problem === -1) {
      throw new ArgumentError({
        argument: "LLVMFunctionType.get's result type",
        expected: "a valid LLVM function result type (not a function, label or metadata type)",
        got: result.toString(),
      });
    }
    if (problem > 0) {
      throw new ArgumentError({
        argument: `LLVMFunctionType.get's inputs[${problem - 1}]`,
        expected: "a valid LLVM function argument type (not void or a function type)",
        got: String(inputs[problem - 1]),
      });
    }
    if (problem !== 0) throw argumentError("LLVMFunctionType.get's result type", "of a context with the llvm dialect", result);
    return new LLVMFunctionType(state, lib.mlirffi_llvm_function_type(res, args, args.length, varArg));
  }

  /** The result type (`!llvm.void` for none). */
  get returnType(): Type {
    return wrapType(this._state, lib.mlirffi_llvm_function_return(this._live()));
  }

  /** The input types. */
  get inputs(): Type[] {
    const ptr = this._live();
    const n = lib.mlirffi_llvm_function_num_inputs(ptr);
    return Array.from({ length: n }, (_, i) => wrapType(this._state, lib.mlirffi_llvm_function_input(ptr, i)));
  }

  /** Whether it takes variadic arguments after its inputs. */
  get isVarArg(): boolean {
    // No C getter; inputs cannot be functions, so a trailing `...)>` is this function's.
    return this.toString().endsWith("...)>");
  }
}

/** Options of the struct constructors. */
export interface LLVMStructOptions {
  /** Whether the fields are packed without padding (default false). */
  readonly packed?: boolean;
}

function structArgs(state: ContextState, elements: unknown, options: LLVMStructOptions | undefined, what: string) {
  const ptrs = typesArg(elements, state, `${what}'s elements`);
  const packed = boolArg(optionsArg(options, `${what}'s options`).packed, false, `${what}'s options.packed`);
  return { ptrs, packed };
}

function nameArg(name: unknown, what: string): Uint8Array {
  const s = stringArg(name, what);
  if (s.length === 0) throw argumentError(what, "a non-empty string", s);
  return encode(s);
}

/**
 * `!llvm.struct<(i32, ptr)>` (literal) or `!llvm.struct<"name", (...)>`
 * (identified: named, its body set once, possibly later; or opaque).
 *
 * @example
 * ```ts
 * import { Context, IntegerType, LLVMPointerType, LLVMStructType } from "../../mod.ts";
 * using ctx = new Context();
 * const i32 = IntegerType.get(ctx, 32);
 * console.log(LLVMStructType.getLiteral(ctx, [i32, i32]).toString()); // !llvm.struct<(i32, i32)>
 * const node = LLVMStructType.getIdentified(ctx, "node");
 * node.setBody([i32, LLVMPointerType.get(ctx)]);
 * console.log(node.toString(), node.name); // !llvm.struct<"node", (i32, ptr)> node
 * ```
 */
export class LLVMStructType extends Type {
  /** The literal (unnamed) struct of `elements`. */
  static getLiteral(ctx: Context, elements: readonly Type[], options?: LLVMStructOptions): LLVMStructType {
    const state = contextArg(ctx, "LLVMStructType.getLiteral's context");
    const { ptrs, packed } = structArgs(state, elements, options, "LLVMStructType.getLiteral");
    const ptr = checked(
      state,
      () => lib.mlirffi_llvm_struct_literal(lib.mlirffi_loc_unknown(state.store), ptrs, ptrs.length, packed),
      "LLVMStructType.getLiteral's elements",
      ELEMENTS,
      () => listText(elements),
    );
    return new LLVMStructType(state, ptr);
  }

  /**
   * The identified struct named `name`: the existing one of the context, or
   * a new one without a body (give it one with {@linkcode setBody}).
   */
  static getIdentified(ctx: Context, name: string): LLVMStructType {
    const state = contextArg(ctx, "LLVMStructType.getIdentified's context");
    const bytes = nameArg(name, "LLVMStructType.getIdentified's name");
    return new LLVMStructType(state, lib.mlirffi_llvm_struct_named(state.store, bytes, bytes.length, 0));
  }

  /** The opaque struct named `name`: one that never has a body. */
  static getOpaque(ctx: Context, name: string): LLVMStructType {
    const state = contextArg(ctx, "LLVMStructType.getOpaque's context");
    const bytes = nameArg(name, "LLVMStructType.getOpaque's name");
    const t = new LLVMStructType(state, lib.mlirffi_llvm_struct_named(state.store, bytes, bytes.length, 1));
    if (!t.isOpaque) {
      // The name belongs to a struct that already has a body: MLIR returns it unchanged.
      throw new ArgumentError({ argument: "LLVMStructType.getOpaque's name", expected: "the name of no struct with a body", got: `${JSON.stringify(name)}, which is ${t.toString()}` });
    }
    return t;
  }

  /**
   * A new identified struct with `elements` as its body, named `name`, or
   * `name` with a suffix if that name is taken by a different struct.
   */
  static newIdentified(ctx: Context, name: string, elements: readonly Type[], options?: LLVMStructOptions): LLVMStructType {
    const state = contextArg(ctx, "LLVMStructType.newIdentified's context");
    const bytes = nameArg(name, "LLVMStructType.newIdentified's name");
    const { ptrs, packed } = structArgs(state, elements, options, "LLVMStructType.newIdentified");
    const ptr = checked(
      state,
      () => lib.mlirffi_llvm_struct_new_identified(lib.mlirffi_loc_unknown(state.store), bytes, bytes.length, ptrs, ptrs.length, packed),
      "LLVMStructType.newIdentified's elements",
      ELEMENTS,
      () => listText(elements),
    );
    return new LLVMStructType(state, ptr);
  }

  /**
   * Sets the body of an identified struct. Setting the body it already has
   * does nothing; a different body, a literal or an opaque struct is an
   * ArgumentError (MLIR never changes a body once set).
   */
  setBody(elements: readonly Type[], options?: LLVMStructOptions): void {
    const ptr = this._live();
    const state = this._state;
    const { ptrs, packed } = structArgs(state, elements, options, "LLVMStructType.setBody");
    const loc = lib.mlirffi_loc_unknown(state.store);
    let code = 0;
    state.callNative(
      () => (code = lib.mlirffi_llvm_struct_set_body(loc, ptr, ptrs, ptrs.length, packed)) !== 2,
      (diagnostics) =>
        new ArgumentError(
          { argument: "LLVMStructType.setBody's elements", expected: ELEMENTS, got: listText(elements) },
          { diagnostics },
        ),
    );
    if (code === 1) {
      throw new ArgumentError({ argument: "The struct given a body", expected: "an identified struct", got: `the literal ${this.toString()}` });
    }
    if (code === 3) {
      throw new ArgumentError({
        argument: "LLVMStructType.setBody's elements",
        expected: this.isOpaque ? "nothing: an opaque struct never has a body" : `the body already set, ${this.#bodyText()}`,
        got: `${listText(elements)}${packed ? " (packed)" : ""}`,
      });
    }
  }

  #bodyText(): string {
    return `${listText(this.body ?? [])}${this.isPacked ? " (packed)" : ""}`;
  }

  #flags(): number {
    return lib.mlirffi_llvm_struct_flags(this._live());
  }

  /** Whether it is a literal (unnamed) struct. */
  get isLiteral(): boolean {
    return (this.#flags() & 1) !== 0;
  }

  /** Whether its fields are packed. */
  get isPacked(): boolean {
    return (this.#flags() & 2) !== 0;
  }

  /** Whether it has no body: opaque, or identified and not given one yet. */
  get isOpaque(): boolean {
    return (this.#flags() & 4) !== 0;
  }

  /** The name of an identified struct; `null` for a literal one. */
  get name(): string | null {
    const ptr = this._live();
    if (this.isLiteral) return null;
    return takeText(lib.mlirffi_llvm_struct_name(ptr, TEXT, TEXT_CAP));
  }

  /** The field types; `null` when it has no body ({@linkcode isOpaque}). */
  get body(): Type[] | null {
    const ptr = this._live();
    const n = lib.mlirffi_llvm_struct_num_elements(ptr);
    if (n < 0) return null;
    return Array.from({ length: n }, (_, i) => wrapType(this._state, lib.mlirffi_llvm_struct_element(ptr, i)));
  }
}
