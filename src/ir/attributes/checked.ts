/**
 * Turning a null result of a checked native constructor into MLIR's reason.
 *
 * @module
 */
import type { Attribute } from "../attribute.ts";
import { ArgumentError } from "../../base/errors.ts";
import type { ContextState } from "../context_state.ts";

/** Wraps `ptr` as `kind`, or throws with the diagnostics MLIR emitted for a null. */
export function checkedAttribute<T extends Attribute>(
  state: ContextState,
  ptr: number,
  kind: new (state: ContextState, ptr: number) => T,
  what: string,
): T {
  const diagnostics = state.takeDiagnostics();
  if (ptr === 0) throw new ArgumentError(`Invalid ${what}.`, diagnostics);
  return new kind(state, ptr);
}
