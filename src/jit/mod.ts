/**
 * The JIT: MLIR's execution engine over a module lowered to the LLVM
 * dialect, invoking functions with scalars and typed-array memrefs.
 *
 * May import: everything below it (`src/base/` through `src/ir/`); and, for
 * types only, `src/context.ts`.
 *
 * @module
 */
export {
  ExecutionEngine,
  type ExecutionEngineOptions,
  type JitArgument,
  type JitResult,
  LOWER_TO_LLVM,
  type MemRefArgument,
} from "./execution_engine.ts";
