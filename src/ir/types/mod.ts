/**
 * The builtin types as classes (`IntegerType`, `RankedTensorType`, ...), and
 * the table (`wrap.ts`) that gives a type read from the IR its most specific
 * class.
 *
 * May import: what `src/ir/` may, and `src/ir/` itself (the Type base).
 *
 * @module
 */
export { ComplexType, FunctionType, TupleType } from "./composite.ts";
export { FLOAT_TYPES, FloatType, type FloatTypeName } from "./float.ts";
export { IndexType, IntegerType, MAX_INTEGER_WIDTH, NoneType, type Signedness } from "./integer.ts";
export { OpaqueType } from "./opaque.ts";
export {
  type Dim,
  MemRefType,
  RankedTensorType,
  ShapedType,
  UnrankedMemRefType,
  UnrankedTensorType,
  VectorType,
} from "./shaped.ts";
