/**
 * Turns bench/results/*.json into bench/REPORT.md, bench/chart.svg and the
 * README's headline section. Every number comes from the JSON; nothing is
 * written by hand. Run on its own to regenerate: `bun bench/report.ts`
 * (the reference run's files) or `bun bench/report.ts --short`.
 *
 * @module
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import process from "node:process";
import { fileURLToPath } from "node:url";
import type { StrategyName } from "../src/mod.ts";
import { STRATEGIES } from "../strategies/mod.ts";
import { type Variant, VARIANTS } from "./fixtures.ts";
import type { BenchMode, RuntimeResults } from "./results.ts";
import { chartSvg } from "./chart.ts";
import { verdict } from "./check_cost.ts";

const WORKLOAD_TITLES: Record<string, string> = {
  walk: "Full walk yielding a handle per op and reading its name (ns per op)",
  iterate: "Nested iteration, regions → blocks → operations, reading each op's name (ns per op; native: the C walk)",
  "hot-name": "Hot op: read its name (ns per access)",
  "hot-attribute": "Hot op: look up an attribute by name (ns per access)",
  "hot-operand": "Hot op: read its first operand (ns per access)",
  "hot-result": "Hot op: read its result (ns per access)",
  identity: "Ops as Map keys: insert every op, then look every op up (ns per op)",
  erase: "Erase every other op of a large block, then walk (ns per op of the block)",
  pass: "Canonicalize, then re-fetch and walk (ns per op; the pass dominates)",
  create: "Build arith.addi ops with ctx.createOperation (ns per op)",
  build: "Build arith.addi ops with the generated builder arith.addi (ns per op, and its ratio to createOperation)",
  "pattern-empty": "Greedy driver with no patterns (ns per addi a pattern would be called on)",
  "pattern-miss": "Greedy driver with a TypeScript pattern on arith.addi that never matches (ns per invocation)",
  "pattern-rewrite": "x * 1 → x as a TypeScript pattern with the greedy driver (ns per op)",
  canonicalize: "The canonicalize pass, which also folds x * 1 (ns per op)",
  "ts-pass-noop": "A TypeScript pass that does nothing: verification and the run (ns per op)",
  "ts-pass-walk": "A TypeScript pass walking every op and reading its name (ns per op)",
  "callback-floor": "A C loop calling a bare JS callback: the floor under any pattern call (ns per call)",
};

const fmt = (ns: number): string => (ns >= 100 ? ns.toFixed(0) : ns >= 10 ? ns.toFixed(1) : ns.toFixed(2));
const ratio = (x: number): string => `${x.toFixed(2)}×`;
const pct = (x: number): string => `${x >= 0 ? "+" : ""}${x.toFixed(1)}%`;
const sizeName = (n: number): string => (n >= 1e6 ? `${n / 1e6}M` : n >= 1e3 ? `${n / 1e3}k` : String(n));

/** The file-name suffix of a mode's outputs: none for the reference run. */
const suffixOf = (mode: BenchMode): string => (mode === "full" ? "" : `-${mode}`);

function load(root: string, mode: BenchMode): RuntimeResults[] {
  const suffix = suffixOf(mode);
  return (["bun", "deno", "node"] as const)
    .map((rt) => join(root, "bench", "results", `${rt}${suffix}.json`))
    .filter(existsSync)
    .map((file) => JSON.parse(readFileSync(file, "utf8")) as RuntimeResults);
}

function value(r: RuntimeResults, workload: string, variant: Variant, size: number): number | undefined {
  return r.results.find((x) => x.workload === workload && x.variant === variant && x.size === size)?.nsPerUnit;
}

function largest(r: RuntimeResults): number {
  return Math.max(...r.sizes);
}

