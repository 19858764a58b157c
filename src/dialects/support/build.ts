/**
 * Building an op from its generated builder's arguments: the insertion
 * point and location (given, or current from an `enter()` scope), operand
 * groups flattened with their segment sizes, attributes from plain values,
 * result types given or inferred as Python's builders infer them. Then one
 * `createOperation`, so every check of the IR API (stale or foreign
 * operands, the insertion point's block, MLIR's own verification of the
 * description) applies unchanged.
 *
 * @module
 */
import { ArgumentError } from "../../base/errors.ts";
import type { Context } from "../../context.ts";
import type { Attribute } from "../../ir/attribute.ts";
import { DenseArrayAttr } from "../../ir/attributes/elements.ts";
import { TypeAttr } from "../../ir/attributes/scalar.ts";
import { Block } from "../../ir/block.ts";
import { stateOf } from "../../ir/context_state.ts";
import { createOperation } from "../../ir/create_operation.ts";
import { InsertionPoint } from "../../ir/insertion_point.ts";
import { Location } from "../../ir/location.ts";
import type { OpViewClass } from "../../ir/op_view.ts";
import type { Operation } from "../../ir/operation.ts";
import { Type } from "../../ir/type.ts";
import { Value } from "../../ir/value.ts";
import { attributeFrom } from "./attribute_values.ts";
import { fillNamedRegion } from "./named_region.ts";
import type { Arity, OpSchema } from "./schema.ts";

/** Where and with what location a builder creates its op. */
export interface BuildOptions {
  /**
   * Its location (default: `Location.current` if of the same context, else
   * the JS call stack if the context has `locationsFromStack`, else unknown).
   */
  readonly loc?: Location;
  /** Where to insert it (default: `InsertionPoint.current`, set by `ip.enter()`). */
  readonly ip?: InsertionPoint;
}

/** A generated op class: a view class with its schema. */
export type SchemaClass = OpViewClass & { readonly _schema: OpSchema };

/** What a generated builder passes on, group by group in ODS order. */
export interface BuildParts {
  /** One entry per result group; omitted when the schema infers them. */
  readonly results?: readonly unknown[];
  /** Result types given explicitly to a builder that could infer them. */
  readonly resultTypes?: readonly Type[];
  readonly operands: readonly unknown[];
  /** By ODS name; undefined and null mean absent. */
  readonly attributes?: Readonly<Record<string, unknown>>;
  readonly successors?: readonly unknown[];
  /** How many regions a variadic region group gets. */
  readonly variadicRegions?: number;
}

function fail(op: string, what: string, expected: string, got: string, advice?: string): ArgumentError {
  return new ArgumentError({ argument: `'${op}' ${what}`, expected, got }, advice === undefined ? {} : { advice });
}

function describe(v: unknown): string {
  if (v === undefined || v === null) return String(v);
  if (Array.isArray(v)) return `an array of ${v.length}`;
  if (typeof v === "object") return `a ${(v as object).constructor?.name ?? "object"}`;
  return typeof v === "string" ? `'${v}'` : String(v);
}

/** Flattens groups by arity, checking each element is a `T`; returns the values and each group's size. */
function flatten<T>(
  op: string,
  what: string,
  arities: readonly Arity[],
  groups: readonly unknown[],
  isT: (v: unknown) => v is T,
  expected: string,
): { values: T[]; sizes: number[]; nested: Map<number, number[]> } {
  if (groups.length !== arities.length) {
    throw fail(op, `${what} groups`, `${arities.length}`, `${groups.length}`);
  }
  const values: T[] = [];
  const sizes: number[] = [];
  const nested = new Map<number, number[]>();
  const one = (v: unknown, i: number) => {
    if (!isT(v)) throw fail(op, `${what} ${i}`, expected, describe(v));
    values.push(v);
  };
  arities.forEach((arity, i) => {
    const g = groups[i];
    if (arity === 1) {
      one(g, i);
      sizes.push(1);
    } else if (arity === "?") {
      if (g === undefined || g === null) sizes.push(0);
      else {
        one(g, i);
        sizes.push(1);
      }
    } else if (arity === "*") {
      if (!Array.isArray(g)) throw fail(op, `${what} ${i}`, `an array (a variadic group) of ${expected}`, describe(g));
      for (const v of g) one(v, i);
      sizes.push(g.length);
    } else {
      if (!Array.isArray(g) || !g.every(Array.isArray)) {
        throw fail(op, `${what} ${i}`, `an array of arrays of ${expected}`, describe(g));
      }
      const inner = (g as unknown[][]).map((list) => {
        for (const v of list) one(v, i);
        return list.length;
      });
      nested.set(i, inner);
      sizes.push(inner.reduce((a, b) => a + b, 0));
    }
  });
  return { values, sizes, nested };
}

