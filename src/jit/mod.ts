/**
 * The JIT: MLIR's execution engine over a module lowered to the LLVM
 * dialect, invoking functions with scalars and typed-array memrefs, memref
 * results and JS host functions; and translating a module to LLVM IR text.
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
  type JitScalar,
  LOWER_TO_LLVM,
  type MemRefArgument,
  type MemRefResult,
} from "./execution_engine.ts";
export { type HostFunction, type HostSignature, type HostType } from "./host_functions.ts";
export { translateModuleToLLVMIR, type TranslateOptions } from "./llvm_ir.ts";
