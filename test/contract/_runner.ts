/**
 * Runs one scenario for one strategy in a child of the current runtime and
 * classifies what happened: pass, fail (a clause broke) or crash (a signal).
 *
 * @module
 */
import { spawn } from "node:child_process";
import process from "node:process";
import { fileURLToPath } from "node:url";
import type { StrategyName } from "../../src/mod.ts";
import { heapCheckEnv } from "../_child.ts";
import { CURRENT_RUNTIME, type RuntimeExe, scriptArgs } from "../../bench/runtimes.ts";

const RUN = fileURLToPath(new URL("./run.ts", import.meta.url));

/** How a scenario ended. */
export interface ScenarioResult {
  readonly outcome: "pass" | "fail" | "crash";
  readonly detail: string;
  readonly milliseconds: number;
}

/** Runs `name` for `strategy` in a child process of `runtime` (default: this one). */
export function runScenario(
  name: string,
  strategy: StrategyName,
  runtime: RuntimeExe = CURRENT_RUNTIME,
): Promise<ScenarioResult> {
  const args = scriptArgs(runtime, RUN, [name, strategy]);
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(runtime.path, args, {
      env: { ...process.env, ...heapCheckEnv() },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d) => (output += d));
    child.stderr.on("data", (d) => (output += d));
    child.on("close", (status, signal) => {
      const milliseconds = performance.now() - started;
      if (signal !== null) resolve({ outcome: "crash", detail: `killed by ${signal}\n${output}`, milliseconds });
      else if (status === 0) resolve({ outcome: "pass", detail: "", milliseconds });
      else resolve({ outcome: "fail", detail: `exit status ${status}\n${output}`, milliseconds });
    });
  });
}
