/**
 * The named accessors of the generated op classes: an operand, result,
 * region or successor group found by its index in ODS order, sized as ODS
 * sizes it (all fixed; one variable group taking the rest; equal shares
 * under SameVariadicOperandSize; or the `operandSegmentSizes` attribute),
 * and inherent attributes by name. Every read goes through the view's
 * operation handle, so a view of an erased op throws `InvalidHandleError`.
 *
 * @module
 */
import { StructuralError } from "../../base/errors.ts";
import type { Attribute } from "../../ir/attribute.ts";
import { DenseArrayAttr } from "../../ir/attributes/elements.ts";
import type { Block } from "../../ir/block.ts";
import type { OpView } from "../../ir/op_view.ts";
import type { Region } from "../../ir/region.ts";
import type { OpResult, Value } from "../../ir/value.ts";
import type { SchemaClass } from "./build.ts";
import type { Arity, OpSchema } from "./schema.ts";

function schemaOf(view: OpView): OpSchema {
  return (view.constructor as SchemaClass)._schema;
}

/** `[start, size]` of group `index` among `total` values. */
function span(
  view: OpView,
  arities: readonly Arity[],
  mode: "attribute" | "same" | undefined,
  attr: string,
  index: number,
  total: number,
): [number, number] {
  let variable = 0;
  for (const a of arities) if (a !== 1) variable++;
  if (variable === 0) return [index, 1];
  if (mode === "attribute") {
    const sizes = view.operation.attributes.get(attr);
    if (!(sizes instanceof DenseArrayAttr)) {
      throw new StructuralError(`'${view.operation.name}' has no ${attr} attribute to find its groups by.`);
    }
    const n = Array.from(sizes.toArray() as Int32Array);
    let start = 0;
    for (let i = 0; i < index; i++) start += n[i] ?? 0;
    return [start, n[index] ?? 0];
  }
  const fixed = arities.length - variable;
  const share = Math.max(0, Math.floor((total - fixed) / variable));
  let start = 0;
  for (let i = 0; i < index; i++) start += arities[i] === 1 ? 1 : share;
  return [start, arities[index] === 1 ? 1 : share];
}

function slice<T>(list: { at(index: number): T | undefined }, [start, size]: [number, number]): T[] {
  const out: T[] = [];
  for (let i = 0; i < size; i++) out.push(list.at(start + i)!);
  return out;
}

function operandSpan(view: OpView, index: number): [number, number] {
  const s = schemaOf(view);
  return span(view, s.operands, s.operandSegments, "operandSegmentSizes", index, view.operation.numOperands);
}

function resultSpan(view: OpView, index: number): [number, number] {
  const s = schemaOf(view);
  return span(view, s.results, s.resultSegments, "resultSegmentSizes", index, view.operation.numResults);
}

/** Operand group `index`, a single operand. */
export function operand(view: OpView, index: number): Value {
  return slice(view.operation.operands, operandSpan(view, index))[0]!;
}

/** Operand group `index`, an optional operand. */
export function optionalOperand(view: OpView, index: number): Value | null {
  return slice(view.operation.operands, operandSpan(view, index))[0] ?? null;
}

/** Operand group `index`, a variadic operand. */
export function variadicOperand(view: OpView, index: number): Value[] {
  return slice(view.operation.operands, operandSpan(view, index));
}

/** Operand group `index`, a VariadicOfVariadic operand split by `attr`. */
export function nestedOperand(view: OpView, index: number, attr: string): Value[][] {
  const all = variadicOperand(view, index);
  const sizes = view.operation.attributes.get(attr);
  if (!(sizes instanceof DenseArrayAttr)) return [all];
  let at = 0;
  return Array.from(sizes.toArray() as Int32Array, (n) => all.slice(at, (at += n)));
}

/** Result group `index`, a single result. */
export function result(view: OpView, index: number): OpResult {
  return slice(view.operation.results, resultSpan(view, index))[0]!;
}

/** Result group `index`, an optional result. */
export function optionalResult(view: OpView, index: number): OpResult | null {
  return slice(view.operation.results, resultSpan(view, index))[0] ?? null;
}

/** Result group `index`, a variadic result. */
export function variadicResult(view: OpView, index: number): OpResult[] {
  return slice(view.operation.results, resultSpan(view, index));
}

/** A required inherent attribute (StructuralError when the op lacks it). */
export function attribute(view: OpView, name: string): Attribute {
  const a = view.operation.attributes.get(name);
  if (a === undefined) throw new StructuralError(`'${view.operation.name}' has no '${name}' attribute.`);
  return a;
}

/** An optional inherent attribute, or null. */
export function optionalAttribute(view: OpView, name: string): Attribute | null {
  return view.operation.attributes.get(name) ?? null;
}

/** A unit attribute: whether it is present. */
export function unitAttribute(view: OpView, name: string): boolean {
  return view.operation.attributes.has(name);
}

/** Region `index` (regions before it are single; a variadic group comes last in ODS). */
export function region(view: OpView, index: number): Region {
  return view.operation.regions.at(index)!;
}

/** The variadic region group starting at `index`: every region from there on. */
export function variadicRegion(view: OpView, index: number): Region[] {
  return view.operation.regions.toArray().slice(index);
}

/** Successor `index`. */
export function successor(view: OpView, index: number): Block {
  return view.operation.successors.at(index)!;
}

/** The variadic successor group starting at `index`. */
export function variadicSuccessor(view: OpView, index: number): Block[] {
  return view.operation.successors.toArray().slice(index);
}
