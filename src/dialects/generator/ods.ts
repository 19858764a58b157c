/**
 * The ODS model of an operation, read from its TableGen records the way
 * MLIR's own `mlir::tblgen::Operator` reads it: arguments split into
 * operands, attributes and properties; results, regions and successors with
 * their arity; traits flattened; and whether every result type can be
 * inferred (ODS adds InferTypeOpInterface then, and Python's generated
 * builders stop asking for result types).
 *
 * @module
 */
import { type Def, isDag, isRef, int, list, type Records, str, type Value } from "./records.ts";

/** How many values a group holds. */
export type Arity = "single" | "optional" | "variadic" | "variadicOfVariadic";

/** An operand or result group. */
export interface OdsValueGroup {
  readonly name: string;
  readonly arity: Arity;
  /** The constraint's summary, for the docs. */
  readonly summary: string;
  /** VariadicOfVariadic: the attribute holding the inner sizes. */
  readonly segmentAttr?: string;
}

/** An inherent attribute (or property). */
export interface OdsAttribute {
  readonly name: string;
  /** Absent allowed: optional, default-valued or unit. */
  readonly optional: boolean;
  readonly def: Def;
  readonly property: boolean;
  readonly summary: string;
}

/** One op argument, in ODS order. */
export type OdsArgument =
  | { readonly kind: "operand"; readonly operand: OdsValueGroup }
  | { readonly kind: "attribute"; readonly attribute: OdsAttribute };

/** A region or successor group. */
export interface OdsGroup {
  readonly name: string;
  readonly variadic: boolean;
}

/** How the builder gets result types when it is not given them. */
export type ResultInference = "sameAsFirstOperand" | "firstAttribute" | "interface" | null;

/** One operation, as the generator needs it. */
export interface OdsOp {
  readonly def: Def;
  /** `dialect.op`. */
  readonly name: string;
  readonly dialect: string;
  /** The C++ class name (`AddIOp`). */
  readonly className: string;
  readonly summary: string;
  readonly description: string;
  readonly arguments: readonly OdsArgument[];
  readonly operands: readonly OdsValueGroup[];
  readonly attributes: readonly OdsAttribute[];
  readonly results: readonly OdsValueGroup[];
  readonly regions: readonly OdsGroup[];
  readonly successors: readonly OdsGroup[];
  /** Fully qualified trait names (`::mlir::OpTrait::SameOperandsAndResultType`). */
  readonly traits: ReadonlySet<string>;
  readonly operandSegments: "attribute" | "same" | null;
  readonly resultSegments: "attribute" | "same" | null;
  readonly inference: ResultInference;
  /**
   * A Linalg named op whose body MLIR builds from its definition (its C++
   * class returns a `regionBuilder`), as Python's `fill_builtin_region` does.
   */
  readonly builtinRegion: boolean;
}

const T = "::mlir::OpTrait::";
export const TRAIT = {
  attrSizedOperands: `${T}AttrSizedOperandSegments`,
  attrSizedResults: `${T}AttrSizedResultSegments`,
  sameVariadicOperands: `${T}SameVariadicOperandSize`,
  sameVariadicResults: `${T}SameVariadicResultSize`,
  sameOperandsAndResultType: `${T}SameOperandsAndResultType`,
  firstAttrDerivedResultType: `${T}FirstAttrDerivedResultType`,
  inferType: "::mlir::InferTypeOpInterface::Trait",
} as const;

/** Every op def in `records`, as the ODS model. */
export function operations(records: Records): OdsOp[] {
  const out: OdsOp[] = [];
  for (const def of records.defs.values()) if (def.supers.has("Op")) out.push(operation(records, def));
  return out;
}

