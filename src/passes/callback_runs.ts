/**
 * Runs of MLIR that call JavaScript back while they work: a pass run with
 * TypeScript passes, a pattern driver with TypeScript patterns. Native calls
 * nest strictly, so the run that is calling back is always the innermost
 * one here, whatever its kind or context.
 *
 * What every callback of a run does first ({@linkcode enterCallback}):
 * - set aside the diagnostics the run has reported so far, for the run to
 *   collect (calls made inside the callback must not take them);
 * - after the first callback, invalidate every handle nested in the run's
 *   target, as after a pass run: MLIR's passes, folds and erasures may have
 *   freed anything since, including what an earlier callback stashed.
 *
 * @module
 */
import { type ActiveTransform, beginTransform } from "../ir/active_transforms.ts";
import type { ContextState } from "../ir/context_state.ts";
import { diagnosticsMayBePending } from "../ffi/callbacks.ts";
import { beforePassRun } from "../ir/ownership_events.ts";
import type { Owner } from "../safety/ledger.ts";

/** One run in progress. */
export interface CallbackRun {
  readonly state: ContextState;
  /** Its owner, target and kind, and what the callback may change (ir/active_transforms.ts). */
  readonly transform: ActiveTransform;
  /** Callbacks so far. */
  calls: number;
  /** The first thing a callback threw, kept for the run to rethrow as `cause`. */
  error: { readonly value: unknown } | null;
  /**
   * The functions the run calls by id, when one holder has them all (a
   * pattern set): looked up here, held for the run, rather than through
   * the registry's weak references on every call.
   */
  functions: ReadonlyMap<number, unknown> | null;
  /** A run of the walk driver, whose patterns may change only the matched op. */
  walk: boolean;
}

const runs: CallbackRun[] = [];

/**
 * Marks a run on `root` (in `owner`) as in progress, and as an active
 * transform of its IR; the returned `end` (safe to call twice) undoes both.
 */
export function beginCallbackRun(
  state: ContextState,
  kind: ActiveTransform["kind"],
  owner: Owner,
  root: number,
): { readonly run: CallbackRun; end(): void } {
  const transform: ActiveTransform = { kind, owner, root, scope: 0 };
  const endTransform = beginTransform(state, transform);
  const run: CallbackRun = { state, transform, calls: 0, error: null, functions: null, walk: false };
  runs.push(run);
  const onRoot = root === owner.root;
  if (onRoot) owner.runsOnRoot++;
  let ended = false;
  return {
    run,
    end() {
      if (ended) return;
      ended = true;
      runs.splice(runs.lastIndexOf(run), 1);
      if (onRoot) owner.runsOnRoot--;
      endTransform();
    },
  };
}

/** The run calling back now, if it is of `kind`. */
export function currentRun(kind: ActiveTransform["kind"]): CallbackRun | undefined {
  const run = runs[runs.length - 1];
  return run?.transform.kind === kind ? run : undefined;
}

/** Whether a run of `kind` is in progress anywhere. */
export function isRunning(kind: ActiveTransform["kind"]): boolean {
  return runs.some((r) => r.transform.kind === kind);
}

/** What each callback does before running user code (see the module comment). */
export function enterCallback(run: CallbackRun): void {
  if (diagnosticsMayBePending()) run.state.carryPending();
  if (run.calls++ > 0) beforePassRun(run.transform.owner, run.transform.root);
}
