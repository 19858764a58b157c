/**
 * The shared contract suite: every scenario of docs/CONTRACT.md, for every
 * strategy, each in its own child process (with MALLOC_PERTURB_ set), so a
 * crash fails one case instead of taking down the runner.
 *
 * @module
 */
import { test } from "node:test";
import { fail } from "@std/assert";
import { STRATEGIES } from "../../src/mod.ts";
import { runScenario } from "./_runner.ts";
import { SCENARIOS } from "./scenarios/index.ts";

// Flat test names (no describe): both runners then count every case alike.
for (const strategy of STRATEGIES) {
  for (const name of Object.keys(SCENARIOS)) {
    test(`contract [${strategy}] ${name}`, { timeout: 600_000 }, async () => {
      const result = await runScenario(name, strategy);
      if (result.outcome !== "pass") fail(`${result.outcome}: ${result.detail}`);
    });
  }
}
