/**
 * A copy of the sources with the safety checks compiled out, for measuring
 * what they cost (bench/check_cost.ts) and for nothing else: a stale handle
 * in it reads freed memory. The copy differs from the sources in exactly the
 * lines marked `// the safety check (bench/check_cost.ts)` (each handle's
 * epoch comparison in `_live()`), so the checked and unchecked runs execute
 * the same classes and call sites; only the check is gone. It is written to
 * build/unchecked/ (not committed, not packaged) and run with MLIR_FFI_LIB
 * pointing at this checkout's native library.
 *
 * @module
 */
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, sep } from "node:path";
import process from "node:process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));

/** The folders the benchmarks import from, copied whole. */
const TREES = ["src", "strategies", "bench"] as const;

/** A marked check line, the whole statement. */
const CHECK = /^\s*if \(this\._stamp !== this\._owner\.epoch\) revalidate\(this, "\w+"\); \/\/ the safety check \(bench\/check_cost\.ts\)\n/gm;

/** How many marked checks the sources have: one per tracked handle class (Operation, Block, BlockArgument). */
export const CHECK_COUNT = 3;

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith(".ts"))
    .map((e) => join(e.parentPath, e.name));
}

/**
 * Writes the unchecked copy (again, when any source is newer) and returns
 * its root; throws if the sources do not have exactly {@linkcode CHECK_COUNT}
 * marked checks, so that a moved or reworded check cannot silently stay in.
 */
export function uncheckedTree(): string {
  const out = join(root, "build", "unchecked");
  const stamp = join(out, ".stamp");
  const newest = Math.max(...TREES.flatMap((t) => tsFiles(join(root, t)).map((f) => statSync(f).mtimeMs)));
  if (existsSync(stamp) && statSync(stamp).mtimeMs >= newest) return out;
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  // Not the results, nor the native bench sources: the copy uses this checkout's built library.
  const skip = [join(root, "bench", "results"), join(root, "bench", "native")];
  for (const t of TREES) {
    cpSync(join(root, t), join(out, t), { recursive: true, filter: (src) => !skip.some((s) => src === s || src.startsWith(s + sep)) });
  }
  let removed = 0;
  for (const file of tsFiles(join(out, "src"))) {
    const text = readFileSync(file, "utf8");
    const stripped = text.replace(CHECK, () => (removed++, ""));
    if (stripped !== text) writeFileSync(file, stripped);
  }
  if (removed !== CHECK_COUNT) {
    throw new Error(`bench/unchecked.ts: expected ${CHECK_COUNT} marked safety checks in src/, found ${removed}`);
  }
  writeFileSync(stamp, "");
  return out;
}

/** The environment an unchecked process runs with: this checkout's native libraries (built if need be). */
export function uncheckedEnv(): Record<string, string | undefined> {
  const benchLib = execFileSync("bash", [join(root, "bench", "native", "build.sh")], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] }).trim();
  return { ...process.env, MLIR_FFI_LIB: join(root, "build", "libmlirffi.so"), MLIR_FFI_NO_BUILD: "1", MLIR_FFI_BENCH_LIB: benchLib };
}
