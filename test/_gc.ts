/**
 * Forcing garbage collection (and finalizers) on both runtimes, for tests and
 * benchmarks of keep-alive and bounded memory.
 *
 * @module
 */
import v8 from "node:v8";
import vm from "node:vm";

let collect: (() => void) | undefined;

function collector(): () => void {
  if (collect !== undefined) return collect;
  const bun = (globalThis as { Bun?: { gc(force: boolean): void } }).Bun;
  if (bun !== undefined) {
    collect = () => bun.gc(true);
  } else {
    const exposed = (globalThis as { gc?: () => void }).gc;
    if (exposed !== undefined) {
      collect = exposed;
    } else {
      // V8 (Deno) exposes gc() only behind a flag; set it, then fetch the
      // function from a fresh context that sees it.
      v8.setFlagsFromString("--expose-gc");
      collect = vm.runInNewContext("gc") as () => void;
    }
  }
  return collect;
}

/**
 * Runs full collections and lets pending finalizers run. Each collection
 * runs from a timer callback, on a shallow stack: Bun's collector scans the
 * stack conservatively, and stale slots in the caller's deep frames would
 * otherwise keep dropped objects alive.
 */
export async function forceGC(rounds = 4): Promise<void> {
  const gc = collector();
  for (let i = 0; i < rounds; i++) {
    await new Promise<void>((resolve) =>
      setTimeout(() => {
        gc();
        resolve();
      }, 1)
    );
  }
}

/**
 * Collects until `condition` holds, up to `rounds` times with growing pauses,
 * and returns whether it held. Bun's conservative stack scan can keep a
 * dropped object alive for a while; it is freed once no stale slot points
 * at it.
 */
export async function collectUntil(condition: () => boolean, rounds = 20): Promise<boolean> {
  for (let i = 0; i < rounds; i++) {
    if (condition()) return true;
    await forceGC(1);
    await new Promise((resolve) => setTimeout(resolve, Math.min(2 ** i, 50)));
  }
  return condition();
}