function operation(records: Records, def: Def): OdsOp {
  const dialectDef = records.deref(def.fields.get("opDialect"));
  if (dialectDef === undefined) throw new Error(`${def.name}: no dialect`);
  const dialect = str(dialectDef, "name");
  const args: OdsArgument[] = [];
  for (const { value, name } of dagArgs(def, "arguments")) {
    const d = argDef(records, value, def, name);
    if (d.supers.has("TypeConstraint")) args.push({ kind: "operand", operand: valueGroup(d, name) });
    else if (d.supers.has("Attr") || d.supers.has("Property")) {
      const property = !d.supers.has("Attr");
      const unit = str(d, "storageType").trim() === "::mlir::UnitAttr" || d.supers.has("UnitProp");
      const optional = int(d, "isOptional") === 1 || str(d, "defaultValue") !== "" || unit ||
        d.supers.has("OptionalProp");
      args.push({ kind: "attribute", attribute: { name, optional, def: d, property, summary: str(d, "summary") } });
    } else throw new Error(`${def.name}: argument $${name} is neither a type constraint nor an attribute`);
  }
  const operands = args.flatMap((a) => (a.kind === "operand" ? [a.operand] : []));
  const attributes = args.flatMap((a) => (a.kind === "attribute" ? [a.attribute] : []));
  const results = dagArgs(def, "results").map(({ value, name }) => valueGroup(argDef(records, value, def, name), name));
  const regions = dagArgs(def, "regions").map(({ value, name }) => ({
    name,
    variadic: argDef(records, value, def, name).supers.has("VariadicRegion"),
  }));
  const successors = dagArgs(def, "successors").map(({ value, name }) => ({
    name,
    variadic: argDef(records, value, def, name).supers.has("VariadicSuccessor"),
  }));
  const defs = traitDefs(records, list(def, "traits"));
  const traits = traitNames(defs);
  const segments = (groups: readonly OdsValueGroup[], attr: string, same: string) => {
    const variable = groups.filter((g) => g.arity !== "single").length;
    if (variable === 0) return null;
    if (traits.has(attr)) return "attribute" as const;
    return traits.has(same) || variable > 1 ? "same" as const : null;
  };
  const op = {
    def,
    name: `${dialect}.${str(def, "opName")}`,
    dialect,
    className: className(def.name),
    summary: str(def, "summary"),
    description: str(def, "description"),
    arguments: args,
    operands,
    attributes,
    results,
    regions,
    successors,
    traits,
    builtinRegion: /getRegionBuilder\(\)\s*\{\s*return regionBuilder;/.test(str(def, "extraClassDeclaration")),
    operandSegments: segments(operands, TRAIT.attrSizedOperands, TRAIT.sameVariadicOperands),
    resultSegments: segments(results, TRAIT.attrSizedResults, TRAIT.sameVariadicResults),
    inference: null as ResultInference,
  };
  if (!traits.has(TRAIT.inferType) && allResultTypesKnown(records, op, defs)) traits.add(TRAIT.inferType);
  op.inference = inference(op);
  return op;
}

/** The C++ class name ODS derives from a def name: the dialect prefix before the first `_` dropped. */
export function className(defName: string): string {
  const at = defName.indexOf("_");
  if (at < 0) return defName;
  if (at === 0) return defName.slice(1);
  const rest = defName.slice(at + 1);
  return rest === "" ? defName.slice(0, at) : rest;
}

function dagArgs(def: Def, field: string): { value: Value; name: string }[] {
  const dag = def.fields.get(field);
  if (dag === undefined) return [];
  if (!isDag(dag)) throw new Error(`${def.name}: ${field} is not a dag`);
  return dag.args.map((a, i) => ({ value: a.value, name: a.name ?? `_arg${i}` }));
}

function argDef(records: Records, value: Value, op: Def, name: string): Def {
  const d = records.deref(value);
  if (d === undefined) throw new Error(`${op.name}: $${name} has no definition (${JSON.stringify(value)})`);
  // `Arg<constraint, "doc", [effects]>` and `Res<...>` wrap the constraint.
  if (d.supers.has("OpVariable")) return argDef(records, d.fields.get("constraint"), op, name);
  return d;
}

function valueGroup(d: Def, name: string): OdsValueGroup {
  const arity: Arity = d.supers.has("VariadicOfVariadic")
    ? "variadicOfVariadic"
    : d.supers.has("Variadic")
    ? "variadic"
    : d.supers.has("Optional")
    ? "optional"
    : "single";
  const group = { name, arity, summary: str(d, "summary") };
  return arity === "variadicOfVariadic" ? { ...group, segmentAttr: str(d, "segmentAttrName") } : group;
}

/**
 * An op's trait defs as ODS collects them: TraitLists expanded, interfaces'
 * bases added, each once (the type predicates AllTypesMatch and
 * TypesMatchWith are among them).
 */
function traitDefs(records: Records, traits: readonly Value[]): Def[] {
  const out: Def[] = [];
  const seen = new Set<string>();
  const add = (items: readonly Value[]) => {
    for (const item of items) {
      if (!isRef(item) || seen.has(item.ref)) continue;
      seen.add(item.ref);
      const d = records.get(item.ref);
      if (d === undefined) continue;
      if (d.supers.has("TraitList")) {
        add(list(d, "traits"));
        continue;
      }
      if (d.supers.has("Interface")) add(list(d, "baseInterfaces"));
      out.push(d);
    }
  };
  add(traits);
  return out;
}

/** The fully qualified names of the traits among `defs` (generated internal traits spell theirs fully already). */
function traitNames(defs: readonly Def[]): Set<string> {
  const out = new Set<string>();
  for (const d of defs) {
    const trait = str(d, "trait");
    if (trait !== "") out.add(trait.startsWith("::") ? trait : `${str(d, "cppNamespace")}::${trait}`);
  }
  return out;
}

/**
 * ODS's rule for adding InferTypeOpInterface (Operator::populateTypeInferenceInfo):
 * the op has results, none variable-length, and every result's type is
 * known from a buildable type, an argument, or another known result through
 * SameOperandsAndResultType, AllTypesMatch or TypesMatchWith.
 */
function allResultTypesKnown(records: Records, op: Omit<OdsOp, "inference">, traits: readonly Def[]): boolean {
  if (records.get("InferTypeOpInterface") === undefined) return false;
  if (op.results.length === 0 || op.results.some((r) => r.arity !== "single")) return false;
  if (op.traits.has(TRAIT.sameOperandsAndResultType)) {
    return op.arguments.some((a) => a.kind === "operand" && a.operand.arity === "single");
  }
  // Index of each argument (>= 0) and result (-1 - i) by name.
  const index = new Map<string, number>();
  op.arguments.forEach((a, i) => index.set(a.kind === "operand" ? a.operand.name : a.attribute.name, i));
  op.results.forEach((r, i) => index.set(r.name, -1 - i));
  const results = dagArgs(op.def, "results");
  // A buildable type constraint (`I1`, `Index`) names its builder.
  const known = results.map((r) => {
    const d = records.deref(r.value);
    return d !== undefined && str(d, "builderCall") !== "";
  });
  const sources: number[][] = op.results.map(() => []);
  for (const d of traits) {
    if (d.supers.has("TypesMatchWith")) {
      const target = index.get(str(d, "rhs"));
      const source = index.get(str(d, "lhs"));
      if (target !== undefined && target < 0 && source !== undefined) sources[-1 - target]!.push(source);
    } else if (d.supers.has("AllTypesMatch")) {
      const values = list(d, "values").filter((v): v is string => typeof v === "string").map((v) => index.get(v));
      for (const target of values) {
        if (target === undefined || target >= 0) continue;
        for (const source of values) if (source !== undefined && source !== target) sources[-1 - target]!.push(source);
      }
    }
  }
  for (let changed = true; changed;) {
    changed = false;
    for (let i = 0; i < known.length; i++) {
      if (known[i]) continue;
      if (sources[i]!.some((s) => s >= 0 || known[-1 - s])) {
        known[i] = true;
        changed = true;
      }
    }
  }
  return known.every((k) => k);
}

/** Python's generated builders' rule: which results the builder can derive (OpPythonBindingGen's canInferType). */
function inference(op: Omit<OdsOp, "inference">): ResultInference {
  const fixedResults = op.results.every((r) => r.arity === "single");
  if (op.traits.has(TRAIT.sameOperandsAndResultType) && fixedResults) return "sameAsFirstOperand";
  if (op.traits.has(TRAIT.firstAttrDerivedResultType) && fixedResults) return "firstAttribute";
  if (op.traits.has(TRAIT.inferType) && op.regions.length === 0) return "interface";
  return null;
}
