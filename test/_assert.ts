/**
 * The `@std/assert` names this suite uses, on top of `node:assert/strict`.
 *
 * `@std/assert` is published only on JSR, which these machines cannot reach;
 * the import map (deno.json) and tsconfig paths (Bun) send `@std/assert` here,
 * so switching to the real package is a one-line change in each.
 *
 * @module
 */
import assert from "node:assert/strict";
// Before any test of the file: a machine without the native library learns why, once per file.
import "./_environment.ts";

/** Asserts that `value` is neither null nor undefined. */
export function assertExists<T>(value: T, msg?: string): asserts value is NonNullable<T> {
  if (value === null || value === undefined) throw new assert.AssertionError({ message: msg ?? `expected a value, got ${value}` });
}

/** Asserts that `condition` is truthy. */
export function assert_(condition: unknown, msg?: string): asserts condition {
  msg === undefined ? assert.ok(condition) : assert.ok(condition, msg);
}
export { assert_ as assert };

/** Asserts that `condition` is falsy. */
export function assertFalse(condition: unknown, msg?: string): void {
  assert.ok(!condition, msg ?? `expected a falsy value, got ${String(condition)}`);
}

/** Deep equality. */
export function assertEquals<T>(actual: unknown, expected: T, msg?: string): asserts actual is T {
  msg === undefined ? assert.deepStrictEqual(actual, expected) : assert.deepStrictEqual(actual, expected, msg);
}

/** Deep inequality. */
export function assertNotEquals(actual: unknown, expected: unknown, msg?: string): void {
  msg === undefined ? assert.notDeepStrictEqual(actual, expected) : assert.notDeepStrictEqual(actual, expected, msg);
}

/** `Object.is` equality. */
export function assertStrictEquals<T>(actual: unknown, expected: T, msg?: string): asserts actual is T {
  msg === undefined ? assert.strictEqual(actual, expected) : assert.strictEqual(actual, expected, msg);
}

/** `Object.is` inequality. */
export function assertNotStrictEquals(actual: unknown, expected: unknown, msg?: string): void {
  msg === undefined ? assert.notStrictEqual(actual, expected) : assert.notStrictEqual(actual, expected, msg);
}

/** Asserts that `actual` matches `expected`. */
export function assertMatch(actual: string, expected: RegExp, msg?: string): void {
  msg === undefined ? assert.match(actual, expected) : assert.match(actual, expected, msg);
}

/** Asserts that `actual` contains `expected`. */
export function assertStringIncludes(actual: string, expected: string, msg?: string): void {
  assert.ok(actual.includes(expected), msg ?? `expected ${JSON.stringify(actual)} to include ${JSON.stringify(expected)}`);
}

/** Asserts that `actual` is an instance of `type`. */
export function assertInstanceOf<T>(actual: unknown, type: abstract new (...args: any[]) => T, msg?: string): asserts actual is T {
  assert.ok(actual instanceof type, msg ?? `expected an instance of ${type.name}, got ${describe(actual)}`);
}

/** Asserts `actual > expected`. */
export function assertGreater<T>(actual: T, expected: T, msg?: string): void {
  assert.ok(actual > expected, msg ?? `expected ${String(actual)} > ${String(expected)}`);
}

/** Asserts `actual < expected`. */
export function assertLess<T>(actual: T, expected: T, msg?: string): void {
  assert.ok(actual < expected, msg ?? `expected ${String(actual)} < ${String(expected)}`);
}

/** Asserts `actual <= expected`. */
export function assertLessOrEqual<T>(actual: T, expected: T, msg?: string): void {
  assert.ok(actual <= expected, msg ?? `expected ${String(actual)} <= ${String(expected)}`);
}

/** Fails. */
export function fail(msg?: string): never {
  assert.fail(msg);
}

function describe(value: unknown): string {
  if (value === null || typeof value !== "object") return String(value);
  return value.constructor?.name ?? "object";
}

/**
 * Asserts that `fn` throws (an instance of `type`, whose message includes
 * `msgIncludes`) and returns the error.
 */
export function assertThrows<E extends Error = Error>(
  fn: () => unknown,
  type?: abstract new (...args: any[]) => E,
  msgIncludes?: string,
  msg?: string,
): E {
  let error: unknown;
  try {
    fn();
  } catch (e) {
    error = e;
  }
  if (error === undefined) assert.fail(msg ?? "expected the function to throw");
  if (type !== undefined && !(error instanceof type)) {
    assert.fail(msg ?? `expected ${type.name}, got ${describe(error)}: ${(error as Error)?.message}`);
  }
  if (msgIncludes !== undefined && !(error as Error).message.includes(msgIncludes)) {
    assert.fail(msg ?? `expected the message to include ${JSON.stringify(msgIncludes)}, got ${JSON.stringify((error as Error).message)}`);
  }
  return error as E;
}

/** Async version of {@linkcode assertThrows}. */
export async function assertRejects<E extends Error = Error>(
  fn: () => Promise<unknown>,
  type?: abstract new (...args: any[]) => E,
  msgIncludes?: string,
  msg?: string,
): Promise<E> {
  let error: unknown;
  try {
    await fn();
  } catch (e) {
    error = e;
  }
  if (error === undefined) assert.fail(msg ?? "expected the promise to reject");
  if (type !== undefined && !(error instanceof type)) assert.fail(msg ?? `expected ${type.name}, got ${describe(error)}`);
  if (msgIncludes !== undefined && !(error as Error).message.includes(msgIncludes)) {
    assert.fail(msg ?? `expected the message to include ${JSON.stringify(msgIncludes)}`);
  }
  return error as E;
}
