/**
 * How much each handle strategy costs on your own IR: parses the file once
 * per strategy, then measures (with mitata) a full walk that reads every
 * operation's name, a second walk that keeps every handle in a Set, and
 * printing, against a walk through raw native pointers.
 *
 *   bun examples/compare_strategies.ts input.mlir
 *   deno run -P examples/compare_strategies.ts input.mlir
 *
 * @module
 */
import { readFileSync } from "node:fs";
import process from "node:process";
import { measure } from "mitata";
import { Context, type Operation, STRATEGIES } from "../src/mod.ts";

const file = process.argv[2];
if (file === undefined || file === "--help") {
  console.log("Usage: compare_strategies FILE\n\nMeasures each handle strategy walking FILE's operations.");
  process.exit(file === undefined ? 2 : 0);
}
const source = readFileSync(file);

async function ns(fn: () => void): Promise<number> {
  const stats = await measure(fn, { min_cpu_time: 200 * 1e6 });
  return stats.avg;
}

const rows: string[][] = [];
let count = 0;
for (const strategy of STRATEGIES) {
  using ctx = new Context({ strategy, allowUnregisteredDialects: true });
  using mod = ctx.parseModule(source, { filename: file });
  count = 0;
  mod.operation.walk(() => void count++);
  const walk = await ns(() => mod.operation.walk((op: Operation) => void op.name));
  const keep = await ns(() => {
    const seen = new Set<unknown>();
    mod.operation.walk((op: Operation) => void seen.add(strategy === "ephemeral" ? op.key : op));
  });
  const print = await ns(() => void mod.toString());
  rows.push([strategy, (walk / count).toFixed(1), (keep / count).toFixed(1), (print / 1e6).toFixed(2)]);
}

console.log(`${file}: ${count} operations, ${process.versions.bun ? `bun ${process.versions.bun}` : `deno ${process.versions.deno}`}\n`);
console.log("| strategy | walk, ns/op | walk into a Set, ns/op | print, ms |");
console.log("|---|---:|---:|---:|");
for (const r of rows) console.log(`| ${r.join(" | ")} |`);
console.log("\nLower is better. `ephemeral` keeps op.key in the Set: its handles are fresh objects.");
