/**
 * User-registered casters, as Python's `register_type_caster`: a function,
 * keyed by TypeID, that turns a type or attribute read from the IR into an
 * instance of the user's own subclass. The class tables (types/wrap.ts,
 * attributes/wrap.ts) still pick the most specific builtin class first; a
 * caster gets that object and returns the one handed out.
 *
 * The registry is global, as upstream's (TypeIDs are per process), while
 * wrappers are cached per context: registering or removing a caster bumps
 * a generation that makes every context drop its cached wrappers on their
 * next read, so no context hands out a wrapper made under other casters.
 * What a caster returns is checked (a Type or Attribute of the very object
 * it was given); a caster that throws or returns anything else is a
 * TypeCasterError, and nothing is cached.
 *
 * @module
 */
import { argumentError, boolArg, describe, optionsArg } from "../base/args.ts";
import { ArgumentError, TypeCasterError } from "../base/errors.ts";
import type { Attribute } from "./attribute.ts";
import type { ContextState } from "./context_state.ts";
import type { Type } from "./type.ts";
import { TypeID } from "./type_id.ts";
import { Uniqued } from "./uniqued.ts";

/**
 * Turns a type or attribute into an instance of your subclass of its class
 * (made with `new MyType(t)`), or returns it unchanged.
 */
export type TypeCaster<T extends Type | Attribute = Type | Attribute> = (value: T) => T;

/** Options of {@linkcode registerTypeCaster}. */
export interface TypeCasterOptions {
  /** Replace a caster already registered for the TypeID (default false: that is an error, as upstream). */
  readonly replace?: boolean;
}

interface Entry {
  readonly caster: (value: Uniqued) => unknown;
}

const casters = new Map<number, Entry>();
let generation = 0;
/** Objects being cast now: a caster that reads its own object again gets the builtin one. */
const casting: Uniqued[] = [];

/**
 * Registers `caster` for every type or attribute whose class has `typeID`:
 * `value.type`, `attr.type`, `ctx.parseType`, attribute reads and every
 * other read from the IR then return what it returns. Registering a second
 * caster for one TypeID needs `{ replace: true }`, else it is an
 * `ArgumentError`. Returns a registration whose `dispose()` removes the
 * caster again (if it was not replaced meanwhile).
 *
 * @example
 * ```ts
 * import { Context, IntegerType, registerTypeCaster } from "./mod.ts";
 * class Byte extends IntegerType {
 *   get isByte(): boolean {
 *     return this.width === 8;
 *   }
 * }
 * using ctx = new Context();
 * using _ = registerTypeCaster<IntegerType>(IntegerType.staticTypeID, (t) => t.width === 8 ? new Byte(t) : t);
 * const t = ctx.parseType("i8");
 * console.log(t instanceof Byte && t.isByte); // true
 * ```
 */
export function registerTypeCaster<T extends Type | Attribute>(
  typeID: TypeID,
  caster: TypeCaster<T>,
  options?: TypeCasterOptions,
): TypeCasterRegistration {
  if (!(typeID instanceof TypeID)) throw argumentError("registerTypeCaster's typeID", "a TypeID", typeID);
  if (typeof caster !== "function") throw argumentError("registerTypeCaster's caster", "a function", caster);
  const replace = boolArg(optionsArg(options ?? {}, "registerTypeCaster's options").replace, false, "registerTypeCaster's options.replace");
  const key = typeID.key;
  if (casters.has(key) && !replace) {
    throw new ArgumentError(
      { argument: "registerTypeCaster's typeID", expected: "a TypeID without a caster", got: `${typeID}, which has one` },
      { advice: "Pass { replace: true } to replace it." },
    );
  }
  const entry: Entry = { caster: caster as (value: Uniqued) => unknown };
  casters.set(key, entry);
  generation++;
  return new TypeCasterRegistration(() => {
    if (casters.get(key) !== entry) return;
    casters.delete(key);
    generation++;
  });
}

/**
 * A registered caster; `dispose()` (or `using`) removes it.
 *
 * @example
 * ```ts
 * import { Context, IntegerType, registerTypeCaster } from "./mod.ts";
 * using ctx = new Context();
 * const registration = registerTypeCaster(IntegerType.staticTypeID, (t) => t);
 * registration.dispose();
 * ```
 */
export class TypeCasterRegistration {
  #remove: (() => void) | null;

  /** @internal Made by registerTypeCaster. */
  constructor(remove: () => void) {
    this.#remove = remove;
  }

  /** Removes the caster (nothing if it was replaced or removed already). */
  dispose(): void {
    this.#remove?.();
    this.#remove = null;
  }

  /** Same as {@linkcode TypeCasterRegistration.dispose}, for `using`. */
  [Symbol.dispose](): void {
    this.dispose();
  }
}

/** Whether any caster is registered (the class tables skip the TypeID lookup otherwise). */
export function hasCasters(): boolean {
  return casters.size > 0;
}

/**
 * Drops `state`'s cached type and attribute wrappers if the casters changed
 * since it last cached one: one comparison on the read path.
 */
export function syncCasters(state: ContextState): void {
  if (state.casterGeneration === generation) return;
  state.types.clear();
  state.attributes.clear();
  state.casterGeneration = generation;
}

/** `base` (a fresh wrapper of `kind`), as the caster registered for `typeIDPtr` makes it. */
export function applyCaster<T extends Type | Attribute>(kind: "Type" | "Attribute", base: T, typeIDPtr: number): T {
  const entry = casters.get(typeIDPtr);
  if (entry === undefined) return base;
  for (const c of casting) if (c._ptr === base._ptr && c._state === base._state) return base;
  let result: unknown;
  casting.push(base);
  try {
    result = entry.caster(base);
  } catch (e) {
    const got = `a thrown ${e instanceof Error ? e.name : describe(e)}`;
    throw new TypeCasterError(kind, base.toString(), got, { cause: e });
  } finally {
    casting.pop();
  }
  if (result instanceof Uniqued && result._kind === kind && result._ptr === base._ptr && result._state === base._state) {
    return result as T;
  }
  const got = result instanceof Uniqued
    ? `${/^[AEIOU]/.test(result._kind) ? "an" : "a"} ${result._kind} of another object`
    : describe(result);
  throw new TypeCasterError(kind, base.toString(), got);
}
