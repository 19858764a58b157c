/**
 * Wrapping native types and attributes in their most specific classes,
 * late-bound: the class tables live in types/wrap.ts and attributes/wrap.ts,
 * which import every subclass, and the base classes need to wrap without
 * importing their own subclasses (an import cycle that would leave a base
 * class undefined while a subclass is being defined). Wrappers are cached
 * per context (ContextState.attributes and .types), so reading the same
 * attribute again costs a map lookup.
 *
 * @module
 */
import type { Attribute } from "./attribute.ts";
import type { ContextState } from "./context_state.ts";
import type { Type } from "./type.ts";
import type { Operation } from "./operation.ts";
import type { InsertionPoint } from "./insertion_point.ts";

type Wrap<T> = (state: ContextState, ptr: number) => T;

let typeWrapper: Wrap<Type> | undefined;
let attributeWrapper: Wrap<Attribute> | undefined;

/** @internal Installs the type class table (types/wrap.ts). */
export function setTypeWrapper(wrap: Wrap<Type>): void {
  typeWrapper = wrap;
}

/** @internal Installs the attribute class table (attributes/wrap.ts). */
export function setAttributeWrapper(wrap: Wrap<Attribute>): void {
  attributeWrapper = wrap;
}

/** The native type at `ptr` (non-null) as its most specific class. */
export function wrapType(state: ContextState, ptr: number): Type {
  return typeWrapper!(state, ptr);
}

/** The native attribute at `ptr` (non-null) as its most specific class. */
export function wrapAttribute(state: ContextState, ptr: number): Attribute {
  return attributeWrapper!(state, ptr);
}


let insertionPointCheck: ((value: unknown) => value is InsertionPoint) | undefined;

/** @internal Installs the InsertionPoint check (insertion_point.ts, which imports Operation). */
export function setInsertionPointCheck(check: (value: unknown) => value is InsertionPoint): void {
  insertionPointCheck = check;
}

/** Whether `value` is an InsertionPoint. */
export function isInsertionPoint(value: unknown): value is InsertionPoint {
  return insertionPointCheck!(value);
}

type MakeView = (op: Operation) => object;
let viewMaker: MakeView | undefined;

/** @internal Installs the op view table (op_view.ts). */
export function setOpViewMaker(make: MakeView): void {
  viewMaker = make;
}

/** The registered view class's instance for `op` (the generic OpView for an op with none). */
export function makeOpView(op: Operation): object {
  return viewMaker!(op);
}
