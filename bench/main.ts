/**
 * The benchmark suite: `bun bench` (or `deno task bench`).
 *
 *   (default)  the short run: every variant on every runtime at 1k, 10k and
 *              100k ops, one round, short sampling; about 5 minutes on a
 *              2-core machine. Writes bench/REPORT-short.md and
 *              bench/chart-short.svg, which point to the reference report.
 *   --full     the reference run behind bench/REPORT.md, bench/chart.svg and
 *              the README's table: three interleaved rounds, long sampling;
 *              about 45 minutes on the same machine.
 *   --sizes A,B,...   module sizes in ops (e.g. add 1000000)
 *   --rounds N        interleaved repetitions, best round kept
 *   --this-runtime-only   do not also run the other runtime
 *
 * Every variant (native floor, raw FFI, each strategy) runs in its own
 * child process, on every runtime installed; what the safety checks cost is
 * measured in pairs of processes, checked and compiled out
 * (bench/check_cost.ts). A line before each step says which it is, how many are left,
 * the time spent and the time left.
 *
 * @module
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { cpus, tmpdir } from "node:os";
import { join } from "node:path";
import process from "node:process";
import { fileURLToPath } from "node:url";
import { lib } from "../src/ffi/load.ts";
import { STRATEGIES } from "../src/mod.ts";
import { availableRuntimes, CURRENT_RUNTIME, ensureDevDependencies, type RuntimeExe, scriptArgs, versionOf } from "./runtimes.ts";
import { measureCheckCost } from "./check_cost.ts";
import { VARIANTS } from "./fixtures.ts";
import { clock, Progress, type Step } from "./progress.ts";
import { writeReport } from "./report.ts";
import type { ParsePrintResult } from "./parse_print.ts";
import type { BenchMode, RuntimeResults, StartupResult } from "./results.ts";
import type { Result } from "./workload.ts";

const root = fileURLToPath(new URL("..", import.meta.url));

/** The newest modification time of any file under `dir`. */
function newestIn(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/**
 * Builds dist/ (tsup) unless it is newer than every source: start-up on Deno
 * and Node is measured on the npm build, which their users import.
 */
function ensureBuilt(): void {
  const built = join(root, "dist", "mod.js");
  const sources = Math.max(newestIn(join(root, "src")), newestIn(join(root, "strategies")));
  if (existsSync(built) && statSync(built).mtimeMs > sources) return;
  console.error("building dist/ (tsup) for the start-up measurement");
  const r = spawnSync(join(root, "node_modules", ".bin", "tsup"), [], { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
  if (r.status !== 0) throw new Error(`tsup failed (${r.error?.message ?? `exit status ${r.status}`})`);
}
const args = process.argv.slice(2);

// The benchmarks run mitata under Bun from node_modules, and find Deno there.
if (!ensureDevDependencies(["mitata", ".bin/deno", ".bin/bun", ".bin/tsup"])) {
  console.error("bench: `npm ci` failed, and the benchmarks need its packages (mitata, Bun, Deno); check the network, then run `npm ci`.");
  process.exit(1);
}
// The library loads on import and throws on first use when it could not be
// built; its message says what to install or set, and that is all to say.
try {
  lib.mlirffi_abi_version();
} catch (error) {
  console.error(`bench: ${(error as Error).message}`);
  process.exit(1);
}

/** A number list option such as `--sizes 1000,10000`, or undefined. */
function option(name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

const mode: BenchMode = args.includes("--full") ? "full" : "short";
/**
 * What each mode measures. The reference run samples each benchmark 5x
 * longer with mitata's default minimum of 12 samples, three times over, and
 * runs the rewriting workloads (erase, pass) at every size; the short run
 * keeps those at 10k ops, where a sample takes milliseconds, not seconds.
 */
const PLANS = {
  short: { rounds: 1, minCpuMs: 100, minSamples: 6, rewriteMax: 10_000, churnModules: 4_000, parsePrintOps: 100_000, checkRounds: 3 },
  full: { rounds: 3, minCpuMs: 300, minSamples: 12, rewriteMax: Infinity, churnModules: 10_000, parsePrintOps: 100_000, checkRounds: 9 },
} as const;
const plan = PLANS[mode];
const sizes = (option("--sizes") ?? "1000,10000,100000").split(",").map(Number);
if (sizes.some((n) => !Number.isInteger(n) || n < 1)) {
  console.error(`bench: --sizes takes positive integers separated by commas, not ${option("--sizes")}`);
  process.exit(2);
}
/** Interleaved repetitions of every variant (the best round counts). */
const rounds = option("--rounds") !== undefined ? Math.max(1, Number(option("--rounds"))) : plan.rounds;
const { minCpuMs, minSamples, rewriteMax, churnModules, parsePrintOps, checkRounds } = plan;

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

/**
 * mlir-opt for the parse+print comparison, installed with the rest of MLIR
 * when we may (native/build.sh --tools); when it cannot be had, the run goes
 * on and the report's targets table says it was not measured, and why.
 */
function ensureMlirOpt(): void {
  // build.sh says on stderr what it installs, or what to install.
  const r = spawnSync("bash", [join(root, "native", "build.sh"), "--tools"], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
  const path = r.stdout.trim();
  if (r.status === 0 && path) {
    process.env.MLIR_OPT = path;
    return;
  }
  console.error("bench: going on without mlir-opt; the report's targets table will say parse+print was not compared.");
  process.env.MLIR_OPT_MISSING = "mlir-opt (MLIR 22) not found";
}

/** Empty results for a runtime, filled in as its steps run. */
function emptyResults(runtime: RuntimeExe): RuntimeResults {
  return {
    runtime: runtime.name,
    version: versionOf(runtime),
    date: new Date().toISOString(),
    cpu: cpus()[0]?.model ?? "unknown",
    cores: cpus().length,
    mode,
    rounds,
    sizes,
    results: [],
    churn: [],
    parsePrint: null,
    startup: null,
    checkCost: [],
  };
}

/**
 * Relative costs of the steps, measured on this project's 2-core machine in
 * the short mode: a variant's child process against churn and parse+print.
 * Only their ratios matter (see progress.ts).
 */
const WEIGHT = { variant: 10, native: 3, churn: 4, parsePrint: 3, startup: 1, checkRound: 1 } as const;

/** Fresh processes measuring start-up; each figure is the best of them. */
const STARTUP_PROCESSES = 5;

/** Figure by figure, the faster of two start-up measurements. */
function fasterStartup(a: StartupResult | null | undefined, b: StartupResult): StartupResult {
  if (a == null) return b;
  return {
    runtimeMs: Math.min(a.runtimeMs, b.runtimeMs),
    packageMs: Math.min(a.packageMs, b.packageMs),
    arithMs: Math.min(a.arithMs, b.arithMs),
    allDialectsMs: Math.min(a.allDialectsMs, b.allDialectsMs),
  };
}

const runtimes = args.includes("--this-runtime-only") ? [CURRENT_RUNTIME] : availableRuntimes();
const dir = mkdtempSync(join(tmpdir(), "mlir-ffi-bench-"));
const resultsDir = join(root, "bench", "results");
mkdirSync(resultsDir, { recursive: true });
ensureMlirOpt();

interface PlannedStep extends Step {
  run(): void;
}

const steps: PlannedStep[] = [];
const perRuntime = new Map<RuntimeExe, RuntimeResults>();
for (const runtime of runtimes) {
  const results = emptyResults(runtime);
  perRuntime.set(runtime, results);
  // Rounds run every variant in turn, and each number kept is the best
  // round's: on a shared machine, noise only ever adds time.
  const best = new Map<string, Result>();
  for (let round = 1; round <= rounds; round++) {
    for (const variant of VARIANTS) {
      steps.push({
        label: `${runtime.name}: ${variant}${rounds > 1 ? ` (round ${round} of ${rounds})` : ""}`,
        weight: variant === "native" ? WEIGHT.native : WEIGHT.variant,
        run() {
          const out = join(dir, `${runtime.name}-${variant}.json`);
          for (const r of runChild(runtime, "variant.ts", [variant, sizes.join(","), String(minCpuMs), String(minSamples), String(rewriteMax)], out) as Result[]) {
            const key = `${r.workload}|${r.variant}|${r.size}|${r.label ?? ""}`;
            const seen = best.get(key);
            if (seen === undefined || r.nsPerUnit < seen.nsPerUnit) best.set(key, r);
          }
          if (round === rounds && variant === VARIANTS[VARIANTS.length - 1]) results.results.push(...best.values());
        },
      });
    }
  }
  for (const strategy of STRATEGIES) {
    steps.push({
      label: `${runtime.name}: what ${strategy}'s safety checks cost, ${checkRounds} pairs of processes`,
      weight: WEIGHT.checkRound * checkRounds,
      run() {
        results.checkCost!.push(...measureCheckCost(runtime, strategy, { rounds: checkRounds, minCpuMs: minCpuMs / 2, minSamples }));
      },
    });
  }
  for (const strategy of STRATEGIES) {
    steps.push({
      label: `${runtime.name}: churn of ${churnModules} modules, ${strategy}`,
      weight: WEIGHT.churn,
      run() {
        const out = join(dir, `${runtime.name}-churn-${strategy}.json`);
        results.churn.push(...(runChild(runtime, "churn.ts", [strategy, String(churnModules)], out) as RuntimeResults["churn"]));
      },
    });
  }
  steps.push({
    label: `${runtime.name}: start-up, ${STARTUP_PROCESSES} fresh processes`,
    weight: WEIGHT.startup,
    run() {
      if (runtime.name !== "bun") ensureBuilt();
      for (let i = 0; i < STARTUP_PROCESSES; i++) {
        const s = runChild(runtime, "startup.mjs", [], join(dir, `${runtime.name}-startup-${i}.json`)) as StartupResult;
        results.startup = fasterStartup(results.startup, s);
      }
    },
  });
  for (let round = 1; round <= rounds; round++) {
    steps.push({
      label: `${runtime.name}: parse and print vs mlir-opt${rounds > 1 ? ` (round ${round} of ${rounds})` : ""}`,
      weight: WEIGHT.parsePrint,
      run() {
        const pp = runChild(runtime, "parse_print.ts", [String(parsePrintOps)], join(dir, `${runtime.name}-pp.json`)) as
          ParsePrintResult;
        results.parsePrint = results.parsePrint === null ? pp : bestOf(results.parsePrint, pp);
      },
    });
  }
}

console.error(
  `bench: ${mode} run, ${steps.length} steps on ${runtimes.map((r) => r.name).join(" and ")}, ` +
    `sizes ${sizes.join(", ")}, ${rounds} round${rounds > 1 ? "s" : ""}` +
    (mode === "short" ? " (the reference is bench/REPORT.md, from `bun bench --full`)" : ""),
);
const progress = new Progress(steps);
for (const step of steps) progress.step(() => step.run());
for (const [runtime, results] of perRuntime) {
  const suffix = mode === "full" ? "" : `-${mode}`;
  writeFileSync(join(resultsDir, `${runtime.name}${suffix}.json`), JSON.stringify(results, null, 1) + "\n");
}
writeReport(root, mode);
console.error(`bench: done in ${clock(progress.elapsedMs())}`);
