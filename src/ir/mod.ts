/**
 * The IR layer: operations, blocks, regions, values, types, attributes,
 * affine expressions, maps and sets, locations, modules, symbol tables,
 * walks, insertion points and building operations, dialect registries,
 * op interfaces and thread pools, plus what ties them to a
 * context: the context state (its strategy, caches and diagnostics), the
 * ownership events every mutation goes through, and the factories that tell
 * the strategies which classes to make.
 *
 * May import: `src/base/`, `src/ffi/`, `src/safety/`, `strategies/`; and,
 * for types only, `src/context.ts` (handles name their Context).
 *
 * @module
 */
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
  AffineModExpr,
  AffineMulExpr,
  type AffineOperand,
  AffineSymbolExpr,
  IntegerSet,
  type IntegerSetConstraint,
} from "./affine/mod.ts";
export { Attribute } from "./attribute.ts";
export {
  AffineMapAttr,
  ArrayAttr,
  BoolAttr,
  DenseArrayAttr,
  type DenseArrayData,
  DenseElementsAttr,
  DenseResourceElementsAttr,
  DictionaryAttr,
  type ElementArray,
  FlatSymbolRefAttr,
  FloatAttr,
  IntegerAttr,
  IntegerSetAttr,
  OpaqueAttr,
  StridedLayoutAttr,
  StringAttr,
  SymbolRefAttr,
  TypeAttr,
  UnitAttr,
} from "./attributes/mod.ts";
export { AttributeMap } from "./attribute_map.ts";
export { Block } from "./block.ts";
export { DialectRegistry } from "./dialect_registry.ts";
export {
  implementsInterface,
  type InferenceInputs,
  InferShapedTypeOpInterface,
  InferTypeOpInterface,
  type OpInterfaceName,
  type ShapedTypeComponents,
} from "./interfaces.ts";
export type { OperationSpec } from "./create_operation.ts";
export { InsertionPoint } from "./insertion_point.ts";
export { SymbolTable, type Visibility } from "./symbol_table.ts";
export { Uniqued } from "./uniqued.ts";
export { HandleList } from "./handle_list.ts";
export { OperandList } from "./operand_list.ts";
export { Location, type LocationKind } from "./location.ts";
export { Module } from "./module.ts";
export { Operation } from "./operation.ts";
export { OpView, type OpViewClass, opViewClass, registerOpView } from "./op_view.ts";
export type { PrintOptions } from "./print_options.ts";
export { Region } from "./region.ts";
export { ThreadPool } from "./thread_pool.ts";
export { Type } from "./type.ts";
export { TypeID } from "./type_id.ts";
export { registerTypeCaster, type TypeCaster, type TypeCasterOptions, TypeCasterRegistration } from "./type_casters.ts";
export {
  ComplexType,
  type Dim,
  FLOAT_TYPES,
  FloatType,
  type FloatTypeName,
  FunctionType,
  IndexType,
  IntegerType,
  MAX_INTEGER_WIDTH,
  MemRefType,
  NoneType,
  OpaqueType,
  RankedTensorType,
  ShapedType,
  type Signedness,
  TupleType,
  UnrankedMemRefType,
  UnrankedTensorType,
  VectorType,
} from "./types/mod.ts";
// Dialect types and attributes (mlir-c/Dialect/*.h).
export {
  AMDGPUTDMBaseType,
  AMDGPUTDMDescriptorType,
  AMDGPUTDMGatherBaseType,
  AnyQuantizedType,
  CalibratedQuantizedType,
  ComplexNumberAttr,
  EmitCArrayType,
  EmitCLValueType,
  EmitCOpaqueAttr,
  EmitCOpaqueType,
  EmitCPointerType,
  EmitCPtrDiffTType,
  EmitCSignedSizeTType,
  EmitCSizeTType,
  GPUAsyncTokenType,
  GPUObjectAttr,
  type GPUObjectFormat,
  type GPUObjectOptions,
  LLVMArrayType,
  LLVMFunctionType,
  LLVMPointerType,
  type LLVMStructOptions,
  LLVMStructType,
  LLVMVoidType,
  MAX_QUANT_STORAGE_BITS,
  NVGPUTensorMapDescriptorType,
  type NVGPUTensorMapInterleave,
  type NVGPUTensorMapL2Promo,
  type NVGPUTensorMapOOB,
  type NVGPUTensorMapOptions,
  type NVGPUTensorMapSwizzle,
  PDLAttributeType,
  PDLOperationType,
  PDLRangeType,
  type PDLRangeElementType,
  PDLTypeType,
  PDLValueType,
  QuantizedType,
  type QuantStorageOptions,
  SparseTensorEncodingAttr,
  type SparseTensorEncodingOptions,
  type SparseTensorLevelFormat,
  type SparseTensorLevelProperty,
  TransformAnyOpType,
  TransformAnyParamType,
  TransformAnyValueType,
  TransformOperationType,
  TransformParamType,
  UniformQuantizedPerAxisType,
  UniformQuantizedSubChannelType,
  UniformQuantizedType,
} from "./dialect/mod.ts";
export { BlockArgument, OpOperand, OpResult, Value } from "./value.ts";
export type { WalkOptions, WalkResult, WalkStatus } from "./walk.ts";