/** Geometric mean of each strategy's cost relative to raw FFI across workloads and runtimes. */
function score(runs: RuntimeResults[], strategy: StrategyName): number {
  const logs: number[] = [];
  for (const r of runs) {
    for (const workload of Object.keys(WORKLOAD_TITLES)) {
      const size = workload.startsWith("hot") ? 1 : largest(r);
      const s = value(r, workload, strategy, size);
      const raw = value(r, workload, "raw", size);
      if (s !== undefined && raw !== undefined && raw > 0) logs.push(Math.log(s / raw));
    }
  }
  return logs.length ? Math.exp(logs.reduce((a, b) => a + b, 0) / logs.length) : Infinity;
}

/** The strategy the data supports as the default: lowest geometric-mean cost. */
export function bestStrategy(runs: RuntimeResults[]): StrategyName {
  return [...STRATEGIES].sort((a, b) => score(runs, a) - score(runs, b))[0]!;
}

function workloadTable(runs: RuntimeResults[], workload: string): string[] {
  const sized = !workload.startsWith("hot");
  const columns = runs.flatMap((r) => (sized ? r.sizes : [1]).map((size) => ({ r, size })));
  const head = `| variant | ${columns.map((c) => `${c.r.runtime}${sized ? ` ${sizeName(c.size)}` : ""}`).join(" | ")} |`;
  const lines = [head, `|---|${columns.map(() => "---:").join("|")}|`];
  for (const variant of VARIANTS) {
    const cells = columns.map(({ r, size }) => {
      const v = value(r, workload, variant, size);
      if (v === undefined) return "";
      const raw = value(r, workload, "raw", size);
      // Nested iteration visits the ops the native walk does: that is its floor too.
      const native = value(r, workload === "iterate" ? "walk" : workload, "native", size);
      const created = workload === "build" ? value(r, "create", variant, size) : undefined;
      const rel = [
        native !== undefined && variant !== "native" ? `${ratio(v / native)} native` : "",
        raw !== undefined && variant !== "raw" && variant !== "native" ? `${ratio(v / raw)} raw` : "",
        created !== undefined ? `${ratio(v / created)} createOperation` : "",
      ].filter(Boolean);
      return `${fmt(v)}${rel.length ? ` (${rel.join(", ")})` : ""}`;
    });
    if (cells.some((c) => c !== "")) lines.push(`| ${variant} | ${cells.join(" | ")} |`);
  }
  return lines;
}

interface Target {
  readonly target: string;
  readonly measured: string;
  /** null: a figure to report, with no target set for it (or, with `verdict`, one the data cannot decide). */
  readonly met: boolean | null;
  /** Said in the verdict column instead of yes or no. */
  readonly verdict?: string;
}

/** The hot-op workloads, each against the raw FFI call reading the same thing. */
const HOT = ["hot-name", "hot-attribute", "hot-operand", "hot-result"] as const;

