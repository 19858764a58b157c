/**
 * PDL patterns with TypeScript functions: `new PDLModule(mod)` over a module
 * of `pdl.pattern` ops, `registerConstraintFunction` /
 * `registerRewriteFunction` for the native functions it names, then
 * `freeze()` and apply with `applyPatternsGreedily`, as in upstream's Python.
 *
 * MLIR compiles PDL to bytecode when the set is frozen and then trusts it:
 * a function it names that nobody registered, a function returning results
 * of the wrong number or kind, or a module that is not PDL, abort the
 * process or corrupt memory. So everything is checked here first:
 * - the module verifies and holds only `pdl.pattern` ops;
 * - each function name is used as one kind (constraint or rewrite) with one
 *   result signature throughout, and without `!pdl.range` arguments or
 *   results, which MLIR's C API can pass neither way;
 * - freeze() refuses while a function the module names is not registered;
 * - a call's results are checked against the signature before any reaches
 *   MLIR. After a mismatch or a throw, the call fails (a constraint does not
 *   hold, a rewrite fails), every later call fails without running JS so
 *   the driver runs out, and the run throws a PatternError with the cause.
 *
 * The functions run like rewrite patterns (rewrite_patterns.ts): on the
 * runtime's thread, as callbacks of the driver's run, with handles nested in
 * the target invalidated between calls. A constraint's rewriter refuses
 * every change: constraints run while MLIR matches.
 *
 * @module
 */
import { argumentError, stringArg } from "../base/args.ts";
import { ArgumentError, InvalidHandleError, MlirVerificationError, StructuralError } from "../base/errors.ts";
import { ThreadBound } from "../base/thread_bound.ts";
import { CallbackKind, onCallback } from "../ffi/callbacks.ts";
import { lib } from "../ffi/load.ts";
import { nameBytes } from "../ffi/text.ts";
import { Attribute } from "../ir/attribute.ts";
import { wrapAttribute, wrapType } from "../ir/class_registry.ts";
import { type ContextState, stateOf } from "../ir/context_state.ts";
import { Module } from "../ir/module.ts";
import { valueAt } from "../ir/navigate.ts";
import { Operation } from "../ir/operation.ts";
import { Type } from "../ir/type.ts";
import { Value } from "../ir/value.ts";
import { type NativeCell, own, relinquish } from "../safety/native_lifetimes.ts";
import { type CallbackTable, CallbackRegistry } from "./callback_registry.ts";
import { type CallbackRun, currentRun, enterCallback } from "./callback_runs.ts";
import { guardPDL, RESERVED_PREFIX } from "./pdl_guards.ts";
import { PatternRewriter } from "./pattern_rewriter.ts";
import { FrozenRewritePatternSet } from "./rewrite_patterns.ts";

/** What PDL passes to and takes from a native function. */
export type PDLValue = Operation | Value | Type | Attribute;

/** The kinds, numbered as native/src/callbacks.c numbers them. */
const KIND = { "!pdl.operation": 1, "!pdl.value": 2, "!pdl.type": 3, "!pdl.attribute": 4 } as const;
const KIND_NAME = ["a range", "an Operation", "a Value", "a Type", "an Attribute"] as const;

/** The results a native function returns, in order. */
export class PDLResultList {
  readonly #items: PDLValue[] = [];
  #open = true;

