/**
 * Op interfaces: implementsInterface for operations and names, result type
 * inference (InferTypeOpInterface) and shaped components
 * (InferShapedTypeOpInterface) before an op is built. Inputs an op's
 * inference would read past or mistake (missing operands, a wrong operand
 * type, a missing attribute) are refused first; those cases run in a child
 * process, so a broken guard fails a test instead of killing the runner.
 *
 * @module
 */
import { test } from "node:test";
import { assert, assertEquals, assertFalse, assertStrictEquals } from "@std/assert";
import {
  Context,
  DialectRegistry,
  implementsInterface,
  InferShapedTypeOpInterface,
  InferTypeOpInterface,
  InsertionPoint,
  STRATEGIES,
} from "../../src/mod.ts";
import { assertArgumentError, assertInvalidHandle } from "../_errors.ts";
import { describeChild, runChild } from "../_child.ts";

const ARGS = `func.func @f(%a: i32, %b: i32, %t: tensor<2x?xf32>, %u: tensor<*xf32>) {
  %0 = arith.addi %a, %b : i32
  return
}`;

function setup(ctx: Context) {
  const mod = ctx.parseModule(ARGS);
  const fn = mod.body.operations.at(0)!;
  const block = fn.regions.at(0)!.blocks.at(0)!;
  const [a, b, t, u] = block.arguments.toArray();
  return { mod, fn, block, a: a!, b: b!, t: t!, u: u! };
}

test("interfaces: implementsInterface for op names, in a context", () => {
  using ctx = new Context();
  assert(implementsInterface("arith.addi", "InferTypeOpInterface", ctx));
  assertFalse(implementsInterface("func.func", "InferTypeOpInterface", ctx));
  assert(implementsInterface("tosa.abs", "InferShapedTypeOpInterface", ctx));
  assertFalse(implementsInterface("arith.addi", "InferShapedTypeOpInterface", ctx));
  assertFalse(implementsInterface("nosuch.op", "InferTypeOpInterface", ctx));
  assertFalse(implementsInterface("not a name", "InferTypeOpInterface", ctx));
  // Only what the context registers implements anything.
  using narrow = new Context({ registry: new DialectRegistry().insert("func") });
  assertFalse(implementsInterface("arith.addi", "InferTypeOpInterface", narrow));
  assertArgumentError(() => implementsInterface("arith.addi", "NoSuchInterface" as never, ctx), { argument: "implementsInterface's interface" });
  assertArgumentError(() => implementsInterface("arith.addi", "InferTypeOpInterface"), { argument: "implementsInterface's context", expected: "a Context" });
  assertArgumentError(() => implementsInterface(42 as never, "InferTypeOpInterface", ctx), { argument: "implementsInterface's op", expected: "a string" });
  assertArgumentError(() => new InferTypeOpInterface("func.func", ctx), { argument: "InferTypeOpInterface's op", expected: "an operation implementing InferTypeOpInterface", got: "'func.func'" });
  assertArgumentError(() => new InferShapedTypeOpInterface("arith.addi", ctx), { argument: "InferShapedTypeOpInterface's op", got: "'arith.addi'" });
  assertArgumentError(() => new InferTypeOpInterface("arith.addi"), { argument: "InferTypeOpInterface's context" });
});

for (const strategy of STRATEGIES) {
  test(`interfaces [${strategy}]: implementsInterface and inference from an operation`, () => {
    using ctx = new Context({ strategy });
    const { mod, fn, block, a, b } = setup(ctx);
    using _ = mod;
    const add = block.operations.at(0)!;
    assert(implementsInterface(add, "InferTypeOpInterface"));
    assertFalse(implementsInterface(fn, "InferTypeOpInterface"));
    const iface = new InferTypeOpInterface(add);
    assertStrictEquals(iface.operation, add);
    assertEquals(iface.opName, "arith.addi");
    const types = iface.inferReturnTypes({ operands: [a, b] });
    assertEquals(types.map(String), ["i32"]);
    assert(types[0]!.equals(add.result.type));
    // The same as createOperation's own inference.
    const built = ctx.createOperation({ name: "arith.subi", operands: [a, b], inferResultTypes: true, insertAt: InsertionPoint.before(block.terminator!) });
    assertEquals(new InferTypeOpInterface("arith.subi", ctx).inferReturnTypes({ operands: [a, b] }).map(String), [built.result.type.toString()]);
    // Attributes take part: cmpi's predicate.
    const cmp = new InferTypeOpInterface("arith.cmpi", ctx).inferReturnTypes({
      operands: [a, b],
      attributes: { predicate: ctx.parseAttribute("0 : i64") },
      location: ctx.fileLocation("x.mlir", 1, 1),
    });
    assertEquals(cmp.map(String), ["i1"]);
    // A stale operation.
    add.result.replaceAllUsesWith(a);
    built.erase();
    add.erase();
    assertInvalidHandle(() => implementsInterface(add, "InferTypeOpInterface"), { kind: "Operation", reason: "operation erased" });
    assertInvalidHandle(() => new InferTypeOpInterface(add), { kind: "Operation", reason: "operation erased" });
  });

  test(`interfaces [${strategy}]: shaped type components`, () => {
    using ctx = new Context({ strategy });
    const { mod, t, u } = setup(ctx);
    using _ = mod;
    const abs = new InferShapedTypeOpInterface("tosa.abs", ctx);
    const [ranked] = abs.inferReturnTypeComponents({ operands: [t] });
    assertEquals([ranked!.hasRank, ranked!.shape], [true, [2, null]]);
    const [unranked] = abs.inferReturnTypeComponents({ operands: [u] });
    assertEquals([unranked!.hasRank, unranked!.shape], [false, null]);
    assertEquals(abs.inferReturnTypeComponents({ operands: [t] }).length, 1);
  });
}

