/**
 * A fuzzing campaign: many seeded sequences per strategy and runtime, in
 * batches of child processes; every failure is traced to its seed, shrunk
 * to a short action list and printed as a test to paste into
 * `regressions_test.ts`.
 *
 *   bun test/fuzz/campaign.ts --sequences 100000 --write
 *   deno run -P test/fuzz/campaign.ts --sequences 2000 --strategies weak --runtimes deno
 *   bun test/fuzz/campaign.ts --shrink failing.json --strategy weak
 *
 * Options: --sequences N per strategy and runtime (default 10000), --length
 * actions per sequence (60), --from first seed (0), --batch sequences per
 * child (1000), --jobs children at once (2), --strategies, --runtimes,
 * --write to write test/fuzz/RESULTS.md; --render rewrites it from
 * results.json without running anything.
 *
 * @module
 */
import { readFileSync, writeFileSync } from "node:fs";
import process from "node:process";
import { fileURLToPath } from "node:url";
import { STRATEGIES, type StrategyName } from "../../src/mod.ts";
import { availableRuntimes, CURRENT_RUNTIME, findRuntime, isMainModule, type RuntimeExe, type RuntimeName, versionOf } from "../../bench/runtimes.ts";
import { type ChildOutcome, replay, runFuzzChild, signature } from "./_replay.ts";
import type { Action } from "./engine.ts";

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1]! : fallback;
}

/** A failure, shrunk. */
interface Finding {
  readonly runtime: RuntimeExe;
  readonly strategy: StrategyName;
  readonly seed: number | null;
  readonly signature: string;
  readonly actions: Action[];
  readonly detail: string;
}

/**
 * Shrinks `actions` while replaying them still fails with the same
 * signature: delta debugging (drop chunks, halving the chunk size), then
 * single actions. Costs one child process per try, at most `budget` tries.
 */
export async function shrink(
  strategy: StrategyName,
  runtime: RuntimeExe,
  actions: Action[],
  want: string,
  budget = 400,
): Promise<Action[]> {
  let tries = 0;
  const stillFails = async (candidate: Action[]) => {
    tries++;
    return signature(await replay(strategy, candidate, runtime)) === want;
  };
  let current = actions;
  for (let chunk = Math.max(1, current.length >> 1); chunk >= 1 && tries < budget; chunk >>= 1) {
    for (let start = 0; start < current.length && tries < budget;) {
      const candidate = [...current.slice(0, start), ...current.slice(start + chunk)];
      if (candidate.length > 0 && (await stillFails(candidate))) current = candidate;
      else start += chunk;
    }
  }
  return current;
}

/** A test that replays `f`, ready to paste into regressions_test.ts. */
export function asTest(f: Finding): string {
  const name = `${f.signature.slice(0, 90)} (${f.strategy}, found on ${f.runtime.name}${f.seed !== null ? `, seed ${f.seed}` : ""})`;
  const actions = f.actions.map((a) => `    ${JSON.stringify(a)},`).join("\n");
  return `test(${JSON.stringify(`fuzz: ${name}`)}, async () => {
  await assertReplays(${JSON.stringify(f.strategy)}, [
${actions}
  ]);
});`;
}

async function investigate(
  runtime: RuntimeExe,
  strategy: StrategyName,
  outcome: Exclude<ChildOutcome, { kind: "ok" }>,
): Promise<Finding> {
  let actions = outcome.actions;
  const seed = outcome.seed;
  if (outcome.kind === "crash" && seed !== null && actions.length === 0) {
    // The child died mid-sequence: run that seed alone, echoing each action.
    // Echoing changes the heap's layout, so this run may not crash; its
    // actions still replay the sequence, and shrinking replays them quietly.
    const again = await runFuzzChild(runtime, ["--strategy", strategy, "--from", String(seed), "--count", "1"], {
      FUZZ_TRACE_ACTIONS: "1",
    });
    actions = again.actions;
  }
  const sig = signature(outcome);
  console.error(`  shrinking ${actions.length} actions (${sig})`);
  const small = actions.length > 0 ? await shrink(strategy, runtime, actions, sig) : actions;
  const detail = outcome.kind === "crash" ? outcome.detail : outcome.message;
  if (small.length > 0 && signature(await replay(strategy, small, runtime)) !== sig) {
    console.error("  the shrunk sequence does not fail on its own (the failure needs this process's history)");
  }
  return { runtime, strategy, seed, signature: sig, actions: small, detail };
}

interface Cell {
  sequences: number;
  actions: number;
  milliseconds: number;
  stats: Map<string, number>;
  findings: Finding[];
}

/**
 * What RESULTS.md is generated from: one record per runtime and strategy,
 * kept across campaigns so a long campaign can run in pieces. A run whose
 * seeds continue a record's range extends it; any other run replaces it.
 */
interface CellRecord {
  runtime: string;
  strategy: string;
  version: string;
  seeds: [from: number, to: number];
  length: number;
  sequences: number;
  milliseconds: number;
  stats: Record<string, number>;
  findings: string[];
  date: string;
}

