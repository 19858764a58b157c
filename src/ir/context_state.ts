/**
 * The internal state behind a {@linkcode Context}: its native records, its
 * handle strategy, and what everything made in it needs to reach.
 *
 * @module
 */
import { type Diagnostic, InvalidHandleError } from "../base/errors.ts";
import { lib } from "../ffi/load.ts";
import { nameBytes, takeText, TEXT, TEXT_CAP } from "../ffi/text.ts";
import { type CellKind, type ContextCell, disposeContext, liveOwners, own, trackContext } from "../safety/native_lifetimes.ts";
import { Owner, type OwnerKind } from "../safety/ledger.ts";
import type { HandleKinds, HandleStrategy } from "../../strategies/mod.ts";
import type { Block } from "./block.ts";
import type { Operation } from "./operation.ts";
import type { Region } from "./region.ts";
import type { BlockArgument, OpOperand, OpResult } from "./value.ts";
import { ThreadBound } from "../base/thread_bound.ts";
import { BoundedMap } from "../base/bounded_map.ts";
import { argumentError } from "../base/args.ts";
import type { Attribute } from "./attribute.ts";
import type { Type } from "./type.ts";

/** Options for creating a native context. */
export interface NativeContextOptions {
  readonly allowUnregisteredDialects: boolean;
  readonly threading: boolean;
  /** The native registry to take the dialects from (default: every upstream dialect). */
  readonly registry?: number;
}

/** The IR classes behind each kind of handle a strategy makes. */
export interface IrHandles extends HandleKinds {
  readonly operation: Operation;
  readonly block: Block;
  readonly argument: BlockArgument;
  readonly result: OpResult;
  readonly region: Region;
  readonly operand: OpOperand;
}

/** Everything a handle needs from its context. */
export class ContextState extends ThreadBound {
  /** The shim's context record (for shim functions taking a context). */
  readonly store: number;
  /** The MlirContext itself. */
  readonly raw: number;
  readonly cell: ContextCell;
  /** Set once by the constructor's caller (it needs `this` to be built). */
  strategy!: HandleStrategy<IrHandles>;
  /** Dense resources made here, whose data is known to exist. */
  readonly ownedResources: Set<number> = new Set();
  /** Receivers of every diagnostic (ctx.onDiagnostic). */
  readonly listeners: Set<(d: Diagnostic) => void> = new Set();
  /**
   * Offers a diagnostic to the attached handlers (diagnostic_handlers.ts);
   * true when one handled it. Null while none is attached.
   */
  offerDiagnostic: ((d: Diagnostic) => boolean) | null = null;
  /** Identifier (uniqued in the context) → string: attribute names. */
  private readonly identifiers = new BoundedMap<number, string>(CACHE_LIMIT);
  /** String → identifier; the last hit is kept apart, hot loops ask for one name. */
  private readonly identifierIds = new BoundedMap<string, number>(CACHE_LIMIT);
  /**
   * Wrappers of the attributes and types read from the IR, by pointer. Both
   * live as long as the context and never change, so a wrapper can be handed
   * out again; a hit saves the native kind lookup and the allocation.
   */
  readonly attributes: BoundedMap<number, Attribute> = new BoundedMap(CACHE_LIMIT);
  readonly types: BoundedMap<number, Type> = new BoundedMap(CACHE_LIMIT);
  /** The type caster generation the two caches above were filled under (type_casters.ts). */
  casterGeneration = 0;
  /**
   * Registered operation names, UTF-8 encoded: createOperation's check, made
   * once per name (registration is never undone, and encoding a string costs
   * half a microsecond on Deno).
   */
  readonly registeredOpNames: BoundedMap<string, Uint8Array> = new BoundedMap(CACHE_LIMIT);
  private lastName = "";
  private lastId = 0;
  /** Operation names by their index in the shim's name table (native/src/names.c). */
  private readonly names: string[] = [];

  /** Whether ops made without a location get one from the JS stack (Context option `locationsFromStack`). */
  locationsFromStack = false;

  /**
   * Whether MLIR may run on its thread pool in this context (Context option
   * `threading`, then `ctx.enableMultithreading`; never changed while a
   * transform runs).
   */
  threading: boolean;

  /**
   * @param options Native context options.
   * @param api The public Context object (opaque here), kept for handles' `context`.
   */
  constructor(options: NativeContextOptions, readonly api: object) {
    super();
    this.threading = options.threading;
    this.store = options.registry === undefined
      ? lib.mlirffi_context_create(options.allowUnregisteredDialects, options.threading)
      : lib.mlirffi_context_create_with_registry(options.registry, options.allowUnregisteredDialects, options.threading);
    this.raw = lib.mlirffi_context_raw(this.store);
    this.cell = trackContext(this.store, this);
    states.set(api, this);
  }

  get alive(): boolean {
    return this.cell.alive;
  }

  /** Throws {@linkcode InvalidHandleError} once the context is disposed. */
  check(kind: string): void {
    if (!this.cell.alive) throw new InvalidHandleError(kind, "context disposed");
  }

  /** The string of an identifier, cached: names are read on hot paths. */
  identifier(id: number): string {
    return this.identifiers.get(id) ?? this.identifiers.set(id, takeText(lib.mlirffi_identifier_str(id, TEXT, TEXT_CAP)));
  }

