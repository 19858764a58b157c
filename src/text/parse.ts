/**
 * Parsing source text into a module, with every check that keeps bad input
 * from reaching places in MLIR's parser that cannot handle it.
 *
 * @module
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import process from "node:process";
import { argumentError, stringArg } from "../base/args.ts";
import { type Diagnostic, MlirParseError, NativeLibraryError } from "../base/errors.ts";
import { lib, libraryPath_ } from "../ffi/load.ts";
import { encode, encodeZ } from "../ffi/text.ts";
import { Module } from "../ir/module.ts";
import type { ContextState } from "../ir/context_state.ts";
import type { Operation } from "../ir/operation.ts";

/** Options for {@linkcode Context.parseModule}. */
export interface ParseOptions {
  /** The file name used in locations and diagnostics (default `"-"`). */
  readonly filename?: string;
  /**
   * Read bytecode directly (default false). MLIR's bytecode reader can crash
   * on corrupted streams, so by default bytecode is read in a separate
   * process and handed over as text, which costs a process start and a text
   * parse; set this for bytecode you produced yourself.
   */
  readonly trustedBytecode?: boolean;
  /**
   * Deepest bracket nesting accepted (default 4096). MLIR's parser recurses
   * per level and tearing down deeply nested IR takes time quadratic in the
   * depth, so deeper input is refused with an error instead.
   */
  readonly maxNestingDepth?: number;
}

/** The default for {@linkcode ParseOptions.maxNestingDepth}. */
export const DEFAULT_MAX_NESTING_DEPTH = 4096;

const SINGLE_OP_REQUIRED = /source must contain a single top-level operation, found: (\d+)/;

/** The source name MLIR gives text parsed into an implicit module. */
const IMPLICIT_NAME = "-";

function renameFile(d: Diagnostic, filename: string): Diagnostic {
  const notes = d.notes.map((n) => renameFile(n, filename));
  if (d.file !== IMPLICIT_NAME) return { ...d, notes };
  const location = d.location.replace(`"${IMPLICIT_NAME}"`, JSON.stringify(filename));
  return { ...d, file: filename, location, notes };
}

/** 1-based line and column of byte `offset` in UTF-8 `bytes`. */
function positionOf(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}

function inputError(filename: string, bytes: Uint8Array, offset: number, message: string): MlirParseError {
  const { line, column } = positionOf(bytes, offset);
  const diagnostic: Diagnostic = {
    severity: "error",
    message,
    location: `loc("${filename}":${line}:${column})`,
    file: filename,
    line,
    column,
    notes: [],
  };
  return new MlirParseError(`Cannot parse ${filename}.`, [diagnostic]);
}

/** NUL-terminated UTF-8 bytes of the source (the text is `length - 1` bytes). */
function sourceBytes(source: string | Uint8Array): Uint8Array {
  if (typeof source === "string") return encodeZ(source);
  if (source instanceof Uint8Array) {
    const bytes = new Uint8Array(source.length + 1);
    bytes.set(source);
    return bytes;
  }
  throw argumentError("parseModule's source", "source text (a string or UTF-8 bytes in a Uint8Array)", source);
}

function checkOptions(options: ParseOptions | undefined): { filename: string; maxDepth: number } {
  const filename = options?.filename ?? "-";
  stringArg(filename, "Parse option 'filename'");
  const maxDepth = options?.maxNestingDepth ?? DEFAULT_MAX_NESTING_DEPTH;
  if (maxDepth !== Infinity && (!Number.isSafeInteger(maxDepth) || maxDepth < 1)) {
    throw argumentError("Parse option 'maxNestingDepth'", "a positive integer or Infinity", maxDepth);
  }
  return { filename, maxDepth };
}

/** Refuses what MLIR's parser would mishandle: empty, NUL, bad UTF-8, too deep. */
function checkSource(bytes: Uint8Array, length: number, filename: string, maxDepth: number): void {
  const text = bytes.subarray(0, length);
  let blank = true;
  for (let i = 0; i < length && blank; i++) {
    const b = text[i];
    blank = b === 0x20 || b === 0x0a || b === 0x0d || b === 0x09;
  }
  if (blank) throw new MlirParseError(`Cannot parse ${filename}: the input is empty.`);
  const scan = new Float64Array(4);
  lib.mlirffi_scan_source(text, length, scan);
  const [depth, nul, badUtf8, indexArray] = scan as unknown as [number, number, number, number];
  if (badUtf8 >= 0) throw inputError(filename, text, badUtf8, "the input is not valid UTF-8 text");
  if (nul >= 0) throw inputError(filename, text, nul, "the input contains a NUL byte");
  if (indexArray >= 0) {
    throw inputError(
      filename,
      text,
      indexArray,
      "dense arrays of index (array<index: ...>) are refused: MLIR 22's parser crashes on them (llvm/llvm-project#179045); use array<i64: ...>",
    );
  }
  if (depth > maxDepth) {
    throw new MlirParseError(
      `Cannot parse ${filename}: brackets nest ${depth} levels deep, deeper than maxNestingDepth (${maxDepth}). Raise the limit if you trust the input.`,
    );
  }
}

