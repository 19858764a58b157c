/**
 * Which JavaScript runtime we run on, decided in one place.
 *
 * @module
 */

/** The runtimes mlir-ffi supports. */
export type RuntimeName = "bun" | "deno";

function detect(): RuntimeName | "unsupported" {
  const g = globalThis as { Bun?: unknown; Deno?: { dlopen?: unknown } };
  if (g.Bun !== undefined) return "bun";
  if (g.Deno?.dlopen !== undefined) return "deno";
  return "unsupported";
}

/** The current runtime. */
export const runtime: RuntimeName | "unsupported" = detect();
