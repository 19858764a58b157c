/**
 * Host functions: JavaScript functions that JIT-compiled code calls through
 * a symbol the module declares (`func.func private @name(i32) -> i32`),
 * bound with `ExecutionEngine.registerSymbol` (Python's `register_runtime`).
 *
 * The runtime's FFI makes a native function with the declared C signature
 * that calls the JS function synchronously; compiled code calls it only from
 * `invoke`, on the JS thread and on the runtime's own stack (an engine with
 * host functions does not use the shim's big stack, where no JS may run).
 *
 * No exception may unwind through the compiled code's frames, and compiled
 * code cannot be stopped midway, so a host function that throws (or returns
 * what its type cannot carry) answers zero instead; every later host call in
 * the same `invoke` answers zero without running JS; and `invoke`, once the
 * compiled code has returned, discards its results and throws a
 * HostFunctionError whose `cause` is the exception. Zero is a value the code
 * handles like any other: it runs on to its return, with no garbage.
 *
 * @module
 */
import { argumentError } from "../base/args.ts";
import { ArgumentError } from "../base/errors.ts";
import { type HostCallback, hostCallback } from "../ffi/load.ts";
import type { HostKind } from "../ffi/symbols.ts";
import type { FunctionType } from "../ir/types/composite.ts";
import { integerValue } from "./_marshal.ts";

/** A scalar type of a host function's parameter or result, as MLIR writes it. */
export type HostType = "i1" | "i8" | "i16" | "i32" | "i64" | "index" | "f32" | "f64";

/** A host function's signature: what the module's declaration says, repeated. */
export interface HostSignature {
  /** Parameter types, in order. */
  readonly args: readonly HostType[];
  /** The result type; "void" or absent for none. */
  readonly returns?: HostType | "void";
}

/** A JS function compiled code may call: i64 and index cross as BigInt, i1 as boolean. */
export type HostFunction = (...args: never[]) => number | bigint | boolean | void;

const NATIVE: Record<HostType, HostKind> = {
  i1: "u8",
  i8: "i8",
  i16: "i16",
  i32: "i32",
  i64: "i64",
  index: "i64",
  f32: "f32",
  f64: "f64",
};

const WIDTH: Record<HostType, number> = { i1: 1, i8: 8, i16: 16, i32: 32, i64: 64, index: 64, f32: 32, f64: 64 };

/** The first failure of a host function during one `invoke`. */
export interface HostFailure {
  readonly symbol: string;
  readonly cause: unknown;
}

/** What a call in progress tells its host functions. */
export interface HostCallState {
  /** Set by the first host function that fails; later ones then answer zero at once. */
  failure: HostFailure | null;
}

function isHostType(t: unknown): t is HostType {
  return typeof t === "string" && Object.hasOwn(NATIVE, t);
}

/**
 * Checks `signature` against the module's declaration of `name` (its
 * function type, or undefined when the module declares no such function):
 * calling a native function with the wrong signature is undefined behaviour,
 * so it must match exactly.
 */
export function checkHostSignature(name: string, signature: unknown, declared: FunctionType | undefined): HostSignature {
  if (declared === undefined) {
    throw new ArgumentError({
      argument: "registerSymbol's name",
      expected: "a function the module declares without a body (func.func private @name(...))",
      got: `@${name}`,
    });
  }
  const what = `registerSymbol's signature for @${name}`;
  if (typeof signature !== "object" || signature === null || !Array.isArray((signature as HostSignature).args)) {
    throw argumentError(what, "{ args: [...types], returns?: type }", signature);
  }
  const { args, returns } = signature as HostSignature;
  for (const [i, a] of args.entries()) {
    if (!isHostType(a)) throw argumentError(`${what}, args[${i}]`, "one of i1, i8, i16, i32, i64, index, f32, f64", a);
  }
  if (returns !== undefined && returns !== "void" && !isHostType(returns)) {
    throw argumentError(`${what}, returns`, "one of i1, i8, i16, i32, i64, index, f32, f64 or void", returns);
  }
  const want = `(${declared.inputs.map((t) => t.toString()).join(", ")}) -> ${declared.results.length === 0 ? "void" : declared.results.map((t) => t.toString()).join(", ")}`;
  const got = `(${args.join(", ")}) -> ${returns ?? "void"}`;
  if (want !== got) {
    throw new ArgumentError({ argument: what, expected: `the declared signature ${want}`, got });
  }
  return { args: [...args], returns: returns ?? "void" };
}

/** JS values for the native arguments (i1 as boolean, 64-bit as BigInt). */
function fromNative(type: HostType, raw: unknown): number | bigint | boolean {
  if (type === "i1") return ((raw as number) & 1) === 1;
  if (WIDTH[type] === 64 && type !== "f64") return BigInt(raw as number | bigint);
  return raw as number;
}

/** The native result for `value`; throws an ArgumentError the wrapper records. */
function toNative(type: HostType | "void", value: unknown, symbol: string): number | bigint | undefined {
  if (type === "void") return undefined;
  const what = `the result of host function @${symbol} (${type})`;
  if (type === "f32" || type === "f64") {
    if (typeof value !== "number") throw argumentError(what, "a number", value);
    return value;
  }
  const v = integerValue(value, WIDTH[type], what);
  return WIDTH[type] === 64 ? BigInt.asIntN(64, v) : Number(BigInt.asIntN(WIDTH[type], v)) & (type === "i1" ? 1 : -1);
}

function zero(type: HostType | "void"): number | bigint | undefined {
  if (type === "void") return undefined;
  return WIDTH[type] === 64 && type !== "f64" ? 0n : 0;
}

/**
 * The native function for host function `fn`: converts its arguments,
 * catches everything it throws (recording the first failure in `calls`),
 * and checks what it returns.
 */
export function makeHostCallback(
  symbol: string,
  fn: HostFunction,
  signature: HostSignature,
  call: () => HostCallState | null,
): HostCallback {
  const { args } = signature;
  const returns = signature.returns ?? "void";
  const answerZero = zero(returns);
  const wrapper = (...raw: unknown[]): number | bigint | undefined => {
    const state = call();
    // Outside an invoke (another engine's code, a constructor run at
    // initialize) there is no call to report to; zero is still the answer.
    if (state === null || state.failure !== null) return answerZero;
    try {
      const result = (fn as (...a: unknown[]) => unknown)(...args.map((t, i) => fromNative(t, raw[i])));
      return toNative(returns, result, symbol);
    } catch (cause) {
      state.failure = { symbol, cause };
      return answerZero;
    }
  };
  return hostCallback(wrapper, args.map((t) => NATIVE[t]), returns === "void" ? "void" : NATIVE[returns]);
}
