/**
 * A thin layer over mitata's `measure`: workload files declare benchmarks with
 * the familiar `bench(name, generator).args("size", [...])`, and the variant
 * runner measures each with the time budget it chooses (a short one in
 * short default run, which mitata's global `run()` does not offer).
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

/** How long a benchmark function is run before mitata sees it. */
const WARM_UP_MS = 50;

/**
 * `gen` with its benchmark function run for a while before mitata measures
 * it. mitata times each call on its own, clock overhead included (~170 ns on
 * Deno, ~300 ns on Bun), unless its first call takes under 0.5 ms and one of
 * the next few under 65 µs. A cold first call (JIT tiers, first native
 * lookups) can miss that, and then a 25 ns attribute lookup was reported as
 * 60-200 ns depending on what ran before it. Warm, the first call is fast.
 */
function warmedUp(gen: BenchGenerator): BenchGenerator {
  return function* (state) {
    const inner = gen(state);
    let step = inner.next();
    while (!step.done) {
      const yielded = step.value;
      if (typeof yielded === "function") {
        const start = performance.now();
        for (let i = 0; i < 100_000 && performance.now() - start < WARM_UP_MS; i++) yielded();
      }
      step = inner.next(yield yielded);
    }
  };
}

/**
 * Measures every declared benchmark with at least `minCpuTime` ns of samples
 * and at least `minSamples` samples,
 * calling `progress` after each with how many of how many are done.
 */
export async function measureAll(
  minCpuTime: number,
  minSamples: number,
  progress: (m: Measured, done: number, total: number) => void,
): Promise<Measured[]> {
  const out: Measured[] = [];
  const total = declared.reduce((n, d) => n + (d.sizes?.length ?? 1), 0);
  for (const d of declared) {
    for (const size of d.sizes ?? [1]) {
      const stats = await measure(warmedUp(d.gen) as never, { args: { size }, min_cpu_time: minCpuTime, min_samples: minSamples, warmup_samples: 64 } as never);
      const m = { name: d.name, size, avg: stats.avg, p50: stats.p50, samples: stats.samples.length };
      out.push(m);
      progress(m, out.length, total);
    }
  }
  return out;
}
