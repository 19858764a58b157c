/**
 * The `llvm` dialect: the generated op classes and builders, and its types
 * under the names upstream's Python module gives them (`llvm.PointerType`,
 * `llvm.StructType`, ...), so ported code reads the same. The package root
 * exports the same classes with an `LLVM` prefix (`LLVMPointerType`).
 *
 * @example
 * ```ts
 * import { Context } from "../mod.ts";
 * import * as llvm from "./llvm.ts";
 * using ctx = new Context();
 * console.log(llvm.PointerType.get(ctx).toString()); // !llvm.ptr
 * ```
 *
 * @module
 */
export * from "./generated/llvm.ts";
export {
  LLVMArrayType as ArrayType,
  LLVMFunctionType as FunctionType,
  LLVMPointerType as PointerType,
  type LLVMStructOptions as StructOptions,
  LLVMStructType as StructType,
  LLVMVoidType as VoidType,
} from "../ir/dialect/llvm.ts";
