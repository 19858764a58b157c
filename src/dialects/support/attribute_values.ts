/**
 * Attributes from plain values, by what the ODS constraint of an op's
 * attribute says it holds: a string for a `StrAttr`, a number for an
 * `I64Attr`, a `Type` for a `TypeAttr`, a case name for an enum attribute,
 * an `AffineMap` for an `AffineMapAttr` (and an array of them for an
 * `AffineMapArrayAttr`), an `IntegerSet` for an `IntegerSetAttr`, as
 * Python's attribute builders (`AttrBuilder`) do. An `Attribute` is always
 * accepted as it is.
 *
 * The generator derives each attribute's kind from its ODS record and writes
 * it into the op's schema; this module turns a value of that kind into an
 * attribute, or throws an `ArgumentError` naming the op and the attribute.
 *
 * @module
 */
import { ArgumentError } from "../../base/errors.ts";
import type { Context } from "../../context.ts";
import { Attribute } from "../../ir/attribute.ts";
import { AffineMap } from "../../ir/affine/map.ts";
import { IntegerSet } from "../../ir/affine/integer_set.ts";
import { ArrayAttr } from "../../ir/attributes/containers.ts";
import { DenseArrayAttr } from "../../ir/attributes/elements.ts";
import { AffineMapAttr, IntegerSetAttr } from "../../ir/attributes/layout.ts";
import { BoolAttr, FloatAttr, IntegerAttr, StringAttr, TypeAttr, UnitAttr } from "../../ir/attributes/scalar.ts";
import { FlatSymbolRefAttr, SymbolRefAttr } from "../../ir/attributes/symbol_ref.ts";
import { Type } from "../../ir/type.ts";
import { FloatType } from "../../ir/types/float.ts";
import { IndexType, IntegerType, type Signedness } from "../../ir/types/integer.ts";

/** What an attribute holds, as far as building it from a plain value goes. */
export type AttrKind =
  | { readonly t: "any" }
  | { readonly t: "unit" }
  | { readonly t: "bool" }
  | { readonly t: "str" }
  | { readonly t: "flatSymbol" }
  | { readonly t: "symbol" }
  | { readonly t: "type" }
  | { readonly t: "affineMap" }
  | { readonly t: "integerSet" }
  | { readonly t: "index" }
  | { readonly t: "int"; readonly width: number; readonly signedness: Signedness }
  | { readonly t: "float"; readonly width: 16 | 32 | 64 }
  | { readonly t: "denseArray"; readonly element: "i1" | "i8" | "i16" | "i32" | "i64" | "f32" | "f64" }
  | { readonly t: "array"; readonly element: AttrKind }
  | { readonly t: "intEnum"; readonly width: number; readonly bits: boolean; readonly cases: Readonly<Record<string, number>> }
  | {
    readonly t: "enum";
    /** `#dialect.mnemonic<...>` or `#dialect<mnemonic ...>`: the text before and after the case list. */
    readonly prefix: string;
    readonly suffix: string;
    readonly separator: string | null;
    readonly cases: readonly string[];
  };

/** Names an attribute in errors: `'arith.cmpi' attribute 'predicate'`. */
export interface AttrSite {
  readonly op: string;
  readonly name: string;
}

function wrong(site: AttrSite, expected: string, got: unknown): ArgumentError {
  const text = typeof got === "string" ? `'${got}'` : Array.isArray(got) ? `an array of ${got.length}` : String(got);
  return new ArgumentError({ argument: `'${site.op}' attribute '${site.name}'`, expected, got: text });
}

const isNumber = (v: unknown): v is number | bigint => (typeof v === "number" && Number.isInteger(v)) || typeof v === "bigint";

/**
 * The attribute for `value` under `kind`, or null for an absent unit
 * attribute (`false`). Attributes pass through unchanged; their context is
 * checked when the op is built.
 */
