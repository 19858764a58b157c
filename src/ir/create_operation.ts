/**
 * Creating operations from a description (MLIR's OperationState).
 *
 * @module
 */
import { argumentError, boolArg, intArg, listArg, stringArg } from "../base/args.ts";
import { Attribute, attributeArg } from "./attribute.ts";
import { Block } from "./block.ts";
import { ArgumentError, StructuralError } from "../base/errors.ts";
import { lib } from "../ffi/load.ts";
import { encode } from "../ffi/text.ts";
import { InsertionPoint } from "./insertion_point.ts";
import { type Location, locationArg, stackLocation } from "./location.ts";
import type { Owner } from "../safety/ledger.ts";
import type { Operation } from "./operation.ts";
import type { ContextState } from "./context_state.ts";
import { Type, typeArg } from "./type.ts";
import { Value } from "./value.ts";
import { refuseBlockChange } from "./active_transforms.ts";

/** What to build: the fields of MLIR's OperationState. */
export interface OperationSpec {
  /** The operation name, `dialect.op`. */
  readonly name: string;
  /** The values it uses. */
  readonly operands?: readonly Value[];
  /** The types of its results (or ask for `inferResultTypes`). */
  readonly results?: readonly Type[];
  /** Its attributes, inherent and discardable. */
  readonly attributes?: Readonly<Record<string, Attribute>>;
  /** How many (empty) regions it has; add blocks with `region.appendBlock`. */
  readonly regions?: number;
  /** The blocks a terminator branches to (in the region it is inserted into). */
  readonly successors?: readonly Block[];
  /** Its location (default: from the JS stack if the context has `locationsFromStack`, else unknown). */
  readonly location?: Location;
  /** Let the operation infer its result types (InferTypeOpInterface). */
  readonly inferResultTypes?: boolean;
  /**
   * Where to put it. Required when it has operands or successors: an
   * operation that refers to values or blocks must be created inside the
   * module (or detached operation) that defines them. Without it, the new
   * operation is detached, owned by its handle.
   */
  readonly insertAt?: InsertionPoint;
}

const OP_NAME = /^[A-Za-z_][A-Za-z0-9_$]*\.[A-Za-z0-9_$.]+$/;

/** The one owner every referenced value or block lives in, or null for none. */
function referencedOwner(operands: readonly unknown[], successors: readonly unknown[]): Owner | null {
  let owner: Owner | null = null;
  const elsewhere = (what: string) =>
    new StructuralError(`${what} lives in another module (or detached operation) than the other operands.`);
  for (let i = 0; i < operands.length; i++) {
    const v = operands[i];
    if (!(v instanceof Value)) throw argumentError(`Operand ${i}`, "a Value", v);
    v._live();
    if (owner !== null && owner !== v._where) throw elsewhere(`Operand ${i}`);
    owner = v._where;
  }
  for (let i = 0; i < successors.length; i++) {
    const b = successors[i];
    if (!(b instanceof Block)) throw argumentError(`Successor ${i}`, "a Block", b);
    b._live();
    if (owner !== null && owner !== b._owner) throw elsewhere(`Successor ${i}`);
    owner = b._owner;
  }
  return owner;
}

let scratch = new Float64Array(64);

/**
 * The shared buffer of an op's parts, at least `n` long. Filling it calls
 * no code that could build another op, so one buffer serves every call.
 */
function partsBuffer(n: number): Float64Array {
  if (n > scratch.length) scratch = new Float64Array(Math.max(n, scratch.length * 2));
  return scratch;
}

/**
 * `name` encoded, once checked to be an op MLIR knows (or the context
 * allows unknown ones); `what` names the argument in errors. A name once
 * registered stays so: its encoding is kept, and MLIR is not asked again.
 */
export function opNameArg(state: ContextState, name: unknown, what: string): Uint8Array {
  const text = stringArg(name, what);
  return state.registeredOpNames.get(text) ?? checkedName(state, text, what);
}

function checkedName(state: ContextState, name: string, what: string): Uint8Array {
  if (!OP_NAME.test(name)) throw argumentError(what, "of the form dialect.op", name);
  const encoded = encode(name);
  // Asking also loads the op's dialect: an op built before its dialect is
  // loaded would be unregistered, and MLIR frees its name when the dialect
  // loads later.
  if (lib.mlirffi_is_registered_operation(state.store, encoded, encoded.length)) {
    state.registeredOpNames.set(name, encoded);
  } else if (!lib.mlirffi_context_get_allow_unregistered(state.store)) {
    throw new ArgumentError(
      { argument: what, expected: "a registered operation", got: `'${name}', which is not registered` },
      { advice: "Check the name, or create the context with allowUnregisteredDialects." },
    );
  }
  return encoded;
}