  /**
   * The identifier of `name` in this context. MLIR keeps identifiers until
   * the context goes; the cache is cleared past a bound all the same.
   */
  identifierOf(name: string): number {
    if (name === this.lastName) return this.lastId;
    let id = this.identifierIds.get(name);
    if (id === undefined) {
      const bytes = nameBytes(name);
      id = this.identifierIds.set(name, lib.mlirffi_identifier_get(this.raw, bytes, bytes.length));
    }
    this.lastName = name;
    this.lastId = id;
    return id;
  }

  /** The operation name with index `index` in the shim's name table. */
  nameAt(index: number): string {
    return (this.names[index] ??= takeText(lib.mlirffi_name_at(this.store, index, TEXT, TEXT_CAP)));
  }

  /** The name of the operation at `op` (known to be live). */
  opName(op: number): string {
    return this.nameAt(lib.mlirffi_op_name_index(this.store, op));
  }

  /**
   * Drains the diagnostics MLIR reported since the last call (rewritten by
   * `fix`, e.g. to rename a file, before anyone sees them); tells the listeners.
   */
  takeDiagnostics(fix?: (d: Diagnostic) => Diagnostic): Diagnostic[] {
    if (lib.mlirffi_diag_count(this.store) === 0) return [];
    const taken = JSON.parse(takeText(lib.mlirffi_diag_take(this.store, TEXT, TEXT_CAP))) as (Diagnostic & { offered?: true })[];
    // Handlers get those MLIR could not offer them when it reported them.
    let diagnostics: Diagnostic[] = taken.filter((d) => {
      if (d.offered) return delete d.offered;
      return this.offerDiagnostic === null || !this.offerDiagnostic(fix === undefined ? d : fix(d));
    });
    if (fix !== undefined) diagnostics = diagnostics.map(fix);
    for (const listener of this.listeners) {
      for (const d of diagnostics) listener(d);
    }
    return diagnostics;
  }

  /**
   * Diagnostics reported during a native call before it called back into JS,
   * set aside by the callback (see {@linkcode carryPending}) so that calls
   * made inside the callback do not take them; the outer call gets them back.
   */
  private readonly carried: Diagnostic[] = [];

  /**
   * Called on entering a callback from MLIR: sets aside what the native call
   * that is calling back has reported so far, for that call to collect.
   */
  carryPending(): void {
    if (lib.mlirffi_diag_count(this.store) === 0) return;
    this.carried.push(...this.takeDiagnostics());
  }

  /**
   * Makes a native call that reports through MLIR's diagnostic engine, and
   * gives it exactly the diagnostics it caused: those reported before are
   * drained first (the listeners hear them, nobody else), then `call` runs,
   * then what it reported is drained (rewritten by `fix`, and the listeners
   * told, success or not). A falsy result (a null pointer, `false`, `null`)
   * is a failure: `error(diagnostics)` is thrown. Otherwise the result is
   * returned.
   *
   * Draining reuses the native text result, so a `call` that leaves text
   * there (bytecode, an error message) must read it before returning.
   */
  callNative<T>(
    call: () => T | null | false | 0,
    error: (diagnostics: Diagnostic[]) => Error,
    fix?: (d: Diagnostic) => Diagnostic,
  ): T {
    this.takeDiagnostics();
    const base = this.carried.length;
    const result = call();
    const carried = this.carried.splice(base);
    const diagnostics = this.takeDiagnostics(fix);
    if (carried.length > 0) diagnostics.unshift(...(fix === undefined ? carried : carried.map(fix)));
    if (!result) throw error(diagnostics);
    return result;
  }

  /** A new ownership root whose native object the JS side frees. */
  newOwner(kind: OwnerKind, root: number, cellKind: CellKind): Owner {
    const owner = new Owner(this, kind, root);
    owner.cell = own(this.cell, cellKind, root, owner, owner);
    return owner;
  }

  /** Owners holding native objects (introspection). */
  owners(): Iterable<Owner> {
    return liveOwners(this.cell);
  }

  /** Disposes the native context and everything still owned in it. */
  dispose(): void {
    disposeContext(this.cell, (owner) => {
      this.strategy.closed(owner);
      owner.close("context disposed");
    });
    this.identifiers.clear();
    this.registeredOpNames.clear();
    this.identifierIds.clear();
    this.attributes.clear();
    this.types.clear();
    this.lastName = "";
    this.names.length = 0;
    this.ownedResources.clear();
  }
}

/** Entries per cache: far more than a hot loop touches, small next to a context. */
const CACHE_LIMIT = 4096;

/**
 * Each public Context's state. A WeakMap rather than `instanceof Context`:
 * the IR below the Context class can then check a context argument without
 * importing it (an import cycle), and no other object can pass for one.
 */
const states = new WeakMap<object, ContextState>();

/** The state of a live context argument. */
export function contextArg(ctx: unknown, what: string): ContextState {
  const state = typeof ctx === "object" && ctx !== null ? states.get(ctx) : undefined;
  if (state === undefined) throw argumentError(what, "a Context", ctx);
  state.check("Context");
  return state;
}

/** The context state an owner belongs to. */
export function stateOf(owner: Owner): ContextState {
  return owner.context as ContextState;
}
