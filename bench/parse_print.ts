/**
 * Parse and print through the binding vs `mlir-opt --mlir-timing` (its own
 * Parser and Output phases) on the same generated file:
 *
 *   <runtime> bench/parse_print.ts <ops> <out.json>
 *
 * @module
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import process from "node:process";
import { fileURLToPath } from "node:url";
import { Context } from "../src/mod.ts";
import { functionsModule } from "./fixtures.ts";

/** What the comparison measured, in milliseconds (best of `runs`). */
export interface ParsePrintResult {
  readonly ops: number;
  readonly bytes: number;
  readonly bindingParse: number;
  readonly bindingPrint: number;
  readonly mlirOptParse: number | null;
  readonly mlirOptOutput: number | null;
  readonly mlirOpt: string | null;
  /** Why mlir-opt was not run, when it was not (e.g. "mlir-opt (MLIR 22) was not found."). */
  readonly mlirOptMissing?: string;
}

/**
 * mlir-opt: the one bench/main.ts found (MLIR_OPT), else native/build.sh
 * --tools, the project's one lookup (which installs mlir-22-tools as root).
 */
function findMlirOpt(): string | null {
  if (process.env.MLIR_OPT) return process.env.MLIR_OPT;
  if (process.env.MLIR_OPT_MISSING) return null;
  const build = fileURLToPath(new URL("../native/build.sh", import.meta.url));
  const r = spawnSync("bash", [build, "--tools"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] });
  return r.status === 0 && r.stdout.trim() ? r.stdout.trim() : null;
}

/** Reads a phase's wall time (seconds) from mlir-opt's timing report. */
function phase(report: string, name: string): number | null {
  const m = new RegExp(`^\\s*([0-9.]+) \\([ 0-9.]+%\\)\\s+${name}$`, "m").exec(report);
  return m ? Number(m[1]) * 1000 : null;
}

const [opsArg, out] = process.argv.slice(-2) as [string, string];
const ops = Number(opsArg);
const runs = 3;
const text = functionsModule(ops);
const dir = mkdtempSync(join(tmpdir(), "mlir-ffi-bench-"));
const file = join(dir, "input.mlir");
writeFileSync(file, text);

const ctx = new Context();
let bindingParse = Infinity;
let bindingPrint = Infinity;
for (let i = 0; i < runs; i++) {
  const t0 = performance.now();
  const mod = ctx.parseModule(text, { filename: file });
  const t1 = performance.now();
  const printed = mod.toString();
  const t2 = performance.now();
  if (printed.length < text.length / 2) throw new Error("printed text is too short");
  bindingParse = Math.min(bindingParse, t1 - t0);
  bindingPrint = Math.min(bindingPrint, t2 - t1);
  mod.dispose();
}
ctx.dispose();

const mlirOpt = findMlirOpt();
let mlirOptParse: number | null = null;
let mlirOptOutput: number | null = null;
if (mlirOpt !== null) {
  for (let i = 0; i < runs; i++) {
    const r = spawnSync(mlirOpt, ["--mlir-timing", file, "-o", join(dir, "out.mlir")], { encoding: "utf8" });
    const p = phase(r.stderr, "Parser");
    const o = phase(r.stderr, "Output");
    if (p !== null && o !== null && (mlirOptParse === null || p + o < mlirOptParse + mlirOptOutput!)) {
      mlirOptParse = p;
      mlirOptOutput = o;
    }
  }
}
rmSync(dir, { recursive: true, force: true });

const result: ParsePrintResult = {
  ops,
  bytes: text.length,
  bindingParse,
  bindingPrint,
  mlirOptParse,
  mlirOptOutput,
  mlirOpt,
  ...(mlirOpt === null ? { mlirOptMissing: process.env.MLIR_OPT_MISSING || "mlir-opt not found" } : {}),
};
const ratio = mlirOptParse === null ? `n/a (${result.mlirOptMissing ?? "mlir-opt gave no timing"})` :
  `${((bindingParse + bindingPrint) / (mlirOptParse + mlirOptOutput!)).toFixed(2)}x mlir-opt`;
console.log(
  `parse+print ${ops} ops: binding ${bindingParse.toFixed(1)} + ${bindingPrint.toFixed(1)} ms, ` +
    `mlir-opt ${mlirOptParse?.toFixed(1) ?? "?"} + ${mlirOptOutput?.toFixed(1) ?? "?"} ms: ${ratio}`,
);
writeFileSync(out, JSON.stringify(result, null, 1));
