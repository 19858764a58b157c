/**
 * Finds, builds when needed, opens and checks the native library, and exports
 * the bound symbols as `lib`.
 *
 * Lookup order: `$MLIR_FFI_LIB`, then `build/libmlirffi.so` in this package.
 * In a source checkout the library is (re)built by `native/build.sh` when it
 * is missing or older than its sources, unless `MLIR_FFI_NO_BUILD=1`.
 *
 * @module
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import process from "node:process";
import { fileURLToPath } from "node:url";
import { NativeLibraryError, type NativeLibraryReason } from "../base/errors.ts";
import { runtime } from "./runtime.ts";
import {
  ABI_VERSION,
  type Binding,
  type HostKind,
  MLIR_MAJOR,
  type NativeLibrary,
  type Signature,
  symbols,
} from "./symbols.ts";

/** Source files end in .ts; the npm build (dist/) is .js. */
const built = !import.meta.url.endsWith(".ts");

/** The package root: two levels up from src/ffi/, one up from dist/. */
const packageRoot = fileURLToPath(new URL(built ? "../" : "../../", import.meta.url));
const buildScript = join(packageRoot, "native", "build.sh");
const HOW_TO_BUILD = `Build it with \`bash ${buildScript}\` (needs MLIR ${MLIR_MAJOR}: \`apt-get install libmlir-${MLIR_MAJOR}-dev mlir-${MLIR_MAJOR}-tools\`), ` +
  "or set MLIR_FFI_LIB to a libmlirffi.so built for this version.";

function newestSourceTime(): number {
  const dir = join(packageRoot, "native", "src");
  let newest = statSync(buildScript).mtimeMs;
  for (const name of readdirSync(dir)) newest = Math.max(newest, statSync(join(dir, name)).mtimeMs);
  return newest;
}

/**
 * An error about this machine rather than about the caller's code: its stack
 * would only point into this loader, so it carries none, and a test runner or
 * a CLI prints just the message saying what to install or set.
 */
function environmentError(message: string, reason: NativeLibraryReason, options?: ErrorOptions): NativeLibraryError {
  const error = new NativeLibraryError(message, reason, options);
  error.stack = `${error.name}: ${error.message}`;
  return error;
}

/**
 * A failed build is remembered in the environment, which every isolate of a
 * test run (and every child process) shares: the next import fails at once
 * with the same message instead of running the build (and apt-get) again.
 */
const FAILED_BUILD = "MLIR_FFI_BUILD_FAILED";

function buildIfStale(path: string): void {
  if (process.env.MLIR_FFI_NO_BUILD === "1" || !existsSync(buildScript)) return;
  if (existsSync(path) && statSync(path).mtimeMs >= newestSourceTime()) return;
  const remembered = process.env[FAILED_BUILD];
  if (remembered) throw environmentError(remembered, "build-failed");
  const result = spawnSync("bash", [buildScript], { encoding: "utf8", stdio: ["ignore", "inherit", "pipe"] });
  if (result.status !== 0) {
    // build.sh's own last lines say what to install or set; apt-get's output before them is noise here.
    const said = (result.stderr ?? "").split("\n").filter((l) => l.startsWith("mlir-ffi build: ") || l.startsWith("  "));
    const detail = said.join("\n").trim() || String(result.error ?? `exit status ${result.status}`);
    const message = `The native library could not be built:\n${detail}`;
    process.env[FAILED_BUILD] = message;
    throw environmentError(message, "build-failed");
  }
}

function libraryPath(): string {
  const override = process.env.MLIR_FFI_LIB;
  if (override) {
    if (!existsSync(override)) {
      throw environmentError(`MLIR_FFI_LIB is set to ${override}, which does not exist. ${HOW_TO_BUILD}`, "missing");
    }
    return override;
  }
  const path = join(packageRoot, "build", "libmlirffi.so");
  buildIfStale(path);
  if (!existsSync(path)) throw environmentError(`The native library ${path} is missing. ${HOW_TO_BUILD}`, "missing");
  return path;
}

/** What each runtime's adapter (bun.ts, deno.ts, node.ts) provides. */
interface Adapter {
  openLibrary<T extends Record<string, Signature>>(path: string, table: T): Binding<T>;
  dispatcherPointer(fn: (kind: number, id: number, a: number, b: number) => number): unknown;
  hostCallback(
    fn: (...args: never[]) => unknown,
    parameters: readonly HostKind[],
    result: HostKind | "void",
  ): HostCallback;
  view(pointer: unknown, bytes: number): ArrayBuffer;
}

/** A native function pointer that calls a JS function, until closed. */
export interface HostCallback {
  /** The pointer, as this runtime passes a `pointer` argument. */
  readonly pointer: unknown;
  /** Frees it: only once nothing native can call it any more. */
  close(): void;
}

let adapter_: Adapter | undefined;

async function adapter(): Promise<Adapter> {
  // A specifier computed into a variable keeps each runtime's type checker
  // and the bundler (which would bundle a template literal's matches) away
  // from the other runtime's adapter.
  const specifier = `./${runtime}.${built ? "js" : "ts"}`;
  try {
    adapter_ ??= await import(specifier) as Adapter;
  } catch (cause) {
    // Only Node's adapter has a dependency of its own (koffi, optional).
    const missing = runtime === "node" && (cause as { code?: string }).code === "ERR_MODULE_NOT_FOUND";
    throw environmentError(
      missing
        ? "mlir-ffi on Node needs the koffi package (an optional dependency): `npm install koffi`."
        : `Could not load the ${runtime} FFI adapter: ${(cause as Error).message}`,
      "adapter",
      { cause },
    );
  }
  return adapter_;
}