const isValue = (v: unknown): v is Value => v instanceof Value;
const isType = (v: unknown): v is Type => v instanceof Type;
const isBlock = (v: unknown): v is Block => v instanceof Block;

/** The insertion point to build at: given, else the current one, else an error saying how to give one. */
function insertionPointFor(op: string, ip: unknown): InsertionPoint {
  const at = ip ?? InsertionPoint.current;
  if (at === null) {
    throw fail(
      op,
      "builder's ip",
      "an InsertionPoint",
      "none given and none current",
      "Pass { ip: InsertionPoint.atEnd(block) }, or enter one: `using _ = InsertionPoint.atEnd(block).enter();`.",
    );
  }
  if (!(at instanceof InsertionPoint)) throw fail(op, "builder's ip", "an InsertionPoint", describe(at));
  return at;
}

/**
 * What a schema implies for every build, worked out once per op class: a
 * builder may run a million times, and most ops have only single operands,
 * no successors and a fixed number of regions.
 */
interface Plan {
  /** Every operand group holds exactly one value: the groups are the operands. */
  readonly singleOperands: boolean;
  readonly successorArities: readonly Arity[];
  /** Regions outside a variadic group, and whether there is one. */
  readonly fixedRegions: number;
  readonly variadicRegions: boolean;
  /** The schema's attribute names, in ODS order: the only keys a generated builder passes. */
  readonly attributeNames: readonly string[];
}

const plans = new WeakMap<OpSchema, Plan>();

function planOf(schema: OpSchema): Plan {
  let plan = plans.get(schema);
  if (plan === undefined) {
    const regions = schema.regions ?? [];
    plan = {
      singleOperands: schema.operands.every((a) => a === 1),
      successorArities: (schema.successors ?? []).map((v) => (v ? "*" : 1)),
      fixedRegions: regions.filter((v) => !v).length,
      variadicRegions: regions.some((v) => v),
      attributeNames: Object.keys(schema.attributes),
    };
    plans.set(schema, plan);
  }
  return plan;
}

const NO_SIZES: number[] = [];
const NO_NESTED = new Map<number, number[]>();

/** Checks single-value groups (the common case) without copying them. */
function singles(op: string, arities: readonly Arity[], groups: readonly unknown[]): { values: Value[]; sizes: number[]; nested: Map<number, number[]> } {
  if (groups.length !== arities.length) throw fail(op, "operand groups", `${arities.length}`, `${groups.length}`);
  for (let i = 0; i < groups.length; i++) {
    if (!(groups[i] instanceof Value)) throw fail(op, `operand ${i}`, "Values", describe(groups[i]));
  }
  return { values: groups as Value[], sizes: NO_SIZES, nested: NO_NESTED };
}

/** The attribute for a plain value, with any refusal naming the op's attribute rather than the attribute class. */
function attributeFor(ctx: Context, schema: OpSchema, name: string, value: unknown): Attribute | null {
  const kind = schema.attributes[name] ?? { t: "any" as const };
  const site = { op: schema.name, name };
  try {
    return attributeFrom(ctx, kind, value, site);
  } catch (e) {
    const argument = `'${schema.name}' attribute '${name}'`;
    if (!(e instanceof ArgumentError) || e.argument.startsWith(argument)) throw e;
    throw new ArgumentError({ argument, expected: e.expected, got: e.got }, { cause: e, diagnostics: e.diagnostics });
  }
}

