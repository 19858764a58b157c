/**
 * Dialect registries: a context with only the dialects asked for, more
 * appended later, dialects loaded on demand or at once, and the registry's
 * own lifetime (it may go as soon as a context has its dialects).
 *
 * @module
 */
import { test } from "node:test";
import { assert, assertEquals, assertFalse, assertThrows } from "@std/assert";
import { Context, DialectRegistry, InsertionPoint, MlirParseError, STRATEGIES } from "../../src/mod.ts";
import { assertArgumentError, assertInvalidHandle } from "../_errors.ts";

const FUNC_ARITH = `func.func @f(%a: i32) -> i32 {
  %0 = arith.addi %a, %a : i32
  return %0 : i32
}`;

for (const strategy of STRATEGIES) {
  test(`registry [${strategy}]: a context knows only the registry's dialects, and builds and parses with them`, () => {
    using registry = new DialectRegistry().insert("func", "arith");
    using ctx = new Context({ strategy, registry });
    registry.dispose(); // the context has its own copy
    assert(ctx.isRegisteredOperation("arith.addi"));
    assert(ctx.isRegisteredOperation("func.return"));
    assertFalse(ctx.isRegisteredOperation("scf.for"));
    assertEquals(ctx.numRegisteredDialects, 3); // builtin, func, arith
    using mod = ctx.parseModule(FUNC_ARITH);
    mod.verify();
    const fn = mod.body.operations.at(0)!;
    const a = fn.regions.at(0)!.blocks.at(0)!.arguments.at(0)!;
    const made = ctx.createOperation({
      name: "arith.muli",
      operands: [a, a],
      inferResultTypes: true,
      insertAt: InsertionPoint.atStart(fn.regions.at(0)!.blocks.at(0)!),
    });
    assertEquals(made.result.type.toString(), "i32");
    mod.verify();
    // scf is not there: its text does not parse, its ops cannot be built.
    assertThrows(() => ctx.parseModule("scf.execute_region { scf.yield }"), MlirParseError);
    assertArgumentError(() => ctx.createOperation({ name: "scf.yield" }), { argument: "Operation name", expected: "a registered operation" });
  });

  test(`registry [${strategy}]: an appended registry adds dialects; the registry may be disposed after`, () => {
    using ctx = new Context({ strategy, registry: new DialectRegistry().insert("func") });
    assertFalse(ctx.isRegisteredOperation("scf.yield"));
    const more = new DialectRegistry().insert("scf", "arith");
    ctx.appendDialectRegistry(more);
    more.dispose();
    assert(ctx.isRegisteredOperation("scf.yield"));
    using mod = ctx.parseModule(`func.func @f(%c: i1) {\n  scf.if %c {\n  }\n  return\n}`);
    mod.verify();
    assertEquals(mod.body.operations.at(0)!.regions.at(0)!.blocks.at(0)!.operations.at(0)!.name, "scf.if");
  });
}

test("registry: dialects load on demand, at creation (loadDialects), one by one, or all", () => {
  using registry = new DialectRegistry().insert("func", "arith", "scf", "tensor");
  using lazy = new Context({ registry });
  const base = lazy.numLoadedDialects;
  lazy.loadDialect("arith");
  assertEquals(lazy.numLoadedDialects, base + 1);
  lazy.loadDialect("arith"); // loaded already: nothing changes
  assertEquals(lazy.numLoadedDialects, base + 1);
  using eager = new Context({ registry, loadDialects: ["func", "scf"] });
  assert(eager.numLoadedDialects >= base + 2);
  const before = eager.numLoadedDialects;
  eager.loadAllAvailableDialects();
  // Loading tensor also loads the dialects it depends on.
  assert(eager.numLoadedDialects > before && eager.numLoadedDialects >= eager.numRegisteredDialects);
  // Parsing loads what the text names.
  using parsed = new Context({ registry });
  using _ = parsed.parseModule(FUNC_ARITH);
  assert(parsed.numLoadedDialects >= base + 2);
});

test("registry: insertAll registers what a default context has", () => {
  using all = new Context({ registry: new DialectRegistry().insertAll() });
  using plain = new Context();
  assertEquals(all.numRegisteredDialects, plain.numRegisteredDialects);
  assert(plain.numRegisteredDialects > DialectRegistry.knownDialects.length / 2);
  assert(all.isRegisteredOperation("linalg.matmul"));
});

test("registry: knownDialects names every dialect insert accepts, each loadable", () => {
  const names = DialectRegistry.knownDialects;
  for (const name of ["func", "arith", "scf", "linalg", "irdl", "tosa", "transform"]) assert(names.includes(name), name);
  using registry = new DialectRegistry().insert(...names);
  using ctx = new Context({ registry });
  for (const name of names) ctx.loadDialect(name);
  assertEquals(ctx.numLoadedDialects, ctx.numRegisteredDialects);
});

test("registry: bad input is refused with structured errors, and nothing is half done", () => {
  const registry = new DialectRegistry();
  assertArgumentError(() => registry.insert("func", "nosuch"), { argument: "DialectRegistry.insert's name 1", expected: "an upstream dialect name", got: "'nosuch'" });
  assertArgumentError(() => registry.insert(3 as never), { argument: "DialectRegistry.insert's name 0", expected: "a string" });
  // "func" was not added by the refused call.
  using ctx = new Context({ registry });
  assertFalse(ctx.isRegisteredOperation("func.return"));
  assertArgumentError(() => ctx.loadDialect("func"), { argument: "loadDialect's name", expected: "a dialect registered in this context", got: "'func'" });
  assertArgumentError(() => ctx.loadDialect(7 as never), { argument: "loadDialect's name", expected: "a string" });
  assertArgumentError(() => ctx.isRegisteredOperation(null as never), { argument: "isRegisteredOperation's name" });
  assertArgumentError(() => new Context({ registry: {} as never }), { argument: "Context option 'registry'", expected: "a DialectRegistry" });
  assertArgumentError(() => new Context({ loadDialects: "func" as never }), { argument: "Context option 'loadDialects'" });
  assertArgumentError(() => new Context({ registry, loadDialects: ["scf"] }), { argument: "loadDialect's name", got: "'scf'" });
  assertArgumentError(() => ctx.appendDialectRegistry("func" as never), { argument: "appendDialectRegistry's registry", expected: "a DialectRegistry" });
  // A disposed registry is a stale handle; disposing again does nothing.
  registry.dispose();
  registry.dispose();
  assertFalse(registry.isValid);
  assertInvalidHandle(() => registry.insert("func"), { kind: "DialectRegistry", reason: "disposed" });
  assertInvalidHandle(() => registry.insertAll(), { kind: "DialectRegistry", reason: "disposed" });
  assertInvalidHandle(() => new Context({ registry }), { kind: "DialectRegistry", reason: "disposed" });
  assertInvalidHandle(() => ctx.appendDialectRegistry(registry), { kind: "DialectRegistry", reason: "disposed" });
  // A disposed context refuses every new method.
  const gone = new Context();
  gone.dispose();
  for (
    const call of [
      () => gone.loadDialect("func"),
      () => gone.loadAllAvailableDialects(),
      () => gone.numLoadedDialects,
      () => gone.numRegisteredDialects,
      () => gone.isRegisteredOperation("func.func"),
      () => gone.appendDialectRegistry(new DialectRegistry()),
    ]
  ) assertInvalidHandle(call, { kind: "Context", reason: "context disposed" });
});
