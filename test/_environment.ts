/**
 * Stops a test file at load, with the loader's own message, when the native
 * library cannot be had on this machine (no MLIR 22 and no root to install
 * it, a wrong `MLIR_PREFIX`, no network for apt-get). Every test file
 * imports `@std/assert` (test/_assert.ts), which imports this: a machine
 * without MLIR then gets one message per file saying what to install or set,
 * not one failure per test. The build runs once per run (src/ffi/load.ts).
 *
 * @module
 */
import { lib } from "../src/ffi/load.ts";

// The first use of an unavailable library throws its NativeLibraryError.
lib.mlirffi_abi_version();
