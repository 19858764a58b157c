/**
 * The benchmark suite: `bun bench` (or `deno task bench`).
 *
 *   --quick   1k-op modules only, a minute or so: for CI
 *   --full    add 1M-op modules
 *   --rounds N  interleaved repetitions, best round kept (default 3; 1 with --quick)
 *   --this-runtime-only   do not also run the other runtime
 *
 * Every variant (native floor, raw FFI, each strategy with and without its
 * checks) runs in its own child process, on both runtimes when both are
 * installed; then bench/results/<runtime>.json, bench/REPORT.md and
 * bench/chart.svg are written, and the README's headline section updated.
 *
 * @module
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import process from "node:process";
import { fileURLToPath } from "node:url";
import { STRATEGIES } from "../src/mod.ts";
import { availableRuntimes, CURRENT_RUNTIME, type RuntimeExe, scriptArgs, versionOf } from "../test/_runtimes.ts";
import { VARIANTS } from "./fixtures.ts";
import { writeReport } from "./report.ts";
import type { ParsePrintResult } from "./parse_print.ts";
import type { RuntimeResults } from "./results.ts";
import type { Result } from "./workload.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const args = process.argv.slice(2);
const quick = args.includes("--quick");
const full = args.includes("--full");
const sizes = quick ? [1_000] : full ? [1_000, 10_000, 100_000, 1_000_000] : [1_000, 10_000, 100_000];
const churnModules = quick ? 2_000 : 10_000;
const roundsArg = args.indexOf("--rounds");
/** Interleaved repetitions of every variant (the best round counts). */
const rounds = roundsArg >= 0 ? Math.max(1, Number(args[roundsArg + 1])) : quick ? 1 : 3;
const parsePrintOps = quick ? 10_000 : full ? 1_000_000 : 100_000;
/** Sampling time per benchmark, in ms (mitata's default is 642). */
const minCpuMs = quick ? 30 : 300;
function command(runtime: RuntimeExe, script: string, rest: string[]): string[] {
  return scriptArgs(runtime, join(root, "bench", script), rest);
}

function runChild(runtime: RuntimeExe, script: string, rest: string[], out: string): unknown {
  const r = spawnSync(runtime.path, command(runtime, script, [...rest, out]), { stdio: "inherit" });
  if (r.status !== 0 || !existsSync(out)) {
    throw new Error(`${runtime.name} ${script} ${rest.join(" ")} failed (status ${r.status}, signal ${r.signal})`);
  }
  return JSON.parse(readFileSync(out, "utf8"));
}

/** Field by field, the faster of two parse/print measurements. */
function bestOf(a: ParsePrintResult, b: ParsePrintResult): ParsePrintResult {
  const min = (x: number | null, y: number | null) => (x === null ? y : y === null ? x : Math.min(x, y));
  return {
    ...a,
    bindingParse: Math.min(a.bindingParse, b.bindingParse),
    bindingPrint: Math.min(a.bindingPrint, b.bindingPrint),
    mlirOptParse: min(a.mlirOptParse, b.mlirOptParse),
    mlirOptOutput: min(a.mlirOptOutput, b.mlirOptOutput),
  };
}

function benchRuntime(runtime: RuntimeExe, dir: string): RuntimeResults {
  const started = Date.now();
  const results: RuntimeResults = {
    runtime: runtime.name,
    version: versionOf(runtime),
    date: new Date().toISOString(),
    cpu: cpus()[0]?.model ?? "unknown",
    cores: cpus().length,
    quick,
    rounds,
    sizes,
    results: [],
    churn: [],
    parsePrint: null,
  };
  // Rounds run every variant in turn, and each number kept is the best
  // round's: on a shared machine, noise only ever adds time.
  const best = new Map<string, Result>();
  for (let round = 1; round <= rounds; round++) {
    for (const variant of VARIANTS) {
      console.error(`\n▶ ${runtime.name}: ${variant} (round ${round} of ${rounds})`);
      const out = join(dir, `${runtime.name}-${variant}.json`);
      for (const r of runChild(runtime, "variant.ts", [variant, sizes.join(","), String(minCpuMs)], out) as Result[]) {
        const key = `${r.workload}|${r.variant}|${r.size}|${r.label ?? ""}`;
        const seen = best.get(key);
        if (seen === undefined || r.nsPerUnit < seen.nsPerUnit) best.set(key, r);
      }
    }
  }
  results.results.push(...best.values());
  for (const strategy of STRATEGIES) {
    console.error(`\n▶ ${runtime.name}: churn of ${churnModules} modules, ${strategy}`);
    const out = join(dir, `${runtime.name}-churn-${strategy}.json`);
    results.churn.push(...(runChild(runtime, "churn.ts", [strategy, String(churnModules)], out) as RuntimeResults["churn"]));
  }
  console.error(`\n▶ ${runtime.name}: parse and print vs mlir-opt`);
  for (let round = 1; round <= rounds; round++) {
    const pp = runChild(runtime, "parse_print.ts", [String(parsePrintOps)], join(dir, `${runtime.name}-pp.json`)) as
      ParsePrintResult;
    results.parsePrint = results.parsePrint === null ? pp : bestOf(results.parsePrint, pp);
  }
  console.error(`\n✔ ${runtime.name} done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return results;
}

const runtimes = args.includes("--this-runtime-only") ? [CURRENT_RUNTIME] : availableRuntimes();
const dir = mkdtempSync(join(tmpdir(), "mlir-ffi-bench-"));
const resultsDir = join(root, "bench", "results");
mkdirSync(resultsDir, { recursive: true });
for (const runtime of runtimes) {
  const results = benchRuntime(runtime, dir);
  writeFileSync(join(resultsDir, `${runtime.name}${quick ? "-quick" : ""}.json`), JSON.stringify(results, null, 1) + "\n");
}
writeReport(root, quick);
