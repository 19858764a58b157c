/**
 * Symbol tables: named operations (functions, globals) in a symbol table
 * operation such as a module.
 *
 * MLIR's SymbolTable caches names and would hand back a freed operation if
 * one were erased behind its back; this one asks MLIR afresh on every call,
 * so it is never stale.
 *
 * @module
 */
import { argumentError, stringArg } from "../base/args.ts";
import { ArgumentError, StructuralError } from "../base/errors.ts";
import { collect } from "../ffi/batch.ts";
import { lib } from "../ffi/load.ts";
import { encode } from "../ffi/text.ts";
import { asOperation, type Operation } from "./operation.ts";
import { insertOperation } from "./ownership_events.ts";
import { stateOf } from "./context_state.ts";
import { StringAttr } from "./attributes/scalar.ts";
import { wrapAttribute } from "./class_registry.ts";
import { ThreadBound } from "../base/thread_bound.ts";

/** A symbol's visibility. */
export type Visibility = "public" | "private" | "nested";

const VISIBILITIES: readonly Visibility[] = ["public", "private", "nested"];

/**
 * The symbols of a symbol table operation (e.g. a module).
 *
 * @example
 * ```ts
 * import { Context, SymbolTable } from "../mod.ts";
 * using ctx = new Context();
 * using mod = ctx.parseModule("func.func private @f()\nfunc.func @g() { call @f() : () -> ()\n return }");
 * const table = new SymbolTable(mod.operation);
 * table.rename(table.get("f")!, "helper");
 * console.log(mod.toString().includes("call @helper"), SymbolTable.getVisibility(table.get("helper")!)); // true private
 * ```
 */
export class SymbolTable extends ThreadBound {
  readonly #op: Operation;

  /** The symbol table of `op`, which must be a symbol table operation with one block. */
  constructor(op: Operation) {
    super();
    const table = asOperation(op, "SymbolTable's operation");
    if (!lib.mlirffi_symbol_table_ok(table._live())) {
      throw new ArgumentError({
        argument: "SymbolTable's operation",
        expected: "a symbol table operation with a single block",
        got: `'${table.name}'`,
      });
    }
    this.#op = table;
  }

  /** The symbol table operation. */
  get operation(): Operation {
    this.#op._live();
    return this.#op;
  }

  /** The symbol called `name`, or undefined. */
  get(name: string): Operation | undefined {
    const bytes = encode(stringArg(name, "Symbol name"));
    const table = this.#op._live();
    const found = lib.mlirffi_symbol_table_lookup(table, bytes, bytes.length);
    if (found === 0) return undefined;
    const owner = this.#op._owner;
    return stateOf(owner).strategy.operation(owner, found);
  }

  /** Whether a symbol called `name` exists. */
  has(name: string): boolean {
    return this.get(name) !== undefined;
  }

  /**
   * Inserts a detached symbol operation (renaming it if its name is taken)
   * and returns the name it ends up with.
   */
  insert(op: Operation): string {
    const symbol = asOperation(op, "SymbolTable.insert's argument");
    const ptr = symbol._live();
    if (lib.mlirffi_op_block(ptr) !== 0) {
      throw new StructuralError(`Only a detached operation can be inserted; detach '${symbol.name}' first.`);
    }
    if (!lib.mlirffi_is_symbol(ptr)) throw notASymbol("SymbolTable.insert's argument", symbol);
    const table = this.#op._live();
    let name = 0;
    symbol._moved(
      insertOperation(symbol._owner, ptr, symbol.name, this.#op._owner, table, (p) => {
        name = lib.mlirffi_symbol_table_insert(table, p);
      }),
    );
    return (wrapAttribute(stateOf(this.#op._owner), name) as StringAttr).value;
  }

  /** Erases a symbol of this table (refused while its results are used). */
  erase(op: Operation): void {
    const symbol = asOperation(op, "SymbolTable.erase's argument");
    const parent = symbol.parent;
    if (parent === null || !parent.equals(this.#op)) {
      throw new StructuralError(`'${symbol.name}' is not a symbol of this table.`);
    }
    symbol.erase();
  }

  /** Renames `op` and every use of its name under this table's operation. */
  rename(op: Operation, newName: string): void {
    const symbol = asOperation(op, "SymbolTable.rename's argument");
    const oldName = SymbolTable.getSymbolName(symbol);
    stringArg(newName, "New symbol name");
    if (this.has(newName)) throw new StructuralError(`A symbol called '${newName}' already exists.`);
    SymbolTable.replaceAllSymbolUses(oldName, newName, this.#op);
    SymbolTable.setSymbolName(symbol, newName);
  }

  /** The name of symbol `op`. */
  static getSymbolName(op: Operation): string {
    const symbol = asOperation(op, "getSymbolName's argument");
    const name = symbol.attributes.get("sym_name");
    if (!(name instanceof StringAttr)) throw notASymbol("getSymbolName's argument", symbol);
    return name.value;
  }

  /** Sets the name of symbol `op` (its uses are not updated; see rename). */
  static setSymbolName(op: Operation, name: string): void {
    const symbol = asOperation(op, "setSymbolName's argument");
    symbol.attributes.set("sym_name", StringAttr.get(symbol.context, stringArg(name, "Symbol name")));
  }

  /** The visibility of symbol `op` (public when unset). */
  static getVisibility(op: Operation): Visibility {
    const symbol = asOperation(op, "getVisibility's argument");
    const v = symbol.attributes.get("sym_visibility");
    return v instanceof StringAttr && VISIBILITIES.includes(v.value as Visibility) ? (v.value as Visibility) : "public";
  }

  /** Sets the visibility of symbol `op`. */
  static setVisibility(op: Operation, visibility: Visibility): void {
    const symbol = asOperation(op, "setVisibility's argument");
    if (!VISIBILITIES.includes(visibility)) {
      throw argumentError("setVisibility's visibility", `one of ${VISIBILITIES.join(", ")}`, visibility);
    }
    if (visibility === "public") symbol.attributes.delete("sym_visibility");
    else symbol.attributes.set("sym_visibility", StringAttr.get(symbol.context, visibility));
  }

  /** Replaces every reference to `oldName` by `newName` in `from` and below. */
  static replaceAllSymbolUses(oldName: string, newName: string, from: Operation): void {
    const root = asOperation(from, "replaceAllSymbolUses's operation");
    const a = encode(stringArg(oldName, "Old symbol name"));
    const b = encode(stringArg(newName, "New symbol name"));
    if (!lib.mlirffi_symbol_replace_all_uses(a, a.length, b, b.length, root._live())) {
      throw new StructuralError(`Could not replace the uses of '${oldName}' under '${root.name}'.`);
    }
  }

  /** Every symbol table operation in `from` and below. */
  static symbolTables(from: Operation): Operation[] {
    const root = asOperation(from, "symbolTables' operation");
    const ptr = root._live();
    const owner = root._owner;
    const strategy = stateOf(owner).strategy;
    return [...collect((d, c) => lib.mlirffi_symbol_tables(ptr, d, c))].map((p) => strategy.operation(owner, p));
  }
}

function notASymbol(what: string, op: Operation): ArgumentError {
  return new ArgumentError({
    argument: what,
    expected: "a symbol (an operation with a string sym_name)",
    got: `'${op.name}', which has no string sym_name`,
  });
}
