/**
 * mlir-ffi: MLIR for TypeScript on Bun and Deno, over MLIR's C API.
 *
 * Handles to native IR objects never crash the process: a handle whose object
 * is gone throws {@linkcode InvalidHandleError} naming why. How handles are
 * made is pluggable (`new Context({ strategy })`): `interned`, `weak` or
 * `ephemeral`, with the same API and the same safety.
 *
 * @example
 * ```ts
 * import { Context } from "./mod.ts";
 * using ctx = new Context();
 * using mod = ctx.parseModule(`func.func @add(%a: i32, %b: i32) -> i32 {
 *   %0 = arith.addi %a, %b : i32
 *   return %0 : i32
 * }`);
 * mod.operation.walk((op) => console.log(op.name));
 * ```
 *
 * @module
 */
export { Attribute } from "./attribute.ts";
export { AttributeMap } from "./attribute_map.ts";
export { Block } from "./block.ts";
export { Context, type ContextOptions, DEFAULT_STRATEGY } from "./context.ts";
export {
  ArgumentError,
  type Diagnostic,
  formatDiagnostic,
  InvalidHandleError,
  type InvalidReason,
  MlirError,
  MlirParseError,
  MlirVerificationError,
  NativeLibraryError,
  PassFailureError,
  PassPipelineError,
  type Severity,
  StructuralError,
} from "./errors.ts";
export { Handle } from "./handle.ts";
export { HandleList } from "./list.ts";
export { Location } from "./location.ts";
export { Module } from "./module.ts";
export { Operation } from "./operation.ts";
export { DEFAULT_MAX_NESTING_DEPTH, type ParseOptions } from "./parse.ts";
export { PassManager } from "./pass_manager.ts";
export type { PrintOptions } from "./print.ts";
export { Region } from "./region.ts";
export { Type } from "./type.ts";
export { BlockArgument, OpOperand, OpResult, Value } from "./value.ts";
export type { WalkOptions, WalkResult, WalkStatus } from "./walk.ts";
export { STRATEGIES, type StrategyName } from "../strategies/mod.ts";
