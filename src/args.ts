/**
 * Checking arguments before they reach native code: every public function
 * that takes a context, type, attribute, location or number goes through
 * these, so a wrong argument is a clear ArgumentError, never a native crash.
 *
 * @module
 */
import { ArgumentError } from "./errors.ts";
import { Context } from "./context.ts";
import type { ContextState } from "./state.ts";
import { Type } from "./type.ts";
import { Attribute } from "./attribute.ts";
import { Location } from "./location.ts";

/** A short description of a value for error messages. */
export function describe(value: unknown): string {
  if (value === null) return "null";
  if (value === undefined) return "undefined";
  if (typeof value === "object") return value.constructor?.name ?? "an object";
  if (typeof value === "string") return `the string ${JSON.stringify(value.length > 40 ? value.slice(0, 40) + "…" : value)}`;
  return `${typeof value} ${String(value)}`;
}

/** The state of a live context argument. */
export function contextArg(ctx: unknown, what: string): ContextState {
  if (!(ctx instanceof Context)) throw new ArgumentError(`${what} must be a Context, got ${describe(ctx)}.`);
  const state = ctx._state;
  state.check("Context");
  return state;
}

/** The pointer of a type argument, checked to belong to `state`'s context (if given). */
export function typeArg(t: unknown, state: ContextState | null, what: string): number {
  if (!(t instanceof Type)) throw new ArgumentError(`${what} must be a Type, got ${describe(t)}.`);
  return state === null ? t._live() : t._in(state, what);
}

/** A list argument: an array or any other iterable (such as a HandleList). */
export function listArg(list: unknown, what: string): readonly unknown[] {
  if (Array.isArray(list)) return list;
  if (typeof list === "object" && list !== null && typeof (list as Iterable<unknown>)[Symbol.iterator] === "function") {
    return Array.from(list as Iterable<unknown>);
  }
  throw new ArgumentError(`${what} must be an array, got ${describe(list)}.`);
}

/** Pointers of a list of types, as the Float64Array the shim takes. */
export function typesArg(list: unknown, state: ContextState, what: string): Float64Array {
  return Float64Array.from(listArg(list, what), (t, i) => typeArg(t, state, `${what}[${i}]`));
}

/** The pointer of an attribute argument, checked to belong to `state`'s context (if given). */
export function attributeArg(a: unknown, state: ContextState | null, what: string): number {
  if (!(a instanceof Attribute)) throw new ArgumentError(`${what} must be an Attribute, got ${describe(a)}.`);
  return state === null ? a._live() : a._in(state, what);
}

/** The pointer of a location argument, checked to belong to `state`'s context. */
export function locationArg(l: unknown, state: ContextState, what: string): number {
  if (!(l instanceof Location)) throw new ArgumentError(`${what} must be a Location, got ${describe(l)}.`);
  return l._in(state, what);
}

/** A string argument. */
export function stringArg(s: unknown, what: string): string {
  if (typeof s !== "string") throw new ArgumentError(`${what} must be a string, got ${describe(s)}.`);
  return s;
}

/** An integer argument in [min, max]. */
export function intArg(n: unknown, min: number, max: number, what: string): number {
  if (typeof n !== "number" || !Number.isInteger(n) || n < min || n > max) {
    throw new ArgumentError(`${what} must be an integer in [${min}, ${max}], got ${describe(n)}.`);
  }
  return n;
}

/** A boolean argument (undefined gives the default). */
export function boolArg(b: unknown, fallback: boolean, what: string): boolean {
  if (b === undefined) return fallback;
  if (typeof b !== "boolean") throw new ArgumentError(`${what} must be a boolean, got ${describe(b)}.`);
  return b;
}

/** An options object (undefined gives `{}`). */
export function optionsArg<T extends object>(o: T | undefined, what: string): T {
  if (o === undefined) return {} as T;
  if (typeof o !== "object" || o === null || Array.isArray(o)) throw new ArgumentError(`${what} must be an object, got ${describe(o)}.`);
  return o;
}
