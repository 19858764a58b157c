/**
 * Child process of the API sweep: `sweep_run.ts <strategy> <mode>`. Prints
 * `{"at": member}` before each member (so a crash names its culprit) and
 * `{"report": ...}` at the end.
 *
 * @module
 */
import process from "node:process";
import type { StrategyName } from "../../src/mod.ts";
import { type Mode, sweep } from "./_sweep.ts";

const [strategy, mode] = process.argv.slice(2) as [StrategyName, Mode];
const report = sweep(strategy, mode, (at) => process.stdout.write(`${JSON.stringify({ at })}\n`));
process.stdout.write(`${JSON.stringify({ report })}\n`);
