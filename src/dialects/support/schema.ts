/**
 * The schema the generator writes for each op class: its operand and result
 * groups, attributes, regions and successors as ODS defines them. The
 * builders and the accessors read it; nothing else does.
 *
 * @module
 */
import type { AttrKind } from "./attribute_values.ts";

/**
 * How many values an operand or result group holds: `1` one, `"?"` zero or
 * one, `"*"` any number, `"**"` a list of lists (VariadicOfVariadic).
 */
export type Arity = 1 | "?" | "*" | "**";

/** One op's ODS structure. */
export interface OpSchema {
  /** `dialect.op`. */
  readonly name: string;
  readonly operands: readonly Arity[];
  readonly results: readonly Arity[];
  /**
   * How variable-length groups are sized: from the `operandSegmentSizes`
   * (`resultSegmentSizes`) attribute, equally (SameVariadicOperandSize), or,
   * with at most one variable group, from the count.
   */
  readonly operandSegments?: "attribute" | "same";
  readonly resultSegments?: "attribute" | "same";
  /** VariadicOfVariadic operand groups: group index → the attribute holding the inner sizes. */
  readonly nestedSegments?: Readonly<Record<number, string>>;
  /** Inherent attributes by ODS name. */
  readonly attributes: Readonly<Record<string, AttrKind>>;
  /** Attributes the builder must be given. */
  readonly required?: readonly string[];
  /** One entry per region group: true when variadic. */
  readonly regions?: readonly boolean[];
  /** One entry per successor group: true when variadic. */
  readonly successors?: readonly boolean[];
  /** Where result types come from when not given. */
  readonly inference?: "sameAsFirstOperand" | "firstAttribute" | "interface";
  /** A Linalg named op: its body is built from its definition (see named_region.ts). */
  readonly builtinRegion?: true;
}
