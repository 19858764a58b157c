/**
 * Every contract scenario by name. Each runs for one strategy and throws if
 * a clause breaks; the test runner runs each in its own child process.
 *
 * @module
 */
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
import { ownersAndIdentity } from "./identity.ts";
import { churnDisposed, churnDropped } from "./memory.ts";
import { misuseRefused } from "./structural.ts";

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
};
