/**
 * The errors mlir-ffi throws. Every one extends {@linkcode MlirError}, carries
 * the MLIR diagnostics that explain it (possibly none), and has a message that
 * says what to do.
 *
 * @module
 */

/** How serious a diagnostic is. */
export type Severity = "error" | "warning" | "note" | "remark";

/** One message from MLIR's diagnostic engine. */
export interface Diagnostic {
  /** How serious it is. */
  readonly severity: Severity;
  /** The message, without its location. */
  readonly message: string;
  /** The location as MLIR prints it, e.g. `loc("in.mlir":3:7)`. */
  readonly location: string;
  /** The file of the first file:line:column position inside the location. */
  readonly file?: string;
  /** Its 1-based line. */
  readonly line?: number;
  /** Its 1-based column. */
  readonly column?: number;
  /** Notes MLIR attached to this diagnostic. */
  readonly notes: readonly Diagnostic[];
}

/** Formats one diagnostic the way compilers do: `file:line:col: error: message`. */
export function formatDiagnostic(d: Diagnostic, indent = ""): string {
  const where = d.file !== undefined ? `${d.file}:${d.line}:${d.column}: ` : d.location ? `${d.location}: ` : "";
  const head = `${indent}${where}${d.severity}: ${d.message}`;
  return [head, ...d.notes.map((n) => formatDiagnostic(n, indent + "  "))].join("\n");
}

function withDiagnostics(summary: string, diagnostics: readonly Diagnostic[]): string {
  if (diagnostics.length === 0) return summary;
  return `${summary}\n${diagnostics.map((d) => formatDiagnostic(d, "  ")).join("\n")}`;
}

/**
 * The base of every error mlir-ffi throws.
 *
 * @example
 * ```ts
 * import { Context, MlirError } from "../mod.ts";
 * using ctx = new Context();
 * try {
 *   ctx.parseModule("func.func @f(");
 * } catch (e) {
 *   if (e instanceof MlirError) console.log(e.diagnostics.length);
 * }
 * ```
 */
export class MlirError extends Error {
  /** The diagnostics MLIR reported while failing. */
  readonly diagnostics: readonly Diagnostic[];

  /** An error with MLIR's diagnostics attached (they are also appended to the message). */
  constructor(message: string, diagnostics: readonly Diagnostic[] = [], options?: ErrorOptions) {
    super(withDiagnostics(message, diagnostics), options);
    this.name = new.target.name;
    this.diagnostics = diagnostics;
  }
}

/** Source text that MLIR could not parse; every diagnostic has its position. */
export class MlirParseError extends MlirError {
  /** MLIR's advice names its command-line tools; say what it means here. */
  constructor(message: string, diagnostics: readonly Diagnostic[] = [], options?: ErrorOptions) {
    const unregistered = diagnostics.some((d) => d.message.includes("unregistered dialect"));
    super(
      unregistered ? `${message} To accept operations of unregistered dialects, create the Context with { allowUnregisteredDialects: true }.` : message,
      diagnostics,
      options,
    );
  }
}

/** IR that fails MLIR's verifier. */
export class MlirVerificationError extends MlirError {}

/** A pass pipeline that does not parse, or names a pass that does not exist. */
export class PassPipelineError extends MlirError {}

/** A pass run that failed; the IR is left as the failing pass left it. */
export class PassFailureError extends MlirError {}

/** What made a handle invalid. */
export type InvalidReason =
  | "module disposed"
  | "context disposed"
  | "operation erased"
  | "parent erased"
  | "invalidated by pass run"
  | "block erased"
  | "argument erased"
  | "disposed";

/**
 * A handle was used after the native object behind it was freed, or after an
 * operation that may have freed it (a pass run). Fetch the object again from
 * a live parent.
 */
export class InvalidHandleError extends MlirError {
  /** The kind of handle, e.g. `Operation`. */
  readonly kind: string;
  /** Why it is invalid. */
  readonly reason: InvalidReason;

  /** The handle of kind `kind` (e.g. "Operation") is stale for `reason`. */
  constructor(kind: string, reason: InvalidReason) {
    super(`${kind} handle is no longer valid: ${reason}. ${advice(reason)}`);
    this.kind = kind;
    this.reason = reason;
  }
}

