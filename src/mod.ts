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
export { ArrayAttr, DictionaryAttr } from "./attributes/containers.ts";
export {
  DenseArrayAttr,
  type DenseArrayData,
  DenseElementsAttr,
  DenseResourceElementsAttr,
  type ElementArray,
} from "./attributes/elements.ts";
export { AffineMapAttr, StridedLayoutAttr } from "./attributes/layout.ts";
export { OpaqueAttr } from "./attributes/opaque.ts";
export { BoolAttr, FloatAttr, IntegerAttr, StringAttr, TypeAttr, UnitAttr } from "./attributes/scalar.ts";
export { FlatSymbolRefAttr, SymbolRefAttr } from "./attributes/symbol_ref.ts";
export { AttributeMap } from "./attribute_map.ts";
export { Block } from "./block.ts";
export type { OperationSpec } from "./build.ts";
export { InsertionPoint } from "./insertion_point.ts";
export { SymbolTable, type Visibility } from "./symbol_table.ts";
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
export {
  ExecutionEngine,
  ExecutionEngineError,
  type ExecutionEngineOptions,
  type JitArgument,
  type JitResult,
  LOWER_TO_LLVM,
  type MemRefArgument,
} from "./execution_engine.ts";
export { type Family, Handle, type TrackedHandle } from "./handle.ts";
export { ThreadBound } from "./thread_bound.ts";
export { Uniqued } from "./uniqued.ts";
export { HandleList } from "./list.ts";
export { Location, type LocationKind } from "./location.ts";
export { Module } from "./module.ts";
export { Operation } from "./operation.ts";
export { DEFAULT_MAX_NESTING_DEPTH, type ParseOptions } from "./parse.ts";
export { type IRPrintingOptions, OpPassManager, PassManager, type PassOptions } from "./pass_manager.ts";
export type { PrintOptions } from "./print.ts";
export { Region } from "./region.ts";
export { Type } from "./type.ts";
export { ComplexType, FunctionType, TupleType } from "./types/composite.ts";
export { FLOAT_TYPES, FloatType, type FloatTypeName } from "./types/float.ts";
export { IndexType, IntegerType, MAX_INTEGER_WIDTH, NoneType, type Signedness } from "./types/integer.ts";
export { OpaqueType } from "./types/opaque.ts";
export {
  type Dim,
  MemRefType,
  RankedTensorType,
  ShapedType,
  UnrankedMemRefType,
  UnrankedTensorType,
  VectorType,
} from "./types/shaped.ts";
export { BlockArgument, OpOperand, OpResult, Value } from "./value.ts";
export type { WalkOptions, WalkResult, WalkStatus } from "./walk.ts";
export { STRATEGIES, type StrategyName } from "../strategies/mod.ts";
