/**
 * Source locations attached to operations and values.
 *
 * @module
 */
import { argumentError, intArg, optionsArg, stringArg } from "../base/args.ts";
import { callerFrames } from "./stack_frames.ts";
import { contextArg, type ContextState } from "./context_state.ts";
import type { Context } from "../context.ts";
import { ArgumentError } from "../base/errors.ts";
import { lib } from "../ffi/load.ts";
import { encode, takeText, TEXT, TEXT_CAP } from "../ffi/text.ts";
import { Uniqued } from "./uniqued.ts";
import { type Attribute, attributeArg } from "./attribute.ts";
import { wrapAttribute } from "./class_registry.ts";
import { ScopeStack } from "../base/scope_stack.ts";
import { f64Array } from "../base/f64_array.ts";

/** What kind of location it is. */
export type LocationKind = "unknown" | "file" | "name" | "callSite" | "fused" | "other";

const KINDS: readonly LocationKind[] = ["other", "unknown", "file", "name", "callSite", "fused"];
const U32 = 0xffffffff;
const checkUint = (n: unknown, what: string) => intArg(n, 0, U32, what);
const scopes = new ScopeStack<Location>();

/**
 * A source location: unknown, `file:line:col` (or a range), a name, a call
 * site, or several fused together.
 *
 * @example
 * ```ts
 * import { Context, Location } from "../mod.ts";
 * using ctx = new Context();
 * const at = Location.file(ctx, "in.mlir", 3, 7);
 * const call = Location.callSite(Location.named(ctx, "inner", at), Location.file(ctx, "main.mlir", 1, 1));
 * console.log(at.toString(), at.line, call.kind); // loc("in.mlir":3:7) 3 callSite
 * ```
 */
export class Location extends Uniqued {
  /** @internal */
  get _kind(): string {
    return "Location";
  }

  /**
   * The location made current by the innermost `enter()` scope, or null:
   * the one the dialect builders use when given no `loc`.
   */
  static get current(): Location | null {
    return scopes.current;
  }

  /**
   * Makes this the current location until the returned object is disposed,
   * like Python's `with loc:`.
   *
   * @example
   * ```ts
   * import { Context, Location } from "../mod.ts";
   * using ctx = new Context();
   * using _ = Location.file(ctx, "kernel.ts", 1, 1).enter();
   * console.log(Location.current?.toString()); // loc("kernel.ts":1:1)
   * ```
   */
  enter(): Disposable {
    this._live();
    return scopes.enter(this);
  }

  /** The unknown location. */
  static unknown(ctx: Context): Location {
    const state = contextArg(ctx, "Location.unknown's context");
    return new Location(state, lib.mlirffi_loc_unknown(state.store));
  }

  /** `file:line:column`. */
  static file(ctx: Context, file: string, line: number, column: number): Location {
    const state = contextArg(ctx, "Location.file's context");
    const bytes = encode(stringArg(file, "File name"));
    return new Location(
      state,
      lib.mlirffi_loc_file(state.store, bytes, bytes.length, checkUint(line, "Line"), checkUint(column, "Column")),
    );
  }

  /** `file:line:column to endLine:endColumn`. */
  static fileRange(
    ctx: Context,
    file: string,
    line: number,
    column: number,
    endLine: number,
    endColumn: number,
  ): Location {
    const state = contextArg(ctx, "Location.fileRange's context");
    const bytes = encode(stringArg(file, "File name"));
    return new Location(
      state,
      lib.mlirffi_loc_file_range(
        state.store,
        bytes,
        bytes.length,
        checkUint(line, "Line"),
        checkUint(column, "Column"),
        checkUint(endLine, "End line"),
        checkUint(endColumn, "End column"),
      ),
    );
  }

  /** A named location, wrapping `child` (unknown by default). */
  static named(ctx: Context, name: string, child?: Location): Location {
    const state = contextArg(ctx, "Location.named's context");
    const bytes = encode(stringArg(name, "Location name"));
    const c = child === undefined ? lib.mlirffi_loc_unknown(state.store) : locationArg(child, state, "Child location");
    return new Location(state, lib.mlirffi_loc_name(state.store, bytes, bytes.length, c));
  }

  /** `callee` as called from `caller`. */
  static callSite(callee: Location, caller: Location): Location {
    if (!(callee instanceof Location)) throw argumentError("Location.callSite's callee", "a Location", callee);
    if (!(caller instanceof Location)) throw argumentError("Location.callSite's caller", "a Location", caller);
    callee._live();
    const state = callee._state;
    return new Location(state, lib.mlirffi_loc_call_site(callee._live(), caller._in(state, "Caller location")));
  }

  /** Several locations fused into one, with optional metadata. */
  static fused(ctx: Context, locations: readonly Location[], metadata?: Attribute): Location {
    const state = contextArg(ctx, "Location.fused's context");
    if (!Array.isArray(locations)) throw argumentError("Location.fused's locations", "an array of Locations", locations);
    const ptrs = f64Array(locations, (l, i) => locationArg(l, state, `Fused location ${i}`));
    const meta = metadata === undefined ? 0 : attributeArg(metadata, state, "Fused location metadata");
    return new Location(state, lib.mlirffi_loc_fused(state.store, ptrs, ptrs.length, meta));
  }

