/**
 * Generates `src/dialects/generated/<dialect>.ts` for every dialect with ODS
 * ops in the MLIR 22 headers, plus the one-line public entry
 * `src/dialects/<dialect>.ts` where no hand-written one exists, and the index
 * `src/dialects/mod.ts`.
 *
 *   bun src/dialects/generator/main.ts            # write
 *   bun src/dialects/generator/main.ts --check    # exit 1 if anything committed is stale
 *
 * Input: `mlir-tblgen --print-records` of every .td file under
 * `mlir/Dialect/` (and `mlir/IR/BuiltinOps.td`); files that are not
 * self-contained fail in mlir-tblgen and are skipped (their ops arrive
 * through the file that includes them). An op defined in several processed
 * files is taken from the first in path order, so the output depends only on
 * the headers: sorted inputs, sorted outputs, no dates.
 *
 * Environment: MLIR_PREFIX (default /usr/lib/llvm-22) or MLIR_TBLGEN.
 *
 * @module
 */
import { execFile, execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import process from "node:process";
import { fileURLToPath } from "node:url";
import { attrKind, type Kind, propertyKind } from "./kinds.ts";
import { type OdsOp, operations } from "./ods.ts";
import { Records, str } from "./records.ts";
import { GENERATED_MARK, renderDialect } from "./render.ts";

const here = dirname(fileURLToPath(import.meta.url));
const dialectsDir = join(here, "..");
const prefix = process.env.MLIR_PREFIX ?? "/usr/lib/llvm-22";
const tblgen = process.env.MLIR_TBLGEN ?? join(prefix, "bin", "mlir-tblgen");
const include = join(prefix, "include");

function tdFiles(dir: string, out: string[] = []): string[] {
  for (const f of readdirSync(dir).sort()) {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) tdFiles(p, out);
    else if (f.endsWith(".td")) out.push(p);
  }
  return out;
}

function printRecords(file: string): Promise<string | null> {
  return new Promise((resolve) => {
    execFile(tblgen, ["--print-records", "-I", include, "-I", dirname(file), file], { maxBuffer: 1 << 30 }, (err, stdout) => {
      resolve(err ? null : stdout);
    });
  });
}

/** One op as collected: its model, the file it was read from, its attributes' kinds, its dialect's docs. */
export interface Collected {
  readonly op: OdsOp;
  readonly source: string;
  readonly kinds: Map<string, Kind>;
  readonly dialectSummary: string;
  readonly dialectDescription: string;
}

/** Every op of every processed file, first definition wins. */
export async function collect(): Promise<Map<string, Collected>> {
  const files = [...tdFiles(join(include, "mlir", "Dialect")), join(include, "mlir", "IR", "BuiltinOps.td")];
  const ops = new Map<string, Collected>();
  const texts: (string | null)[] = new Array(files.length);
  let next = 0;
  // Two at a time: these machines have two cores.
  await Promise.all([0, 1].map(async () => {
    for (let i = next++; i < files.length; i = next++) texts[i] = await printRecords(files[i]!);
  }));
  // What ODS derives for an op depends on what the processed file includes
  // (InferTypeOpInterface must be known for ODS to add it), so an op found in
  // several files is taken from the one with the most defs, the fullest
  // context (a dialect's main file), ties going to the first in path order.
  const sizes = new Map<string, number>();
  files.forEach((file, i) => {
    const text = texts[i];
    texts[i] = null;
    if (text === null || text === undefined || !text.includes("\n------------- Defs")) return;
    const records = new Records(text);
    for (const op of operations(records)) {
      if ((sizes.get(op.name) ?? -1) >= records.defs.size) continue;
      sizes.set(op.name, records.defs.size);
      const kinds = new Map(op.attributes.map((a) => [a.name, a.property ? propertyKind(a.def) : attrKind(records, a.def)]));
      const dialect = records.deref(op.def.fields.get("opDialect"))!;
      ops.set(op.name, {
        op,
        source: relative(include, file),
        kinds,
        dialectSummary: str(dialect, "summary"),
        dialectDescription: str(dialect, "description"),
      });
    }
  });
  return ops;
}

