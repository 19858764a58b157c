/**
 * The README's TypeScript examples, run as written (with the package name
 * pointed at this source tree): documentation that stops working fails here.
 *
 * @module
 */
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { assert, assertEquals } from "@std/assert";
import { describeChild, MOD_URL, runChild } from "./_child.ts";

const README = readFileSync(new URL("../README.md", import.meta.url), "utf8");
const blocks = [...README.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!);

test("readme: has TypeScript examples", () => {
  assert(blocks.length >= 2, `found ${blocks.length} ts blocks`);
});

/**
 * A statement followed by a comment holding only a string literal
 * or a boolean or number (`x.toString(); // "i32"`) claims its value: the
 * claim is checked.
 */
function checkComments(code: string): string {
  const check = `const __claim = (got, want, line) => { if (got !== want) throw new Error(\`README line \${line}: got \${JSON.stringify(got)}, the comment says \${JSON.stringify(want)}\`); };\n`;
  return check + code.split("\n").map((line) => {
    const m = /^(\s*)(.+?);\s*\/\/ ("(?:[^"\\]|\\.)*"|true|false|-?\d+)\s*$/.exec(line);
    return m ? `${m[1]}__claim(${m[2]}, ${m[3]}, ${JSON.stringify(line.trim())});` : line;
  }).join("\n");
}

blocks.forEach((code, i) => {
  const firstLine = code.split("\n").find((l) => l.trim() && !l.startsWith("import")) ?? "";
  test(`readme: example ${i + 1} runs (${firstLine.trim().slice(0, 40)})`, () => {
    // The package's entry points, as the sources (mlir-ffi/dialects is src/dialects/mod.ts beside src/mod.ts).
    const body = checkComments(
      code.replace(/from "mlir-ffi\/dialects"/g, `from ${JSON.stringify(new URL("dialects/mod.ts", MOD_URL).href)}`)
        .replace(/from "mlir-ffi"/g, `from ${JSON.stringify(MOD_URL)}`),
    );
    const r = runChild(body);
    assertEquals(r.status, 0, describeChild(r));
  });
});
