/**
 * The base of types, attributes, locations and affine expressions, maps and
 * integer sets: objects MLIR uniques in their context. They are never freed
 * before the context, so checking the context is all the safety they need,
 * and equal objects have equal pointers.
 *
 * @module
 */
import { ArgumentError, InvalidHandleError } from "../base/errors.ts";
import type { ContextState } from "./context_state.ts";
import type { Context } from "../context.ts";

/** A type, attribute, location, affine expression, affine map or integer set, uniqued in a context. */
export abstract class Uniqued {
  /** @internal */
  readonly _state: ContextState;
  /** @internal */
  readonly _ptr: number;

  /** @internal Made by the context and the IR classes. */
  constructor(state: ContextState, ptr: number) {
    this._state = state;
    this._ptr = ptr;
  }

  /** @internal The kind name used in error messages. */
  abstract get _kind(): string;

  /** @internal The pointer, after checking the context is alive. */
  _live(): number {
    if (!this._state.alive) throw new InvalidHandleError(this._kind, "context disposed");
    return this._ptr;
  }

  /** @internal The pointer, checked to belong to `state`'s context (for arguments). */
  _in(state: ContextState, what: string): number {
    const ptr = this._live();
    if (this._state !== state) {
      const kind = this._kind;
      throw new ArgumentError({ argument: what, expected: "of this Context", got: `${/^[AEIOU]/.test(kind) ? "an" : "a"} ${kind} of another context` });
    }
    return ptr;
  }

  /** The context it belongs to. */
  get context(): Context {
    this._live();
    return this._state.api as Context;
  }

  /** Whether its context is still alive. */
  get isValid(): boolean {
    return this._state.alive;
  }

  /** A primitive equal for equal objects of one context. */
  get key(): number {
    return this._live();
  }

  /** True when both are the same uniqued object. */
  equals(other: unknown): boolean {
    return other instanceof Uniqued && other._kind === this._kind && other._state === this._state &&
      this.isValid && other._ptr === this._ptr;
  }
}
