/**
 * Rewrite patterns written in TypeScript, applied by MLIR's drivers:
 * `new RewritePatternSet(ctx).add("arith.muli", (op, rewriter) => ...)`,
 * then `applyPatternsGreedily(mod, set.freeze())` or `walkAndApplyPatterns`.
 *
 * The driver calls each pattern through the shim's dispatcher
 * (ffi/callbacks.ts) while it rewrites, folds and erases on its own. What
 * keeps that safe (CONTRACT.md clause 11):
 * - the run is an active transform (ir/active_transforms.ts): inside a
 *   pattern the IR changes only through the {@linkcode PatternRewriter},
 *   which tells the driver and the ledger; `op.erase()`, moves, inserts at a
 *   plain insertion point, disposing the IR or its context, or another run
 *   on it, throw a StructuralError;
 * - each pattern call starts as every callback of a run does
 *   (callback_runs.ts: handles nested in the target invalidated after the
 *   first; the driver may have folded or erased anything since), and they
 *   are invalidated again after the run;
 * - the driver runs on the runtime's own stack and thread;
 * - a pattern that throws makes every later call answer "no match" without
 *   running JS, so the driver runs out; the error then surfaces as a
 *   PatternError whose `cause` is what was thrown. The IR stays valid.
 *
 * @module
 */
import { argumentError, intArg, optionsArg, stringArg } from "../base/args.ts";
import { ArgumentError, InvalidHandleError, MlirError, StructuralError } from "../base/errors.ts";
import { ThreadBound } from "../base/thread_bound.ts";
import { CallbackKind, onCallback } from "../ffi/callbacks.ts";
import { lib } from "../ffi/load.ts";
import { refuseNestedTransform } from "../ir/active_transforms.ts";
import { type ContextState, contextArg, stateOf } from "../ir/context_state.ts";
import { Module } from "../ir/module.ts";
import { Operation } from "../ir/operation.ts";
import { beforePassRun } from "../ir/ownership_events.ts";
import { type NativeCell, own, relinquish } from "../safety/native_lifetimes.ts";
import type { Context } from "../context.ts";
import { type CallbackTable, CallbackRegistry } from "./callback_registry.ts";
import { beginCallbackRun, currentRun, enterCallback, isRunning } from "./callback_runs.ts";
import { opNameArg } from "../ir/create_operation.ts";
import { PatternRewriter } from "./pattern_rewriter.ts";
import { verifyTarget } from "./transform_target.ts";

export { PatternRewriter };

/** A pattern driver run failed: a pattern threw (the thrown value is `cause`). The IR stays valid. */
export class PatternError extends MlirError {}

/**
 * A rewrite pattern: given an op of its root kind, rewrite it through
 * `rewriter` and return true, or return false (no match) having changed
 * nothing.
 */
export type PatternFunction = (op: Operation, rewriter: PatternRewriter) => boolean;

interface Registered {
  readonly fn: PatternFunction;
  readonly root: string;
}

const registry = new CallbackRegistry<Registered>();

function onPattern(id: number, opPtr: number, rewriterPtr: number): number {
  const run = currentRun("pattern driver");
  const entry = (run?.functions?.get(id) as Registered | undefined) ?? registry.get(id);
  if (entry === undefined || run === undefined) return -1;
  // After a throw, the driver is let run out without calling JS again.
  if (run.error !== null) return 1;
  let matched = false;
  let rewriter: PatternRewriter | null = null;
  try {
    enterCallback(run);
    const op = run.state.strategy.operation(run.transform.owner, opPtr);
    rewriter = new PatternRewriter(run, rewriterPtr, op, "pattern", run.walk);
    const answer = entry.fn(op, rewriter);
    if (typeof answer !== "boolean") {
      throw new ArgumentError({ argument: `The pattern on '${entry.root}'`, expected: "to return a boolean (true: it matched and rewrote)", got: String(answer) });
    }
    matched = answer;
  } catch (value) {
    run.error = { value };
  } finally {
    rewriter?._end();
  }
  // A pattern that changed the IR did match, whatever it said: the driver must not assume otherwise.
  return matched || rewriter?._changed === true ? 0 : 1;
}

let handlerInstalled = false;

/**
 * Patterns to apply together. Add patterns, then `freeze()` the set to apply
 * it (freezing consumes it, as in MLIR).
 */
