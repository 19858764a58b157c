/**
 * Runs every workload for one variant, in its own process so that no other
 * variant's classes make the hot call sites polymorphic:
 *
 *   <runtime> bench/variant.ts <variant> <sizes,comma,separated> <min-cpu-ms> <min-samples> <rewrite-max-size> <out.json>
 *
 * Workloads that rewrite a whole module per sample run only at sizes up to
 * `rewrite-max-size`.
 *
 * Prints each result as it is measured and writes them all as JSON.
 *
 * @module
 */
import { writeFileSync } from "node:fs";
import process from "node:process";
import { ffiRepresentationBenches } from "./ffi_repr.bench.ts";
import { measureAll } from "./harness.ts";
import type { Variant } from "./fixtures.ts";
import { RawContext } from "./raw.ts";
import { build, create } from "./workloads/build.bench.ts";
import { callbackFloor, canonicalizeRun, patternEmpty, patternMiss, patternRewrite, tsPassNoop, tsPassWalk } from "./workloads/callbacks.bench.ts";
import { erase } from "./workloads/erase.bench.ts";
import { hotAttribute, hotName, hotOperand, hotResult } from "./workloads/hot.bench.ts";
import { identity } from "./workloads/identity.bench.ts";
import { passRun } from "./workloads/pass.bench.ts";
import { iterate, nativeWalk, walk } from "./workloads/walk.bench.ts";
import type { Meta, Result, Workload } from "./workload.ts";

/** The workload families, in report order. */
export const WORKLOADS: readonly Workload[] = [
  walk,
  iterate,
  hotName,
  hotAttribute,
  hotOperand,
  hotResult,
  identity,
  erase,
  passRun,
  create,
  build,
  patternEmpty,
  patternMiss,
  patternRewrite,
  canonicalizeRun,
  tsPassNoop,
  tsPassWalk,
  callbackFloor,
];

const [variant, sizeList, minCpuMs, minSamples, rewriteMax, out] = process.argv.slice(-6) as [
  Variant,
  string,
  string,
  string,
  string,
  string,
];
const sizes = sizeList.split(",").map(Number);
/** MLIR_FFI_BENCH_ONLY=walk,hot-name runs just those workloads (bench/check_cost.ts). */
const only = process.env.MLIR_FFI_BENCH_ONLY?.split(",");
const sizesFor = (w: Workload) => (w.rewrites ? sizes.filter((n) => n <= Number(rewriteMax)) : sizes);
const meta: Meta = new Map();
const results: Result[] = [];

if (variant === "native") {
  results.push(...nativeWalk(sizes, 5));
} else {
  for (const workload of WORKLOADS) {
    if (only === undefined || only.includes(workload.name)) workload.register(variant, sizesFor(workload), meta);
  }
  let raw: RawContext | undefined;
  if (variant === "raw" && only === undefined) {
    raw = new RawContext();
    ffiRepresentationBenches(raw.parse("func.func private @f()"));
  }
  const known = new Set(WORKLOADS.map((w) => w.name));
  const measured = await measureAll(Number(minCpuMs) * 1e6, Number(minSamples), (m, done, total) => {
    const units = known.has(m.name) ? meta.get(`${m.name}:${m.size}`)?.units ?? 1 : 1;
    const per = known.has(m.name) && WORKLOADS.find((w) => w.name === m.name)!.unit === "op" ? "op" : "call";
    const count = `${String(done).padStart(String(total).length)}/${total}`;
    console.log(`  ${count} ${variant} ${m.name}${m.size > 1 ? ` ${m.size}` : ""}: ${(m.avg / units).toFixed(2)} ns/${per}`);
  });
  raw?.dispose();
  for (const m of measured) {
    const isWorkload = known.has(m.name);
    const units = isWorkload ? meta.get(`${m.name}:${m.size}`)?.units ?? 1 : 1;
    results.push({
      workload: isWorkload ? m.name : "ffi",
      variant,
      size: m.size,
      nsPerUnit: m.avg / units,
      p50PerUnit: m.p50 / units,
      samples: m.samples,
      ...(isWorkload ? {} : { label: m.name }),
    });
  }
}
writeFileSync(out, JSON.stringify(results, null, 1));
