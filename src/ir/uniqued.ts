/**
 * The base of types, attributes, locations and affine expressions, maps and
 * integer sets: objects MLIR uniques in their context. They are never freed
 * before the context, so checking the context is all the safety they need,
 * and equal objects have equal pointers.
 *
 * @module
 */
import { ArgumentError, InvalidHandleError } from "../base/errors.ts";
import { ContextState } from "./context_state.ts";
import type { Context } from "../context.ts";
import { argumentError } from "../base/args.ts";

// deno-lint-ignore no-explicit-any
type AnyClass = abstract new (...args: any[]) => Uniqued;
const builtinTables: (() => readonly AnyClass[])[] = [];
let builtins: Set<AnyClass> | null = null;

/**
 * @internal Adds a table of builtin classes (types/wrap.ts, attributes/wrap.ts):
 * the classes whose methods assume a kind of native object. Read on first
 * use, since the tables name subclasses that import this module.
 */
export function addBuiltinClasses(table: () => readonly AnyClass[]): void {
  builtinTables.push(table);
  builtins = null;
}

const article = (name: string) => `${/^[AEIOU]/.test(name) ? "an" : "a"} ${name}`;

/** The nearest class `cls` extends (or is) whose methods assume a kind of native object. */
function nearestBuiltin(cls: AnyClass): AnyClass {
  builtins ??= new Set(builtinTables.flatMap((t) => t()));
  for (let c = cls; c !== Uniqued && c !== null; c = Object.getPrototypeOf(c)) {
    if (builtins.has(c)) return c;
  }
  // Not a type or an attribute (a Location, an affine object): only an
  // instance of the class itself.
  return cls;
}

/** A type, attribute, location, affine expression, affine map or integer set, uniqued in a context. */
export abstract class Uniqued {
  /** @internal */
  readonly _state: ContextState;
  /** @internal */
  readonly _ptr: number;

  /** @internal Made by the context and the IR classes. */
  constructor(state: ContextState, ptr: number);
  /**
   * The same object as `of`, seen as this class: how a subclass of your own
   * (for `registerTypeCaster`) wraps the object it is given, and a checked
   * cast, as Python's `IntegerType(t)`. `of` must be an instance of the
   * nearest builtin class this one extends (`new IntegerType(t)` needs an
   * `IntegerType`), so no method can reach the wrong kind of native object.
   */
  constructor(of: Uniqued);
  constructor(stateOrOf: ContextState | Uniqued, ptr?: number) {
    if (stateOrOf instanceof Uniqued) {
      const of = stateOrOf;
      const builtin = nearestBuiltin(new.target);
      if (!(of instanceof builtin)) {
        throw argumentError(`new ${new.target.name}'s argument`, article(builtin.name), of);
      }
      this._ptr = of._live();
      this._state = of._state;
      return;
    }
    // Only the IR classes pass a state, with a pointer they got from MLIR.
    if (!(stateOrOf instanceof ContextState) || typeof ptr !== "number") {
      throw argumentError(`new ${new.target.name}'s argument`, article(new.target.name), stateOrOf);
    }
    this._state = stateOrOf;
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