function mlirVersion(): string {
  const out = execFileSync(tblgen, ["--version"], { encoding: "utf8" });
  return /version (\d+\.\d+\.\d+)/.exec(out)?.[1] ?? "22";
}

/** Every file the generator owns, path → contents (from `ops`, collected if not given). */
export async function generate(collected?: Map<string, Collected>): Promise<Map<string, string>> {
  const ops = collected ?? await collect();
  const version = mlirVersion();
  const byDialect = new Map<string, Collected[]>();
  for (const c of ops.values()) {
    const list = byDialect.get(c.op.dialect) ?? [];
    list.push(c);
    byDialect.set(c.op.dialect, list);
  }
  const files = new Map<string, string>();
  const names = [...byDialect.keys()].sort();
  for (const name of names) {
    const list = byDialect.get(name)!.sort((a, b) => (a.op.name < b.op.name ? -1 : 1));
    files.set(
      join(dialectsDir, "generated", `${name}.ts`),
      renderDialect({
        name,
        summary: list[0]!.dialectSummary,
        description: list[0]!.dialectDescription,
        ops: list,
        sources: [...new Set(list.map((c) => c.source))].sort(),
        mlirVersion: version,
      }),
    );
    const entry = join(dialectsDir, `${name}.ts`);
    const handWritten = existsSync(entry) && !readFileSync(entry, "utf8").startsWith(GENERATED_MARK);
    if (!handWritten) {
      files.set(
        entry,
        `${GENERATED_MARK}\n/**\n * The \`${name}\` dialect's op classes and builders (generated from ODS).\n *\n * @module\n */\nexport * from "./generated/${name}.ts";\n`,
      );
    }
  }
  files.set(
    join(dialectsDir, "mod.ts"),
    `${GENERATED_MARK}\n/**\n * Every dialect's op classes and builders, one namespace per dialect:\n * \`import { arith, func, scf } from "mlir-ffi/dialects"\`. Importing this\n * module loads all ${names.length} dialect modules; import\n * \`mlir-ffi/dialects/<name>\` to load only one.\n *\n * @module\n */\n` +
      names.map((n) => `export * as ${n} from "./${n}.ts";`).join("\n") + "\n",
  );
  return files;
}

/** The generated files now under src/dialects that the generator would not write. */
export function strays(files: Map<string, string>): string[] {
  const out: string[] = [];
  const gen = join(dialectsDir, "generated");
  if (existsSync(gen)) for (const f of readdirSync(gen)) if (!files.has(join(gen, f))) out.push(join(gen, f));
  for (const f of readdirSync(dialectsDir)) {
    const p = join(dialectsDir, f);
    if (f.endsWith(".ts") && !files.has(p) && readFileSync(p, "utf8").startsWith(GENERATED_MARK)) out.push(p);
  }
  return out;
}

if (import.meta.main ?? process.argv[1] === fileURLToPath(import.meta.url)) {
  const check = process.argv.includes("--check");
  const started = performance.now();
  const files = await generate();
  const stale = [...files].filter(([p, text]) => !existsSync(p) || readFileSync(p, "utf8") !== text).map(([p]) => p);
  const extra = strays(files);
  const rel = (p: string) => relative(process.cwd(), p);
  if (check) {
    if (stale.length + extra.length > 0) {
      console.error(`The generated dialect modules are stale (run \`bun src/dialects/generator/main.ts\`):`);
      for (const p of stale) console.error(`  differs: ${rel(p)}`);
      for (const p of extra) console.error(`  not generated any more: ${rel(p)}`);
      process.exit(1);
    }
    console.log(`dialect modules current: ${files.size} files checked in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } else {
    mkdirSync(join(dialectsDir, "generated"), { recursive: true });
    for (const p of stale) writeFileSync(p, files.get(p)!);
    for (const p of extra) console.log(`stale generated file left in place (delete it): ${rel(p)}`);
    console.log(`wrote ${stale.length} of ${files.size} files in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
}