export function attributeFrom(ctx: Context, kind: AttrKind, value: unknown, site: AttrSite): Attribute | null {
  if (value instanceof Attribute) return value;
  switch (kind.t) {
    case "unit":
      if (typeof value !== "boolean") throw wrong(site, "a boolean (present or not) or a UnitAttr", value);
      return value ? UnitAttr.get(ctx) : null;
    case "bool":
      if (typeof value !== "boolean") throw wrong(site, "a boolean or a BoolAttr", value);
      return BoolAttr.get(ctx, value);
    case "str":
      if (typeof value !== "string") throw wrong(site, "a string or a StringAttr", value);
      return StringAttr.get(ctx, value);
    case "flatSymbol":
      if (typeof value !== "string") throw wrong(site, "a symbol name or a FlatSymbolRefAttr", value);
      return FlatSymbolRefAttr.get(ctx, value);
    case "symbol":
      if (typeof value === "string") return SymbolRefAttr.get(ctx, value);
      if (Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === "string")) {
        return SymbolRefAttr.get(ctx, value[0] as string, value.slice(1));
      }
      throw wrong(site, "a symbol name, an array of nested names, or a SymbolRefAttr", value);
    case "type":
      if (!(value instanceof Type)) throw wrong(site, "a Type or a TypeAttr", value);
      return TypeAttr.get(value);
    case "affineMap":
      if (!(value instanceof AffineMap)) throw wrong(site, "an AffineMap or an AffineMapAttr", value);
      return AffineMapAttr.get(value);
    case "integerSet":
      if (!(value instanceof IntegerSet)) throw wrong(site, "an IntegerSet or an IntegerSetAttr", value);
      return IntegerSetAttr.get(value);
    case "index":
      if (!isNumber(value)) throw wrong(site, "an integer or an IntegerAttr", value);
      return IntegerAttr.get(IndexType.get(ctx), value);
    case "int":
      if (!isNumber(value)) throw wrong(site, "an integer or an IntegerAttr", value);
      return IntegerAttr.get(IntegerType.get(ctx, kind.width, kind.signedness), value);
    case "float": {
      if (typeof value !== "number") throw wrong(site, "a number or a FloatAttr", value);
      const t = kind.width === 16 ? FloatType.f16(ctx) : kind.width === 32 ? FloatType.f32(ctx) : FloatType.f64(ctx);
      return FloatAttr.get(t, value);
    }
    case "denseArray":
      return denseArray(ctx, kind.element, value, site);
    case "array": {
      if (!Array.isArray(value)) throw wrong(site, "an array or an ArrayAttr", value);
      const element = kind.element;
      return ArrayAttr.get(
        ctx,
        value.map((v, i) => {
          const a = attributeFrom(ctx, element, v, { op: site.op, name: `${site.name}[${i}]` });
          if (a === null) throw wrong(site, "no absent elements", v);
          return a;
        }),
      );
    }
    case "intEnum": {
      const names = caseNames(kind.bits, value, site, Object.keys(kind.cases));
      let n = 0;
      for (const c of names) n = kind.bits ? n | kind.cases[c]! : kind.cases[c]!;
      return IntegerAttr.get(IntegerType.get(ctx, kind.width), n);
    }
    case "enum": {
      const names = caseNames(kind.separator !== null, value, site, kind.cases);
      return ctx.parseAttribute(`${kind.prefix}${names.join(kind.separator ?? "")}${kind.suffix}`);
    }
    case "any":
      throw wrong(site, "an Attribute", value);
  }
}

/** The case names `value` stands for: one name, or for a bit enum several. */
function caseNames(bits: boolean, value: unknown, site: AttrSite, cases: readonly string[]): string[] {
  const names = typeof value === "string" ? [value] : bits && Array.isArray(value) ? value : null;
  const expected = `${bits ? "one or more of" : "one of"} ${cases.map((c) => `'${c}'`).join(", ")}, or an Attribute`;
  if (names === null || (!bits && names.length !== 1)) throw wrong(site, expected, value);
  for (const n of names) if (typeof n !== "string" || !cases.includes(n)) throw wrong(site, expected, n);
  return names as string[];
}

function denseArray(ctx: Context, element: string, value: unknown, site: AttrSite): DenseArrayAttr {
  if (!Array.isArray(value)) throw wrong(site, `an array of ${element} values or a DenseArrayAttr`, value);
  const check = (ok: (v: unknown) => boolean, what: string) => {
    const bad = value.find((v) => !ok(v));
    if (bad !== undefined) throw wrong(site, `an array of ${what}`, bad);
  };
  switch (element) {
    case "i1":
      check((v) => typeof v === "boolean", "booleans");
      return DenseArrayAttr.get(ctx, value as boolean[]);
    case "f32":
    case "f64":
      check((v) => typeof v === "number", "numbers");
      return DenseArrayAttr.get(ctx, element === "f32" ? Float32Array.from(value) : Float64Array.from(value));
    case "i64":
      check(isNumber, "integers");
      return DenseArrayAttr.get(ctx, BigInt64Array.from(value, (v) => BigInt(v)));
    default: {
      check(isNumber, "integers");
      const ctor = element === "i8" ? Int8Array : element === "i16" ? Int16Array : Int32Array;
      const bound = 2 ** (Number(element.slice(1)) - 1);
      const out = value.map(Number);
      const bad = out.find((v) => v < -bound || v >= bound);
      if (bad !== undefined) throw wrong(site, `${element} values`, bad);
      return DenseArrayAttr.get(ctx, ctor.from(out));
    }
  }
}
