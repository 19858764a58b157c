/**
 * Lowering a module to the LLVM dialect with the standard pipeline, shared
 * by the execution engine and the LLVM IR translation. Private to the JIT
 * folder.
 *
 * @module
 */
import { ExecutionEngineError, type MlirError } from "../base/errors.ts";
import type { ContextState } from "../ir/context_state.ts";
import type { Operation } from "../ir/operation.ts";

/** The pipeline that lowers func/arith/math/scf/cf/memref/affine/linalg-on-buffers to LLVM. */
export const LOWER_TO_LLVM: string = "builtin.module(" + [
  "func.func(convert-linalg-to-loops)",
  "lower-affine",
  "convert-scf-to-cf",
  "expand-strided-metadata",
  "lower-affine",
  "finalize-memref-to-llvm",
  "convert-math-to-llvm",
  "convert-arith-to-llvm",
  "convert-index-to-llvm",
  "convert-cf-to-llvm",
  "convert-func-to-llvm",
  "reconcile-unrealized-casts",
].join(",") + ")";

/** Lowers `module` in place with {@linkcode LOWER_TO_LLVM}; ExecutionEngineError when it cannot. */
export function lowerToLLVM(state: ContextState, module: Operation): void {
  const pm = (state.api as { passManager(p: string): { run(op: Operation): void; dispose(): void } }).passManager(LOWER_TO_LLVM);
  try {
    pm.run(module);
  } catch (e) {
    throw new ExecutionEngineError(
      "Cannot lower the module to the LLVM dialect with the standard pipeline (func, arith, math, scf, cf, memref, affine and linalg on buffers). Lower it yourself and pass lower: false.",
      (e as MlirError).diagnostics ?? [],
      { cause: e },
    );
  } finally {
    pm.dispose();
  }
}