function advice(reason: InvalidReason): string {
  switch (reason) {
    case "invalidated by pass run":
      return "Passes may free any nested IR; fetch it again from the operation the pass manager ran on.";
    case "context disposed":
      return "Everything made in a context dies with it; keep the context alive while you use its IR.";
    case "module disposed":
      return "Handles into a module die with it; keep the module alive (do not dispose it) while you use them.";
    default:
      return "The object no longer exists; fetch the IR again from a live parent.";
  }
}

/**
 * A mutation that would corrupt the IR, refused before anything changed:
 * erasing an operation whose results are still used, detaching one that uses
 * values from outside, moving an operation into itself or across contexts.
 */
export class StructuralError extends MlirError {}

/** What is wrong with an argument, as fields to read rather than text to match. */
export interface ArgumentProblem {
  /** The argument, named as the caller wrote it: `"IntegerType.get's width"`, `"options.strategy"`. */
  readonly argument: string;
  /** What it must be: `"an integer in [1, 16777215]"`, `"a Type"`, `"of this Context"`. */
  readonly expected: string;
  /** What it was: `"number 0"`, `"the string \"x\""`, `"a Type of another Context"`. */
  readonly got: string;
}

/**
 * An argument of the wrong type, range or context. Its fields say which
 * argument, what it must be and what it was; the message says the same.
 *
 * @example
 * ```ts
 * import { ArgumentError, Context, IntegerType } from "../mod.ts";
 * using ctx = new Context();
 * try {
 *   IntegerType.get(ctx, -1);
 * } catch (e) {
 *   if (e instanceof ArgumentError) console.log(e.argument, e.expected, e.got);
 * }
 * ```
 */
export class ArgumentError extends MlirError implements ArgumentProblem {
  /** The argument, named as the caller wrote it. */
  readonly argument: string;
  /** What it must be. */
  readonly expected: string;
  /** What it was. */
  readonly got: string;
  /**
   * The message is `${argument} must be ${expected}, got ${got}.`, then
   * `options.advice` when given (how to get a valid value), then
   * `options.diagnostics`: the MLIR diagnostics that explain the refusal,
   * when MLIR checked the argument (also kept in `diagnostics`).
   */
  constructor(
    problem: ArgumentProblem,
    options: ErrorOptions & { readonly advice?: string; readonly diagnostics?: readonly Diagnostic[] } = {},
  ) {
    const { argument, expected, got } = problem;
    const { advice, diagnostics, ...errorOptions } = options;
    super(`${argument} must be ${expected}, got ${got}.${advice ? ` ${advice}` : ""}`, diagnostics ?? [], errorOptions);
    this.argument = argument;
    this.expected = expected;
    this.got = got;
  }
}

/**
 * A function registered with `registerTypeCaster` threw (the thrown value is
 * `cause`) or returned something other than a view of the type or attribute
 * it was given. Nothing was cached: reading the value again calls it again.
 *
 * @example
 * ```ts
 * import { Context, IntegerType, registerTypeCaster, TypeCasterError } from "../mod.ts";
 * using ctx = new Context();
 * using _ = registerTypeCaster(IntegerType.staticTypeID, () => { throw new Error("no"); });
 * try {
 *   ctx.parseType("i8");
 * } catch (e) {
 *   if (e instanceof TypeCasterError) console.log(e.kind, e.got); // Type a thrown Error
 * }
 * ```
 */
export class TypeCasterError extends MlirError {
  /** What was being cast: `Type` or `Attribute`. */
  readonly kind: "Type" | "Attribute";
  /** What the caster gave: `a thrown Error`, `undefined`, `a Type of another object`, ... */
  readonly got: string;

  /** The caster for `kind` `text` gave `got`. */
  constructor(kind: "Type" | "Attribute", text: string, got: string, options?: ErrorOptions) {
    super(
      `The type caster registered for ${kind.toLowerCase()} '${text}' must return a ${kind} of the same object, got ${got}.`,
      [],
      options,
    );
    this.kind = kind;
    this.got = got;
  }
}

/** JIT compilation or lowering failed; `diagnostics` says why. */
export class ExecutionEngineError extends MlirError {}

