/**
 * Deeply nested IR: MLIR recurses once per nesting level when it parses,
 * prints, verifies and frees IR, so deep input used to overflow the thread's
 * stack and kill the process. The shim runs those calls on a big stack of
 * its own. Each case runs in a child process with a 2 MB main stack, where
 * the recursion would overflow without the big stack (shown by the last case).
 *
 * @module
 */
import { test } from "node:test";
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import process from "node:process";
import { assert, assertEquals } from "@std/assert";
import { CHILD_EXTENSION, childArgs, MOD_URL } from "../_child.ts";

const DEPTH = 6000;

const SCRIPT = `import { Context } from ${JSON.stringify(MOD_URL)};
const n = ${DEPTH};
using ctx = new Context();
const mod = ctx.parseModule("module {".repeat(n) + "}".repeat(n), { maxNestingDepth: n + 1 });
mod.verify();
const text = mod.toString();
let ops = 0;
mod.operation.walk(() => void ops++);
const inner = mod.operation.walk((op) => (op.regions.at(0)!.blocks.at(0)!.operations.length === 0 ? "interrupt" : "advance"));
mod.dispose();
console.log(JSON.stringify({ ops, lines: text.split("\\n").length, inner }));
`;

function runDeep(env: Record<string, string>) {
  const dir = mkdtempSync(join(tmpdir(), "mlir-ffi-deep-"));
  const file = join(dir, `deep${CHILD_EXTENSION}`);
  writeFileSync(file, SCRIPT);
  const runtime = [process.execPath, ...childArgs(file)].map((a) => `"${a}"`).join(" ");
  return spawnSync("bash", ["-c", `ulimit -s 2048 && exec ${runtime}`], {
    encoding: "utf8",
    env: { ...process.env, ...env },
    timeout: 300_000,
  });
}

test("deep: 6,000 nested modules parse, verify, print, walk and free on a 2 MB stack", () => {
  const r = runDeep({});
  assertEquals(r.signal, null, r.stderr);
  assertEquals(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout.trim().split("\n").at(-1)!);
  assertEquals(out.ops, DEPTH);
  assertEquals(out.lines, 2 * DEPTH + 1);
  assertEquals(out.inner, "interrupted");
});

test("deep: without the big stack the same input kills the process (the test above is meaningful)", () => {
  const r = runDeep({ MLIR_FFI_NO_BIG_STACK: "1" });
  assert(r.signal !== null || (r.status ?? 0) > 128, `expected a crash, got status ${r.status}: ${r.stdout}`);
});
