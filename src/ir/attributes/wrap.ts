/**
 * Wraps a native attribute in the most specific Attribute subclass.
 *
 * @module
 */
import { Attribute } from "../attribute.ts";
import { lib } from "../../ffi/load.ts";
import type { ContextState } from "../context_state.ts";
import { setAttributeWrapper } from "../class_registry.ts";
import { ArrayAttr, DictionaryAttr } from "./containers.ts";
import { DenseArrayAttr, DenseElementsAttr, DenseResourceElementsAttr } from "./elements.ts";
import { AffineMapAttr, IntegerSetAttr, StridedLayoutAttr } from "./layout.ts";
import { OpaqueAttr } from "./opaque.ts";
import { BoolAttr, FloatAttr, IntegerAttr, StringAttr, TypeAttr, UnitAttr } from "./scalar.ts";
import { FlatSymbolRefAttr, SymbolRefAttr } from "./symbol_ref.ts";
import { dialectAttributeClass, dialectAttributeClasses } from "../dialect/wrap.ts";
import { applyCaster, hasCasters, syncCasters } from "../type_casters.ts";
import { addBuiltinClasses } from "../uniqued.ts";

type AttributeClass = new (state: ContextState, ptr: number) => Attribute;
let byKind: AttributeClass[] | undefined;

/** The Attribute subclass for each kind the shim reports (native/src/attributes.c). */
function classes(): AttributeClass[] {
  // Built on first use: the subclasses import this module.
  return (byKind ??= [
    Attribute,
    IntegerAttr,
    FloatAttr,
    BoolAttr,
    StringAttr,
    UnitAttr,
    TypeAttr,
    ArrayAttr,
    DictionaryAttr,
    SymbolRefAttr,
    FlatSymbolRefAttr,
    AffineMapAttr,
    DenseElementsAttr,
    DenseResourceElementsAttr,
    DenseArrayAttr,
    OpaqueAttr,
    Attribute, // location
    StridedLayoutAttr,
    IntegerSetAttr,
    Attribute, // sparse elements
  ]);
}

function wrapAttribute(state: ContextState, ptr: number): Attribute {
  syncCasters(state);
  const cached = state.attributes.get(ptr);
  if (cached !== undefined) return cached;
  const kind = lib.mlirffi_attr_kind(ptr);
  // Kind 0 is no builtin kind: the dialect table may know it.
  const cls = kind === 0 ? dialectAttributeClass(ptr) ?? Attribute : classes()[kind] ?? Attribute;
  const base = new cls(state, ptr);
  return state.attributes.set(ptr, hasCasters() ? applyCaster("Attribute", base, lib.mlirffi_attr_type_id(ptr)) : base);
}

setAttributeWrapper(wrapAttribute);
addBuiltinClasses(() => [...classes(), ...dialectAttributeClasses()]);