function targets(runs: RuntimeResults[]): Target[] {
  const out: Target[] = [];
  for (const r of runs) {
    const size = largest(r);
    const native = value(r, "walk", "native", size);
    if (native !== undefined) {
      const walks = STRATEGIES.map((s) => ({ s, v: value(r, "walk", s, size) ?? Infinity }));
      const best = walks.reduce((a, b) => (a.v <= b.v ? a : b));
      out.push({
        target: `${r.runtime}: best strategy's walk within 1.2× the native C walk (${sizeName(size)} ops)`,
        measured: `${best.s}: ${ratio(best.v / native)}`,
        met: best.v / native <= 1.2,
      });
      const worst = walks.reduce((a, b) => (a.v >= b.v ? a : b));
      out.push({
        target: `${r.runtime}: every strategy's walk within 2× native`,
        measured: walks.map((w) => `${w.s} ${ratio(w.v / native)}`).join(", "),
        met: worst.v / native <= 2,
      });
    }
    if (native !== undefined) {
      const its = STRATEGIES.map((s) => ({ s, v: value(r, "iterate", s, size) }));
      if (its.every((i) => i.v !== undefined)) {
        out.push({
          target: `${r.runtime}: every strategy's nested iteration (regions, blocks, operations) within 2× the native walk (${sizeName(size)} ops)`,
          measured: its.map((i) => `${i.s} ${ratio(i.v! / native)}`).join(", "),
          met: its.every((i) => i.v! / native <= 2),
        });
      }
    }
    for (const c of r.checkCost ?? []) {
      const v = verdict(c.ratios, 0.05);
      const spread = `middle half ${pct(v.low * 100)}..${pct(v.high * 100)} over ${c.ratios.length} pairs of processes`;
      out.push({
        target: `${r.runtime}: ${c.strategy}'s safety checks add at most 5% (${c.workload}${c.size > 1 ? `, ${sizeName(c.size)} ops` : ""})`,
        measured: `${pct(v.median * 100)} (${spread}${v.spreadExceedsEffect ? "; the spread exceeds the effect" : ""})`,
        met: v.met,
        ...(v.met === null ? { verdict: "cannot tell: the spread straddles 5%" } : {}),
      });
    }
    for (const s of STRATEGIES) {
      const ratios = HOT.map((w) => (value(r, w, s, 1) ?? NaN) / (value(r, w, "raw", 1) ?? NaN));
      out.push({
        target: `${r.runtime}: ${s}'s hot-op access within 1.2× a raw FFI call (name, attribute, operand, result)`,
        measured: ratios.map(ratio).join(", "),
        met: ratios.every((x) => x <= 1.2),
      });
    }
    const built = STRATEGIES.map((s) => {
      const sizes = r.results.filter((x) => x.workload === "build" && x.variant === s).map((x) => x.size);
      const sz = Math.max(...sizes);
      return { s, sz, x: (value(r, "build", s, sz) ?? NaN) / (value(r, "create", s, sz) ?? NaN) };
    }).filter((b) => !Number.isNaN(b.x));
    if (built.length > 0) {
      out.push({
        target: `${r.runtime}: a generated builder within 1.2× its createOperation call (arith.addi, ${sizeName(built[0]!.sz)} ops)`,
        measured: built.map((b) => `${b.s} ${ratio(b.x)}`).join(", "),
        met: built.every((b) => b.x <= 1.2),
      });
    }
    const callbackSize = (w: string) => Math.max(0, ...r.results.filter((x) => x.workload === w).map((x) => x.size));
    const missSize = callbackSize("pattern-miss");
    if (missSize > 0) {
      const budget = r.runtime === "bun" ? 60 : 100;
      const over = STRATEGIES.map((s) => ({ s, ns: (value(r, "pattern-miss", s, missSize) ?? NaN) - (value(r, "pattern-empty", s, missSize) ?? NaN) }));
      const floor = value(r, "callback-floor", "raw", 1);
      const floorNote = floor === undefined ? "" : `; a bare C-to-JS call alone costs ${fmt(floor)} ns`;
      out.push({
        target: `${r.runtime}: a TypeScript pattern's call costs at most ${budget} ns over the greedy driver (${sizeName(missSize)} ops, never matching${floorNote})`,
        measured: over.map((o) => `${o.s} ${fmt(o.ns)} ns`).join(", "),
        met: over.every((o) => o.ns <= budget),
      });
    }
    const rewriteSize = callbackSize("pattern-rewrite");
    if (rewriteSize > 0) {
      const x = STRATEGIES.map((s) => `${s} ${ratio((value(r, "pattern-rewrite", s, rewriteSize) ?? NaN) / (value(r, "canonicalize", s, rewriteSize) ?? NaN))}`);
      out.push({ target: `${r.runtime}: x * 1 → x as a TypeScript pattern, against canonicalize (${sizeName(rewriteSize)} ops)`, measured: x.join(", "), met: null });
    }
    const walkSize = callbackSize("ts-pass-walk");
    const nativeWalk = value(r, "walk", "native", walkSize);
    if (walkSize > 0 && nativeWalk !== undefined) {
      // Totals, not a difference of two noisy totals: the run itself (verification) is in both.
      const x = STRATEGIES.map((s) => `${s} ${fmt(value(r, "ts-pass-walk", s, walkSize) ?? NaN)} (no-op pass ${fmt(value(r, "ts-pass-noop", s, walkSize) ?? NaN)})`);
      out.push({
        target: `${r.runtime}: a TypeScript pass walking every op, ns per op (${sizeName(walkSize)} ops; the native C walk: ${fmt(nativeWalk)})`,
        measured: x.join(", "),
        met: null,
      });
    }
    const st = r.startup;
    if (st != null) {
      out.push({
        target: `${r.runtime}: start-up (import mlir-ffi as package.json exports it to ${r.runtime === "bun" ? "Bun: src/" : `${r.runtime === "deno" ? "Deno" : "Node"}: dist/`}, new Context()) at most 100 ms`,
        measured: `${st.packageMs.toFixed(1)} ms`,
        met: st.packageMs <= 100,
      });
      out.push({
        target: `${r.runtime}: importing mlir-ffi/dialects/arith adds at most 20 ms`,
        measured: `${st.arithMs.toFixed(1)} ms (then every other dialect: ${st.allDialectsMs.toFixed(0)} ms)`,
        met: st.arithMs <= 20,
      });
    }
    const pp = r.parsePrint;
    if (pp !== null) {
      const target = `${r.runtime}: parse+print within 1.1× mlir-opt's Parser+Output (${sizeName(pp.ops)} ops)`;
      if (pp.mlirOptParse != null && pp.mlirOptOutput != null) {
        const x = (pp.bindingParse + pp.bindingPrint) / (pp.mlirOptParse + pp.mlirOptOutput);
        out.push({ target, measured: ratio(x), met: x <= 1.1 });
      } else {
        // Said, not dropped: a report without the comparison must show that it lacks it.
        const why = pp.mlirOptMissing ?? "mlir-opt printed no timing";
        out.push({ target, measured: `not measured: ${why} (apt-get install mlir-22-tools)`, met: false });
      }
    }
    for (const c of r.churn) {
      const drift = (before: number, after: number) => ((after - before) / before) * 100;
      const heap = drift(c.before.heap, c.afterGC.heap);
      const rss = drift(c.before.rss, c.afterGC.rss);
      // The C heap is not part of the target; it says whether RSS drift is a leak or kept free memory.
      const native = c.before.native && c.afterGC.native ? `, C heap ${pct(drift(c.before.native, c.afterGC.native))}` : "";
      out.push({
        target: `${r.runtime}: ${c.strategy} churn (${c.dispose ? "dispose()" : "GC only"}) drifts at most 5%`,
        measured: `heap ${pct(heap)}, RSS ${pct(rss)}${native}`,
        met: heap <= 5 && rss <= 5,
      });
    }
  }
  return out;
}

