/**
 * Running fuzz sequences in child processes: a crash there is a result, not
 * a lost runner. Shared by the CI fuzz test, the regression tests and the
 * campaign.
 *
 * @module
 */
import { spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import process from "node:process";
import { fileURLToPath } from "node:url";
import type { StrategyName } from "../../src/mod.ts";
import { heapCheckEnv } from "../_child.ts";
import { CURRENT_RUNTIME, type RuntimeExe, scriptArgs } from "../../bench/runtimes.ts";
import type { Action } from "./engine.ts";

const RUN = fileURLToPath(new URL("./run.ts", import.meta.url));

/** How a child ended. */
export type ChildOutcome =
  | { kind: "ok"; sequences: number; stats: Record<string, number>; actions: Action[] }
  | { kind: "mismatch"; seed: number; actions: Action[]; message: string }
  | { kind: "crash"; seed: number | null; actions: Action[]; detail: string };

/** Runs `run.ts` with `args` under `runtime` and classifies the result. */
export function runFuzzChild(
  runtime: RuntimeExe,
  args: string[],
  env: Record<string, string> = {},
  timeoutMs = 600_000,
): Promise<ChildOutcome> {
  return new Promise((resolve) => {
    const child = spawn(runtime.path, scriptArgs(runtime, RUN, args), {
      env: { ...process.env, ...heapCheckEnv(), FUZZ_TRACE_SEEDS: "1", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout!.on("data", (d) => (stdout += d));
    child.stderr!.on("data", (d) => (stderr = (stderr + d).slice(-20_000)));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("close", (status, signal) => {
      clearTimeout(timer);
      const lines = stdout.split("\n").filter(Boolean).map((l) => {
        try {
          return JSON.parse(l) as Record<string, unknown>;
        } catch {
          return { text: l };
        }
      });
      const last = lines.at(-1) ?? {};
      const actions = lines.filter((l) => l.action !== undefined).map((l) => l.action as Action);
      if (status === 0 && typeof last.ok === "number") {
        resolve({ kind: "ok", sequences: last.ok, stats: (last.stats ?? {}) as Record<string, number>, actions });
      } else if (status === 1 && Array.isArray(last.actions)) {
        resolve({ kind: "mismatch", seed: last.seed as number, actions: last.actions as Action[], message: String(last.message) });
      } else {
        const started = lines.filter((l) => typeof l.started === "number").at(-1);
        resolve({
          kind: "crash",
          seed: started ? (started.started as number) : null,
          actions,
          detail: `status ${status}, signal ${signal}${signal === "SIGKILL" ? " (timed out or killed)" : ""}\n${stderr.slice(-4000)}`,
        });
      }
    });
  });
}

let dir: string | undefined;

/** Replays `actions` for `strategy` in a child of `runtime`. */
export function replay(
  strategy: StrategyName,
  actions: readonly Action[],
  runtime: RuntimeExe = CURRENT_RUNTIME,
  timeoutMs = 120_000,
): Promise<ChildOutcome> {
  dir ??= mkdtempSync(join(tmpdir(), "mlir-ffi-fuzz-"));
  const file = join(dir, `replay_${process.pid}_${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify(actions));
  return runFuzzChild(runtime, ["--strategy", strategy, "--replay", file], {}, timeoutMs);
}

/**
 * One line that tells two failures apart: "crash" (the signal varies with
 * the heap checks: a corruption found at free aborts, one found later
 * segfaults), or what disagreed.
 */
export function signature(o: ChildOutcome): string {
  if (o.kind === "ok") return "ok";
  if (o.kind === "crash") return "crash";
  // Drop the action's JSON (its slot numbers change as the list shrinks).
  const m = /^\{.*?\}: (.*)$/s.exec(o.message);
  return `mismatch: ${(m ? m[1]! : o.message).split("\n")[0]}`;
}
