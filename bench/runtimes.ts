/**
 * Running a script under any runtime: finds Bun, Deno and Node (the one
 * running now, else `node_modules/.bin`, else PATH) and spells the arguments
 * that run a file under one of them with the project's permissions. Node runs
 * the TypeScript sources through tsx (a dev dependency), which also applies
 * tsconfig.json's `paths` (`@std/assert`), and needs koffi (an optional
 * dependency): without both it is not an available runtime.
 *
 * It lives in `bench/` because the benchmarks (`bench/main.ts`) run every
 * variant in a child process of each runtime, and bench code imports nothing
 * from `test/`; the tests that start child processes (`test/contract/`,
 * `test/fuzz/`, `test/bad_input/`, `test/consumer/`, `test/matrix.ts`,
 * `test/examples_test.ts`) import it from here. Nothing of it ships.
 *
 * @module
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import process from "node:process";
import { fileURLToPath, pathToFileURL } from "node:url";

/**
 * Installs the dev dependencies from the lockfile (`npm ci`) unless every
 * path in `needed` (relative to `node_modules/`) is there already. A fresh
 * clone has none: Deno runs the suite without a node_modules folder, and the
 * benchmarks (mitata, Bun, Deno) and the package tests (tsup) need them.
 * Returns whether npm ci succeeded or was not needed.
 */
export function ensureDevDependencies(needed: readonly string[]): boolean {
  if (needed.every((p) => existsSync(join(root, "node_modules", p)))) return true;
  console.error("installing the dev dependencies (npm ci)");
  const r = spawnSync("npm", ["ci", "--no-audit", "--no-fund", "--loglevel=error"], { cwd: root, stdio: "inherit" });
  return r.status === 0;
}

/** The runtimes scripts run on. */
export type RuntimeName = "bun" | "deno" | "node";

/** A runtime executable. */
export interface RuntimeExe {
  readonly name: RuntimeName;
  readonly path: string;
}

const root = fileURLToPath(new URL("..", import.meta.url));
const CONFIG = join(root, "deno.json");
const TSX = join(root, "node_modules", "tsx", "dist", "loader.mjs");
const KOFFI = join(root, "node_modules", "koffi", "package.json");

function currentName(): RuntimeName {
  const g = globalThis as { Bun?: unknown; Deno?: unknown };
  if (g.Bun !== undefined) return "bun";
  if (g.Deno !== undefined) return "deno";
  return "node";
}

/** The runtime this process runs on. */
export const CURRENT_RUNTIME: RuntimeExe = { name: currentName(), path: process.execPath };

/** `name`'s executable, or undefined if it is nowhere to be found (or, for Node, tsx or koffi is missing). */
export function findRuntime(name: RuntimeName): RuntimeExe | undefined {
  if (name === CURRENT_RUNTIME.name) return CURRENT_RUNTIME;
  if (name === "node" && !(existsSync(TSX) && existsSync(KOFFI))) return undefined;
  const local = join(root, "node_modules", ".bin", name);
  if (name !== "node" && existsSync(local)) return { name, path: local };
  try {
    return { name, path: execFileSync("which", [name], { encoding: "utf8" }).trim() };
  } catch {
    return undefined;
  }
}

/** Every runtime found, this one first. */
export function availableRuntimes(): RuntimeExe[] {
  const others = (["bun", "deno", "node"] as const).filter((n) => n !== CURRENT_RUNTIME.name);
  return [CURRENT_RUNTIME, ...others.map(findRuntime).filter((r): r is RuntimeExe => r !== undefined)];
}

/**
 * Whether the module of `meta` is the script the process was started with:
 * `import.meta.main` on Bun and Deno; Node 20 has none, so there it is the
 * module whose file is the first argument.
 */
export function isMainModule(meta: ImportMeta): boolean {
  const main = (meta as { main?: boolean }).main;
  return main ?? (process.argv[1] !== undefined && fileURLToPath(meta.url) === process.argv[1]);
}

/** The runtime's version, e.g. "1.4.5", "2.9.6 (stable, ...)" or "20.20.2". */
export function versionOf(runtime: RuntimeExe): string {
  const out = execFileSync(runtime.path, ["--version"], { encoding: "utf8" });
  return out.split("\n")[0]!.replace(/^deno /, "").replace(/^v/, "").trim();
}

/**
 * The permissions deno.json grants (`-P`), spelled as flags: `-P` makes Deno
 * print an "experimental feature" warning in every process it starts.
 */
export const DENO_PERMISSIONS: readonly string[] = [
  "--allow-ffi",
  "--allow-read",
  "--allow-write",
  "--allow-env",
  "--allow-run",
  "--allow-sys",
];

/**
 * The Node flags that run a TypeScript file of this repository: tsx's loader
 * (by path, so the child's working directory does not matter) and an exposed
 * garbage collector.
 */
export const NODE_TYPESCRIPT: readonly string[] = ["--import", pathToFileURL(TSX).href, "--expose-gc"];

/**
 * Arguments that run `file` with `args` under `runtime`, with the project's
 * permissions and an exposed garbage collector.
 */
export function scriptArgs(runtime: RuntimeExe, file: string, args: readonly string[] = []): string[] {
  switch (runtime.name) {
    case "bun":
      return [file, ...args];
    case "deno":
      return ["run", ...DENO_PERMISSIONS, `--config=${CONFIG}`, "--v8-flags=--expose-gc", file, ...args];
    case "node":
      // Plain JavaScript (bench/startup.mjs) runs as Node users run it, without tsx.
      return file.endsWith(".mjs") ? ["--expose-gc", file, ...args] : [...NODE_TYPESCRIPT, file, ...args];
  }
}
