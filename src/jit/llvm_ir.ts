/**
 * Translating a module to LLVM IR text: what the execution engine compiles,
 * for reading or for LLVM's own tools (`llc`, `opt`). MLIR 22's C API has
 * `mlirTranslateModuleToLLVMIRToString`, which prints a null module (and
 * crashes) when translation fails; the shim translates first and prints
 * only a module it got.
 *
 * @module
 */
import { argumentError, boolArg, optionsArg } from "../base/args.ts";
import { ExecutionEngineError } from "../base/errors.ts";
import { lib } from "../ffi/load.ts";
import { takeText, TEXT, TEXT_CAP } from "../ffi/text.ts";
import { stateOf } from "../ir/context_state.ts";
import { Module } from "../ir/module.ts";
import { lowerToLLVM } from "./_lowering.ts";

/** Options for {@linkcode translateModuleToLLVMIR}. */
export interface TranslateOptions {
  /**
   * Lower a copy of the module with the execution engine's pipeline
   * (`LOWER_TO_LLVM`) first (default true); with false the module must
   * already be in the LLVM dialect.
   */
  readonly lower?: boolean;
}

/**
 * The LLVM IR of `module`, as text. The module itself is not changed.
 * Python: `mlir._mlir_libs._mlir.translate_module_to_llvm_ir`.
 *
 * @example
 * ```ts
 * import { Context, translateModuleToLLVMIR } from "../mod.ts";
 * using ctx = new Context();
 * using mod = ctx.parseModule("func.func @add(%a: i32, %b: i32) -> i32 {\n %0 = arith.addi %a, %b : i32\n return %0 : i32\n}");
 * console.log(translateModuleToLLVMIR(mod).includes("define i32 @add(i32 %0, i32 %1)")); // true
 * ```
 */
export function translateModuleToLLVMIR(module: Module, options?: TranslateOptions): string {
  if (!(module instanceof Module)) throw argumentError("translateModuleToLLVMIR's module", "a Module", module);
  const lower = boolArg(optionsArg(options, "translateModuleToLLVMIR's options").lower, true, "translateModuleToLLVMIR option 'lower'");
  const root = module.operation;
  const state = stateOf(root._owner);
  const copy = root.clone();
  try {
    if (lower) lowerToLLVM(state, copy);
    const len = state.callNative(
      () => lib.mlirffi_translate_to_llvm_ir(state.store, copy._live(), TEXT, TEXT_CAP),
      (diagnostics) =>
        new ExecutionEngineError(
          "Cannot translate the module to LLVM IR: it must be fully in the LLVM dialect (lower it, or pass lower: true).",
          diagnostics,
        ),
    );
    return takeText(len);
  } finally {
    copy.dispose();
  }
}
