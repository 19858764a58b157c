/**
 * A thin layer over mitata's `measure`: workload files declare benchmarks with
 * the familiar `bench(name, generator).args("size", [...])`, and the variant
 * runner measures each with the time budget it chooses (a short one in
 * `--quick` mode, which mitata's global `run()` does not offer).
 *
 * @module
 */
import { measure } from "mitata";

/** mitata's generator form: setup before `yield`, teardown after. */
// deno-lint-ignore no-explicit-any
export type BenchGenerator = (state: { get(name: string): any }) => Generator<unknown, void, undefined>;

/** One declared benchmark. */
export interface Declared {
  readonly name: string;
  readonly gen: BenchGenerator;
  sizes: readonly number[] | null;
}

const declared: Declared[] = [];

/** Declares a benchmark; chain `.args("size", sizes)` for sized ones. */
export function bench(name: string, gen: BenchGenerator): { args(name: "size", sizes: number[]): void } {
  const entry: Declared = { name, gen, sizes: null };
  declared.push(entry);
  return {
    args(_name, sizes) {
      entry.sizes = sizes;
    },
  };
}

/** One measurement: mitata's stats for a benchmark at a size. */
export interface Measured {
  readonly name: string;
  readonly size: number;
  readonly avg: number;
  readonly p50: number;
  readonly samples: number;
}

/**
 * Measures every declared benchmark with at least `minCpuTime` ns of samples,
 * calling `progress` after each.
 */
export async function measureAll(minCpuTime: number, progress: (m: Measured) => void): Promise<Measured[]> {
  const out: Measured[] = [];
  for (const d of declared) {
    for (const size of d.sizes ?? [1]) {
      // mitata times each call on its own, clock overhead included, unless a
      // warm-up call comes in under its batch threshold (65 µs). A cold first
      // call of a nanosecond benchmark (JIT tiers, first native lookups) can
      // miss it twice in a row, mitata's default number of tries: the hot
      // attribute lookup then measured 60-180 ns for a 25 ns call. More tries
      // cost nothing once one is fast, and nothing for slow benchmarks, whose
      // first call exceeds the warm-up threshold.
      const stats = await measure(d.gen as never, { args: { size }, min_cpu_time: minCpuTime, warmup_samples: 64 } as never);
      const m = { name: d.name, size, avg: stats.avg, p50: stats.p50, samples: stats.samples.length };
      out.push(m);
      progress(m);
    }
  }
  return out;
}
