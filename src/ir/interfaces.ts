/**
 * The op interfaces MLIR's C API exposes: whether an operation (or an
 * operation name) implements one, and the result inference of
 * InferTypeOpInterface and InferShapedTypeOpInterface, asked before the
 * operation is built (to pick result types for `createOperation`, or to
 * check what an op would give for some operands).
 *
 * MLIR calls an interface without checking that the op has it, and an op's
 * inference reads the operands it expects without counting them; both
 * would be undefined behaviour with a wrong call. So the interface is
 * checked when the wrapper is made, and the operands are checked against
 * the op's own operand count where the op says it (see `inferArgs`).
 *
 * @module
 */
import { argumentError, listArg, stringArg } from "../base/args.ts";
import { ArgumentError } from "../base/errors.ts";
import { lib } from "../ffi/load.ts";
import { encode } from "../ffi/text.ts";
import type { Context } from "../context.ts";
import { type Attribute, attributeArg } from "./attribute.ts";
import { wrapAttribute, wrapType } from "./class_registry.ts";
import { type ContextState, contextArg, stateOf } from "./context_state.ts";
import { type Location, locationArg } from "./location.ts";
import { Operation } from "./operation.ts";
import type { Type } from "./type.ts";
import { Value } from "./value.ts";

/** The interfaces the C API can ask about. */
export type OpInterfaceName = "InferTypeOpInterface" | "InferShapedTypeOpInterface";

const INTERFACES: readonly OpInterfaceName[] = ["InferTypeOpInterface", "InferShapedTypeOpInterface"];

function interfaceArg(name: unknown, what: string): number {
  const i = INTERFACES.indexOf(name as OpInterfaceName);
  if (i < 0) throw argumentError(what, `one of ${INTERFACES.join(", ")}`, name);
  return i;
}

/** An operation, or an op name with the context to look it up in. */
function target(op: unknown, context: unknown, what: string): { state: ContextState; name: string; op: Operation | null } {
  if (op instanceof Operation) {
    op._live();
    return { state: stateOf(op._owner), name: op.name, op };
  }
  const name = stringArg(op, what);
  return { state: contextArg(context, `${what.replace(/'s .*/, "")}'s context`), name, op: null };
}

/**
 * Whether `op` (an Operation, or an operation name looked up in `context`)
 * implements the interface. Interfaces can be attached per context, so a
 * name is asked about in one. An unknown name implements nothing.
 *
 * @example
 * ```ts
 * import { Context, implementsInterface } from "../mod.ts";
 * using ctx = new Context();
 * console.log(implementsInterface("arith.addi", "InferTypeOpInterface", ctx)); // true
 * console.log(implementsInterface("func.func", "InferTypeOpInterface", ctx)); // false
 * ```
 */
export function implementsInterface(op: Operation | string, iface: OpInterfaceName, context?: Context): boolean {
  const id = interfaceArg(iface, "implementsInterface's interface");
  const t = target(op, context, "implementsInterface's op");
  if (t.op !== null) return lib.mlirffi_op_implements_interface(t.op._live(), id);
  const bytes = encode(t.name);
  return lib.mlirffi_op_name_implements_interface(t.state.store, bytes, bytes.length, id);
}

/** What result inference gets: what the op would be built with. */
export interface InferenceInputs {
  /** The operands it would have. */
  readonly operands?: readonly Value[];
  /** Its attributes, inherent and discardable. */
  readonly attributes?: Readonly<Record<string, Attribute>>;
  /** Where errors are reported (unknown by default). */
  readonly location?: Location;
}

/** One result's shape as InferShapedTypeOpInterface infers it. */
export interface ShapedTypeComponents {
  /** Whether the rank is known. */
  readonly hasRank: boolean;
  /** The sizes (`null` for a dynamic one), or `null` without a rank. */
  readonly shape: readonly (number | null)[] | null;
  /** The element type, when inferred. */
  readonly elementType: Type | null;
  /** The attribute (e.g. a tensor encoding), when inferred. */
  readonly attribute: Attribute | null;
}

let out = new Float64Array(64);
let parts = new Float64Array(64);

/** Runs one inference and returns the doubles the shim gathered. */
function infer(state: ContextState, name: string, inputs: InferenceInputs | undefined, shaped: boolean, what: string): Float64Array {
  state.check("Context");
  if (inputs !== undefined && (typeof inputs !== "object" || inputs === null)) throw argumentError(`${what}'s inputs`, "an object", inputs);
  const operands = listArg(inputs?.operands ?? [], `${what}'s operands`);
  const attrs = inputs?.attributes ?? {};
  if (typeof attrs !== "object" || attrs === null) throw argumentError(`${what}'s attributes`, "an object of Attributes", attrs);
  const keys = Object.keys(attrs);
  const n = operands.length, m = keys.length;
  if (parts.length < n + 2 * m) parts = new Float64Array(Math.max(n + 2 * m, parts.length * 2));
  for (let i = 0; i < n; i++) {
    const v = operands[i];
    if (!(v instanceof Value)) throw argumentError(`${what}'s operands[${i}]`, "a Value", v);
    const ptr = v._live();
    if (stateOf(v._where) !== state) {
      throw new ArgumentError({ argument: `${what}'s operands[${i}]`, expected: "of this Context", got: "a Value of another context" });
    }
    parts[i] = ptr;
  }
  for (let i = 0; i < m; i++) {
    const k = keys[i]!;
    if (k === "") throw new ArgumentError({ argument: `${what}'s attribute names`, expected: "non-empty", got: "an empty name" });
    parts[n + i] = state.identifierOf(k);
    parts[n + m + i] = attributeArg(attrs[k], state, `${what}'s attribute '${k}'`);
  }
  const loc = inputs?.location === undefined ? lib.mlirffi_loc_unknown(state.store) : locationArg(inputs.location, state, `${what}'s location`);
  const bytes = encode(name);
  const count = state.callNative(
    () => {
      const c = lib.mlirffi_infer_results(state.store, bytes, bytes.length, loc, parts, n, parts.subarray(n), parts.subarray(n + m), m, shaped);
      return c < 0 ? null : c + 1; // 0 results is a success
    },
    (diagnostics) =>
      new ArgumentError({
        argument: `${what}'s inputs`,
        expected: `operands and attributes '${name}' can infer its results from`,
        got: `${n} operands and attributes [${keys.join(", ")}]`,
      }, { diagnostics }),
  ) - 1;
  if (out.length < count) out = new Float64Array(Math.max(count, out.length * 2));
  lib.mlirffi_infer_take(out, out.length);
  return out.subarray(0, count);
}

