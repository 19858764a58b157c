/**
 * Wraps a native type in the most specific Type subclass.
 *
 * @module
 */
import { lib } from "../../ffi/load.ts";
import type { ContextState } from "../context_state.ts";
import { setTypeWrapper } from "../class_registry.ts";
import { Type } from "../type.ts";
import { ComplexType, FunctionType, TupleType } from "./composite.ts";
import { FloatType } from "./float.ts";
import { IndexType, IntegerType, NoneType } from "./integer.ts";
import { OpaqueType } from "./opaque.ts";
import { dialectTypeClass, dialectTypeClasses } from "../dialect/wrap.ts";
import { MemRefType, RankedTensorType, ShapedType, UnrankedMemRefType, UnrankedTensorType, VectorType } from "./shaped.ts";
import { applyCaster, hasCasters, syncCasters } from "../type_casters.ts";
import { addBuiltinClasses } from "../uniqued.ts";

type TypeClass = new (state: ContextState, ptr: number) => Type;
let byKind: TypeClass[] | undefined;

/** The Type subclass for each kind the shim reports (native/src/types.c). */
function classes(): TypeClass[] {
  // Built on first use: the subclasses import this module, so they may not
  // exist yet while it is being evaluated.
  return (byKind ??= [
    Type,
    IntegerType,
    IndexType,
    FloatType,
    NoneType,
    ComplexType,
    TupleType,
    FunctionType,
    VectorType,
    RankedTensorType,
    UnrankedTensorType,
    MemRefType,
    UnrankedMemRefType,
    OpaqueType,
  ]);
}

function wrapType(state: ContextState, ptr: number): Type {
  syncCasters(state);
  const cached = state.types.get(ptr);
  if (cached !== undefined) return cached;
  const kind = lib.mlirffi_type_kind(ptr);
  // Kind 0 is no builtin kind: the dialect table may know it.
  const cls = kind === 0 ? dialectTypeClass(ptr) ?? Type : classes()[kind] ?? Type;
  const base = new cls(state, ptr);
  return state.types.set(ptr, hasCasters() ? applyCaster("Type", base, lib.mlirffi_type_type_id(ptr)) : base);
}

setTypeWrapper(wrapType);
addBuiltinClasses(() => [...classes(), ShapedType, ...dialectTypeClasses()]);
