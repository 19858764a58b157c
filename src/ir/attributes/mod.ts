/**
 * The builtin attributes as classes (`IntegerAttr`, `DenseElementsAttr`, ...),
 * and the table (`wrap.ts`) that gives an attribute read from the IR its most
 * specific class.
 *
 * May import: what `src/ir/` may, and `src/ir/` itself (the Attribute base).
 *
 * @module
 */
export { ArrayAttr, DictionaryAttr } from "./containers.ts";
export {
  DenseArrayAttr,
  type DenseArrayData,
  DenseElementsAttr,
  DenseResourceElementsAttr,
  type ElementArray,
} from "./elements.ts";
export { AffineMapAttr, IntegerSetAttr, StridedLayoutAttr } from "./layout.ts";
export { OpaqueAttr } from "./opaque.ts";
export { BoolAttr, FloatAttr, IntegerAttr, StringAttr, TypeAttr, UnitAttr } from "./scalar.ts";
export { FlatSymbolRefAttr, SymbolRefAttr } from "./symbol_ref.ts";
