/**
 * Runs every workload for one variant, in its own process so that no other
 * variant's classes make the hot call sites polymorphic:
 *
 *   <runtime> bench/variant.ts <variant> <sizes,comma,separated> <min-cpu-ms> <out.json>
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
import { erase } from "./workloads/erase.bench.ts";
import { hotAttribute, hotName } from "./workloads/hot.bench.ts";
import { identity } from "./workloads/identity.bench.ts";
import { passRun } from "./workloads/pass.bench.ts";
import { nativeWalk, walk } from "./workloads/walk.bench.ts";
import type { Meta, Result, Workload } from "./workload.ts";

/** The workload families, in report order. */
export const WORKLOADS: readonly Workload[] = [walk, hotName, hotAttribute, identity, erase, passRun];

const [variant, sizeList, minCpuMs, out] = process.argv.slice(-4) as [Variant, string, string, string];
const sizes = sizeList.split(",").map(Number);
const meta: Meta = new Map();
const results: Result[] = [];

if (variant === "native") {
  results.push(...nativeWalk(sizes, 5));
} else {
  for (const workload of WORKLOADS) workload.register(variant, sizes, meta);
  let raw: RawContext | undefined;
  if (variant === "raw") {
    raw = new RawContext();
    ffiRepresentationBenches(raw.parse("func.func private @f()"));
  }
  const known = new Set(WORKLOADS.map((w) => w.name));
  const measured = await measureAll(Number(minCpuMs) * 1e6, (m) => {
    const units = known.has(m.name) ? meta.get(`${m.name}:${m.size}`)?.units ?? 1 : 1;
    const per = known.has(m.name) && WORKLOADS.find((w) => w.name === m.name)!.unit === "op" ? "op" : "call";
    console.log(`  ${variant} ${m.name}${m.size > 1 ? ` ${m.size}` : ""}: ${(m.avg / units).toFixed(2)} ns/${per}`);
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
