/**
 * Assertions on the structured fields of mlir-ffi's errors, so a test fails
 * when the wrong argument is blamed or the wrong reason given, not when a
 * message is reworded.
 *
 * @module
 */
import { assertEquals, assertThrows } from "@std/assert";
import { ArgumentError, type ArgumentProblem } from "../src/mod.ts";

/**
 * Asserts that `fn` throws an ArgumentError whose fields include `fields`
 * (each given field equal), and returns it.
 */
export function assertArgumentError(fn: () => unknown, fields: Partial<ArgumentProblem>, msg?: string): ArgumentError {
  const error = assertThrows(fn, ArgumentError, undefined, msg);
  const actual = Object.fromEntries(Object.keys(fields).map((k) => [k, error[k as keyof ArgumentProblem]]));
  assertEquals(actual, fields, msg ?? `ArgumentError fields (message: ${error.message})`);
  return error;
}
