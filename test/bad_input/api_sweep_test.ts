/**
 * The API sweep (see _sweep.ts) per strategy and mode, each in a child
 * process: a crash names the member that caused it.
 *
 * @module
 */
import { spawnSync } from "node:child_process";
import process from "node:process";
import { test } from "node:test";
import { fileURLToPath } from "node:url";
import { assert, assertEquals } from "@std/assert";
import { STRATEGIES } from "../../src/mod.ts";
import { heapCheckEnv } from "../_child.ts";
import { CURRENT_RUNTIME, scriptArgs } from "../../bench/runtimes.ts";
import type { Mode, SweepReport } from "./_sweep.ts";

const RUN = fileURLToPath(new URL("./sweep_run.ts", import.meta.url));
const MODES: Mode[] = ["arguments", "module-disposed", "context-disposed", "cross-context"];

for (const strategy of STRATEGIES) {
  for (const mode of MODES) {
    test(`bad input [${strategy}] every public member, ${mode}`, { timeout: 600_000 }, () => {
      const r = spawnSync(CURRENT_RUNTIME.path, scriptArgs(CURRENT_RUNTIME, RUN, [strategy, mode]), {
        encoding: "utf8",
        env: { ...process.env, ...heapCheckEnv() },
        maxBuffer: 64 * 1024 * 1024,
        timeout: 600_000,
      });
      const lines = (r.stdout ?? "").trim().split("\n").filter(Boolean).map((l) => JSON.parse(l));
      const last = lines.at(-1);
      if (r.status !== 0 || last?.report === undefined) {
        const at = lines.filter((l) => l.at !== undefined).at(-1)?.at;
        throw new Error(`child died (status ${r.status}, signal ${r.signal}) at ${at}\n${(r.stderr ?? "").slice(-3000)}`);
      }
      const report = last.report as SweepReport;
      assertEquals(report.violations.map((v) => `${v.where}: ${v.what}`), []);
      // Vacuity guard: the sweep found the API and exercised it.
      assert(report.members > (mode === "module-disposed" ? 150 : 400), `only ${report.members} members swept`);
      if (mode !== "arguments" && mode !== "cross-context") assert(report.invalidHandle > report.members / 2, JSON.stringify(report));
      else assert(report.typedErrors > report.members, JSON.stringify(report));
    });
  }
}
