/**
 * Pass managers: run a pipeline of passes on an operation.
 *
 * @module
 */
import { argumentError, boolArg, optionsArg, stringArg } from "../base/args.ts";
import {
  ArgumentError,
  InvalidHandleError,
  PassFailureError,
  PassPipelineError,
  StructuralError,
} from "../base/errors.ts";
import { lib } from "../ffi/load.ts";
import { verifyTarget } from "./transform_target.ts";
import { encode, takeText, TEXT, TEXT_CAP, takeOutput } from "../ffi/text.ts";
import { type NativeCell, own, relinquish } from "../safety/native_lifetimes.ts";
import { Module } from "../ir/module.ts";
import { Operation } from "../ir/operation.ts";
import { beforePassRun } from "../ir/ownership_events.ts";
import { refuseNestedTransform } from "../ir/active_transforms.ts";
import { beginTypeScriptRun, type PassFunction, TypeScriptPasses, type TypeScriptPassOptions } from "./typescript_pass.ts";
import { type ContextState, stateOf } from "../ir/context_state.ts";
import { ThreadBound } from "../base/thread_bound.ts";

/** Options of a pass in `addPass`: rendered as `name{key=value ...}`. */
export type PassOptions = Readonly<Record<string, string | number | boolean>>;

/** When to print the IR during a run. */
export interface IRPrintingOptions {
  /** Before every pass. */
  readonly before?: boolean;
  /** After every pass (default true). */
  readonly after?: boolean;
  /** Print the whole module, not just the op the pass ran on. */
  readonly moduleScope?: boolean;
  /** After a pass, only if it changed the IR. */
  readonly onlyOnChange?: boolean;
  /** After a pass, only if it failed. */
  readonly onlyOnFailure?: boolean;
  /** Receives the printed IR after each run; without it, read `printedIR`. */
  readonly onOutput?: (text: string) => void;
}

function passElement(name: string, options?: PassOptions): string {
  if (!/^[A-Za-z0-9_.-]+$/.test(stringArg(name, "Pass name"))) {
    throw argumentError("Pass name", "a pass name (letters, digits, _, . and -)", name);
  }
  if (options === undefined) return name;
  if (typeof options !== "object" || options === null) throw argumentError("Pass options", "an object", options);
  const parts = Object.entries(options).map(([k, v]) => {
    if (!/^[A-Za-z0-9_-]+$/.test(k)) throw argumentError("Pass option name", "a name of letters, digits, _ and -", k);
    if (!["string", "number", "boolean"].includes(typeof v)) {
      throw argumentError(`Pass option '${k}'`, "a string, number or boolean", v);
    }
    return `${k}=${String(v)}`;
  });
  return `${name}{${parts.join(" ")}}`;
}

/** Adds pipeline elements to the op pass manager `opm` of `owner`. */
function addTo(opm: number, text: string): void {
  const bytes = encode(stringArg(text, "Pipeline"));
  if (!lib.mlirffi_opm_add(opm, bytes, bytes.length)) {
    const message = takeOutput().trim();
    throw new PassPipelineError(`Cannot add '${text}' to the pass manager: ${message || "MLIR rejected it"}`);
  }
}

