/**
 * Source locations attached to operations and values.
 *
 * @module
 */
import { argumentError, intArg, stringArg } from "../base/args.ts";
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

/** The pointer of a location argument, checked to belong to `state`'s context. */
export function locationArg(l: unknown, state: ContextState, what: string): number {
  if (!(l instanceof Location)) throw argumentError(what, "a Location", l);
  return l._in(state, what);
}