const RECORDS_FILE = fileURLToPath(new URL("./results.json", import.meta.url));

function readRecords(): CellRecord[] {
  try {
    return JSON.parse(readFileSync(RECORDS_FILE, "utf8")) as CellRecord[];
  } catch {
    return [];
  }
}

function mergeRecord(records: CellRecord[], next: CellRecord): CellRecord[] {
  const i = records.findIndex((r) => r.runtime === next.runtime && r.strategy === next.strategy);
  if (i < 0) return [...records, next];
  const old = records[i]!;
  const continues = old.seeds[1] === next.seeds[0] && old.length === next.length && old.version === next.version;
  const merged: CellRecord = !continues ? next : {
    ...next,
    seeds: [old.seeds[0], next.seeds[1]],
    sequences: old.sequences + next.sequences,
    milliseconds: old.milliseconds + next.milliseconds,
    stats: Object.fromEntries(
      [...new Set([...Object.keys(old.stats), ...Object.keys(next.stats)])].map((k) => [k, (old.stats[k] ?? 0) + (next.stats[k] ?? 0)]),
    ),
    findings: [...old.findings, ...next.findings],
  };
  return records.map((r, j) => (j === i ? merged : r));
}

async function campaign(): Promise<void> {
  const sequences = Number(option("sequences", "10000"));
  const length = option("length", "60");
  const from = Number(option("from", "0"));
  const batch = Number(option("batch", "1000"));
  const jobs = Number(option("jobs", "2"));
  const strategies = option("strategies", STRATEGIES.join(",")).split(",") as StrategyName[];
  const wanted = option("runtimes", "bun,deno,node").split(",");
  const runtimes = availableRuntimes().filter((r) => wanted.includes(r.name));

  const cells = new Map<string, Cell>();
  const queue: { runtime: RuntimeExe; strategy: StrategyName; from: number; count: number }[] = [];
  for (const runtime of runtimes) {
    for (const strategy of strategies) {
      cells.set(`${runtime.name}|${strategy}`, { sequences: 0, actions: 0, milliseconds: 0, stats: new Map(), findings: [] });
      for (let s = from; s < from + sequences; s += batch) {
        queue.push({ runtime, strategy, from: s, count: Math.min(batch, from + sequences - s) });
      }
    }
  }
  const started = Date.now();
  const worker = async () => {
    for (let job = queue.shift(); job !== undefined; job = queue.shift()) {
      const cell = cells.get(`${job.runtime.name}|${job.strategy}`)!;
      const t0 = Date.now();
      const outcome = await runFuzzChild(job.runtime, [
        "--strategy",
        job.strategy,
        "--from",
        String(job.from),
        "--count",
        String(job.count),
        "--length",
        length,
      ]);
      cell.milliseconds += Date.now() - t0;
      if (outcome.kind === "ok") {
        cell.sequences += outcome.sequences;
        for (const [k, n] of Object.entries(outcome.stats)) cell.stats.set(k, (cell.stats.get(k) ?? 0) + n);
        console.error(`${job.runtime.name} ${job.strategy} seeds ${job.from}..${job.from + job.count - 1}: ok`);
        continue;
      }
      const done = (outcome.seed ?? job.from) - job.from;
      cell.sequences += done;
      console.error(`${job.runtime.name} ${job.strategy} seed ${outcome.seed}: ${signature(outcome)}`);
      const finding = await investigate(job.runtime, job.strategy, outcome);
      cell.findings.push(finding);
      console.log(`\n${asTest(finding)}\n`);
      // Carry on after the failing seed.
      const rest = job.from + job.count - (outcome.seed ?? job.from) - 1;
      if (rest > 0) queue.push({ ...job, from: (outcome.seed ?? job.from) + 1, count: rest });
    }
  };
  await Promise.all(Array.from({ length: jobs }, worker));
  for (const cell of cells.values()) cell.actions = [...cell.stats.values()].reduce((a, b) => a + b, 0);
  const minutes = (Date.now() - started) / 60_000;
  const findings = [...cells.values()].flatMap((c) => c.findings);
  console.error(`\n${findings.length} finding(s) in ${minutes.toFixed(1)} min`);
  if (process.argv.includes("--write")) writeResults(runtimes, cells, Number(length), from, sequences);
  if (findings.length > 0) process.exitCode = 1;
}

function writeResults(runtimes: RuntimeExe[], cells: Map<string, Cell>, length: number, from: number, sequences: number): void {
  let records = readRecords();
  const date = new Date().toISOString().slice(0, 10);
  for (const [key, c] of cells) {
    const [runtime, strategy] = key.split("|") as [string, string];
    const exe = runtimes.find((r) => r.name === runtime)!;
    records = mergeRecord(records, {
      runtime,
      strategy,
      version: versionOf(exe),
      seeds: [from, from + sequences],
      length,
      sequences: c.sequences,
      milliseconds: c.milliseconds,
      stats: Object.fromEntries(c.stats),
      findings: c.findings.map((f) => f.signature),
      date,
    });
  }
  records.sort((a, b) => a.runtime.localeCompare(b.runtime) || STRATEGIES.indexOf(a.strategy as StrategyName) - STRATEGIES.indexOf(b.strategy as StrategyName));
  writeFileSync(RECORDS_FILE, JSON.stringify(records, null, 1) + "\n");
  writeRendered(records);
}