  /** Adds the next result. */
  push(value: PDLValue): void {
    if (!this.#open) throw new StructuralError("A PDLResultList is valid only during the call it was given to.");
    this.#items.push(value);
  }

  /** Same as {@linkcode PDLResultList.push}, under Python's name. */
  append(value: PDLValue): void {
    this.push(value);
  }

  /** How many results were pushed. */
  get length(): number {
    return this.#items.length;
  }

  /** @internal Closes the list and hands its items over. */
  _close(): PDLValue[] {
    this.#open = false;
    return this.#items;
  }
}

/**
 * A native function PDL calls: `values` are its arguments in order. A
 * constraint returns whether it holds, and when it holds pushes its results
 * (as many, and of the kinds, the PDL op declares) on `results`. A rewrite
 * returns nothing and has no results: it changes the IR through `rewriter`.
 */
export type PDLFunction = (rewriter: PatternRewriter, results: PDLResultList, values: PDLValue[]) => boolean | void;

/** How the module uses a function name. */
interface Use {
  readonly kind: "constraint" | "rewrite";
  /** Result kinds (1..4, as KIND). */
  readonly results: readonly number[];
}

interface Registered {
  readonly fn: PDLFunction;
  readonly name: string;
  readonly use: Use;
}

const registry = new CallbackRegistry<Registered>();

function kindOf(type: Type, what: string): number {
  const text = type.toString();
  const kind = KIND[text as keyof typeof KIND];
  if (kind !== undefined) return kind;
  throw new ArgumentError({
    argument: what,
    expected: "!pdl.operation, !pdl.value, !pdl.type or !pdl.attribute (MLIR's C API passes no !pdl.range to native functions)",
    got: text,
  });
}

/**
 * Loads the dialect of the op a `pdl.operation` names. MLIR compiles the
 * patterns against the op names as they are when freeze() runs: a name
 * whose dialect loads only later would never match (and MLIR frees
 * unregistered names when their dialect loads).
 */
function loadDialectOf(op: Operation): void {
  const name = (op.attributes.get("opName") as { value?: unknown } | undefined)?.value;
  if (typeof name !== "string") return;
  const bytes = nameBytes(name);
  lib.mlirffi_is_registered_operation(stateOf(op._owner).store, bytes, bytes.length);
}

/** Every native function the module names, with how it is used; refuses what cannot be called safely. */
function usesIn(op: Operation): Map<string, Use> {
  const uses = new Map<string, Use>();
  op.walk((o) => {
    const name = o.name;
    if (name === "pdl.operation") loadDialectOf(o);
    const kind = name === "pdl.apply_native_constraint" ? "constraint" : name === "pdl.apply_native_rewrite" ? "rewrite" : null;
    const external = name === "pdl.rewrite" ? o.attributes.get("name") : undefined;
    if (kind === null && external === undefined) return;
    const fnName = String((o.attributes.get("name") as { value?: unknown } | undefined)?.value ?? "");
    const site = `'${fnName}' (called by ${name})`;
    if (fnName.startsWith(RESERVED_PREFIX)) {
      throw new ArgumentError({ argument: "PDLModule's module", expected: `no function names starting with '${RESERVED_PREFIX}' (mlir-ffi's own)`, got: site });
    }
    for (let i = 0; i < o.numOperands; i++) kindOf(o.operands.at(i)!.type, `The argument ${i} of ${site}`);
    const results = kind === null ? [] : Array.from({ length: o.numResults }, (_, i) => kindOf(o.results.at(i)!.type, `The result ${i} of ${site}`));
    const use: Use = { kind: kind ?? "rewrite", results };
    if (use.kind === "rewrite" && results.length > 0) {
      throw new ArgumentError({
        argument: `The PDL rewrite function ${site}`,
        expected: "no results (create ops through the rewriter instead)",
        got: `${results.length} results: when a native rewrite cannot produce its results, MLIR's greedy driver aborts the process`,
      });
    }
    const seen = uses.get(fnName);
    if (seen !== undefined && (seen.kind !== use.kind || seen.results.join() !== use.results.join())) {
      throw new ArgumentError({
        argument: `The PDL function '${fnName}'`,
        expected: "to be used as one kind of function with one result signature throughout the module",
        got: `a ${seen.kind} with ${seen.results.length} results and a ${use.kind} with ${use.results.length}`,
      });
    }
    uses.set(fnName, use);
  });
  return uses;
}

function wrapArg(run: CallbackRun, call: number, i: number): PDLValue {
  const kind = lib.mlirffi_pdl_arg_kind(call, i);
  const ptr = lib.mlirffi_pdl_arg(call, i, kind);
  const { owner } = run.transform;
  switch (kind) {
    case 1:
      return run.state.strategy.operation(owner, ptr);
    case 2:
      return valueAt(owner, ptr);
    case 3:
      return wrapType(run.state, ptr);
    case 4:
      return wrapAttribute(run.state, ptr);
    default:
      throw new ArgumentError({ argument: `The argument ${i}`, expected: "an operation, value, type or attribute", got: "a range, which MLIR's C API cannot pass" });
  }
}

/** A result's native kind and pointer, checked to be of `want` and of the IR being rewritten. */
function resultPtr(run: CallbackRun, v: unknown, want: number, what: string): number {
  const { owner } = run.transform;
  const got = v instanceof Operation ? 1 : v instanceof Value ? 2 : v instanceof Type ? 3 : v instanceof Attribute ? 4 : 0;
  if (got !== want) throw argumentError(what, `${KIND_NAME[want]} (as the PDL op declares)`, v);
  if (v instanceof Operation || v instanceof Value) {
    const ptr = v._live();
    if ((v instanceof Operation ? v._owner : (v as Value)._where) !== owner) throw new StructuralError(`${what} must be in the IR being rewritten.`);
    return ptr;
  }
  return (v as Type | Attribute)._in(run.state, what);
}

/**
 * A call from PDL. A constraint answers 0 (holds) or 1 (does not). A
 * rewrite always answers 0: MLIR's greedy driver aborts the process when a
 * native rewrite fails, so a rewrite that throws is recorded and reported
 * after the run instead, and the rest of the PDL rewrite goes on.
 */
function onCall(constraint: boolean, id: number, call: number, n: number): number {
  const entry = registry.get(id);
  const run = currentRun("pattern driver");
  const fails = constraint ? 1 : 0;
  if (entry === undefined || run === undefined) return fails;
  // After a throw, calls do not run JS again, so the driver runs out.
  if (run.error !== null) return fails;
  const use = entry.use;
  let rewriter: PatternRewriter | null = null;
  const results = new PDLResultList();
  try {
    enterCallback(run);
    const values: PDLValue[] = [];
    for (let i = 0; i < n; i++) values.push(wrapArg(run, call, i));
    rewriter = new PatternRewriter(run, lib.mlirffi_pdl_rewriter(call), null, constraint ? "pdl constraint" : "pdl rewrite", false);
    const answer = entry.fn(rewriter, results, values);
    if (constraint ? typeof answer !== "boolean" : answer !== undefined) {
      throw new ArgumentError({
        argument: `The PDL ${use.kind} function '${entry.name}'`,
        expected: constraint
          ? "to return a boolean (whether the constraint holds)"
          : "to return nothing (a rewrite cannot fail: decide in a constraint whether to rewrite)",
        got: String(answer),
      });
    }
    const items = results._close();
    if (!constraint || !answer) return constraint ? 1 : 0;
    if (items.length !== use.results.length) {
      throw new ArgumentError({
        argument: `The results of '${entry.name}'`,
        expected: `${use.results.length} (as the PDL op declares)`,
        got: `${items.length}`,
      });
    }
    const ptrs = items.map((v, i) => resultPtr(run, v, use.results[i]!, `The result ${i} of '${entry.name}'`));
    for (let i = 0; i < ptrs.length; i++) lib.mlirffi_pdl_push(call, use.results[i]!, ptrs[i]!);
    return 0;
  } catch (value) {
    run.error = { value };
    return fails;
  } finally {
    results._close();
    rewriter?._end();
  }
}

let handlersInstalled = false;

/**
 * A module of PDL patterns, made into a pattern set by `freeze()`. It works
 * on its own copy of the module: the module given stays the caller's, and
 * may change or go without affecting it.
 */
export class PDLModule extends ThreadBound {
  readonly #state: ContextState;
  readonly #cell: NativeCell;
  readonly #uses: Map<string, Use>;
  readonly #patterns: number;
  readonly #table: CallbackTable<Registered>;
  readonly #registered = new Set<string>();
  #frozen = false;

