/**
 * The package as users get it: `npm pack`, install the tarball into a fresh
 * project of the runtime running this test (Bun under `bun test`, Deno
 * under `deno test`, Node under `node --test`), and run a first program
 * there. On Node the program is TypeScript run through tsx, as a Node user
 * writing TypeScript would (Node 20 strips no types itself). Catches files missing
 * from the package, broken exports, and a native library that is not built
 * or not found from the installed package.
 *
 * @module
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { assertEquals, assertStringIncludes } from "@std/assert";
import { CURRENT_RUNTIME } from "../../bench/runtimes.ts";
import { ensureDevDependencies, ROOT as root, run } from "./_dev_tools.ts";

const APP = fileURLToPath(new URL("./app.ts", import.meta.url));
/** The consumer project uses the tsx this repository tests with. */
const TSX_VERSION: string = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).devDependencies.tsx;

test(`consumer: the packed package installs into a fresh ${CURRENT_RUNTIME.name} project and runs a first program`, {
  timeout: 900_000,
}, () => {
  const dir = mkdtempSync(join(tmpdir(), "mlir-ffi-consumer-"));
  try {
    ensureDevDependencies();
    // npm pack runs the build (prepack: tsup) and lists what it packed.
    run("npm", ["pack", "--silent", "--pack-destination", dir], root);
    const tarball = join(dir, readdirSync(dir).find((f) => f.endsWith(".tgz"))!);
    const project = join(dir, "app");
    execFileSync("mkdir", ["-p", project]);
    copyFileSync(APP, join(project, "app.ts"));
    const pkg: Record<string, unknown> = { name: "consumer", private: true, type: "module", dependencies: { "mlir-ffi": `file:${tarball}` } };
    let output: string;
    if (CURRENT_RUNTIME.name === "bun") {
      // Bun runs a dependency's install script only when it is trusted.
      writeFileSync(join(project, "package.json"), JSON.stringify({ ...pkg, trustedDependencies: ["mlir-ffi"] }));
      run(CURRENT_RUNTIME.path, ["install"], project);
      output = run(CURRENT_RUNTIME.path, ["app.ts"], project);
    } else if (CURRENT_RUNTIME.name === "node") {
      const devDependencies = { tsx: TSX_VERSION };
      writeFileSync(join(project, "package.json"), JSON.stringify({ ...pkg, devDependencies }));
      run("npm", ["install", "--no-audit", "--no-fund"], project);
      output = run(CURRENT_RUNTIME.path, ["--import", "tsx", "app.ts"], project);
    } else {
      writeFileSync(join(project, "package.json"), JSON.stringify(pkg));
      writeFileSync(join(project, "deno.json"), JSON.stringify({ nodeModulesDir: "manual" }));
      run("npm", ["install", "--no-audit", "--no-fund"], project);
      output = run(CURRENT_RUNTIME.path, ["run", "--allow-ffi", "--allow-read", "--allow-env", "--allow-run", "--allow-sys", "--allow-write", "app.ts"], project);
    }
    const [counts, ...printed] = output.trim().split("\n");
    assertEquals(JSON.parse(counts!), { "builtin.module": 1, "func.func": 1, "arith.constant": 1, "arith.muli": 1, "func.return": 1 });
    const text = printed.join("\n");
    assertStringIncludes(text, "func.func @triple(%arg0: i32) -> i32");
    assertStringIncludes(text, "arith.constant 3 : i32");
    // Built through mlir-ffi/dialects.
    assertStringIncludes(text, "func.func @add(%arg0: i32, %arg1: i32) -> i32");
    assertStringIncludes(text, "arith.addi %arg0, %arg1 : i32");
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