/** Writes RESULTS.md from `records`. */
function writeRendered(records: CellRecord[]): void {
  writeFileSync(fileURLToPath(new URL("./RESULTS.md", import.meta.url)), renderResults(records));
}

function renderResults(records: CellRecord[]): string {
  const rows = records.map((r) => {
    const count = (suffix: string) => Object.entries(r.stats).filter(([k]) => k.endsWith(suffix)).reduce((a, [, n]) => a + n, 0);
    const calls = Object.values(r.stats).reduce((a, b) => a + b, 0) - count(":skipped");
    const typed = calls - count(":ok") - count(":InvalidHandleError");
    return `| ${r.runtime} ${r.version} | ${r.strategy} | ${r.sequences} | ${r.seeds[0]}..${r.seeds[1] - 1} | ${calls} | ${count(":ok")} | ${
      count(":InvalidHandleError")
    } | ${typed} | ${r.findings.length} | ${(r.milliseconds / 60_000).toFixed(0)} min | ${r.date} |`;
  });
  const byAction = new Map<string, number>();
  for (const r of records) for (const [k, n] of Object.entries(r.stats)) byAction.set(k, (byAction.get(k) ?? 0) + n);
  const actionRows = [...new Set([...byAction.keys()].map((k) => k.split(":")[0]!))].sort().map((t) => {
    const outcomes = [...byAction].filter(([k]) => k.startsWith(`${t}:`) && !k.endsWith(":skipped"))
      .map(([k, n]) => `${k.split(":")[1]} ${n}`).join(", ");
    return `| ${t} | ${outcomes} |`;
  });
  const findings = records.flatMap((r) => r.findings.map((f) => `- ${r.runtime}, ${r.strategy}: ${f}`));
  const lengths = [...new Set(records.map((r) => r.length))].join(", ");
  return [
    "# Fuzzing results",
    "",
    "Generated by `test/fuzz/campaign.ts --write` from `results.json`; do not edit by hand. The differential",
    "fuzzer runs random sequences of API calls (parse, fetch, erase, detach, clone, move, create, replace uses,",
    "pass runs, verify, print, dispose, drop and collect) against the binding and an independent model of",
    "[the contract](../../docs/CONTRACT.md), in child processes with `MALLOC_PERTURB_` set and glibc's checking malloc preloaded (where installed); a crash,",
    "a hang, an untyped error or any disagreement (outcome, error reason, identity, structure) is a finding.",
    "",
    `${lengths} actions per sequence. Calls are the actions that ran (an action with nothing to act on is skipped).`,
    "",
    "| runtime | strategy | sequences | seeds | calls | ok | InvalidHandleError | other typed errors | findings | time | date |",
    "|---|---|---:|---|---:|---:|---:|---:|---:|---:|---|",
    ...rows,
    "",
    "## Outcomes by call (all rows)",
    "",
    "| call | outcomes |",
    "|---|---|",
    ...actionRows,
    "",
    "## Findings",
    "",
    findings.length === 0 ? "None in the campaigns above." : findings.join("\n"),
    "",
    "## Fixed, kept as tests",
    "",
    "Findings of earlier runs, each fixed and replayed by `regressions_test.ts` (listed from its test names):",
    "",
    ...fixedFindings(),
    "",
  ].join("\n");
}

/** The regression tests that replay a campaign finding, as "- what (strategy, runtime, seed N)". */
function fixedFindings(): string[] {
  const source = readFileSync(fileURLToPath(new URL("./regressions_test.ts", import.meta.url)), "utf8");
  return [...source.matchAll(/test\("fuzz: (.+?) \((\w+), found on (\w+), seed (\d+)\)"/g)]
    .map(([, what, strategy, runtime, seed]) => `- ${what} (${strategy}, ${runtime}, seed ${seed})`);
}

async function shrinkFile(): Promise<void> {
  const strategy = option("strategy", "interned") as StrategyName;
  const runtime = findRuntime(option("runtime", CURRENT_RUNTIME.name) as RuntimeName)!;
  const actions = JSON.parse(readFileSync(option("shrink", ""), "utf8")) as Action[];
  const outcome = await replay(strategy, actions, runtime);
  if (outcome.kind === "ok") {
    console.error("The actions replay without failing; nothing to shrink.");
    return;
  }
  const finding = await investigate(runtime, strategy, outcome);
  console.log(asTest(finding));
}

if (isMainModule(import.meta)) {
  // --render: RESULTS.md again from results.json, e.g. after a regression test was added.
  if (process.argv.includes("--render")) writeRendered(readRecords());
  else await (process.argv.includes("--shrink") ? shrinkFile() : campaign());
}
