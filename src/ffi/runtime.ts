/**
 * Which JavaScript runtime we run on, decided in one place.
 *
 * Bun and Deno both also set `process.versions.node` (their Node
 * compatibility), so they are recognised first; Node is what remains.
 *
 * @module
 */

/** The runtimes mlir-ffi supports. */
export type RuntimeName = "bun" | "deno" | "node";

function detect(): RuntimeName | "unsupported" {
  const g = globalThis as {
    Bun?: unknown;
    Deno?: { dlopen?: unknown };
    process?: { versions?: { node?: string } };
  };
  if (g.Bun !== undefined) return "bun";
  if (g.Deno?.dlopen !== undefined) return "deno";
  if (g.Deno === undefined && typeof g.process?.versions?.node === "string") return "node";
  return "unsupported";
}

/** The current runtime. */
export const runtime: RuntimeName | "unsupported" = detect();
