/**
 * Runs one contract scenario for one strategy, in this process:
 * `<runtime> test/contract/run.ts <scenario> <strategy>`. Exits 0 when every
 * clause held, 1 with the failure on stderr otherwise. A crash shows up to the
 * parent as a signal.
 *
 * @module
 */
import process from "node:process";
import type { StrategyName } from "../../src/mod.ts";
import { SCENARIOS } from "./scenarios/index.ts";

const [name, strategy] = process.argv.slice(process.argv.length - 2);
const scenario = SCENARIOS[name ?? ""];
if (scenario === undefined) {
  console.error(`unknown scenario ${JSON.stringify(name)}; known: ${Object.keys(SCENARIOS).join(" | ")}`);
  process.exit(2);
}
try {
  await scenario(strategy as StrategyName);
  process.exit(0);
} catch (e) {
  console.error((e as Error)?.stack ?? String(e));
  process.exit(1);
}
