/**
 * Dialect registries: which dialects a new context knows. By default a
 * context registers every upstream dialect; one made from a registry knows
 * only the dialects put in it (and `builtin`), which keeps a context for a
 * narrow job from loading what it never uses, and lets a context be extended
 * later with `ctx.appendDialectRegistry`. Registered dialects still load on
 * demand: when text names them, when an operation of theirs is built, or with
 * `ctx.loadDialect`.
 *
 * MLIR copies what a registry holds into the context it is given to, so a
 * registry can be disposed right after; until then it is a native object of
 * its own, freed by `dispose` (or by the garbage collector).
 *
 * @module
 */
import { argumentError, stringArg } from "../base/args.ts";
import { ArgumentError, InvalidHandleError } from "../base/errors.ts";
import { lib } from "../ffi/load.ts";
import { encode, takeText, TEXT, TEXT_CAP } from "../ffi/text.ts";
import { ThreadBound } from "../base/thread_bound.ts";

const finalizer = new FinalizationRegistry<number>((ptr) => lib.mlirffi_registry_destroy(ptr));

let known: readonly string[] | undefined;

/**
 * A set of dialects to register in a context.
 *
 * @example
 * ```ts
 * import { Context, DialectRegistry } from "../mod.ts";
 * using registry = new DialectRegistry().insert("func", "arith");
 * using ctx = new Context({ registry });
 * console.log(ctx.isRegisteredOperation("arith.addi"), ctx.isRegisteredOperation("scf.for")); // true false
 * ```
 */
export class DialectRegistry extends ThreadBound {
  #ptr: number;

  /** An empty registry. */
  constructor() {
    super();
    this.#ptr = lib.mlirffi_registry_create();
    finalizer.register(this, this.#ptr, this);
  }

  /**
   * The dialect names {@linkcode DialectRegistry.insert} accepts: every
   * upstream dialect MLIR's C API offers one by one.
   *
   * @example
   * ```ts
   * import { DialectRegistry } from "../mod.ts";
   * console.log(DialectRegistry.knownDialects.includes("linalg")); // true
   * ```
   */
  static get knownDialects(): readonly string[] {
    return known ??= Object.freeze(takeText(lib.mlirffi_registry_known_dialects(TEXT, TEXT_CAP)).split(","));
  }

  /** Whether the registry is still alive (not disposed). */
  get isValid(): boolean {
    return this.#ptr !== 0;
  }

  /**
   * Adds upstream dialects by name (e.g. `"func"`, `"arith"`); returns the
   * registry. Throws {@linkcode ArgumentError} for a name not in
   * {@linkcode DialectRegistry.knownDialects}, before adding any.
   */
  insert(...names: string[]): this {
    const ptr = this._live();
    const encoded = names.map((n, i) => {
      const name = stringArg(n, `DialectRegistry.insert's name ${i}`);
      if (!DialectRegistry.knownDialects.includes(name)) {
        throw new ArgumentError(
          { argument: `DialectRegistry.insert's name ${i}`, expected: "an upstream dialect name", got: `'${name}'` },
          { advice: "See DialectRegistry.knownDialects; dialects defined in IRDL are loaded with ctx.loadIRDLDialects." },
        );
      }
      return encode(name);
    });
    for (const bytes of encoded) lib.mlirffi_registry_insert(ptr, bytes, bytes.length);
    return this;
  }

  /**
   * Adds every upstream dialect, with the dialect extensions and external
   * interface models (what a default context registers); returns the registry.
   */
  insertAll(): this {
    lib.mlirffi_registry_insert_all(this._live());
    return this;
  }

  /** Frees the registry; contexts made from it keep their dialects. Disposing twice does nothing. */
  dispose(): void {
    if (this.#ptr === 0) return;
    finalizer.unregister(this);
    lib.mlirffi_registry_destroy(this.#ptr);
    this.#ptr = 0;
  }

  /** Same as {@linkcode DialectRegistry.dispose}, for `using`. */
  [Symbol.dispose](): void {
    this.dispose();
  }

  /** @internal The native registry, after checking it is alive. */
  _live(): number {
    if (this.#ptr === 0) throw new InvalidHandleError("DialectRegistry", "disposed");
    return this.#ptr;
  }
}

/** The native registry behind a live registry argument. */
export function registryArg(registry: unknown, what: string): number {
  if (!(registry instanceof DialectRegistry)) throw argumentError(what, "a DialectRegistry", registry);
  return registry._live();
}