/** Opens the library at `path` with this runtime's adapter and binds `table`. */
export async function openBinding<T extends Record<string, Signature>>(path: string, table: T): Promise<Binding<T>> {
  return (await adapter()).openLibrary(path, table);
}

/**
 * The runtime's C function pointer for `fn` (see callbacks.ts); throws when
 * the library did not load.
 */
export function dispatcherPointer(fn: (kind: number, id: number, a: number, b: number) => number): unknown {
  if (adapter_ === undefined) throw new NativeLibraryError("The native library is not loaded.", "not-loaded");
  return adapter_.dispatcherPointer(fn);
}

/**
 * A native function pointer with the given scalar signature that calls `fn`
 * synchronously on this thread (JIT host functions). Unlike the dispatcher,
 * it is called by compiled code the caller controls: `fn` must catch
 * everything, as no exception may unwind through native frames.
 */
export function hostCallback(
  fn: (...args: never[]) => unknown,
  parameters: readonly HostKind[],
  result: HostKind | "void",
): HostCallback {
  if (adapter_ === undefined) throw new NativeLibraryError("The native library is not loaded.", "not-loaded");
  return adapter_.hostCallback(fn, parameters, result);
}

/**
 * The `bytes` bytes of native memory at `pointer` (a `pointer` result of the
 * library), viewed in place; throws when the library did not load.
 */
export function nativeView(pointer: unknown, bytes: number): ArrayBuffer {
  if (adapter_ === undefined) throw new NativeLibraryError("The native library is not loaded.", "not-loaded");
  return adapter_.view(pointer, bytes);
}

/** The two functions every libmlirffi has, whatever its ABI. */
const VERSION_SYMBOLS = { mlirffi_abi_version: symbols.mlirffi_abi_version, mlirffi_mlir_version: symbols.mlirffi_mlir_version };

/**
 * Opens the library in two steps: its versions first, so a library built
 * from other sources is reported as that (which ABI it has and how to
 * rebuild) rather than as whichever of our functions it happens to lack;
 * then the whole table.
 */
async function open(path: string): Promise<NativeLibrary> {
  // Outside the catches below: a missing adapter is not a missing MLIR.
  await adapter();
  let versions: Binding<typeof VERSION_SYMBOLS>;
  try {
    versions = await openBinding(path, VERSION_SYMBOLS);
  } catch (cause) {
    const message = (cause as Error).message;
    // The file opened (its dependencies are there) but has no version function.
    // Deno names whichever of the two it registered first.
    if (/mlirffi_(abi|mlir)_version/.test(message)) throw environmentError(`${path} is not a libmlirffi library. ${HOW_TO_BUILD}`, "foreign", { cause });
    throw environmentError(
      `Could not load ${path}: ${message}. Is MLIR ${MLIR_MAJOR} (libmlir-${MLIR_MAJOR}) still installed? ${HOW_TO_BUILD}`,
      "unloadable",
      { cause },
    );
  }
  checkVersions(versions, path);
  try {
    return await openBinding(path, symbols);
  } catch (cause) {
    throw environmentError(
      `${path} has ABI ${ABI_VERSION} but not every function this mlir-ffi needs (${(cause as Error).message}): it was built from other sources. Rebuild it: \`bash ${buildScript} --force\`.`,
      "incomplete",
      { cause },
    );
  }
}

function checkVersions(lib: Binding<typeof VERSION_SYMBOLS>, path: string): void {
  let abi: number;
  try {
    abi = lib.mlirffi_abi_version();
  } catch (cause) {
    throw environmentError(`${path} is not a libmlirffi library. ${HOW_TO_BUILD}`, "foreign", { cause });
  }
  if (abi !== ABI_VERSION) {
    throw environmentError(
      `${path} has native ABI ${abi}, but this version of mlir-ffi needs ABI ${ABI_VERSION}. Rebuild it: \`bash ${buildScript} --force\`.`,
      "abi-mismatch",
    );
  }
  const mlir = lib.mlirffi_mlir_version();
  if (mlir !== MLIR_MAJOR) {
    throw environmentError(
      `${path} was built against MLIR ${mlir}, but mlir-ffi needs MLIR ${MLIR_MAJOR}. ${HOW_TO_BUILD}`,
      "mlir-mismatch",
    );
  }
}

async function load(): Promise<NativeLibrary> {
  if (runtime === "unsupported") {
    throw environmentError("mlir-ffi runs on Bun, Deno and Node, which provide a foreign function interface.", "unsupported");
  }
  if (process.platform !== "linux") {
    throw environmentError(`mlir-ffi supports Linux only for now (this is ${process.platform}).`, "unsupported");
  }
  const path = libraryPath();
  const lib = await open(path);
  libraryPath_ = path;
  return lib;
}

/**
 * Stands in for a library that failed to load: importing mlir-ffi never
 * throws, and the first use of any native function throws the load error,
 * which the caller can catch.
 */
function unavailable(error: unknown): NativeLibrary {
  return new Proxy({} as NativeLibrary, {
    get(_, name) {
      // `await` asks any value for `then`; the stand-in is not a promise.
      if (name === "then") return undefined;
      throw error;
    },
  });
}

/** The path of the library in use (empty when loading failed). */
export let libraryPath_ = "";

export const lib: NativeLibrary = await load().catch(unavailable);
