/**
 * Checking plain arguments (strings, integers, booleans, lists, options
 * objects) before they reach native code, so a wrong argument is a clear
 * ArgumentError, never a native crash. Arguments that are IR objects are
 * checked by their own class's module (`contextArg` in context_state.ts,
 * `typeArg` in type.ts, ...), which keeps this layer free of the IR.
 *
 * @module
 */
import { ArgumentError } from "./errors.ts";

/** A short description of a value for error messages. */
export function describe(value: unknown): string {
  if (value === null) return "null";
  if (value === undefined) return "undefined";
  if (typeof value === "object") return value.constructor?.name ?? "an object";
  if (typeof value === "function") return value.name ? `the function ${value.name}` : "a function";
  if (typeof value === "string") return `the string ${JSON.stringify(value.length > 40 ? value.slice(0, 40) + "…" : value)}`;
  return `${typeof value} ${String(value)}`;
}

/** The ArgumentError for `value`, given as `argument` where `expected` was needed. */
export function argumentError(argument: string, expected: string, value: unknown, advice?: string): ArgumentError {
  return new ArgumentError({ argument, expected, got: describe(value) }, { advice });
}

/** A list argument: an array or any other iterable (such as a HandleList). */
export function listArg(list: unknown, what: string): readonly unknown[] {
  if (Array.isArray(list)) return list;
  if (typeof list === "object" && list !== null && typeof (list as Iterable<unknown>)[Symbol.iterator] === "function") {
    return Array.from(list as Iterable<unknown>);
  }
  throw argumentError(what, "an array", list);
}

/** A string argument. */
export function stringArg(s: unknown, what: string): string {
  if (typeof s !== "string") throw argumentError(what, "a string", s);
  return s;
}

/** An integer argument in [min, max]. */
export function intArg(n: unknown, min: number, max: number, what: string): number {
  if (typeof n !== "number" || !Number.isInteger(n) || n < min || n > max) {
    throw argumentError(what, `an integer in [${min}, ${max}]`, n);
  }
  return n;
}

/**
 * An index into a list of `length` items; with `end`, also `length` itself
 * (to insert at the end).
 */
export function indexArg(i: unknown, length: number, what: string, end = false): number {
  const max = end ? length : length - 1;
  if (typeof i !== "number" || !Number.isInteger(i) || i < 0 || i > max) {
    throw argumentError(what, max < 0 ? "an index of an existing item (there are none)" : `an integer in [0, ${max}]`, i);
  }
  return i;
}

/** A boolean argument (undefined gives the default). */
export function boolArg(b: unknown, fallback: boolean, what: string): boolean {
  if (b === undefined) return fallback;
  if (typeof b !== "boolean") throw argumentError(what, "a boolean", b);
  return b;
}

/** An options object (undefined gives `{}`). */
export function optionsArg<T extends object>(o: T | undefined, what: string): T {
  if (o === undefined) return {} as T;
  if (typeof o !== "object" || o === null || Array.isArray(o)) throw argumentError(what, "an object", o);
  return o;
}