  /** PDL patterns from `module` (a Module, or a `builtin.module` operation), which must verify. */
  constructor(module: Module | Operation) {
    super();
    const op = module instanceof Module ? module.operation : module;
    if (!(op instanceof Operation)) throw argumentError("PDLModule's module", "a Module of pdl.pattern ops", module);
    const ptr = op._live();
    if (op.name !== "builtin.module") throw argumentError("PDLModule's module", "a builtin.module of pdl.pattern ops", op.name);
    const state = stateOf(op._owner);
    state.callNative(
      () => lib.mlirffi_op_verify(ptr),
      (diagnostics) => new MlirVerificationError("The PDL module does not verify.", diagnostics),
    );
    let patterns = 0;
    for (const child of op.regions.at(0)!.blocks.at(0)!.operations) {
      if (child.name !== "pdl.pattern") throw argumentError("PDLModule's module", "only pdl.pattern ops at its top level", child.name);
      patterns++;
    }
    this.#uses = usesIn(op);
    this.#patterns = patterns;
    this.#state = state;
    // Compiled from a guarded copy (pdl_guards.ts), which the shim copies again into MLIR's hands.
    const copy = op.clone();
    try {
      guardPDL(op.context, copy);
      this.#cell = own(state.cell, "pdlModule", lib.mlirffi_pdl_module_create(copy._live()), this, null);
    } finally {
      copy.dispose();
    }
    this.#table = registry.table(this);
  }

