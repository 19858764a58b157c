/**
 * What the package tests need beyond the suite itself: the dev tools that
 * `npm pack` builds with, and a way to run a command with a clear failure.
 *
 * @module
 */
import { spawnSync } from "node:child_process";
import process from "node:process";
import { fileURLToPath } from "node:url";
import { ensureDevDependencies as installDevDependencies } from "../../bench/runtimes.ts";

/** The repository root. */
export const ROOT: string = fileURLToPath(new URL("../..", import.meta.url));

/** Runs `cmd args` in `cwd`; throws with its output when it fails. Returns stdout. */
export function run(cmd: string, args: string[], cwd: string): string {
  const r = spawnSync(cmd, args, { cwd, encoding: "utf8", env: { ...process.env, MLIR_FFI_LIB: "" }, timeout: 600_000 });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed (${r.status}, ${r.signal}):\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

/** `npm pack` builds dist/ with tsup, a dev dependency that a fresh clone has not installed yet. */
export function ensureDevDependencies(): void {
  if (!installDevDependencies([".bin/tsup"])) throw new Error("npm ci failed: the package tests need tsup from the dev dependencies");
}
