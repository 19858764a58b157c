/**
 * mlir-ffi: MLIR for TypeScript on Bun, Deno and Node, over MLIR's C API.
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
  ThreadBound,
} from "./base/mod.ts";
export { Handle } from "./safety/mod.ts";
export {
  AFFINE_LIMITS,
  AffineAddExpr,
  AffineBinaryExpr,
  AffineCeilDivExpr,
  AffineConstantExpr,
  AffineDimExpr,
  AffineExpr,
  AffineFloorDivExpr,
  AffineMap,
  AffineMapAttr,
  AffineModExpr,
  AffineMulExpr,
  type AffineOperand,
  AffineSymbolExpr,
  ArrayAttr,
  Attribute,
  AttributeMap,
  Block,
  BlockArgument,
  BoolAttr,
  ComplexType,
  DenseArrayAttr,
  type DenseArrayData,
  DenseElementsAttr,
  DenseResourceElementsAttr,
  DictionaryAttr,
  type Dim,
  type ElementArray,
  FlatSymbolRefAttr,
  FLOAT_TYPES,
  FloatAttr,
  FloatType,
  type FloatTypeName,
  FunctionType,
  HandleList,
  IndexType,
  InsertionPoint,
  IntegerAttr,
  IntegerSet,
  IntegerSetAttr,
  type IntegerSetConstraint,
  IntegerType,
  Location,
  type LocationKind,
  MAX_INTEGER_WIDTH,
  MemRefType,
  Module,
  NoneType,
  OpaqueAttr,
  OpaqueType,
  Operation,
  OpView,
  type OpViewClass,
  opViewClass,
  registerOpView,
  type OperationSpec,
  OpOperand,
  OpResult,
  type PrintOptions,
  RankedTensorType,
  Region,
  ShapedType,
  type Signedness,
  StridedLayoutAttr,
  StringAttr,
  SymbolRefAttr,
  SymbolTable,
  TupleType,
  Type,
  TypeAttr,
  Uniqued,
  UnitAttr,
  UnrankedMemRefType,
  UnrankedTensorType,
  Value,
  VectorType,
  type Visibility,
  type WalkOptions,
  type WalkResult,
  type WalkStatus,
} from "./ir/mod.ts";
export { DEFAULT_MAX_NESTING_DEPTH, type ParseOptions } from "./text/mod.ts";
export {
  applyPatternsGreedily,
  FrozenRewritePatternSet,
  type GreedyRewriteConfig,
  type IRPrintingOptions,
  OpPassManager,
  type PassContext,
  type PassFunction,
  PassManager,
  type PassOptions,
  PatternError,
  type PatternFunction,
  PatternRewriter,
  type PDLFunction,
  PDLModule,
  PDLResultList,
  type PDLValue,
  RewritePatternSet,
  type TypeScriptPassOptions,
  walkAndApplyPatterns,
} from "./passes/mod.ts";
export {
  ExecutionEngine,
  type ExecutionEngineOptions,
  type JitArgument,
  type JitResult,
  LOWER_TO_LLVM,
  type MemRefArgument,
} from "./jit/mod.ts";
export { Context, type ContextOptions, DEFAULT_STRATEGY } from "./context.ts";
export { DiagnosticHandler, type DiagnosticHandlerFunction } from "./ir/diagnostic_handlers.ts";
export { STRATEGIES, type StrategyName } from "../strategies/mod.ts";
