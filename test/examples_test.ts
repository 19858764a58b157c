/**
 * The examples run, for every strategy, on this runtime.
 *
 * @module
 */
import { test } from "node:test";
import { spawnSync } from "node:child_process";
import process from "node:process";
import { fileURLToPath } from "node:url";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { assertEquals, assertMatch, assertStringIncludes } from "@std/assert";
import { STRATEGIES } from "../src/mod.ts";
import { CURRENT_RUNTIME, DENO_PERMISSIONS, NODE_TYPESCRIPT } from "../bench/runtimes.ts";

const config = fileURLToPath(new URL("../deno.json", import.meta.url));

function run(example: string, ...rest: string[]) {
  const file = fileURLToPath(new URL(`../examples/${example}`, import.meta.url));
  const args = CURRENT_RUNTIME.name === "bun"
    ? [file, ...rest]
    : CURRENT_RUNTIME.name === "node"
    ? [...NODE_TYPESCRIPT, file, ...rest]
    : ["run", ...DENO_PERMISSIONS, `--config=${config}`, file, ...rest];
  return spawnSync(process.execPath, args, { encoding: "utf8", timeout: 120_000, input: SAMPLE });
}

const SAMPLE = `func.func @f(%a: i32) -> i32 {
  %0 = arith.addi %a, %a : i32
  %1 = "foo.bar"(%0) : (i32) -> i32
  return %1 : i32
}
func.func @g() -> i32 {
  %c = arith.constant 1 : i32
  %r = func.call @f(%c) : (i32) -> i32
  return %r : i32
}
`;
const sampleFile = join(mkdtempSync(join(tmpdir(), "mlir-ffi-examples-")), "sample.mlir");
writeFileSync(sampleFile, SAMPLE.replace('%1 = "foo.bar"(%0) : (i32) -> i32', "%1 = arith.muli %0, %0 : i32"));

test("examples: count_ops --help says how to use it", () => {
  const r = run("count_ops.ts", "--help");
  assertEquals(r.status, 0, r.stderr);
  assertStringIncludes(r.stdout, "Usage: count_ops [options] [FILE | -]");
});

test("examples: count_ops counts by dialect and by op, from stdin", () => {
  const r = run("count_ops.ts", "--ops", "--allow-unregistered", "-");
  assertEquals(r.status, 0, r.stderr);
  assertEquals(r.stdout.split("\n").slice(0, 5).map((l) => l.trim()), ["9  operations", "5  func", "2  arith", "1  builtin", "1  foo"]);
  assertStringIncludes(r.stdout, "2  func.return");
});

test("examples: count_ops reports a parse error with its position and says how to fix it", () => {
  const r = run("count_ops.ts", "-");
  assertEquals(r.status, 1);
  assertStringIncludes(r.stderr, "<stdin>:3:17: error: operation being parsed with an unregistered dialect");
  assertStringIncludes(r.stderr, "allowUnregisteredDialects: true");
});

test("examples: rename_symbol renames a function and its calls", () => {
  const r = run("rename_symbol.ts", sampleFile, "f", "twice");
  assertEquals(r.status, 0, r.stderr);
  assertStringIncludes(r.stdout, "func.func @twice(%arg0: i32) -> i32");
  assertStringIncludes(r.stdout, "call @twice(%c1_i32) : (i32) -> i32");
  assertEquals(r.stdout.includes("@f("), false);
  const missing = run("rename_symbol.ts", sampleFile, "nope", "x");
  assertEquals(missing.status, 1);
  assertStringIncludes(missing.stderr, "has no symbol @nope");
});

test("examples: compare_strategies measures every strategy on a file", { timeout: 300_000 }, () => {
  const r = run("compare_strategies.ts", sampleFile);
  assertEquals(r.status, 0, r.stderr);
  for (const s of STRATEGIES) assertMatch(r.stdout, new RegExp(`\\| ${s} \\| [0-9.]+ \\| [0-9.]+ \\| [0-9.]+ \\|`));
  assertStringIncludes(r.stdout, "sample.mlir: 9 operations");
});

for (const strategy of STRATEGIES) {
  test(`examples [${strategy}] add_tensors builds, verifies and prints`, () => {
    const r = run("add_tensors.ts", strategy);
    assertEquals(r.status, 0, r.stderr);
    assertStringIncludes(r.stdout, "scf.for");
    assertStringIncludes(r.stdout, "arith.addf %extracted, %extracted_0 : f32");
  });

  test(`examples [${strategy}] jit_saxpy compiles, runs and checks`, () => {
    const r = run("jit_saxpy.ts", strategy);
    assertEquals(r.status, 0, r.stderr);
    assertStringIncludes(r.stdout, `saxpy on 1000 elements: ok (${strategy})`);
  });

  test(`examples [${strategy}] peephole rewrites with TypeScript patterns as canonicalize does`, () => {
    const r = run("peephole.ts", strategy);
    assertEquals(r.status, 0, r.stderr);
    assertStringIncludes(r.stdout, "%0 = arith.addi %arg0, %c6_i32 : i32");
    assertStringIncludes(r.stdout, "converged: true; @f: 4 ops");
    assertStringIncludes(r.stdout, `same as canonicalize: true (${strategy})`);
    assertStringIncludes(r.stdout, "PDL, same as the TypeScript patterns: true");
  });

  test(`examples [${strategy}] matmul_kernel builds, lowers, runs and checks`, () => {
    const r = run("matmul_kernel.ts", strategy);
    assertEquals(r.status, 0, r.stderr);
    assertStringIncludes(r.stdout, "iter_args(%arg6 = %0) -> (f32)");
    assertStringIncludes(r.stdout, "cf.cond_br");
    assertStringIncludes(r.stdout, `matmul 4x3 by 3x2: ok (${strategy}); C = [9,12,18,25.5,27,39,36,52.5]`);
  });
}
