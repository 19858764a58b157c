/**
 * What each ODS attribute constraint holds, as the builders' plain-value
 * kinds (`support/attribute_values.ts`), and the TypeScript type a builder
 * accepts for it. Read from the constraint's record: its storage type, its
 * value type (`I64`, `Index`, `F32`), its element attribute (typed arrays),
 * its enum cases, or the constraint it wraps (`DefaultValuedAttr`,
 * `OptionalAttr`, `ConfinedAttr` name a `baseAttr`).
 *
 * @module
 */
import type { AttrKind } from "../support/attribute_values.ts";
import { type Def, int, list, type Records, str } from "./records.ts";

/** An enum the dialect module declares as a string union. */
export interface EnumInfo {
  readonly typeName: string;
  readonly cases: readonly string[];
  readonly bits: boolean;
}

/** A kind, and the enum it belongs to (if any). */
export interface Kind {
  readonly kind: AttrKind;
  readonly enumInfo?: EnumInfo;
}

const DENSE: Record<string, "i1" | "i8" | "i16" | "i32" | "i64" | "f32" | "f64"> = {
  "::mlir::DenseBoolArrayAttr": "i1",
  "::mlir::DenseI8ArrayAttr": "i8",
  "::mlir::DenseI16ArrayAttr": "i16",
  "::mlir::DenseI32ArrayAttr": "i32",
  "::mlir::DenseI64ArrayAttr": "i64",
  "::mlir::DenseF32ArrayAttr": "f32",
  "::mlir::DenseF64ArrayAttr": "f64",
};

const SIMPLE: Record<string, AttrKind> = {
  "::mlir::UnitAttr": { t: "unit" },
  "::mlir::BoolAttr": { t: "bool" },
  "::mlir::StringAttr": { t: "str" },
  "::mlir::FlatSymbolRefAttr": { t: "flatSymbol" },
  "::mlir::SymbolRefAttr": { t: "symbol" },
  "::mlir::TypeAttr": { t: "type" },
  "::mlir::AffineMapAttr": { t: "affineMap" },
  "::mlir::IntegerSetAttr": { t: "integerSet" },
};

/** The kind of the attribute constraint `d`. */
export function attrKind(records: Records, d: Def): Kind {
  const base = records.deref(d.fields.get("baseAttr"));
  if (base !== undefined) return attrKind(records, base);
  if (d.supers.has("EnumAttr")) return dialectEnum(records, d);
  if (d.supers.has("EnumAttrInfo") && (d.supers.has("IntEnumAttr") || d.supers.has("BitEnumAttr"))) return intEnum(records, d);
  // Some are code blocks (`[{ ::mlir::StringAttr }]`): spaces around.
  const storage = str(d, "storageType").trim();
  const simple = SIMPLE[storage];
  if (simple !== undefined) return { kind: simple };
  const dense = DENSE[storage];
  if (dense !== undefined) return { kind: { t: "denseArray", element: dense } };
  const valueType = records.deref(d.fields.get("valueType"));
  if (storage === "::mlir::IntegerAttr" && valueType !== undefined) {
    if (valueType.name === "Index") return { kind: { t: "index" } };
    const width = int(valueType, "bitwidth");
    if (width > 0) {
      const signedness = valueType.supers.has("SI") ? "signed" : valueType.supers.has("UI") ? "unsigned" : "signless";
      return { kind: { t: "int", width, signedness } };
    }
  }
  if (storage === "::mlir::FloatAttr" && valueType !== undefined) {
    const width = int(valueType, "bitwidth");
    if ((width === 16 || width === 32 || width === 64) && valueType.supers.has("F")) return { kind: { t: "float", width } };
  }
  if (storage === "::mlir::ArrayAttr") {
    const element = records.deref(d.fields.get("elementAttr"));
    if (element !== undefined) {
      const k = attrKind(records, element);
      if (k.kind.t !== "any" && k.kind.t !== "unit") return { kind: { t: "array", element: k.kind }, ...(k.enumInfo ? { enumInfo: k.enumInfo } : {}) };
    }
  }
  return { kind: { t: "any" } };
}