/**
 * Parses a type or attribute from text, with the same input checks as
 * modules (the text is named "type" or "attribute" in diagnostics).
 */
export function parseFragment(state: ContextState, kind: "type" | "attribute", text: string): number {
  state.check("Context");
  stringArg(text, `parse${kind === "type" ? "Type" : "Attribute"}'s argument`);
  const bytes = encodeZ(text);
  const length = bytes.length - 1;
  // Empty text is left to MLIR, whose message says what it expected.
  if (length > 0) checkSource(bytes, length, kind, DEFAULT_MAX_NESTING_DEPTH);
  const body = bytes.subarray(0, length);
  return state.callNative(
    () => kind === "type" ? lib.mlirffi_type_parse(state.store, body, length) : lib.mlirffi_attr_parse(state.store, body, length),
    (diagnostics) => new MlirParseError(`Cannot parse ${kind} '${text.length > 200 ? text.slice(0, 200) + "..." : text}'.`, diagnostics),
  );
}

/** MLIR bytecode starts with "ML\xEFR". */
export function isBytecode(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x4d && bytes[1] === 0x4c && bytes[2] === 0xef && bytes[3] === 0x52;
}

/** Parses `source` into a module owned by a new owner in `state`'s context. */
export function parseModule(state: ContextState, source: string | Uint8Array, options?: ParseOptions): Module {
  state.check("Context");
  const { filename, maxDepth } = checkOptions(options);
  const bytes = sourceBytes(source);
  const length = bytes.length - 1;
  const name = encode(filename);
  if (source instanceof Uint8Array && isBytecode(source)) {
    if (options?.trustedBytecode === true) return parseBytecode(state, bytes, length, filename, name);
    return parseModule(state, bytecodeToText(state, source, filename), { ...options, maxNestingDepth: Infinity });
  }
  checkSource(bytes, length, filename, maxDepth);
  if (!startsWithModule(bytes)) return parseImplicit(state, bytes, length, filename, name);
  let op: number;
  try {
    op = state.callNative(
      () => lib.mlirffi_parse_op(state.store, bytes, length, name, name.length),
      (diagnostics) => new MlirParseError(`Cannot parse ${filename}.`, diagnostics),
    );
  } catch (e) {
    // `module {...}` followed by more top-level operations: MLIR wants them
    // all in an implicit module.
    if (e instanceof MlirParseError && e.diagnostics.some((d) => SINGLE_OP_REQUIRED.test(d.message))) {
      return parseImplicit(state, bytes, length, filename, name);
    }
    throw e;
  }
  return new Module(state.newOwner("module", op, "operation"));
}

/**
 * Turns untrusted bytecode into text in a separate process
 * (native/tools/check_bytecode.c): MLIR's bytecode reader can crash on
 * corrupted streams, or build attributes that crash later, so it never runs
 * on untrusted input in this process. Returns the text, or throws.
 */
const CHECKER_TIMEOUT_MS = 600_000;

/**
 * The checker is expected to crash on bad streams, so a heap debugger
 * inherited from the caller (glibc's debug malloc can deadlock when it
 * detects corruption) only turns a quick crash into a hang.
 */
function checkerEnv(): Record<string, string> | undefined {
  try {
    if (process.env.LD_PRELOAD === undefined && process.env.MALLOC_CHECK_ === undefined) return undefined;
    // Set to empty rather than left out: Deno's spawn keeps an inherited
    // LD_PRELOAD that is merely absent from `env`.
    const env: Record<string, string> = { LD_PRELOAD: "", MALLOC_CHECK_: "0" };
    for (const [key, value] of Object.entries(process.env)) {
      if (value !== undefined && !(key in env)) env[key] = value;
    }
    return env;
  } catch {
    return undefined; // no permission to read the environment: inherit it
  }
}

