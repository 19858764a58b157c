/**
 * Symbol tables, ported from upstream MLIR's
 * `mlir/test/python/ir/symbol_table.py`, under every strategy.
 *
 * @module
 */
import { test } from "node:test";
import { assert, assertEquals, assertFalse, assertNotEquals, assertStringIncludes, assertThrows } from "@std/assert";
import { assertArgumentError, assertInvalidHandle } from "../_errors.ts";
import {
  Context,
  InvalidHandleError,
  type Module,
  STRATEGIES,
  StructuralError,
  SymbolTable,
} from "../../src/mod.ts";

/** Parses `mod`'s text again and checks it prints the same. */
function assertModuleRoundTrip(ctx: Context, mod: Module): void {
  const text = mod.toString();
  using copy = ctx.parseModule(text);
  assertEquals(copy.toString(), text);
}

for (const strategy of STRATEGIES) {
  /** One test in a fresh context; `unregistered` accepts `foo.*` ops. */
  const t = (name: string, fn: (ctx: Context) => void, unregistered = false) =>
    test(`symbol table [${strategy}] ${name}`, () => {
      using ctx = new Context({ strategy, allowUnregisteredDialects: unregistered });
      fn(ctx);
    });

  // testSymbolTableInsert
  t("insert, look up and erase symbols", (ctx) => {
    using m1 = ctx.parseModule(`func.func private @foo()
func.func private @bar()`);
    using m2 = ctx.parseModule(`func.func private @qux()
func.func private @foo()
"foo.bar"() : () -> ()`);
    const table = new SymbolTable(m1.operation);
    assert(table.operation.equals(m1.operation));

    assert(table.has("foo"));
    assertEquals(table.get("foo")!.toString(), "func.func private @foo()");
    assert(table.has("bar"));
    const bar = table.get("bar")!;
    assertEquals(bar.toString(), "func.func private @bar()");
    assertFalse(table.has("qux"));
    assertEquals(table.get("qux"), undefined);

    table.erase(bar);
    assertFalse(table.has("bar"));
    assertEquals(m1.toString(), "module {\n  func.func private @foo()\n}\n");
    // The erased symbol's handle is invalid (upstream: "the operation has
    // been invalidated"), and erasing it again is refused.
    assertInvalidHandle(() => bar.toString(), { kind: "Operation", reason: "operation erased" });
    assertThrows(() => table.erase(bar), InvalidHandleError);
    assertArgumentError(() => table.erase(table.get("bar")!), { argument: "SymbolTable.erase's argument", expected: "an Operation" });

    // Upstream appends to the body first; here a symbol is inserted detached.
    const qux = m2.body.operations.at(0)!;
    assertThrows(() => table.insert(qux), StructuralError, "detach 'func.func' first");
    assertEquals(table.insert(qux.detach()), "qux");
    assert(table.has("qux"));
    assert(qux.block!.equals(m1.body));

    // Inserting renames a symbol whose name is taken.
    const foo2 = m2.body.operations.at(0)!.detach();
    const updated = table.insert(foo2);
    assertNotEquals(updated, "foo");
    assertEquals(foo2.symbolName, updated);
    assertEquals(SymbolTable.getSymbolName(foo2), updated);
    assert(table.get(updated)!.equals(foo2));
    const text = m1.toString();
    assertStringIncludes(text, "  func.func private @foo()\n  func.func private @qux()\n  func.func private @foo");
    assertStringIncludes(text, `func.func private @${updated}()`);
    m1.verify();
    assertModuleRoundTrip(ctx, m1);

    // What is not a symbol, or not a symbol table, is refused.
    const notSymbol = m2.body.operations.at(0)!.detach();
    assertArgumentError(() => table.insert(notSymbol), { argument: "SymbolTable.insert's argument", expected: "a symbol (an operation with a string sym_name)" });
    assertEquals(notSymbol.block, null);
    assertArgumentError(() => new SymbolTable(table.get("foo")!), { argument: "SymbolTable's operation", expected: "a symbol table operation with a single block" });
    assertThrows(() => table.erase(m2.operation), StructuralError, "not a symbol of this table");
    assertArgumentError(() => table.get(1 as never), { argument: "Symbol name", expected: "a string" });
  }, true);

  // testSymbolTableRAUW
  t("rename symbols and replace their uses", (ctx) => {
    using m = ctx.parseModule(`func.func private @foo() {
  call @bar() : () -> ()
  return
}
func.func private @bar()`);
    const [foo, bar] = m.operation.regions.at(0)!.blocks.at(0)!.operations.toArray();

    // Renaming just within `foo`.
    SymbolTable.setSymbolName(bar!, "bam");
    SymbolTable.replaceAllSymbolUses("bar", "bam", foo!);
    assertStringIncludes(m.toString(), "call @bam()");
    assertStringIncludes(m.toString(), "func.func private @bam()");
    assertEquals([SymbolTable.getSymbolName(foo!), SymbolTable.getSymbolName(bar!)], ["foo", "bam"]);
    assertEquals(bar!.attributes.get("sym_name")!.toString(), '"bam"');

    // Renaming within the module.
    SymbolTable.setSymbolName(bar!, "baz");
    SymbolTable.replaceAllSymbolUses("bam", "baz", m.operation);
    assertStringIncludes(m.toString(), "call @baz()");
    assertStringIncludes(m.toString(), "func.func private @baz()");
    assertEquals([SymbolTable.getSymbolName(foo!), SymbolTable.getSymbolName(bar!)], ["foo", "baz"]);
    m.verify();
    assertModuleRoundTrip(ctx, m);

    // The same in one step, through a table.
    const table = new SymbolTable(m.operation);
    table.rename(bar!, "qux");
    assertStringIncludes(m.toString(), "call @qux()");
    assertEquals(bar!.symbolName, "qux");
    m.verify();

    assertThrows(() => table.rename(bar!, "foo"), StructuralError, "'foo' already exists");
    assertArgumentError(() => SymbolTable.getSymbolName(m.operation), { argument: "getSymbolName's argument", expected: "a symbol (an operation with a string sym_name)" });
    assertArgumentError(() => SymbolTable.setSymbolName(bar!, 3 as never), { argument: "Symbol name", expected: "a string" });
    assertArgumentError(() => SymbolTable.replaceAllSymbolUses("qux", 1 as never, m.operation), { argument: "New symbol name", expected: "a string" });
    assertEquals(bar!.symbolName, "qux");
  });

  // testSymbolTableVisibility
  t("visibility", (ctx) => {
    using m = ctx.parseModule(`func.func private @foo() {
  return
}`);
    const foo = m.operation.regions.at(0)!.blocks.at(0)!.operations.at(0)!;
    assertEquals(SymbolTable.getVisibility(foo), "private");
    SymbolTable.setVisibility(foo, "public");
    assertEquals(SymbolTable.getVisibility(foo), "public");
    assertStringIncludes(m.toString(), "func.func @foo()");
    assertFalse(foo.attributes.has("sym_visibility"));
    SymbolTable.setVisibility(foo, "nested");
    assertEquals(SymbolTable.getVisibility(foo), "nested");
    assertEquals(foo.attributes.get("sym_visibility")!.toString(), '"nested"');
    SymbolTable.setVisibility(foo, "private");
    assertStringIncludes(m.toString(), "func.func private @foo()");
    m.verify();
    assertModuleRoundTrip(ctx, m);

    assertArgumentError(() => SymbolTable.setVisibility(foo, "protected" as never), { argument: "setVisibility's visibility", expected: "one of public, private, nested" });
    assertArgumentError(() => SymbolTable.getVisibility("foo" as never), { argument: "getVisibility's argument", expected: "an Operation" });
    assertEquals(SymbolTable.getVisibility(foo), "private");
  });

  // testWalkSymbolTables (a list instead of a callback; there is no
  // all-uses-visible flag)
  t("symbol tables in an operation", (ctx) => {
    using m = ctx.parseModule(`module @outer {
  module @inner {
  }
}`);
    const tables = SymbolTable.symbolTables(m.operation);
    assertEquals(tables.map((op) => `${op.name} @${op.symbolName}`), [
      "builtin.module @inner",
      "builtin.module @outer",
    ]);
    assert(tables[1]!.equals(m.operation));
    assertStringIncludes(tables[0]!.toString(), "module @inner");
    assertModuleRoundTrip(ctx, m);
    // From the inner module, only itself.
    assertEquals(SymbolTable.symbolTables(tables[0]!).length, 1);
    assertArgumentError(() => SymbolTable.symbolTables(null as never), { argument: "symbolTables' operation", expected: "an Operation" });
    tables[0]!.erase();
    assertThrows(() => SymbolTable.symbolTables(tables[0]!), InvalidHandleError);
    assertEquals(SymbolTable.symbolTables(m.operation).length, 1);
  });
}