function churnTable(runs: RuntimeResults[]): string[] {
  const mb = (b: number) => (b / 2 ** 20).toFixed(1);
  const lines = [
    "| runtime | strategy | mode | µs/module | heap before → after → after GC (MB) | RSS before → after → after GC (MB) | C heap before → after → after GC (MB) |",
    "|---|---|---|---:|---|---|---|",
  ];
  for (const r of runs) {
    for (const c of r.churn) {
      lines.push(
        `| ${r.runtime} | ${c.strategy} | ${c.dispose ? "dispose()" : "GC only"} | ${c.microsPerModule.toFixed(1)} | ` +
          `${mb(c.before.heap)} → ${mb(c.after.heap)} → ${mb(c.afterGC.heap)} | ${mb(c.before.rss)} → ${mb(c.after.rss)} → ${mb(c.afterGC.rss)} | ` +
          (c.before.native === undefined ? "– |" : `${mb(c.before.native)} → ${mb(c.after.native!)} → ${mb(c.afterGC.native!)} |`),
      );
    }
  }
  return lines;
}

function startupTable(runs: RuntimeResults[]): string[] {
  const lines = [
    "| runtime | runtime boot | import mlir-ffi + new Context() | then dialects/arith | then every other dialect |",
    "|---|---:|---:|---:|---:|",
  ];
  for (const r of runs) {
    const s = r.startup;
    if (s == null) continue;
    lines.push(`| ${r.runtime} | ${s.runtimeMs.toFixed(1)} | ${s.packageMs.toFixed(1)} | ${s.arithMs.toFixed(1)} | ${s.allDialectsMs.toFixed(1)} |`);
  }
  return lines;
}