function bytecodeToText(state: ContextState, bytes: Uint8Array, filename: string): string {
  const checker = join(dirname(libraryPath_), "mlirffi-check-bytecode");
  if (!existsSync(checker)) {
    throw new NativeLibraryError(
      `The bytecode reader ${checker} is missing (build it with native/build.sh), or pass trustedBytecode: true for bytecode you trust.`,
      "missing",
    );
  }
  const unregistered = lib.mlirffi_context_get_allow_unregistered(state.store) ? "u" : "r";
  const r = spawnSync(checker, [unregistered, filename], {
    input: bytes,
    stdio: ["pipe", "pipe", "ignore"],
    maxBuffer: 1 << 30,
    timeout: CHECKER_TIMEOUT_MS,
    env: checkerEnv(),
  });
  if ((r.error as { code?: string } | undefined)?.code === "ETIMEDOUT") {
    throw new MlirParseError(
      `Cannot read bytecode ${filename}: MLIR's bytecode reader did not finish within ${CHECKER_TIMEOUT_MS / 60_000} minutes (it ran in a separate process, which was stopped). If the bytecode is trusted, pass trustedBytecode: true.`,
    );
  }
  if (r.error !== undefined) {
    throw new NativeLibraryError(`Could not run the bytecode reader ${checker}: ${r.error.message}`, "helper-failed", { cause: r.error });
  }
  const out = new TextDecoder().decode(r.stdout as Uint8Array);
  if (r.status === 1) throw new MlirParseError(`Cannot read bytecode ${filename}.`, JSON.parse(out) as Diagnostic[]);
  if (r.status !== 0) {
    throw new MlirParseError(
      `Cannot read bytecode ${filename}: the stream is malformed (MLIR's bytecode reader crashed on it, or asked for more memory than a stream of its size can need, in a separate process; nothing was read here).`,
    );
  }
  return out;
}

/** Reads MLIR bytecode (MLIR's parser recognises it); a non-module top-level op is wrapped. */
function parseBytecode(state: ContextState, bytes: Uint8Array, length: number, filename: string, name: Uint8Array): Module {
  let op = state.callNative(
    () => lib.mlirffi_parse_op(state.store, bytes, length, name, name.length),
    (diagnostics) => new MlirParseError(`Cannot read bytecode ${filename}.`, diagnostics),
  );
  if (state.opName(op) !== "builtin.module") {
    const module = lib.mlirffi_module_create_empty(lib.mlirffi_op_location(op));
    lib.mlirffi_block_append_op(lib.mlirffi_module_body(module), op);
    op = module;
  }
  return new Module(state.newOwner("module", op, "operation"));
}

/** A leading `module` keyword (after blanks and comments) means no implicit module is needed. */
const MODULE_FIRST = /^(?:\s|\/\/[^\n]*(?:\n|$))*(?:module\b|"builtin\.module")/;

function startsWithModule(bytes: Uint8Array): boolean {
  return MODULE_FIRST.test(new TextDecoder().decode(bytes.subarray(0, Math.min(bytes.length - 1, 4096))));
}

/**
 * Parses top-level operations into an implicit module. MLIR offers this only
 * through an entry point that names the source "-", so "-" is renamed to the
 * file name afterwards, in locations and in diagnostics.
 */
function parseImplicit(
  state: ContextState,
  bytes: Uint8Array,
  length: number,
  filename: string,
  name: Uint8Array,
): Module {
  const op = state.callNative(
    () => lib.mlirffi_parse_module_implicit(state.store, bytes, length),
    (diagnostics) => new MlirParseError(`Cannot parse ${filename}.`, diagnostics),
    (d) => renameFile(d, filename),
  );
  if (filename !== IMPLICIT_NAME) {
    const from = encode(IMPLICIT_NAME);
    lib.mlirffi_rename_source(op, from, from.length, name, name.length);
  }
  return new Module(state.newOwner("module", op, "operation"));
}

/**
 * Parses exactly one operation (not wrapped in a module), owned by its handle.
 */
export function parseOperation(state: ContextState, source: string, options?: ParseOptions): Operation {
  state.check("Context");
  const { filename, maxDepth } = checkOptions(options);
  stringArg(source, "parseOperation's source");
  const bytes = sourceBytes(source);
  const length = bytes.length - 1;
  checkSource(bytes, length, filename, maxDepth);
  const name = encode(filename);
  const op = state.callNative(
    () => lib.mlirffi_parse_op(state.store, bytes, length, name, name.length),
    (diagnostics) => new MlirParseError(`Cannot parse ${filename} as one operation.`, diagnostics),
  );
  const owner = state.newOwner("operation", op, "operation");
  return state.strategy.operation(owner, op);
}
