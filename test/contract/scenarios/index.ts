/**
 * Every contract scenario by name. Each runs for one strategy and throws if
 * a clause breaks; the test runner runs each in its own child process.
 *
 * @module
 */
import type { StrategyName } from "../../../src/mod.ts";
import type { Scenario } from "../_fixture.ts";
import { addressReuse, contextDisposal, detachedDropFreesOnce, seedKeepAlive } from "./lifetime.ts";
import {
  cloneThenErase,
  detachAndReinsert,
  detachedRegion100,
  detachedRegionStress,
  eraseThenRecreate,
  eraseThroughOtherHandle,
  moveAcross,
} from "./mutation.ts";
import { passRunOnFunction, passRunOnModule } from "./passes.ts";
import {
  tsPassAppliesPatterns,
  tsPassBetweenCallbacks,
  tsPassFailures,
  tsPassHandles,
  tsPassMutation,
  tsPassRefusals,
  tsPassThreaded,
  tsPatternHandles,
  tsPatternNonConvergence,
  tsPatternRefusals,
  tsPatternThrows,
  tsPatternWalk,
  pdlFunctions,
  pdlUncheckedRewrites,
  diagnosticHandlerInsideDriver,
} from "./callbacks.ts";
import { ownersAndIdentity } from "./identity.ts";
import { churnDisposed, churnDropped } from "./memory.ts";
import { misuseRefused } from "./structural.ts";

/**
 * Where a strategy passes a scenario by a different, documented behaviour
 * (docs/CONTRACT.md clause 6 and strategies/README.md), and how.
 */
export const DIFFERS_BY_DESIGN: Readonly<Record<string, Partial<Record<StrategyName, string>>>> = {
  "owners by equality; identity per strategy": {
    ephemeral: "identity by value: `a.equals(b)` and `a.key`, while `a !== b`",
  },
  "dropped detached op is freed once": {
    ephemeral: "freed together with the module it was detached from, not before",
  },
};

/** Scenario name → scenario, in the order of the correctness matrix. */
export const SCENARIOS: Readonly<Record<string, Scenario>> = {
  "seed 1: handle keeps dropped module alive; dispose invalidates": seedKeepAlive,
  "seed 2: address reuse never aliases": addressReuse,
  "detached region of 100 ops, x100": detachedRegion100,
  "detached region of 100 ops, x10,000 (stress)": detachedRegionStress,
  "dropped detached op is freed once": detachedDropFreesOnce,
  "canonicalize on module invalidates nested handles": passRunOnModule,
  "pass on one function leaves the rest valid": passRunOnFunction,
  "erase through one handle, use another": eraseThroughOtherHandle,
  "erase then recreate in the same block": eraseThenRecreate,
  "clone then erase the original": cloneThenErase,
  "detach, detach again, reinsert elsewhere": detachAndReinsert,
  "move across blocks and modules": moveAcross,
  "owners by equality; identity per strategy": ownersAndIdentity,
  "context disposal invalidates everything": contextDisposal,
  "bounded memory: 10,000 modules dropped": churnDropped,
  "bounded memory: 10,000 modules disposed": churnDisposed,
  "structural misuse is refused": misuseRefused,
  "TS pass: handles valid inside, stashed ones invalid after": tsPassHandles,
  "TS pass: a handle from an earlier callback is invalid in the next": tsPassBetweenCallbacks,
  "TS pass: dispose and re-entrant runs refused inside": tsPassRefusals,
  "TS pass: throw or signalFailure fails the run; IR stays valid": tsPassFailures,
  "TS pass: mutation inside the pass's op tracked, outside refused": tsPassMutation,
  "TS pass: applies patterns to its own op, not outside it": tsPassAppliesPatterns,
  "TS pass: multithreaded context, 200 functions": tsPassThreaded,
  "TS pattern: rewrites through the rewriter; stale handles invalid after": tsPatternHandles,
  "TS pattern: changes around the rewriter, dispose and re-entrant runs refused": tsPatternRefusals,
  "TS pattern: a throw stops the calls and surfaces with its cause": tsPatternThrows,
  "TS pattern: non-converging patterns end at the limits": tsPatternNonConvergence,
  "TS pattern: walk driver, erasing other ops refused": tsPatternWalk,
  "PDL: functions' handles, throws": pdlFunctions,
  "PDL: unchecked erase and replace refused": pdlUncheckedRewrites,
  "Diagnostic handler: inside a driver, stale handles and no changes": diagnosticHandlerInsideDriver,
};
