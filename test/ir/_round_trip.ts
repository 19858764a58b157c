/**
 * Round trips through text for the type and attribute tests: print, parse
 * back, and check the result is the same object of the same class (so a
 * class read from the IR is the one that was built).
 *
 * @module
 */
import { assert, assertStrictEquals } from "@std/assert";
import type { Attribute, Context, Type } from "../../src/mod.ts";

/** Prints `t`, parses the text back and checks it is the same type, of the same class. */
export function roundTrip<T extends Type>(ctx: Context, t: T): T {
  const parsed = ctx.parseType(t.toString());
  assert(parsed.equals(t), `${t.toString()} did not round-trip (got ${parsed.toString()})`);
  assertStrictEquals(parsed.constructor, t.constructor, `${t.toString()} parsed back as a ${parsed.constructor.name}`);
  return parsed as T;
}

/** Prints `a`, parses the text back and checks it is the same attribute, of the same class. */
export function roundTripAttr<T extends Attribute>(ctx: Context, a: T): T {
  const parsed = ctx.parseAttribute(a.toString());
  assert(parsed.equals(a), `${a.toString()} did not round-trip (got ${parsed.toString()})`);
  assertStrictEquals(parsed.constructor, a.constructor, `${a.toString()} parsed back as a ${parsed.constructor.name}`);
  return parsed as T;
}