/** Builds `cls`'s op from a generated builder's arguments. */
export function buildOp(cls: SchemaClass, parts: BuildParts, options: BuildOptions | undefined): Operation {
  const schema = cls._schema;
  const plan = planOf(schema);
  const op = schema.name;
  if (options !== undefined && (typeof options !== "object" || options === null)) {
    throw fail(op, "builder's options", "an object", describe(options));
  }
  const ip = insertionPointFor(op, options?.ip);
  // The block's owner names the context without a native call; createOperation
  // checks that the context is alive and the block still valid.
  const state = stateOf(ip._ownerUnchecked());
  const ctx = state.api as Context;
  let loc = options?.loc;
  if (loc === undefined) {
    const current = Location.current;
    loc = current !== null && current.context === ctx ? current : undefined;
  } else if (!(loc instanceof Location)) throw fail(op, "builder's loc", "a Location", describe(loc));

  const operands = plan.singleOperands
    ? singles(op, schema.operands, parts.operands)
    : flatten(op, "operand", schema.operands, parts.operands, isValue, "Values");
  const attributes: Record<string, Attribute> = {};
  const given = parts.attributes;
  if (given !== undefined) {
    // By the schema's names (what generated code passes), not `for...in`.
    const names = plan.attributeNames;
    for (let i = 0; i < names.length; i++) {
      const name = names[i]!;
      const value = given[name];
      if (value === undefined || value === null) continue;
      const attr = attributeFor(ctx, schema, name, value);
      if (attr !== null) attributes[name] = attr;
    }
  }
  if (schema.required !== undefined) {
    for (const name of schema.required) {
      if (!(name in attributes)) throw fail(op, `attribute '${name}'`, "given (it is required)", "nothing");
    }
  }
  if (schema.operandSegments === "attribute") {
    attributes.operandSegmentSizes = DenseArrayAttr.get(ctx, Int32Array.from(operands.sizes));
  }
  if (schema.nestedSegments !== undefined) {
    for (const [group, attr] of Object.entries(schema.nestedSegments)) {
      attributes[attr] = DenseArrayAttr.get(ctx, Int32Array.from(operands.nested.get(Number(group)) ?? []));
    }
  }

  let results: Type[] = [];
  let infer = false;
  if (parts.resultTypes !== undefined && parts.resultTypes !== null) {
    if (!Array.isArray(parts.resultTypes) || !parts.resultTypes.every(isType)) {
      throw fail(op, "result types", "an array of Types", describe(parts.resultTypes));
    }
    results = [...parts.resultTypes];
  } else if (parts.results !== undefined) {
    const r = flatten(op, "result type", schema.results, parts.results, isType, "Types");
    results = r.values;
    if (schema.resultSegments === "attribute") attributes.resultSegmentSizes = DenseArrayAttr.get(ctx, Int32Array.from(r.sizes));
  } else if (schema.inference === "sameAsFirstOperand") {
    const first = operands.values[0];
    if (first === undefined) throw fail(op, "result types", "derived from its first operand", "an op without operands");
    const type = first.type;
    results = schema.results.length === 1 ? [type] : schema.results.map(() => type);
  } else if (schema.inference === "firstAttribute") {
    const name = plan.attributeNames[0];
    const attr = name === undefined ? undefined : attributes[name];
    if (attr === undefined) throw fail(op, "result types", "derived from its first attribute", "no such attribute given");
    const type = attr instanceof TypeAttr ? attr.value : attr.type;
    results = schema.results.map(() => type);
  } else if (schema.inference === "interface") infer = true;

  const successors = plan.successorArities.length === 0 && (parts.successors === undefined || parts.successors.length === 0)
    ? []
    : flatten(op, "successor", plan.successorArities, parts.successors ?? [], isBlock, "Blocks").values;
  const regions = plan.fixedRegions + (plan.variadicRegions ? parts.variadicRegions ?? 0 : 0);

  const built = createOperation(state, {
    name: op,
    operands: operands.values,
    results,
    attributes,
    regions,
    successors,
    location: loc,
    inferResultTypes: infer,
    insertAt: ip,
  });
  if (schema.builtinRegion) {
    try {
      fillNamedRegion(state, built);
    } catch (e) {
      // Nothing is left half-built: the op goes, its operands lose the uses.
      built.erase();
      throw e;
    }
  }
  return built;
}
