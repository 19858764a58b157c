/**
 * The `pdl` dialect: the generated op classes and builders, and its types
 * under the names upstream's Python module gives them (`pdl.OperationType`,
 * `pdl.RangeType`, ...); the package root exports them with a `PDL` prefix.
 *
 * @example
 * ```ts
 * import { Context } from "../mod.ts";
 * import * as pdl from "./pdl.ts";
 * using ctx = new Context();
 * console.log(pdl.RangeType.get(pdl.ValueType.get(ctx)).toString()); // !pdl.range<value>
 * ```
 *
 * @module
 */
export * from "./generated/pdl.ts";
export {
  PDLAttributeType as AttributeType,
  PDLOperationType as OperationType,
  PDLRangeType as RangeType,
  PDLTypeType as TypeType,
  PDLValueType as ValueType,
} from "../ir/dialect/pdl.ts";