/** The operation a nesting level runs on: the head of its printed pipeline (`any`, `func.func`). */
function anchorOf(opm: number): string {
  const text = takeText(lib.mlirffi_opm_print(opm, TEXT, TEXT_CAP));
  return /^\s*([^\s(]+)/.exec(text)?.[1] ?? "any";
}

/**
 * One nesting level of a pass manager: the passes that run on operations of
 * one kind (made by {@linkcode PassManager.nest}).
 *
 * @example
 * ```ts
 * import { Context } from "../mod.ts";
 * using ctx = new Context();
 * using pm = ctx.passManager();
 * pm.nest("func.func").addPass("canonicalize").addPass("cse");
 * console.log(pm.toString()); // any(func.func(canonicalize{...}, cse))
 * ```
 */
export class OpPassManager extends ThreadBound {
  readonly #pm: PassManager;
  readonly #ptr: number;

  /** @internal Made by PassManager.nest. */
  constructor(pm: PassManager, ptr: number) {
    super();
    this.#pm = pm;
    this.#ptr = ptr;
  }

  #live(): number {
    this.#pm._live();
    return this.#ptr;
  }

  /** Adds pipeline elements, e.g. `canonicalize,cse`. */
  add(pipeline: string): this {
    addTo(this.#live(), pipeline);
    return this;
  }

  /**
   * Adds the pass called `name` (its command-line name), with options; or a
   * pass written in TypeScript, called with each op this level runs on (see
   * {@linkcode PassFunction}).
   */
  addPass(name: string, options?: PassOptions): this;
  /** Adds a pass written in TypeScript, called with each op this level runs on. */
  addPass(pass: PassFunction, options?: TypeScriptPassOptions): this;
  addPass(pass: string | PassFunction, options?: PassOptions | TypeScriptPassOptions): this {
    if (typeof pass === "function") {
      const ptr = this.#live();
      this.#pm._addTypeScriptPass(ptr, anchorOf(ptr), pass, options as TypeScriptPassOptions | undefined);
      return this;
    }
    return this.add(passElement(pass, options as PassOptions | undefined));
  }

  /** The nested manager for operations called `opName` (e.g. `func.func`). */
  nest(opName: string): OpPassManager {
    const bytes = encode(stringArg(opName, "Operation name"));
    return new OpPassManager(this.#pm, lib.mlirffi_opm_nest(this.#live(), bytes, bytes.length));
  }

  /** This level's pipeline in textual form. */
  override toString(): string {
    return takeText(lib.mlirffi_opm_print(this.#live(), TEXT, TEXT_CAP));
  }
}

/**
 * A pipeline of passes, made by {@linkcode Context.passManager}.
 *
 * Running it on an operation first verifies that operation (passes may
 * crash on invalid IR), then invalidates every handle to operations, blocks
 * and values nested inside it (passes may free or replace any of them); the
 * operation itself and its regions stay valid.
 *
 * @example
 * ```ts
 * import { Context } from "../mod.ts";
 * using ctx = new Context();
 * using mod = ctx.parseModule("func.func @f() -> i32 { %0 = arith.constant 1 : i32\n return %0 : i32 }");
 * using pm = ctx.passManager("builtin.module(canonicalize)");
 * pm.run(mod);
 * ```
 */
export class PassManager extends ThreadBound {
  readonly #state: ContextState;
  readonly #ptr: number;
  readonly #cell: NativeCell;
  #disposed = false;
  #capture = false;
  #timing = false;
  #statistics = false;
  #onOutput: ((text: string) => void) | null = null;
  #running = false;
  readonly #typeScriptPasses = new TypeScriptPasses(this);
  /** The IR printed during the last run (with `enableIRPrinting` and no `onOutput`). */
  printedIR = "";
  /** The timing report, available once the manager is disposed (with `enableTiming`). */
  timingReport = "";
  /** The pass statistics report of the last run (with `enableStatistics`). */
  statisticsReport = "";

  /** @internal Made by Context.passManager. */
  constructor(state: ContextState, ptr: number) {
    super();
    this.#state = state;
    this.#ptr = ptr;
    this.#cell = own(state.cell, "passManager", ptr, this, null);
  }

  /** @internal */
  _live(): number {
    this.#state.check("PassManager");
    if (this.#disposed || !this.#state.cell.cells.has(this.#cell)) throw new InvalidHandleError("PassManager", "disposed");
    return this.#ptr;
  }

  /** The root nesting level. */
  get root(): OpPassManager {
    return new OpPassManager(this, lib.mlirffi_pm_root(this._live()));
  }

  /** Adds pipeline elements to the root level, e.g. `canonicalize,cse`. */
  add(pipeline: string): this {
    this.root.add(pipeline);
    return this;
  }

  /** Adds a pass to the root level: by name, or written in TypeScript (see {@linkcode OpPassManager.addPass}). */
  addPass(name: string, options?: PassOptions): this;
  /** Adds a pass written in TypeScript to the root level. */
  addPass(pass: PassFunction, options?: TypeScriptPassOptions): this;
  addPass(pass: string | PassFunction, options?: PassOptions | TypeScriptPassOptions): this {
    this.root.addPass(pass as never, options as never);
    return this;
  }

  /** @internal Adds a TypeScript pass to the level `opm` of this manager. */
  _addTypeScriptPass(opm: number, anchor: string, fn: PassFunction, options: TypeScriptPassOptions | undefined): void {
    this.#typeScriptPasses.add(this.#state, opm, anchor, fn, options);
  }

  /** The nested manager for operations called `opName` (e.g. `func.func`). */
  nest(opName: string): OpPassManager {
    return this.root.nest(opName);
  }

  /** Turns verification after each pass on or off (default on). */
  enableVerifier(enable: boolean): this {
    if (typeof enable !== "boolean") throw argumentError("enableVerifier's argument", "a boolean", enable);
    lib.mlirffi_pm_enable_verifier(this._live(), enable);
    return this;
  }

  /** Prints the IR around passes, to `onOutput` or into `printedIR`. */
  enableIRPrinting(options: IRPrintingOptions = {}): this {
    const ptr = this._live();
    options = optionsArg(options, "enableIRPrinting's options");
    const bit = (key: "before" | "after" | "moduleScope" | "onlyOnChange" | "onlyOnFailure", fallback: boolean, b: number) =>
      boolArg(options[key], fallback, `enableIRPrinting's options.${key}`) ? b : 0;
    const what = bit("before", false, 1) | bit("after", true, 2) | bit("moduleScope", false, 4) |
      bit("onlyOnChange", false, 8) | bit("onlyOnFailure", false, 16);
    if (options.onOutput !== undefined && typeof options.onOutput !== "function") {
      throw argumentError("enableIRPrinting's options.onOutput", "a function", options.onOutput);
    }
    lib.mlirffi_pm_enable_ir_printing(ptr, what);
    this.#capture = true;
    this.#onOutput = options.onOutput ?? null;
    return this;
  }

  /** Collects pass timing; the report is in `timingReport` after `dispose()`. */
  enableTiming(): this {
    lib.mlirffi_pm_enable_timing(this._live());
    this.#timing = true;
    return this;
  }

  /**
   * Collects pass statistics, as Python's `enable_statistics`: after each
   * run, MLIR's report is in `statisticsReport` (not on stderr), `"list"`
   * with each pass's statistics summed, `"pipeline"` (the default, as
   * upstream) by position in the pipeline. MLIR counts statistics only when
   * built with `LLVM_ENABLE_STATS` (or assertions); Debian's release
   * packages are not, so there the report is its header alone.
   *
   * @example
   * ```ts
   * import { Context } from "../mod.ts";
   * using ctx = new Context();
   * using mod = ctx.parseModule("func.func private @f()");
   * using pm = ctx.passManager("builtin.module(cse)").enableStatistics("list");
   * pm.run(mod);
   * console.log(pm.statisticsReport.includes("Pass statistics report")); // true
   * ```
   */
  enableStatistics(display: StatisticsDisplay = "pipeline"): this {
    const ptr = this._live();
    const mode = STATISTICS_DISPLAYS.indexOf(display);
    if (mode < 0) throw argumentError("enableStatistics's display", `one of ${STATISTICS_DISPLAYS.join(", ")}`, display);
    lib.mlirffi_pm_enable_statistics(ptr, mode);
    this.#statistics = true;
    return this;
  }

  /**
   * Runs the pipeline on a module or an operation. Throws
   * `MlirVerificationError` if the operation does not verify
   * beforehand, and {@linkcode PassFailureError} with MLIR's diagnostics if
   * a pass fails.
   */
  run(target: Module | Operation): void {
    const pm = this._live();
    const op = target instanceof Module ? target.operation : target;
    if (!(op instanceof Operation)) {
      throw argumentError("PassManager.run's target", "a Module or an Operation", target);
    }
    const ptr = op._live();
    const owner = op._owner;
    if (stateOf(owner) !== this.#state) {
      throw new ArgumentError({
        argument: "PassManager.run's target",
        expected: "IR of the pass manager's context",
        got: "IR of another context",
      });
    }
    // MLIR's pass manager is not re-entrant, and a run must not start on IR
    // a pass or pattern is transforming (from inside one of its callbacks).
    if (this.#running) {
      throw new StructuralError("This pass manager is already running: one of its own passes cannot run it again.");
    }
    refuseNestedTransform(owner, "a pass manager", ptr, false);
    const name = op.name;
    verifyTarget(this.#state, ptr, name, "passes are not run on invalid IR");
    beforePassRun(owner, ptr);
    const typeScript = this.#typeScriptPasses.size > 0;
    const end = typeScript ? beginTypeScriptRun(this.#state, owner, ptr) : null;
    // The printed IR is read before the diagnostics (they reuse the text
    // result), and handed over once they are drained, whether the run failed or not.
    let printed: string | undefined;
    const capture = this.#capture || this.#statistics;
    this.#running = true;
    try {
      this.#state.callNative(
        () => {
          // JS passes run on the runtime's own stack, not the shim's big one.
          const ok = lib.mlirffi_pm_run(pm, ptr, capture, !typeScript);
          if (capture) printed = takeOutput();
          return ok;
        },
        (diagnostics) => {
          const thrown = end?.() ?? null;
          return thrown !== null
            ? new PassFailureError(`A TypeScript pass threw while running on '${name}'.`, diagnostics, { cause: thrown.value })
            : new PassFailureError(`Running the pass pipeline on '${name}' failed.`, diagnostics);
        },
      );
    } finally {
      this.#running = false;
      end?.();
      // Handles taken inside the passes may name what later passes freed.
      if (typeScript) beforePassRun(owner, ptr);
      if (printed !== undefined && this.#statistics) {
        const [ir, report] = splitStatistics(printed);
        this.statisticsReport = report;
        printed = this.#capture ? ir : undefined;
      }
      if (printed !== undefined) {
        if (this.#onOutput !== null) this.#onOutput(printed);
        else this.printedIR = printed;
      }
    }
  }

  /** The pipeline in MLIR's textual form. */
  override toString(): string {
    return takeText(lib.mlirffi_pm_print(this._live(), TEXT, TEXT_CAP));
  }

  /** Frees the pass manager now (it is also freed with its context or by GC). */
  dispose(): void {
    if (this.#disposed || !this.#state.cell.cells.has(this.#cell)) return;
    if (this.#running) throw new StructuralError("Cannot dispose a pass manager while it runs (from one of its own passes); dispose it after run() returns.");
    this.#disposed = true;
    this.#typeScriptPasses.clear();
    relinquish(this.#cell);
    lib.mlirffi_pm_destroy_capture(this.#ptr, this.#timing);
    if (this.#timing) this.timingReport = takeOutput();
  }

  /** Same as {@linkcode PassManager.dispose}, for `using`. */
  [Symbol.dispose](): void {
    this.dispose();
  }
}

/** How `enableStatistics` lays out the report (MLIR's `MlirPassDisplayMode`, in its order). */
export type StatisticsDisplay = "list" | "pipeline";

const STATISTICS_DISPLAYS: readonly StatisticsDisplay[] = ["list", "pipeline"];

/** MLIR's report starts with this banner, after everything IR printing wrote. */
const STATISTICS_BANNER = /^===-{73}===\n\s*\.\.\. Pass statistics report \.\.\.\n/gm;

/** What a run printed, split into the IR printing before the statistics report and the report. */
function splitStatistics(printed: string): [string, string] {
  let at = -1;
  for (const m of printed.matchAll(STATISTICS_BANNER)) at = m.index;
  return at < 0 ? [printed, ""] : [printed.slice(0, at), printed.slice(at)];
}

/** Parses a textual pipeline into a pass manager (see Context.passManager). */
export function parsePipeline(state: ContextState, pipeline: string | undefined): PassManager {
  state.check("Context");
  if (pipeline === undefined) {
    const any = encode("any");
    return new PassManager(state, lib.mlirffi_pm_create(state.store, any, any.length));
  }
  const text = stringArg(pipeline, "passManager's pipeline");
  const bytes = encode(text);
  const anchored = /^\s*[\w.$-]+\s*\(/.test(text);
  let message = "";
  const pm = state.callNative(
    () => {
      const pm = lib.mlirffi_pm_parse(state.store, bytes, bytes.length, anchored);
      if (pm === 0) message = takeOutput().trim(); // before the diagnostics, which reuse the text result
      return pm;
    },
    (diagnostics) => new PassPipelineError(`Invalid pass pipeline '${text}': ${message || "MLIR rejected it"}`, diagnostics),
  );
  return new PassManager(state, pm);
}
