/**
 * What the package ships: no benchmark code, and published declarations
 * without internals (the ledger fields, native pointers, the context state),
 * so that `unsafePointer` is the only typed way to a native pointer.
 *
 * @module
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { assertEquals } from "@std/assert";
import { ensureDevDependencies, ROOT, run } from "./_dev_tools.ts";

/** Names of internals that must not reach users' type checkers. */
const INTERNAL_NAMES = ["Owner", "ContextState", "TrackedHandle", "Family", "HandleStrategy", "NativeCell"];

/** Builds dist/ as `npm pack` would (its prepack script), once per run. */
let built = false;
function build(): void {
  if (built) return;
  ensureDevDependencies();
  run(join(ROOT, "node_modules", ".bin", "tsup"), ["--silent"], ROOT);
  built = true;
}

test("package: npm pack ships no benchmark code and no benchmark symbols", { timeout: 600_000 }, () => {
  build();
  // Scripts skipped: dist/ is built above, and prepack's output would mix with the JSON.
  const out = run("npm", ["pack", "--dry-run", "--json", "--ignore-scripts"], ROOT);
  const [listing] = JSON.parse(out) as [{ files: { path: string }[] }];
  const files = listing.files.map((f) => f.path);
  assertEquals(files.filter((f) => f.startsWith("bench/") || f.startsWith("test/") || f.startsWith("src/dialects/generator/")), []);
  const withBenchSymbols = files.filter((f) => /\.(ts|js|c|h)$/.test(f))
    .filter((f) => readFileSync(join(ROOT, f), "utf8").includes("mlirffi_bench_"));
  assertEquals(withBenchSymbols, []);
  // It does ship what an install needs.
  for (const needed of ["dist/mod.js", "dist/node.js", "dist/mod.d.ts", "dist/dialects/arith.js", "dist/dialects/mod.d.ts", "native/build.sh", "src/mod.ts", "src/dialects/arith.ts", "docs/CONTRACT.md"]) {
    assertEquals(files.includes(needed), true, `${needed} is missing from the package`);
  }
});

test("package: the published declarations have no internal members or types", { timeout: 600_000 }, () => {
  build();
  // Code splitting spreads the declarations over shared chunks: read them all.
  const dts = readdirSync(join(ROOT, "dist"), { recursive: true }).map(String).filter((f) => f.endsWith(".d.ts"))
    .map((f) => readFileSync(join(ROOT, "dist", f), "utf8")).join("\n");
  // A member declaration whose name starts with `_` (fields, getters, methods).
  const members = dts.split("\n").filter((l) => /^\s+(?:(?:readonly|get|set|abstract|static|protected)\s+)*_\w*\s*[(:?<]/.test(l));
  assertEquals(members.map((l) => l.trim()), []);
  const named = INTERNAL_NAMES.filter((n) => new RegExp(`\\b${n}\\b`).test(dts));
  assertEquals(named, []);
  // The one way to a native pointer is the checked one.
  assertEquals(/\bunsafePointer\b/.test(dts), true);
});