export class RewritePatternSet extends ThreadBound {
  readonly #state: ContextState;
  readonly #cell: NativeCell;
  readonly #table: CallbackTable<Registered>;
  #frozen = false;

  /** An empty set of patterns for IR of `ctx`. */
  constructor(ctx: Context) {
    super();
    this.#state = contextArg(ctx, "RewritePatternSet's context");
    this.#cell = own(this.#state.cell, "patternSet", lib.mlirffi_pattern_set_create(this.#state.store), this, null);
    this.#table = registry.table(this);
  }

  #live(what: string): number {
    this.#state.check("RewritePatternSet");
    if (this.#frozen) {
      throw new StructuralError(`Cannot ${what}: the set was frozen or disposed (freeze() consumes it); make a new RewritePatternSet.`);
    }
    if (!this.#state.cell.cells.has(this.#cell)) throw new InvalidHandleError("RewritePatternSet", "disposed");
    return this.#cell.ptr;
  }

  /**
   * Adds a pattern for ops named `root` (e.g. `"arith.muli"`, or an op
   * class such as `arith.MulIOp`); higher `benefit` is tried first.
   */
  add(root: string | { readonly OPERATION_NAME: string }, fn: PatternFunction, options: { readonly benefit?: number } = {}): this {
    const set = this.#live("add");
    const name = typeof root === "string" ? root : stringArg(root?.OPERATION_NAME, "add's root");
    // Asking loads the root's dialect first: a pattern made for a name
    // before its dialect loads would hold the unregistered name and never
    // match the registered ops.
    const bytes = opNameArg(this.#state, name, "add's root");
    if (typeof fn !== "function") throw argumentError("add's pattern", "a function (op, rewriter) => boolean", fn);
    const o = optionsArg(options, "add's options") as { benefit?: number };
    const benefit = intArg(o.benefit ?? 1, 0, 65535, "add's options.benefit");
    if (!handlerInstalled) {
      onCallback(CallbackKind.pattern, onPattern);
      handlerInstalled = true;
    }
    const id = registry.add(this.#table, { fn, root: name });
    lib.mlirffi_pattern_set_add(set, this.#state.store, id, bytes, bytes.length, benefit);
    return this;
  }

  /** The patterns, ready to apply any number of times; this set is consumed. */
  freeze(): FrozenRewritePatternSet {
    const set = this.#live("freeze");
    this.#frozen = true;
    relinquish(this.#cell);
    const table = this.#table;
    const frozen = new FrozenRewritePatternSet(this.#state, lib.mlirffi_pattern_set_freeze(set), {
      size: table.entries.size,
      pdl: false,
      functions: table,
      release: () => registry.drop(table),
    });
    // The functions now live as long as the frozen set, whatever becomes of this one.
    registry.transfer(this, frozen, this.#table);
    return frozen;
  }

  /** Frees the set now (a frozen set lives on). */
  dispose(): void {
    if (this.#frozen || !this.#state.cell.cells.has(this.#cell)) return;
    this.#frozen = true;
    relinquish(this.#cell);
    lib.mlirffi_pattern_set_destroy(this.#cell.ptr);
    registry.drop(this.#table);
  }

  /** Same as {@linkcode RewritePatternSet.dispose}, for `using`. */
  [Symbol.dispose](): void {
    this.dispose();
  }
}

/** What a frozen set was made from, and what its functions need. */
export interface FrozenOrigin {
  /** How many patterns it holds. */
  readonly size: number;
  /** Made from PDL (the walk driver refuses it: PDL rewrites may change more than the matched op). */
  readonly pdl: boolean;
  /** The JS functions its native patterns call; kept reachable as long as they are. */
  readonly functions: object;
  /** Forgets the functions (called once, when the set is freed). */
  release(): void;
}

/** Frozen patterns, applied by {@linkcode applyPatternsGreedily} or {@linkcode walkAndApplyPatterns}. */
export class FrozenRewritePatternSet extends ThreadBound {
  readonly #state: ContextState;
  readonly #cell: NativeCell;
  readonly #origin: FrozenOrigin;
  #disposed = false;

  /** @internal Made by RewritePatternSet.freeze and PDLModule.freeze. */
  constructor(state: ContextState, ptr: number, origin: FrozenOrigin) {
    super();
    this.#state = state;
    this.#cell = own(state.cell, "frozenPatterns", ptr, this, null);
    this.#origin = origin;
  }

  /** @internal */
  _live(state: ContextState): number {
    this.#state.check("FrozenRewritePatternSet");
    if (this.#disposed || !this.#state.cell.cells.has(this.#cell)) throw new InvalidHandleError("FrozenRewritePatternSet", "disposed");
    if (state !== this.#state) {
      throw new ArgumentError({ argument: "The pattern set", expected: "of the target's context", got: "a set of another context" });
    }
    return this.#cell.ptr;
  }

  /** @internal Its TypeScript patterns' functions by id (null for PDL: those are called through the registry). */
  get _functions(): ReadonlyMap<number, unknown> | null {
    return this.#origin.pdl ? null : (this.#origin.functions as CallbackTable<Registered>).entries;
  }

  /** @internal Whether it was made from PDL. */
  get _fromPDL(): boolean {
    return this.#origin.pdl;
  }

  /** How many patterns it holds. */
  get size(): number {
    return this.#origin.size;
  }

  /** Frees the patterns now (also freed with their context, or by GC). Refused while a driver applies them. */
  dispose(): void {
    if (this.#disposed || !this.#state.cell.cells.has(this.#cell)) return;
    if (isRunning("pattern driver")) throw new StructuralError("Cannot dispose a pattern set while a driver is running; dispose it after the run returns.");
    this.#disposed = true;
    relinquish(this.#cell);
    lib.mlirffi_frozen_patterns_destroy(this.#cell.ptr);
    this.#origin.release();
  }

  /** Same as {@linkcode FrozenRewritePatternSet.dispose}, for `using`. */
  [Symbol.dispose](): void {
    this.dispose();
  }
}

/** How the greedy driver runs (MLIR's GreedyRewriteConfig; defaults are MLIR's). */
export interface GreedyRewriteConfig {
  /** Iterations over the worklist before giving up (default 10; -1: no limit). */
  readonly maxIterations?: number;
  /**
   * Rewrites before giving up (default 1,000,000; -1: no limit, MLIR's
   * default). MLIR's limit on iterations does not stop patterns that keep
   * undoing each other within one iteration; this one does.
   */
  readonly maxNumRewrites?: number;
  /** Visit ops top-down rather than bottom-up (default false). */
  readonly useTopDownTraversal?: boolean;
  /** Fold ops as well as applying the patterns (default true). */
  readonly enableFolding?: boolean;
  /** Which ops may be rewritten: any, the existing and the new, or only the existing (default "anyOp"). */
  readonly strictness?: "anyOp" | "existingAndNewOps" | "existingOps";
  /** Region simplification after each iteration (default "normal"). */
  readonly regionSimplification?: "disabled" | "normal" | "aggressive";
  /** CSE of constants (default true). */
  readonly enableConstantCSE?: boolean;
}

/** So that patterns undoing each other end (see GreedyRewriteConfig.maxNumRewrites). */
const DEFAULT_MAX_REWRITES = 1_000_000;

const STRICTNESS = { anyOp: 0, existingAndNewOps: 1, existingOps: 2 } as const;
const REGION_LEVEL = { disabled: 0, normal: 1, aggressive: 2 } as const;

function limit(v: unknown, fallback: number, what: string): number {
  if (v === undefined) return fallback;
  if (v === -1) return -1;
  return intArg(v, 1, Number.MAX_SAFE_INTEGER, what);
}

function bool(v: unknown, fallback: boolean, what: string): boolean {
  if (v === undefined) return fallback;
  if (typeof v !== "boolean") throw argumentError(what, "a boolean", v);
  return v;
}

function targetOf(target: Module | Operation, what: string): Operation {
  const op = target instanceof Module ? target.operation : target;
  if (!(op instanceof Operation)) throw argumentError(what, "a Module or an Operation", target);
  return op;
}

/** Runs a driver on `op` with the patterns' JS calls allowed; rethrows what a pattern threw. */
function drive<T>(op: Operation, frozen: FrozenRewritePatternSet, walk: boolean, what: string, run: (ptr: number, patterns: number) => T): T {
  const ptr = op._live();
  const owner = op._owner;
  const state = stateOf(owner);
  if (!(frozen instanceof FrozenRewritePatternSet)) throw argumentError(`${what}'s patterns`, "a FrozenRewritePatternSet (RewritePatternSet.freeze())", frozen);
  const patterns = frozen._live(state);
  refuseNestedTransform(owner, what, ptr, true);
  // As for pass runs: the driver's folders and MLIR's rewriter assume valid IR.
  const name = op.name;
  verifyTarget(state, ptr, name, "patterns are not applied to invalid IR");
  beforePassRun(owner, ptr);
  const { run: current, end } = beginCallbackRun(state, "pattern driver", owner, ptr);
  current.functions = frozen._functions;
  current.walk = walk;
  let result: T;
  const outerRefusals = lib.mlirffi_pdl_swap_refusals(0);
  try {
    result = state.callNative(
      () => {
        const value = run(ptr, patterns);
        // PDL's erase and replace are checked natively (pdl_guards.ts); a refusal is a diagnostic.
        return lib.mlirffi_pdl_swap_refusals(0) > 0 ? null : { value };
      },
      (diagnostics) =>
        new PatternError(
          diagnostics.length > 0 ? `${what} ran a PDL rewrite that was refused: ${diagnostics[0]!.message}` : `${what} failed.`,
          diagnostics,
        ),
    ).value;
  } finally {
    lib.mlirffi_pdl_swap_refusals(outerRefusals);
    end();
    // Whatever the driver folded or erased after the last pattern call.
    beforePassRun(owner, ptr);
  }
  if (current.error !== null) {
    throw new PatternError(`A rewrite pattern threw while ${what} ran on '${op.name}'.`, [], { cause: current.error.value });
  }
  return result;
}

/**
 * Applies `patterns` to everything nested in `target` until nothing
 * changes, folding as it goes (MLIR's greedy driver). Returns whether it
 * converged: false when it stopped at `maxIterations` or `maxNumRewrites`.
 * The target is verified first (MlirVerificationError), as for a pass run.
 * Afterwards, handles nested in the target are invalid, as after a pass run.
 */
export function applyPatternsGreedily(target: Module | Operation, patterns: FrozenRewritePatternSet, config: GreedyRewriteConfig = {}): boolean {
  const op = targetOf(target, "applyPatternsGreedily's target");
  const c = optionsArg(config, "applyPatternsGreedily's config") as GreedyRewriteConfig;
  const maxIterations = limit(c.maxIterations, 10, "config.maxIterations");
  const maxNumRewrites = limit(c.maxNumRewrites, DEFAULT_MAX_REWRITES, "config.maxNumRewrites");
  const topDown = bool(c.useTopDownTraversal, false, "config.useTopDownTraversal");
  const folding = bool(c.enableFolding, true, "config.enableFolding");
  const cse = bool(c.enableConstantCSE, true, "config.enableConstantCSE");
  const strictness = STRICTNESS[c.strictness ?? "anyOp"];
  if (strictness === undefined) throw argumentError("config.strictness", `one of ${Object.keys(STRICTNESS).join(", ")}`, c.strictness);
  const level = REGION_LEVEL[c.regionSimplification ?? "normal"];
  if (level === undefined) throw argumentError("config.regionSimplification", `one of ${Object.keys(REGION_LEVEL).join(", ")}`, c.regionSimplification);
  return drive(op, patterns, false, "applyPatternsGreedily", (ptr, p) =>
    lib.mlirffi_apply_patterns_greedily(ptr, p, maxIterations, maxNumRewrites, topDown, folding, strictness, level, cse) === 1);
}

/**
 * Applies `patterns` once to each op nested in `target`, in one walk (MLIR's
 * walk driver: no folding, no iteration). Inside a pattern, only the matched
 * op and what is nested in it may be erased or replaced.
 */
export function walkAndApplyPatterns(target: Module | Operation, patterns: FrozenRewritePatternSet): void {
  const op = targetOf(target, "walkAndApplyPatterns's target");
  if (patterns instanceof FrozenRewritePatternSet && patterns._fromPDL) {
    throw new ArgumentError({
      argument: "walkAndApplyPatterns's patterns",
      expected: "patterns written in TypeScript (apply PDL patterns with applyPatternsGreedily)",
      got: "patterns made from PDL, whose rewrites may change more than the matched op, which the walk driver does not allow",
    });
  }
  drive(op, patterns, true, "walkAndApplyPatterns", (ptr, p) => {
    lib.mlirffi_walk_and_apply_patterns(ptr, p);
    return true;
  });
}