test("interfaces: arguments of the wrong kind or context are refused", () => {
  using ctx = new Context();
  using other = new Context();
  const mine = setup(ctx), theirs = setup(other);
  using _m = mine.mod, _t = theirs.mod;
  const add = new InferTypeOpInterface("arith.addi", ctx);
  assertArgumentError(() => add.inferReturnTypes({ operands: [theirs.a, theirs.a] }), { argument: "inferReturnTypes's operands[0]", expected: "of this Context" });
  assertArgumentError(() => add.inferReturnTypes({ operands: [mine.a, "b" as never] }), { argument: "inferReturnTypes's operands[1]", expected: "a Value" });
  assertArgumentError(() => add.inferReturnTypes({ operands: "ab" as never }), { argument: "inferReturnTypes's operands" });
  assertArgumentError(() => add.inferReturnTypes(5 as never), { argument: "inferReturnTypes's inputs", expected: "an object" });
  assertArgumentError(() => add.inferReturnTypes({ operands: [mine.a, mine.b], attributes: { x: 1 as never } }), { argument: "inferReturnTypes's attribute 'x'" });
  assertArgumentError(() => add.inferReturnTypes({ operands: [mine.a, mine.b], attributes: { "": ctx.parseAttribute("unit") } }), { argument: "inferReturnTypes's attribute names" });
  assertArgumentError(() => add.inferReturnTypes({ operands: [mine.a, mine.b], location: other.unknownLocation() }), { argument: "inferReturnTypes's location" });
  ctx.dispose();
  assertInvalidHandle(() => add.inferReturnTypes({}), { kind: "Context", reason: "context disposed" });
});

// Each case reports the error's class, argument and diagnostic count; a
// guard that let the inference run would read past the operands, or cast
// or dereference what is not there.
const BAD_INPUTS = `
const ctx = new mlir.Context();
const mod = ctx.parseModule("func.func @f(%a: i32, %t: tensor<4xf32>, %x: index) { return }");
const [a, t, x] = mod.body.operations.at(0).regions.at(0).blocks.at(0).arguments.toArray();
const out = {};
function attempt(name, f) {
  try {
    out[name] = f().map(String);
  } catch (e) {
    out[name] = { name: e.name, argument: e.argument, severity: e.diagnostics?.[0]?.severity };
  }
}
const typed = (op, inputs) => () => new mlir.InferTypeOpInterface(op, ctx).inferReturnTypes(inputs);
const shaped = (op, inputs) => () => new mlir.InferShapedTypeOpInterface(op, ctx).inferReturnTypeComponents(inputs).map((c) => c.shape);
attempt("addi, no operands", typed("arith.addi", {}));
attempt("addi, one operand", typed("arith.addi", { operands: [a] }));
attempt("addi, tensors", typed("arith.addi", { operands: [t, t] }));
attempt("tensor.dim, one operand", typed("tensor.dim", { operands: [t] }));
attempt("tensor.dim, good", typed("tensor.dim", { operands: [t, x] }));
attempt("cmpi, no predicate", typed("arith.cmpi", { operands: [a, a] }));
attempt("cmpi, bad predicate", typed("arith.cmpi", { operands: [a, a], attributes: { predicate: ctx.parseAttribute('"eq"') } }));
attempt("tosa.abs, no operand", shaped("tosa.abs", {}));
attempt("tosa.abs, scalar", shaped("tosa.abs", { operands: [a] }));
attempt("tosa.abs, good", shaped("tosa.abs", { operands: [t] }));
out.stillWorks = new mlir.InferTypeOpInterface("arith.addi", ctx).inferReturnTypes({ operands: [a, a] }).map(String);
console.log(JSON.stringify(out));
`;

test("interfaces: inputs the op's inference would misread are refused, in a child process with heap checks", () => {
  const r = runChild(BAD_INPUTS);
  assertEquals([r.status, r.signal], [0, null], describeChild(r));
  const got = JSON.parse(r.stdout.trim().split("\n").at(-1)!);
  const refused = (argument: string) => ({ name: "ArgumentError", argument, severity: "error" });
  const typed = refused("inferReturnTypes's inputs"), shaped = refused("inferReturnTypeComponents's inputs");
  assertEquals(got, {
    "addi, no operands": typed,
    "addi, one operand": typed,
    "addi, tensors": typed, // float tensors: not signless integers
    "tensor.dim, one operand": typed,
    "tensor.dim, good": ["index"],
    "cmpi, no predicate": typed,
    "cmpi, bad predicate": typed,
    "tosa.abs, no operand": shaped,
    "tosa.abs, scalar": shaped,
    "tosa.abs, good": ["4"],
    stillWorks: ["i32"],
  });
});
