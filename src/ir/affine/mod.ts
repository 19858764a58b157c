/**
 * Affine expressions, maps and integer sets, as MLIR's Python bindings have
 * them (`AffineExpr` and its kinds, `AffineMap`, `IntegerSet`): enough to
 * write `linalg` indexing maps and `affine` conditions without text. They
 * are uniqued in their context like types and attributes (`Uniqued`), so
 * they live until the context is disposed and are compared with `equals`.
 *
 * May import: what `src/ir/` may, and `src/ir/` itself (`Uniqued`, the
 * context state).
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
  AffineModExpr,
  AffineMulExpr,
  type AffineOperand,
  AffineSymbolExpr,
} from "./expr.ts";
export { AffineMap } from "./map.ts";
export { IntegerSet, type IntegerSetConstraint } from "./integer_set.ts";
