/**
 * The walk has one loop per strategy so that each keeps its own call site
 * (src/ir/walk_loops.ts); they must stay the same code, or a fix to one
 * would miss the others.
 *
 * @module
 */
import { test } from "node:test";
import { readFileSync } from "node:fs";
import { assertEquals } from "@std/assert";
import { STRATEGIES } from "../../src/mod.ts";
import { WALK_LOOPS } from "../../src/ir/walk_loops.ts";

const source = readFileSync(new URL("../../src/ir/walk_loops.ts", import.meta.url), "utf8");

/** The text of `export function <name>(...) { ... }`, with its name taken out. */
function body(name: string): string {
  const start = source.indexOf(`export function ${name}(`);
  const end = source.indexOf("\n}\n", start);
  if (start < 0 || end < 0) throw new Error(`no function ${name} in walk_loops.ts`);
  return source.slice(start, end).replace(name, "LOOP");
}

test("walk loops: one per strategy, and the same code in each", () => {
  assertEquals(Object.keys(WALK_LOOPS).sort(), [...STRATEGIES].sort());
  const names = STRATEGIES.map((s) => WALK_LOOPS[s].name);
  const [first, ...rest] = names.map(body);
  for (const [i, text] of rest.entries()) assertEquals(text, first, `${names[i + 1]} differs from ${names[0]}`);
});