/** Builds a detached operation (then inserts it at `spec.insertAt`, if given). */
export function createOperation(state: ContextState, spec: OperationSpec): Operation {
  state.check("Context");
  if (typeof spec !== "object" || spec === null) throw argumentError("createOperation's spec", "an OperationSpec object", spec);
  const name = stringArg(spec.name, "Operation name");
  const nameEncoded = opNameArg(state, name, "Operation name");
  const at = spec.insertAt;

  if (at !== undefined && !(at instanceof InsertionPoint)) throw argumentError("createOperation's insertAt", "an InsertionPoint", at);
  // Everything that could refuse the insertion is checked before anything is
  // built: a built operation refers to its operands' use lists at once.
  const operandList = listArg(spec.operands ?? [], "operands") as readonly Value[];
  const successorList = listArg(spec.successors ?? [], "successors") as readonly Block[];
  const referenced = referencedOwner(operandList, successorList);
  if (referenced !== null) {
    if (at === undefined) {
      throw new StructuralError(
        `'${name}' uses values or blocks: give insertAt, a place inside the module (or detached operation) that defines them.`,
      );
    }
    if (at._owner() !== referenced) {
      throw new StructuralError(`'${name}' must be inserted where its operands and successors live.`);
    }
  }
  if (at !== undefined && at._owner().context !== state) throw new StructuralError("insertAt is in another context.");
  if (at !== undefined && !at._viaRewriter()) refuseBlockChange(at._owner(), at.block._ptr, `insert '${name}'`);
  // Refused insertions (after a terminator, next to an op that left) are
  // refused now, not after building.
  const place = at?._placement(null) ?? null;
  const resultList = listArg(spec.results ?? [], "Result types");
  const attrs = spec.attributes ?? {};
  if (typeof attrs !== "object" || attrs === null) throw argumentError("createOperation's attributes", "an object of Attributes", attrs);
  const keys = Object.keys(attrs);
  // One buffer crosses: result types, operands, attribute names, attribute
  // values, successors, in that order (see native/src/build.c).
  const nResults = resultList.length, nOperands = operandList.length, nAttrs = keys.length;
  const parts = partsBuffer(nResults + nOperands + 2 * nAttrs + successorList.length);
  const operandsAt = nResults, namesAt = operandsAt + nOperands, valuesAt = namesAt + nAttrs, successorsAt = valuesAt + nAttrs;
  for (let i = 0; i < nOperands; i++) parts[operandsAt + i] = operandList[i]!._live();
  for (let i = 0; i < successorList.length; i++) parts[successorsAt + i] = successorList[i]!._live();
  if (successorList.length > 0) {
    const block = at!.block._ptr;
    const region = lib.mlirffi_block_parent_region(block);
    for (let i = 0; i < successorList.length; i++) {
      if (lib.mlirffi_block_parent_region(parts[successorsAt + i]!) !== region || region === 0) {
        throw new StructuralError(`Successor ${i} must be a block of the region the operation is inserted into.`);
      }
    }
  }
  const infer = boolArg(spec.inferResultTypes ?? false, false, "createOperation's inferResultTypes");
  if (infer && nResults > 0) {
    throw new ArgumentError(
      { argument: "createOperation's results", expected: "empty with inferResultTypes", got: `${nResults} result types` },
      { advice: "Give either results or inferResultTypes, not both." },
    );
  }
  // The common case inline: an argument's name is built only for its error.
  for (let i = 0; i < nResults; i++) {
    const t = resultList[i];
    parts[i] = t instanceof Type && t._state === state ? t._live() : typeArg(t, state, `Result types[${i}]`);
  }
  for (let i = 0; i < nAttrs; i++) {
    const k = keys[i]!;
    if (k === "") throw new ArgumentError({ argument: "createOperation's attribute names", expected: "non-empty", got: "an empty name" });
    parts[namesAt + i] = state.identifierOf(k);
    const a = attrs[k];
    parts[valuesAt + i] = a instanceof Attribute && a._state === state ? a._live() : attributeArg(a, state, `Attribute '${k}'`);
  }
  const regions = intArg(spec.regions ?? 0, 0, 65535, "regions");
  const loc = spec.location !== undefined
    ? locationArg(spec.location, state, "location")
    : state.locationsFromStack
    ? stackLocation(state)
    : lib.mlirffi_loc_unknown(state.store);

  const ptr = state.callNative(
    () =>
      lib.mlirffi_op_create(nameEncoded, nameEncoded.length, loc, parts, nResults, nOperands, nAttrs, successorList.length, regions, infer),
    (diagnostics) =>
      new ArgumentError({
        argument: `createOperation's description of '${name}'`,
        expected: infer ? "one MLIR can build and infer result types for" : "one MLIR can build",
        got: `${nOperands} operands, ${nResults} result types, attributes [${keys.join(", ")}] and ${regions} regions`,
      }, { diagnostics }),
  );
  if (at !== undefined && place !== null) {
    // Placed at once, so MLIR owns it from the start: the handle belongs to
    // the block's owner, and no detached owner (a finalizer registered, then
    // merged and unregistered on insert) is made only to be dropped. A new
    // op with empty regions cannot contain the block, so nothing else of an
    // insert's checks applies.
    const to = at._owner();
    place(ptr);
    return state.strategy.operation(to, ptr);
  }
  const owner = state.newOwner("operation", ptr, "operation");
  return state.strategy.operation(owner, ptr);
}