/**
 * The compiled code needs symbols nothing provides: the module declares
 * them, and neither a host function (`registerSymbol`), a shared library nor
 * the process defines them. Found before any code is compiled, so the engine
 * stays usable: register them, then call again.
 *
 * @example
 * ```ts
 * import { Context, ExecutionEngine, UnresolvedSymbolError } from "../mod.ts";
 * using ctx = new Context();
 * using mod = ctx.parseModule("func.func private @host(i32) -> i32\nfunc.func @f(%a: i32) -> i32 {\n %0 = func.call @host(%a) : (i32) -> i32\n return %0 : i32\n}");
 * using engine = ExecutionEngine.create(mod);
 * try {
 *   engine.invoke("f", 1);
 * } catch (e) {
 *   if (e instanceof UnresolvedSymbolError) console.log(e.symbols); // ["host"]
 * }
 * ```
 */
export class UnresolvedSymbolError extends ExecutionEngineError {
  /** The missing symbols, by their names in the LLVM module. */
  readonly symbols: readonly string[];

  /** An error naming `symbols`. */
  constructor(symbols: readonly string[]) {
    super(
      `The compiled code calls ${symbols.map((s) => `@${s}`).join(", ")}, which nothing defines. ` +
        "Register a host function for each (engine.registerSymbol), or load the shared library that has them (sharedLibs).",
      [],
    );
    this.symbols = symbols;
  }
}

/**
 * A host function (`ExecutionEngine.registerSymbol`) threw, or returned a
 * value its signature cannot carry, while compiled code called it. The
 * exception is `cause`; `symbol` names the host function.
 *
 * @example
 * ```ts
 * import { Context, ExecutionEngine, HostFunctionError } from "../mod.ts";
 * using ctx = new Context();
 * using mod = ctx.parseModule("func.func private @host(i32) -> i32\nfunc.func @f(%a: i32) -> i32 {\n %0 = func.call @host(%a) : (i32) -> i32\n return %0 : i32\n}");
 * using engine = ExecutionEngine.create(mod);
 * engine.registerSymbol("host", () => { throw new Error("no"); }, { args: ["i32"], returns: "i32" });
 * try {
 *   engine.invoke("f", 1);
 * } catch (e) {
 *   if (e instanceof HostFunctionError) console.log(e.symbol, e.cause);
 * }
 * ```
 */
export class HostFunctionError extends ExecutionEngineError {
  /** The host function's symbol. */
  readonly symbol: string;
  /** The function the compiled code was running (the one `invoke` called). */
  readonly function: string;

  /** An error for host function `symbol`, which failed with `cause` during a call of `fn`. */
  constructor(symbol: string, fn: string, cause: unknown) {
    super(
      `Host function @${symbol} failed while @${fn} ran: ${cause instanceof Error ? cause.message : String(cause)}. ` +
        "The compiled code ran on to its return with zeros in place of host results, and its results were discarded.",
      [],
      { cause },
    );
    this.symbol = symbol;
    this.function = fn;
  }
}

/**
 * Why the native side is unavailable (NativeLibraryError's `reason`):
 * - `missing`: the library (or the bytecode reader beside it) is not there;
 * - `build-failed`: building it failed (build.sh's message says why);
 * - `unloadable`: the file does not load (not a shared library, or MLIR's
 *   libraries it needs are gone);
 * - `foreign`: it loads but is not a libmlirffi library;
 * - `abi-mismatch`: it is one, for another version of mlir-ffi;
 * - `mlir-mismatch`: it was built against another MLIR;
 * - `incomplete`: its ABI matches but functions this mlir-ffi needs are
 *   missing (built from other sources);
 * - `unsupported`: this runtime or operating system is not supported;
 * - `adapter`: the runtime's FFI could not be loaded (on Node: koffi is not
 *   installed);
 * - `not-loaded`: a native function was asked for before the library loaded;
 * - `helper-failed`: a helper process (the bytecode reader) could not run.
 */
export type NativeLibraryReason =
  | "missing"
  | "build-failed"
  | "unloadable"
  | "foreign"
  | "abi-mismatch"
  | "mlir-mismatch"
  | "incomplete"
  | "unsupported"
  | "adapter"
  | "not-loaded"
  | "helper-failed";

/**
 * The native library is missing, cannot be built, or was built for another
 * MLIR or mlir-ffi; `reason` says which, the message what to do.
 */
export class NativeLibraryError extends MlirError {
  /** Which of the ways the native side can be unavailable this is. */
  readonly reason: NativeLibraryReason;

  /** An error for `reason`; the message says what to install, build or set. */
  constructor(message: string, reason: NativeLibraryReason, options?: ErrorOptions) {
    super(message, [], options);
    this.reason = reason;
  }
}
