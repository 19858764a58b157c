/**
 * The dialect-builder generator: its record reader on the forms
 * `mlir-tblgen --print-records` prints, the committed output being exactly
 * what it writes today (the staleness check CI relies on), and every
 * builder's parameters matching those of MLIR's own Python generator
 * (`mlir-tblgen -gen-python-op-bindings`) for every op of every dialect:
 * result types asked for exactly when Python asks for them, then the same
 * positional parameters in the same order, and the same optional ones.
 *
 * @module
 */
import { test } from "node:test";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import process from "node:process";
import { assert, assertEquals } from "@std/assert";
import { collect, generate, strays } from "../../../src/dialects/generator/main.ts";
import { className } from "../../../src/dialects/generator/ods.ts";
import { isDag, Records } from "../../../src/dialects/generator/records.ts";
import { builderSignature } from "../../../src/dialects/generator/render.ts";
import { pythonBuilders } from "./python_signatures.ts";

const prefix = process.env.MLIR_PREFIX ?? "/usr/lib/llvm-22";
const tblgen = process.env.MLIR_TBLGEN ?? join(prefix, "bin", "mlir-tblgen");
const include = join(prefix, "include");
const collected = existsSync(tblgen) ? collect() : Promise.reject(new Error(`no mlir-tblgen at ${tblgen} (Debian: mlir-22-tools)`));

const SAMPLE = `------------- Classes -----------------
class Ignored {
  string x = "y";
}
------------- Defs -----------------
def Foo_BarOp {\t// Op Foo_Op
  string opName = "bar";
  string body = "return "";";
  code description = [{
    Text with "quotes" and } braces.
  }];
  dag arguments = (ins AnyType:$lhs, anonymous_1:$rhs, I64Attr:$n);
  list<string> names = ["a", "b"];
  bits<3> mask = { 1, 0, 1 };
  int count = -4;
  Foo unset = ?;
}
def anonymous_1 {\t// Constraint TypeConstraint Variadic
  string summary = "variadic of any type";
}
`;

test("the record reader reads defs, superclasses and every value form print-records uses", () => {
  const r = new Records(SAMPLE);
  assertEquals([...r.defs.keys()], ["Foo_BarOp", "anonymous_1"]);
  const op = r.get("Foo_BarOp")!;
  assert(op.supers.has("Op") && op.supers.has("Foo_Op"));
  assertEquals(op.fields.get("opName"), "bar");
  assertEquals(op.fields.get("body"), 'return "";');
  assert(String(op.fields.get("description")).includes('"quotes" and } braces.'));
  const args = op.fields.get("arguments");
  assert(isDag(args));
  assertEquals(args.args.map((a) => a.name), ["lhs", "rhs", "n"]);
  assertEquals(args.args.map((a) => (a.value as { ref: string }).ref), ["AnyType", "anonymous_1", "I64Attr"]);
  assertEquals(op.fields.get("names"), ["a", "b"]);
  assertEquals(op.fields.get("mask"), 5);
  assertEquals(op.fields.get("count"), -4);
  assertEquals(op.fields.get("unset"), undefined);
  assert(r.get("anonymous_1")!.supers.has("Variadic"));
});

test("class names drop the dialect prefix as ODS does", () => {
  assertEquals(className("Arith_AddIOp"), "AddIOp");
  assertEquals(className("_Internal"), "Internal");
  assertEquals(className("Plain"), "Plain");
  assertEquals(className("LLVM_"), "LLVM");
});

// Reading every .td file takes seconds (more on a loaded machine).
const SLOW = { timeout: 300_000 };

test("the committed dialect modules are exactly what the generator writes", SLOW, async () => {
  const files = await generate(await collected);
  const stale = [...files].filter(([path, text]) => !existsSync(path) || readFileSync(path, "utf8") !== text).map(([p]) => p);
  assertEquals(stale, [], "run `bun src/dialects/generator/main.ts` and commit the result");
  assertEquals(strays(files), []);
  // deno.json names every public dialect module (package.json maps them by pattern).
  const root = join(import.meta.dirname ?? ".", "..", "..", "..");
  const exported = Object.keys(JSON.parse(readFileSync(join(root, "deno.json"), "utf8")).exports as Record<string, string>);
  const entries = readdirSync(join(root, "src", "dialects")).filter((f) => f.endsWith(".ts") && f !== "mod.ts");
  assertEquals(exported.filter((k) => k.startsWith("./dialects/")).sort(), entries.map((f) => `./dialects/${f.slice(0, -3)}`).sort());
  // Every upstream dialect with ODS ops, among them those the issue names.
  const dialects = [...files.keys()].filter((p) => p.includes("/generated/")).map((p) => p.replace(/.*\//, "").replace(/\.ts$/, ""));
  for (const name of ["arith", "func", "scf", "cf", "math", "memref", "tensor", "vector", "linalg", "affine", "gpu", "llvm", "nvvm", "rocdl", "spirv", "tosa", "emitc", "async", "complex", "index", "shape", "sparse_tensor", "bufferization", "transform", "pdl", "ml_program", "quant", "amdgpu", "builtin"]) {
    assert(dialects.includes(name), `no module for ${name}`);
  }
});

test("every builder takes the parameters of MLIR's Python builder for the same op", SLOW, async () => {
  const ops = await collected;
  const python = new Map<string, { positional: readonly string[]; keyword: readonly string[] }>();
  const pairs = new Set([...ops.values()].map((c) => `${c.op.dialect}\0${c.source}`));
  for (const pair of pairs) {
    const [dialect, source] = pair.split("\0") as [string, string];
    for (const [name, b] of pythonBuilders(tblgen, include, source, dialect)) python.set(name, b);
  }
  // Python spells parameters in snake_case, ours camelCase: compare without
  // case and underscores. An unnamed result is `result` (or `_gen_res_N`) there.
  const norm = (s: string) => s.replace(/_/g, "").toLowerCase().replace(/^genres\d+$/, "result");
  const mismatches: string[] = [];
  for (const c of ops.values()) {
    const theirs = python.get(c.op.name);
    if (theirs === undefined) {
      mismatches.push(`${c.op.name}: no Python builder`);
      continue;
    }
    const sig = builderSignature(c.op, c.kinds);
    const positional = sig.positional.map((p) =>
      norm(p.ods.startsWith("_arg") ? (p.kind === "result" ? "result" : `_gen_arg_${p.ods.slice(4)}`) : p.ods)
    );
    const options = sig.options.map((o) => norm(o.ods));
    const keyword = theirs.keyword.filter((k) => !["loc", "ip", "results"].includes(k)).map(norm);
    const inferable = theirs.keyword.includes("results");
    if (positional.join() !== theirs.positional.map(norm).join() || options.join() !== keyword.join() || inferable !== sig.inferable) {
      mismatches.push(`${c.op.name}: ours (${positional} | ${options}${sig.inferable ? " | results" : ""}), Python's (${theirs.positional} | ${theirs.keyword})`);
    }
  }
  assertEquals(mismatches, []);
  assert(ops.size > 2500, `only ${ops.size} ops`);
});