/** The kind of a property (LLVM 22's non-attribute inherent data), where its attribute form is plain. */
export function propertyKind(d: Def): Kind {
  if (d.supers.has("UnitProp")) return { kind: { t: "unit" } };
  const storage = str(d, "storageType").trim();
  const width = { int64_t: 64, int32_t: 32, int16_t: 16, int8_t: 8, uint64_t: 64, uint32_t: 32 }[storage];
  if (width !== undefined) return { kind: { t: "int", width, signedness: "signless" } };
  if (storage === "bool") return { kind: { t: "bool" } };
  if (storage === "std::string") return { kind: { t: "str" } };
  return { kind: { t: "any" } };
}

function cases(records: Records, info: Def): { str: string; value: number }[] {
  return list(info, "enumerants").flatMap((c) => {
    const d = records.deref(c);
    return d === undefined ? [] : [{ str: str(d, "str"), value: int(d, "value") }];
  });
}

function isBitEnum(info: Def): boolean {
  return info.supers.has("BitEnumAttr") || info.supers.has("BitEnumBase");
}

function intEnum(records: Records, info: Def): Kind {
  const all = cases(records, info);
  const bits = isBitEnum(info);
  return {
    kind: { t: "intEnum", width: int(info, "bitwidth") || 32, bits, cases: Object.fromEntries(all.map((c) => [c.str, c.value])) },
    enumInfo: { typeName: str(info, "className"), cases: all.map((c) => c.str), bits },
  };
}

/**
 * An `EnumAttr`: a dialect attribute around an enum, built from its text.
 * Its assembly format says how the case list is spelled: "`<` $value `>`"
 * gives `#dialect.mnemonic<case>`; "$value" gives `#dialect<mnemonic case>`.
 */
function dialectEnum(records: Records, d: Def): Kind {
  const info = records.deref(d.fields.get("enum"));
  const dialect = records.deref(d.fields.get("dialect"));
  const format = str(d, "assemblyFormat").trim();
  if (info === undefined || dialect === undefined) return { kind: { t: "any" } };
  const literal = (s: string) => s.replace(/`([^`]*)`/g, "$1").replace(/\s+/g, "");
  const at = format.indexOf("$value");
  if (at < 0 || str(d, "mnemonic") === "") return { kind: { t: "any" } };
  const before = literal(format.slice(0, at));
  const after = literal(format.slice(at + "$value".length));
  const name = str(dialect, "name");
  const mnemonic = str(d, "mnemonic");
  const [prefix, suffix] = before.startsWith("<")
    ? [`#${name}.${mnemonic}${before}`, after]
    : [`#${name}<${mnemonic}${before === "" ? " " : before}`, `${after}>`];
  const bits = isBitEnum(info);
  const all = cases(records, info).map((c) => c.str);
  const separator = bits ? (str(info, "separator") || "|").trim() || "," : null;
  return {
    kind: { t: "enum", prefix, suffix, separator, cases: all },
    enumInfo: { typeName: str(info, "className"), cases: all, bits },
  };
}

/** The TypeScript type a builder accepts for `k` (`$` is the support module's namespace). */
export function tsType(k: Kind): string {
  const plain = plainType(k.kind, k.enumInfo);
  return plain === null ? "$.Attribute" : `${plain} | $.Attribute`;
}

function plainType(kind: AttrKind, e: EnumInfo | undefined): string | null {
  switch (kind.t) {
    case "any":
      return null;
    case "unit":
    case "bool":
      return "boolean";
    case "str":
    case "flatSymbol":
      return "string";
    case "symbol":
      return "string | readonly string[]";
    case "type":
      return "$.Type";
    case "affineMap":
      return "$.AffineMap";
    case "integerSet":
      return "$.IntegerSet";
    case "index":
    case "int":
      return "number | bigint";
    case "float":
      return "number";
    case "denseArray":
      return kind.element === "i1" ? "readonly boolean[]" : kind.element.startsWith("f") ? "readonly number[]" : "readonly (number | bigint)[]";
    case "array": {
      const inner = plainType(kind.element, e);
      return inner === null ? null : `readonly (${inner} | $.Attribute)[]`;
    }
    case "intEnum":
    case "enum": {
      const name = e?.typeName ?? "string";
      return e?.bits ? `${name} | readonly ${name}[]` : name;
    }
  }
}
