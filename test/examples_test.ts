/**
 * The examples run, for every strategy, on this runtime.
 *
 * @module
 */
import { test } from "node:test";
import { spawnSync } from "node:child_process";
import process from "node:process";
import { fileURLToPath } from "node:url";
import { assertEquals, assertStringIncludes } from "@std/assert";
import { STRATEGIES } from "../src/mod.ts";

const isBun = (globalThis as { Bun?: unknown }).Bun !== undefined;
const config = fileURLToPath(new URL("../deno.json", import.meta.url));

function run(example: string, strategy: string) {
  const file = fileURLToPath(new URL(`../examples/${example}`, import.meta.url));
  const args = isBun ? [file, strategy] : ["run", "-P", `--config=${config}`, file, strategy];
  return spawnSync(process.execPath, args, { encoding: "utf8", timeout: 120_000 });
}

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
}