function parsePrintTable(runs: RuntimeResults[]): string[] {
  const lines = [
    "| runtime | ops | binding parse | binding print | mlir-opt Parser | mlir-opt Output | ratio |",
    "|---|---:|---:|---:|---:|---:|---:|",
  ];
  for (const r of runs) {
    const p = r.parsePrint;
    if (p === null) continue;
    const opt = p.mlirOptParse !== null && p.mlirOptOutput !== null ? p.mlirOptParse + p.mlirOptOutput : null;
    lines.push(
      `| ${r.runtime} | ${sizeName(p.ops)} | ${p.bindingParse.toFixed(1)} ms | ${p.bindingPrint.toFixed(1)} ms | ` +
        `${p.mlirOptParse?.toFixed(1) ?? "n/a"} ms | ${p.mlirOptOutput?.toFixed(1) ?? "n/a"} ms | ` +
        `${opt === null ? "n/a" : ratio((p.bindingParse + p.bindingPrint) / opt)} |`,
    );
  }
  return lines;
}

function ffiTable(runs: RuntimeResults[]): string[] {
  const labels = [...new Set(runs.flatMap((r) => r.results.filter((x) => x.workload === "ffi").map((x) => x.label!)))];
  const lines = [`| call shape | ${runs.map((r) => r.runtime).join(" | ")} |`, `|---|${runs.map(() => "---:").join("|")}|`];
  for (const label of labels) {
    const cells = runs.map((r) => {
      const v = r.results.find((x) => x.workload === "ffi" && x.label === label)?.nsPerUnit;
      return v === undefined ? "" : `${fmt(v)} ns`;
    });
    lines.push(`| ${label} | ${cells.join(" | ")} |`);
  }
  return lines;
}

/** The README's headline: one row per strategy and runtime. */
function headline(runs: RuntimeResults[], best: StrategyName, chart: string): string[] {
  const lines = [
    `| strategy | runtime | walk (ns/op) | hot name (ns) | Map keys (ns/op) | erase+walk (ns/op) | identity |`,
    "|---|---|---:|---:|---:|---:|---|",
  ];
  for (const s of STRATEGIES) {
    for (const r of runs) {
      const size = largest(r);
      const native = value(r, "walk", "native", size);
      const walk = value(r, "walk", s, size);
      const cell = (w: string, sz: number) => {
        const v = value(r, w, s, sz);
        return v === undefined ? "" : fmt(v);
      };
      lines.push(
        `| ${s} | ${r.runtime} | ${walk === undefined ? "" : fmt(walk)}${
          native && walk ? ` (${ratio(walk / native)} native)` : ""
        } | ${cell("hot-name", 1)} | ${cell("identity", size)} | ${cell("erase", size)} | ${
          s === "ephemeral" ? "`equals`/`key`" : "`===`"
        } |`,
      );
    }
  }
  return [
    ...lines,
    "",
    `Module of ${sizeName(Math.max(...runs.map(largest)))} operations; native C walk: ${
      runs.map((r) => `${fmt(value(r, "walk", "native", largest(r)) ?? NaN)} ns/op on ${r.runtime}`).join(", ")
    }. The default strategy is **${best}**: the lowest geometric-mean cost relative to raw FFI over all workloads and runtimes.`,
    "",
    `![walk cost per strategy](${chart})`,
  ];
}

/** What a short report says first: that it is not the reference. */
const SHORT_RUN_NOTE = [
  "> **A short run** (`bun bench`: one round, short sampling). Its ratios are indicative; the reference is",
  "> [REPORT.md](REPORT.md), made by `bun bench --full` (three interleaved rounds, about 35 minutes), whose",
  "> numbers the README quotes.",
  "",
];

