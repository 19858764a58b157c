/**
 * Assertions on the structured fields of mlir-ffi's errors, so a test fails
 * when the wrong argument is blamed or the wrong reason given, not when a
 * message is reworded.
 *
 * @module
 */
import { assertEquals, assertThrows } from "@std/assert";
import { ArgumentError, type ArgumentProblem, InvalidHandleError, type InvalidReason } from "../src/mod.ts";

/**
 * Asserts that `fn` throws a `type` whose fields include `fields` (each given
 * field equal), and returns it.
 */
function assertThrowsWithFields<E extends Error, F extends object>(
  fn: () => unknown,
  type: abstract new (...args: any[]) => E,
  fields: F,
  msg?: string,
): E {
  const error = assertThrows(fn, type, undefined, msg);
  const actual = Object.fromEntries(Object.keys(fields).map((k) => [k, (error as Record<string, unknown>)[k]]));
  assertEquals(actual, fields, msg ?? `${type.name} fields (message: ${error.message})`);
  return error;
}

/**
 * Asserts that `fn` throws an ArgumentError whose fields include `fields`
 * (each given field equal), and returns it.
 */
export function assertArgumentError(fn: () => unknown, fields: Partial<ArgumentProblem>, msg?: string): ArgumentError {
  return assertThrowsWithFields(fn, ArgumentError, fields, msg);
}

/**
 * Asserts that `fn` throws an InvalidHandleError for a handle of `kind`
 * (e.g. `"Operation"`) made invalid by `reason`, and returns it.
 */
export function assertInvalidHandle(
  fn: () => unknown,
  fields: { readonly kind: string; readonly reason: InvalidReason },
  msg?: string,
): InvalidHandleError {
  return assertThrowsWithFields(fn, InvalidHandleError, fields, msg);
}
