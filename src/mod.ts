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
export { Attribute } from "./ir/attribute.ts";
export { ArrayAttr, DictionaryAttr } from "./ir/attributes/containers.ts";
export {
  DenseArrayAttr,
  type DenseArrayData,
  DenseElementsAttr,
  DenseResourceElementsAttr,
  type ElementArray,
} from "./ir/attributes/elements.ts";
export { AffineMapAttr, StridedLayoutAttr } from "./ir/attributes/layout.ts";
export { OpaqueAttr } from "./ir/attributes/opaque.ts";
export { BoolAttr, FloatAttr, IntegerAttr, StringAttr, TypeAttr, UnitAttr } from "./ir/attributes/scalar.ts";
export { FlatSymbolRefAttr, SymbolRefAttr } from "./ir/attributes/symbol_ref.ts";
export { AttributeMap } from "./ir/attribute_map.ts";
export { Block } from "./ir/block.ts";
export type { OperationSpec } from "./ir/create_operation.ts";
export { InsertionPoint } from "./ir/insertion_point.ts";
export { SymbolTable, type Visibility } from "./ir/symbol_table.ts";
export { Context, type ContextOptions, DEFAULT_STRATEGY } from "./context.ts";
export {
  ArgumentError,
  type ArgumentProblem,
  type Diagnostic,
  ExecutionEngineError,
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
} from "./base/errors.ts";
export {
  ExecutionEngine,
  type ExecutionEngineOptions,
  type JitArgument,
  type JitResult,
  LOWER_TO_LLVM,
  type MemRefArgument,
} from "./jit/execution_engine.ts";
export { Handle } from "./safety/handle.ts";
export { ThreadBound } from "./base/thread_bound.ts";
export { Uniqued } from "./ir/uniqued.ts";
export { HandleList } from "./ir/handle_list.ts";
export { Location, type LocationKind } from "./ir/location.ts";
export { Module } from "./ir/module.ts";
export { Operation } from "./ir/operation.ts";
export { DEFAULT_MAX_NESTING_DEPTH, type ParseOptions } from "./text/parse.ts";
export { type IRPrintingOptions, OpPassManager, PassManager, type PassOptions } from "./passes/pass_manager.ts";
export type { PrintOptions } from "./ir/print_options.ts";
export { Region } from "./ir/region.ts";
export { Type } from "./ir/type.ts";
export { ComplexType, FunctionType, TupleType } from "./ir/types/composite.ts";
export { FLOAT_TYPES, FloatType, type FloatTypeName } from "./ir/types/float.ts";
export { IndexType, IntegerType, MAX_INTEGER_WIDTH, NoneType, type Signedness } from "./ir/types/integer.ts";
export { OpaqueType } from "./ir/types/opaque.ts";
export {
  type Dim,
  MemRefType,
  RankedTensorType,
  ShapedType,
  UnrankedMemRefType,
  UnrankedTensorType,
  VectorType,
} from "./ir/types/shaped.ts";
export { BlockArgument, OpOperand, OpResult, Value } from "./ir/value.ts";
export type { WalkOptions, WalkResult, WalkStatus } from "./ir/walk.ts";
export { STRATEGIES, type StrategyName } from "../strategies/mod.ts";
