/**
 * What the generated dialect modules are written against: the view base
 * class and its registry, the schema types, the builder, the accessors, and
 * the IR types that appear in their signatures. Generated code imports this
 * module as `$` and nothing else, so the generated text stays small and the
 * machinery stays hand-written and tested here.
 *
 * @module
 */
export { OpView, registerOpView } from "../../ir/op_view.ts";
export type { AffineMap } from "../../ir/affine/map.ts";
export type { IntegerSet } from "../../ir/affine/integer_set.ts";
export type { Attribute } from "../../ir/attribute.ts";
export type { Block } from "../../ir/block.ts";
export type { Region } from "../../ir/region.ts";
export type { Type } from "../../ir/type.ts";
export type { OpResult, Value } from "../../ir/value.ts";
export type { AttrKind } from "./attribute_values.ts";
export type { Arity, OpSchema } from "./schema.ts";
export { type BuildOptions, buildOp, type BuildParts, type SchemaClass } from "./build.ts";
export {
  attribute,
  nestedOperand,
  operand,
  optionalAttribute,
  optionalOperand,
  optionalResult,
  region,
  result,
  successor,
  unitAttribute,
  variadicOperand,
  variadicRegion,
  variadicResult,
  variadicSuccessor,
} from "./accessors.ts";
