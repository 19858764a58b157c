/**
 * Creating operations from a description (MLIR's OperationState).
 *
 * @module
 */
import { argumentError, boolArg, intArg, listArg, stringArg } from "../base/args.ts";
import { type Attribute, attributeArg } from "./attribute.ts";
import { Block } from "./block.ts";
import { ArgumentError, StructuralError } from "../base/errors.ts";
import { lib } from "../ffi/load.ts";
import { encode } from "../ffi/text.ts";
import { InsertionPoint } from "./insertion_point.ts";
import { type Location, locationArg } from "./location.ts";
import type { Owner } from "../safety/ledger.ts";
import type { Operation } from "./operation.ts";
import type { ContextState } from "./context_state.ts";
import { type Type, typesArg } from "./type.ts";
import { Value } from "./value.ts";

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
  /** Its location (unknown by default). */
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
  const note = (o: Owner, what: string) => {
    if (owner !== null && owner !== o) {
      throw new StructuralError(`${what} lives in another module (or detached operation) than the other operands.`);
    }
    owner = o;
  };
  for (const [i, v] of operands.entries()) {
    if (!(v instanceof Value)) throw argumentError(`Operand ${i}`, "a Value", v);
    v._live();
    note(v._where, `Operand ${i}`);
  }
  for (const [i, b] of successors.entries()) {
    if (!(b instanceof Block)) throw argumentError(`Successor ${i}`, "a Block", b);
    b._live();
    note(b._owner, `Successor ${i}`);
  }
  return owner;
}

/** Builds a detached operation (then inserts it at `spec.insertAt`, if given). */
export function createOperation(state: ContextState, spec: OperationSpec): Operation {
  state.check("Context");
  if (typeof spec !== "object" || spec === null) throw argumentError("createOperation's spec", "an OperationSpec object", spec);
  const name = stringArg(spec.name, "Operation name");
  if (!OP_NAME.test(name)) throw argumentError("Operation name", "of the form dialect.op", name);
  const nameEncoded = encode(name);
  // Asking also loads the op's dialect: an op built before its dialect is
  // loaded would be unregistered, and MLIR frees its name when the dialect
  // loads later.
  const registered = lib.mlirffi_is_registered_operation(state.store, nameEncoded, nameEncoded.length);
  if (!registered && !lib.mlirffi_context_get_allow_unregistered(state.store)) {
    throw new ArgumentError(
      { argument: "Operation name", expected: "a registered operation", got: `'${name}', which is not registered` },
      { advice: "Check the name, or create the context with allowUnregisteredDialects." },
    );
  }
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
  // Refused insertions (after a terminator, next to an op that left) are
  // refused now, not after building.
  const place = at?._placement(null) ?? null;
  const operands = Float64Array.from(operandList, (v) => v._live());
  const successors = Float64Array.from(successorList, (b) => b._live());
  if (successors.length > 0) {
    const block = at!.block._ptr;
    const region = lib.mlirffi_block_parent_region(block);
    for (const [i, s] of successors.entries()) {
      if (lib.mlirffi_block_parent_region(s) !== region || region === 0) {
        throw new StructuralError(`Successor ${i} must be a block of the region the operation is inserted into.`);
      }
    }
  }
  const infer = boolArg(spec.inferResultTypes ?? false, false, "createOperation's inferResultTypes");
  if (infer && (spec.results?.length ?? 0) > 0) {
    throw new ArgumentError(
      { argument: "createOperation's results", expected: "empty with inferResultTypes", got: `${spec.results!.length} result types` },
      { advice: "Give either results or inferResultTypes, not both." },
    );
  }
  const results = typesArg(spec.results ?? [], state, "Result types");
  const attrs = spec.attributes ?? {};
  if (typeof attrs !== "object" || attrs === null) throw argumentError("createOperation's attributes", "an object of Attributes", attrs);
  const keys = Object.keys(attrs);
  if (keys.includes("")) {
    throw new ArgumentError({ argument: "createOperation's attribute names", expected: "non-empty", got: "an empty name" });
  }
  const names = Float64Array.from(keys, (k) => state.identifierOf(k));
  const values = Float64Array.from(keys, (k) => attributeArg(attrs[k], state, `Attribute '${k}'`));
  const regions = intArg(spec.regions ?? 0, 0, 65535, "regions");
  const loc = spec.location === undefined ? lib.mlirffi_loc_unknown(state.store) : locationArg(spec.location, state, "location");

  const ptr = state.callNative(
    () =>
      lib.mlirffi_op_create(
        nameEncoded,
        nameEncoded.length,
        loc,
        results,
        results.length,
        operands,
        operands.length,
        names,
        values,
        keys.length,
        successors,
        successors.length,
        regions,
        infer,
      ),
    (diagnostics) =>
      new ArgumentError({
        argument: `createOperation's description of '${name}'`,
        expected: infer ? "one MLIR can build and infer result types for" : "one MLIR can build",
        got: `${operands.length} operands, ${results.length} result types, attributes [${keys.join(", ")}] and ${regions} regions`,
      }, { diagnostics }),
  );
  const owner = state.newOwner("operation", ptr, "operation");
  const op = state.strategy.operation(owner, ptr);
  if (at !== undefined && place !== null) at._insertWith(op, place);
  return op;
}