/** Writes the mode's report and chart, and for the reference run the README section. */
export function writeReport(root: string, mode: BenchMode): void {
  const runs = load(root, mode);
  if (runs.length === 0) throw new Error(`no ${mode} results in bench/results`);
  const suffix = suffixOf(mode);
  const chartName = `chart${suffix}.svg`;
  writeFileSync(join(root, "bench", chartName), chartSvg(runs, value));
  const best = bestStrategy(runs);
  const met = targets(runs);
  const lines = [
    "# Benchmark report",
    "",
    `Generated by \`bench/report.ts\` from \`bench/results/*${suffix}.json\`; do not edit by hand.`,
    "",
    ...(mode === "full" ? [] : SHORT_RUN_NOTE),
    ...runs.map((r) =>
      `- ${r.runtime} ${r.version}, ${r.date.slice(0, 16).replace("T", " ")} UTC, ${r.cpu} (${r.cores} cores), ${
        r.mode === "full" ? "reference run" : `${r.mode} run`
      }, sizes ${r.sizes.map(sizeName).join(", ")}, best of ${r.rounds ?? 1} round${(r.rounds ?? 1) > 1 ? "s" : ""}`
    ),
    "",
    "Each variant ran in its own process: **native** is MLIR's C walk timed in C (the floor), **raw** is bare FFI",
    "on pointers (no handles, no checks), then each strategy. Rounds run every variant in turn and each number is the",
    "best round's (noise on a shared machine only adds time). Ratios compare within one run of one runtime. What the",
    "safety checks cost is measured apart (bench/check_cost.ts): the same classes with the checks compiled out, in",
    "pairs of fresh processes taking turns, reported as the median ratio of median samples and its middle half.",
    "",
    `Default strategy supported by this data: **${best}**.`,
    "",
    `![walk cost per strategy](${chartName})`,
    "",
    "## Targets",
    "",
    "| target | measured | met |",
    "|---|---|---|",
    ...met.map((t) => `| ${t.target} | ${t.measured} | ${t.verdict ?? (t.met === null ? "(reported)" : t.met ? "yes" : "**no**")} |`),
    "",
    ...Object.entries(WORKLOAD_TITLES).flatMap(([w, title]) => [`## ${title}`, "", ...workloadTable(runs, w), ""]),
    "## Module churn (memory)",
    "",
    "Create a module, walk it, then drop it (GC only) or dispose it, many times after a warm-up round of the same;",
    "memory before, right after, and after a forced full GC. The C heap is what malloc has handed out and not had back",
    "(glibc's mallinfo2): native memory that was freed leaves it even when the allocator keeps it in RSS.",
    "",
    ...churnTable(runs),
    "",
    "## Start-up (ms, best of fresh processes)",
    "",
    ...startupTable(runs),
    "",
    "## Parse and print vs mlir-opt",
    "",
    ...parsePrintTable(runs),
    "",
    "## FFI call shapes (ns per call)",
    "",
    "Why native handles cross the FFI as `f64` (see native/src/shim.h).",
    "",
    ...ffiTable(runs),
    "",
  ];
  writeFileSync(join(root, "bench", `REPORT${suffix}.md`), lines.join("\n"));
  if (mode === "full") updateReadme(root, headline(runs, best, `bench/${chartName}`));
  console.error(`\nwrote bench/REPORT${suffix}.md and bench/${chartName}`);
}

function updateReadme(root: string, section: string[]): void {
  const file = join(root, "README.md");
  const text = readFileSync(file, "utf8");
  const begin = "<!-- bench:begin -->";
  const end = "<!-- bench:end -->";
  const a = text.indexOf(begin);
  const b = text.indexOf(end);
  if (a < 0 || b < a) return;
  writeFileSync(file, `${text.slice(0, a + begin.length)}\n${section.join("\n")}\n${text.slice(b)}`);
}

if (import.meta.main ?? (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1])) {
  writeReport(fileURLToPath(new URL("..", import.meta.url)), process.argv.includes("--short") ? "short" : "full");
}