  #live(what: string): number {
    this.#state.check("PDLModule");
    if (this.#frozen) {
      throw new StructuralError(`Cannot ${what}: the PDL module was frozen or disposed (freeze() consumes it); make a new PDLModule.`);
    }
    if (!this.#state.cell.cells.has(this.#cell)) throw new InvalidHandleError("PDLModule", "disposed");
    return this.#cell.ptr;
  }

  #register(constraint: boolean, name: unknown, fn: unknown): this {
    const what = constraint ? "registerConstraintFunction" : "registerRewriteFunction";
    const pdl = this.#live(what);
    const n = stringArg(name, `${what}'s name`);
    if (typeof fn !== "function") throw argumentError(`${what}'s function`, "a function", fn);
    if (this.#registered.has(n)) throw argumentError(`${what}'s name`, "a name not registered yet", n);
    if (n.startsWith(RESERVED_PREFIX)) throw argumentError(`${what}'s name`, `a name not starting with '${RESERVED_PREFIX}' (mlir-ffi's own)`, n);
    const kind = constraint ? "constraint" : "rewrite";
    const use = this.#uses.get(n) ?? { kind, results: [] };
    if (use.kind !== kind) {
      throw new ArgumentError({ argument: `${what}'s name`, expected: `the name of a ${kind} function`, got: `'${n}', which the module calls as a ${use.kind}` });
    }
    if (!handlersInstalled) {
      onCallback(CallbackKind.pdlConstraint, (id, call, count) => onCall(true, id, call, count));
      onCallback(CallbackKind.pdlRewrite, (id, call, count) => onCall(false, id, call, count));
      handlersInstalled = true;
    }
    const id = registry.add(this.#table, { fn: fn as PDLFunction, name: n, use });
    const bytes = nameBytes(n);
    lib.mlirffi_pdl_register(pdl, constraint, id, bytes, bytes.length);
    this.#registered.add(n);
    return this;
  }

  /** Registers `fn` as the constraint `name` (`pdl.apply_native_constraint "name"`). */
  registerConstraintFunction(name: string, fn: PDLFunction): this {
    return this.#register(true, name, fn);
  }

  /** Registers `fn` as the rewrite `name` (`pdl.apply_native_rewrite "name"`, `pdl.rewrite ... with "name"`). */
  registerRewriteFunction(name: string, fn: PDLFunction): this {
    return this.#register(false, name, fn);
  }

  /** The native functions the module calls that are not registered yet. */
  get unregisteredFunctions(): string[] {
    return [...this.#uses.keys()].filter((n) => !this.#registered.has(n)).sort();
  }

  /** The patterns, compiled, ready to apply any number of times; this module is consumed. */
  freeze(): FrozenRewritePatternSet {
    const pdl = this.#live("freeze");
    const missing = this.unregisteredFunctions;
    if (missing.length > 0) {
      throw new ArgumentError({
        argument: "The PDL module's functions",
        expected: "every native function it calls registered before freeze()",
        got: `no function for ${missing.map((n) => `'${n}'`).join(", ")}`,
      });
    }
    this.#frozen = true;
    relinquish(this.#cell);
    const table = this.#table;
    const frozen = new FrozenRewritePatternSet(this.#state, lib.mlirffi_pdl_freeze(pdl), {
      size: this.#patterns,
      pdl: true,
      functions: table,
      release: () => registry.drop(table),
    });
    registry.transfer(this, frozen, table);
    return frozen;
  }

  /** Frees the module now, unless frozen (the frozen set lives on). */
  dispose(): void {
    if (this.#frozen || !this.#state.cell.cells.has(this.#cell)) return;
    this.#frozen = true;
    relinquish(this.#cell);
    lib.mlirffi_pdl_module_destroy(this.#cell.ptr);
    registry.drop(this.#table);
  }

  /** Same as {@linkcode PDLModule.dispose}, for `using`. */
  [Symbol.dispose](): void {
    this.dispose();
  }
}