/** The op's name, checked to implement `iface`. */
function checked(opOrName: unknown, context: unknown, iface: OpInterfaceName, what: string): { state: ContextState; name: string; op: Operation | null } {
  const t = target(opOrName, context, what);
  if (!implementsInterface(t.op ?? t.name, iface, t.op === null ? t.state.api as Context : undefined)) {
    throw new ArgumentError(
      { argument: what, expected: `an operation implementing ${iface}`, got: `'${t.name}'` },
      { advice: "Ask first with implementsInterface; an op of a dialect not registered in the context implements nothing." },
    );
  }
  return t;
}

/**
 * InferTypeOpInterface of an operation or op name: the result types it
 * would have for given operands and attributes.
 *
 * @example
 * ```ts
 * import { Context, InferTypeOpInterface } from "../mod.ts";
 * using ctx = new Context();
 * using mod = ctx.parseModule("func.func @f(%a: i32) { return }");
 * const a = mod.body.operations.at(0)!.regions.at(0)!.blocks.at(0)!.arguments.at(0)!;
 * const types = new InferTypeOpInterface("arith.addi", ctx).inferReturnTypes({ operands: [a, a] });
 * console.log(types.map(String)); // ["i32"]
 * ```
 */
export class InferTypeOpInterface {
  readonly #state: ContextState;
  /** The op name asked about. */
  readonly opName: string;
  /** The operation it was made from, or null when made from a name. */
  readonly operation: Operation | null;

  /**
   * For an operation, or an op name in `context`; throws
   * {@linkcode ArgumentError} when it does not implement the interface.
   */
  constructor(op: Operation | string, context?: Context) {
    const t = checked(op, context, "InferTypeOpInterface", "InferTypeOpInterface's op");
    this.#state = t.state;
    this.opName = t.name;
    this.operation = t.op;
  }

  /**
   * The result types the op infers from `inputs`; throws
   * {@linkcode ArgumentError} with MLIR's diagnostics when it cannot.
   */
  inferReturnTypes(inputs?: InferenceInputs): Type[] {
    const got = infer(this.#state, this.opName, inputs, false, "inferReturnTypes");
    return Array.from(got, (t) => wrapType(this.#state, t));
  }
}

/**
 * InferShapedTypeOpInterface of an operation or op name: the shapes and
 * element types of the results it would have.
 *
 * @example
 * ```ts
 * import { Context, InferShapedTypeOpInterface } from "../mod.ts";
 * using ctx = new Context();
 * using mod = ctx.parseModule("func.func @f(%a: tensor<2x?xf32>) { return }");
 * const a = mod.body.operations.at(0)!.regions.at(0)!.blocks.at(0)!.arguments.at(0)!;
 * const [c] = new InferShapedTypeOpInterface("tosa.abs", ctx).inferReturnTypeComponents({ operands: [a] });
 * console.log(c!.hasRank, c!.shape); // true [2, null]
 * ```
 */
export class InferShapedTypeOpInterface {
  readonly #state: ContextState;
  /** The op name asked about. */
  readonly opName: string;
  /** The operation it was made from, or null when made from a name. */
  readonly operation: Operation | null;

  /**
   * For an operation, or an op name in `context`; throws
   * {@linkcode ArgumentError} when it does not implement the interface.
   */
  constructor(op: Operation | string, context?: Context) {
    const t = checked(op, context, "InferShapedTypeOpInterface", "InferShapedTypeOpInterface's op");
    this.#state = t.state;
    this.opName = t.name;
    this.operation = t.op;
  }

  /**
   * The shaped components of each result the op infers from `inputs`;
   * throws {@linkcode ArgumentError} with MLIR's diagnostics when it cannot.
   */
  inferReturnTypeComponents(inputs?: InferenceInputs): ShapedTypeComponents[] {
    const got = infer(this.#state, this.opName, inputs, true, "inferReturnTypeComponents");
    const list: ShapedTypeComponents[] = [];
    for (let i = 0; i < got.length;) {
      const hasRank = got[i++] === 1;
      const rank = got[i++]!;
      const shape = hasRank ? Array.from(got.subarray(i, i + rank), (d) => (Number.isNaN(d) ? null : d)) : null;
      i += hasRank ? rank : 0;
      const element = got[i++]!, attr = got[i++]!;
      list.push({
        hasRank,
        shape,
        elementType: element === 0 ? null : wrapType(this.#state, element),
        attribute: attr === 0 ? null : wrapAttribute(this.#state, attr),
      });
    }
    return list;
  }
}
