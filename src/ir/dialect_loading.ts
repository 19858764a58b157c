/**
 * Which dialects a context has: appending a registry, loading registered
 * dialects, asking about operations, and loading dialects defined in IRDL.
 *
 * IRDL (`irdl.dialect` operations) defines dialects at run time; once
 * loaded, their operations parse, verify and build through
 * `createOperation` like any other. MLIR verifies the definitions before
 * loading and reports what is wrong as diagnostics, which become the
 * `diagnostics` of the error thrown here.
 *
 * @module
 */
import { argumentError, stringArg } from "../base/args.ts";
import { ArgumentError } from "../base/errors.ts";
import { lib } from "../ffi/load.ts";
import { encode } from "../ffi/text.ts";
import type { ContextState } from "./context_state.ts";
import { registryArg } from "./dialect_registry.ts";
import { Module } from "./module.ts";
import { Operation } from "./operation.ts";
import { stateOf } from "./context_state.ts";

/** Registers the registry's dialects in the context as well. */
export function appendDialectRegistry(state: ContextState, registry: unknown): void {
  state.check("Context");
  lib.mlirffi_context_append_registry(state.store, registryArg(registry, "appendDialectRegistry's registry"));
}

/** Loads a registered dialect now (a no-op when loaded). */
export function loadDialect(state: ContextState, name: unknown): void {
  state.check("Context");
  const text = stringArg(name, "loadDialect's name");
  const bytes = encode(text);
  if (!lib.mlirffi_context_load_dialect(state.store, bytes, bytes.length)) {
    throw new ArgumentError(
      { argument: "loadDialect's name", expected: "a dialect registered in this context", got: `'${text}'` },
      { advice: "Register it first: new Context({ registry }) or ctx.appendDialectRegistry(registry)." },
    );
  }
}

/** Whether `name` is an operation of a dialect registered in the context (loading the dialect). */
export function isRegisteredOperation(state: ContextState, name: unknown): boolean {
  state.check("Context");
  const bytes = encode(stringArg(name, "isRegisteredOperation's name"));
  return lib.mlirffi_is_registered_operation(state.store, bytes, bytes.length);
}

/** Loads the dialects an IRDL module defines. */
export function loadIRDLDialects(state: ContextState, module: unknown): void {
  state.check("Context");
  const op = module instanceof Module ? module.operation : module;
  if (!(op instanceof Operation)) throw argumentError("loadIRDLDialects's module", "a Module or a builtin.module Operation", module);
  const ptr = op._live();
  if (stateOf(op._owner) !== state) {
    throw new ArgumentError({ argument: "loadIRDLDialects's module", expected: "of this Context", got: "a module of another context" });
  }
  // MLIR casts the op to a module without checking.
  if (op.name !== "builtin.module") {
    throw new ArgumentError({ argument: "loadIRDLDialects's module", expected: "a Module or a builtin.module Operation", got: `'${op.name}'` });
  }
  state.callNative(
    () => lib.mlirffi_irdl_load_dialects(ptr),
    (diagnostics) =>
      new ArgumentError(
        { argument: "loadIRDLDialects's module", expected: "IRDL definitions MLIR can load", got: "definitions MLIR refused" },
        { diagnostics },
      ),
  );
}