  /**
   * The JavaScript call stack here as a location, as Python's traceback
   * locations: the innermost `limit` frames (10 by default, as upstream) of
   * the caller's code, each `"name"("file":line:col)` (a plain file
   * location for an anonymous function), chained as call sites, innermost
   * first: `callsite("inner"(...) at callsite("outer"(...) at ...))`. Frames
   * of mlir-ffi itself and of the runtime are left out; with none left it
   * is the unknown location. Builders and `ctx.createOperation` use it for
   * ops given no location when the context has `locationsFromStack` on.
   * On Bun, a function that returns another call's result is not on the
   * stack (JavaScriptCore's tail calls), so it has no frame here.
   *
   * @example
   * ```ts
   * import { Context, Location } from "../mod.ts";
   * using ctx = new Context();
   * function build(): string {
   *   const loc = Location.fromStack(ctx, { limit: 1 });
   *   return loc.name;
   * }
   * console.log(build()); // build
   * ```
   */
  static fromStack(ctx: Context, options?: { readonly limit?: number }): Location {
    const state = contextArg(ctx, "Location.fromStack's context");
    const o = optionsArg(options ?? {}, "Location.fromStack's options");
    const limit = o.limit === undefined ? STACK_FRAMES : intArg(o.limit, 1, MAX_STACK_FRAMES, "Location.fromStack's options.limit");
    return new Location(state, stackLocation(state, limit));
  }

  /** What kind of location this is. */
  get kind(): LocationKind {
    return KINDS[lib.mlirffi_loc_kind(this._live())] ?? "other";
  }

  #require(kind: LocationKind, what: string): number {
    const ptr = this._live();
    if (KINDS[lib.mlirffi_loc_kind(ptr)] !== kind) {
      throw new ArgumentError({
        argument: `The location whose ${what} was asked for`,
        expected: `a ${kind} location`,
        got: `a location of kind ${this.kind}`,
      });
    }
    return ptr;
  }

  #position(): Float64Array {
    const out = new Float64Array(4);
    lib.mlirffi_loc_file_position(this.#require("file", "line or column"), out);
    return out;
  }

  /** The file of a file location. */
  get file(): string {
    return this._state.identifier(lib.mlirffi_loc_file_name(this.#require("file", "file")));
  }

  /** The (start) line of a file location. */
  get line(): number {
    return this.#position()[0]!;
  }

  /** The (start) column of a file location. */
  get column(): number {
    return this.#position()[1]!;
  }

  /** The end line of a file location. */
  get endLine(): number {
    return this.#position()[2]!;
  }

  /** The end column of a file location. */
  get endColumn(): number {
    return this.#position()[3]!;
  }

  /** The name of a name location. */
  get name(): string {
    return this._state.identifier(lib.mlirffi_loc_name_name(this.#require("name", "name")));
  }

  /** The location a name location wraps. */
  get child(): Location {
    return new Location(this._state, lib.mlirffi_loc_name_child(this.#require("name", "child")));
  }

  /** The callee of a call site location. */
  get callee(): Location {
    return new Location(this._state, lib.mlirffi_loc_call_site_callee(this.#require("callSite", "callee")));
  }

  /** The caller of a call site location. */
  get caller(): Location {
    return new Location(this._state, lib.mlirffi_loc_call_site_caller(this.#require("callSite", "caller")));
  }

  /** The locations of a fused location. */
  get locations(): Location[] {
    const ptr = this.#require("fused", "locations");
    const out = new Float64Array(lib.mlirffi_loc_fused_size(ptr));
    lib.mlirffi_loc_fused_locations(ptr, out);
    return Array.from(out, (p) => new Location(this._state, p));
  }

  /** The metadata of a fused location, or null. */
  get metadata(): Attribute | null {
    const a = lib.mlirffi_loc_fused_metadata(this.#require("fused", "metadata"));
    return a === 0 ? null : wrapAttribute(this._state, a);
  }

  /**
   * Reports an error at this location through MLIR's diagnostic engine: it
   * reaches the context's `onDiagnostic` listeners.
   */
  emitError(message: string): void {
    const bytes = encode(stringArg(message, "Error message"));
    lib.mlirffi_emit_error(this._live(), bytes, bytes.length);
    this._state.takeDiagnostics();
  }

  /** The location in MLIR's textual form. */
  override toString(): string {
    return takeText(lib.mlirffi_loc_print(this._live(), TEXT, TEXT_CAP));
  }
}

/** Frames in a location from the stack: upstream's default `loc_tracebacks_frame_limit`. */
const STACK_FRAMES = 10;
const MAX_STACK_FRAMES = 1000;

/**
 * The native location of the caller's stack (see `Location.fromStack`):
 * what operations made without a location get in a context with
 * `locationsFromStack`.
 */
export function stackLocation(state: ContextState, limit: number = STACK_FRAMES): number {
  const frames = callerFrames(limit);
  let loc = 0;
  for (let i = frames.length - 1; i >= 0; i--) {
    const { name, file, line, column } = frames[i]!;
    const bytes = encode(file);
    let here = lib.mlirffi_loc_file(state.store, bytes, bytes.length, Math.min(line, U32), Math.min(column, U32));
    if (name !== null) {
      const n = encode(name);
      here = lib.mlirffi_loc_name(state.store, n, n.length, here);
    }
    loc = loc === 0 ? here : lib.mlirffi_loc_call_site(here, loc);
  }
  return loc === 0 ? lib.mlirffi_loc_unknown(state.store) : loc;
}

/** The pointer of a location argument, checked to belong to `state`'s context. */
export function locationArg(l: unknown, state: ContextState, what: string): number {
  if (!(l instanceof Location)) throw argumentError(what, "a Location", l);
  return l._in(state, what);
}
