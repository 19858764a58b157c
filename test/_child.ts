/**
 * Running code that might crash the process in a child process: a segfault
 * there is a failed test here, not a lost test runner.
 *
 * @module
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import process from "node:process";
import { CURRENT_RUNTIME, NODE_TYPESCRIPT } from "../bench/runtimes.ts";

/**
 * Environment that makes heap misuse in a child process fail loudly and
 * early: MALLOC_PERTURB_ fills freed memory with garbage, and glibc's debug
 * malloc (when installed) checks the heap on every free, so corruption is
 * caught where it happens rather than at some later teardown.
 */
export function heapCheckEnv(): Record<string, string> {
  const env: Record<string, string> = { MALLOC_PERTURB_: "165" };
  const arch = process.arch === "arm64" ? "aarch64-linux-gnu" : "x86_64-linux-gnu";
  const debug = [`/lib/${arch}/libc_malloc_debug.so.0`, `/usr/lib/${arch}/libc_malloc_debug.so.0`].find((p) => existsSync(p));
  if (debug !== undefined && !process.env.LD_PRELOAD) {
    env.LD_PRELOAD = debug;
    env.MALLOC_CHECK_ = "3";
  }
  return env;
}

/** The source tree's `src/mod.ts`, for child scripts to import. */
export const MOD_URL: string = new URL("../src/mod.ts", import.meta.url).href;
const GC_URL = new URL("./_gc.ts", import.meta.url).href;

/** What a child process did. */
export interface ChildResult {
  readonly status: number | null;
  readonly signal: string | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** The arguments that run the TypeScript file `file` in a child of this runtime, with an exposed collector. */
export function childArgs(file: string): string[] {
  switch (CURRENT_RUNTIME.name) {
    case "bun":
      return [file];
    case "deno":
      return ["run", "-A", "--v8-flags=--expose-gc", file];
    case "node":
      return [...NODE_TYPESCRIPT, file];
  }
}

/**
 * The extension of a child script: on Node, tsx compiles a `.ts` file outside
 * a `"type": "module"` package (a temporary folder) as CommonJS, where the
 * library's top-level await is an error; `.mts` is always a module.
 */
export const CHILD_EXTENSION: string = CURRENT_RUNTIME.name === "node" ? ".mts" : ".ts";

let dir: string | undefined;

/**
 * Runs `code` (an ES module body; `mlir` and `forceGC` are in scope) in a
 * child of the current runtime, with the heap checks of `heapCheckEnv`.
 */
export function runChild(code: string, env: Record<string, string> = {}): ChildResult {
  dir ??= mkdtempSync(join(tmpdir(), "mlir-ffi-child-"));
  const file = join(dir, `child_${process.pid}_${Math.random().toString(36).slice(2)}${CHILD_EXTENSION}`);
  writeFileSync(
    file,
    `import * as mlir from ${JSON.stringify(MOD_URL)};\nimport { forceGC } from ${JSON.stringify(GC_URL)};\n${code}\n`,
  );
  const result = spawnSync(process.execPath, childArgs(file), {
    encoding: "utf8",
    env: { ...process.env, ...heapCheckEnv(), ...env },
    timeout: 120_000,
  });
  return {
    status: result.status,
    signal: result.signal,
    stdout: result.stdout ?? "",
    stderr: result.stderr ?? "",
  };
}

/** Describes a child result for assertion messages. */
export function describeChild(r: ChildResult): string {
  return `status ${r.status}, signal ${r.signal}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`;
}

/**
 * Child-script code that runs every thunk of a `cases` object the script
 * defined before it, and prints, per case name, `{ returned }` (the
 * result's text, or null) or the error's `{ name, argument }`, as one JSON
 * line: the shape the tests of inputs MLIR would crash on compare against.
 */
export const REPORT_CASES = `const out = {};
for (const [name, fn] of Object.entries(cases)) {
  try {
    const r = fn();
    out[name] = { returned: r === null ? null : String(r) };
  } catch (e) {
    out[name] = { name: e.name, argument: e.argument };
  }
}
console.log(JSON.stringify(out));`;
