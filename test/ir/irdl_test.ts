/**
 * Dialects defined in IRDL: once loaded, their types and operations parse,
 * verify and build through createOperation. What MLIR would end the process
 * on (a dialect name that exists, one defined twice, unverified
 * definitions) is refused first; those cases run in a child process, so a
 * broken guard fails a test instead of killing the runner.
 *
 * @module
 */
import { test } from "node:test";
import { assert, assertEquals, assertThrows } from "@std/assert";
import { Context, DialectRegistry, InsertionPoint, MlirParseError, MlirVerificationError, STRATEGIES } from "../../src/mod.ts";
import { assertArgumentError, assertInvalidHandle } from "../_errors.ts";
import { describeChild, runChild } from "../_child.ts";

// After mlir/test/python/dialects/irdl.py.
const CMATH = `irdl.dialect @cmath {
  irdl.type @complex {
    %0 = irdl.is f32
    %1 = irdl.is f64
    %2 = irdl.any_of(%0, %1)
    irdl.parameters(elem: %2)
  }
  irdl.operation @norm {
    %0 = irdl.any
    %1 = irdl.parametric @cmath::@complex<%0>
    irdl.operands(in: %1)
    irdl.results(out: %0)
  }
}`;

const USE = `func.func @f(%c: !cmath.complex<f32>) -> f32 {
  %n = "cmath.norm"(%c) : (!cmath.complex<f32>) -> f32
  return %n : f32
}`;

for (const strategy of STRATEGIES) {
  test(`IRDL [${strategy}]: a loaded dialect parses, verifies and builds`, () => {
    using ctx = new Context({ strategy });
    assert(!ctx.isRegisteredOperation("cmath.norm"));
    {
      using defs = ctx.parseModule(CMATH);
      ctx.loadIRDLDialects(defs);
    } // the definitions may go once loaded
    assert(ctx.isRegisteredOperation("cmath.norm"));
    using mod = ctx.parseModule(USE);
    mod.verify();
    const fn = mod.body.operations.at(0)!;
    const block = fn.regions.at(0)!.blocks.at(0)!;
    assertEquals(block.operations.at(0)!.name, "cmath.norm");
    // Its type constraint holds: i32 is not one of f32, f64.
    assertThrows(() => ctx.parseType("!cmath.complex<i32>"), MlirParseError);
    assertEquals(ctx.parseType("!cmath.complex<f64>").toString(), "!cmath.complex<f64>");
    // Built through createOperation, checked by its verifier.
    const c = block.arguments.at(0)!;
    const built = ctx.createOperation({ name: "cmath.norm", operands: [c], results: [ctx.parseType("f32")], insertAt: InsertionPoint.before(block.terminator!) });
    assertEquals(built.result.type.toString(), "f32");
    mod.verify();
    const wrong = ctx.createOperation({ name: "cmath.norm", operands: [], results: [ctx.parseType("f32")], insertAt: InsertionPoint.before(block.terminator!) });
    assertThrows(() => mod.verify(), MlirVerificationError);
    wrong.erase();
    mod.verify();
  });
}

test("IRDL: loading from a builtin.module operation, with nothing else registered", () => {
  using ctx = new Context({ registry: new DialectRegistry().insert("irdl", "func") });
  using defs = ctx.parseModule(CMATH);
  ctx.loadIRDLDialects(defs.operation);
  using mod = ctx.parseModule(USE);
  mod.verify();
});

test("IRDL: arguments that are not a module of this context are refused", () => {
  using ctx = new Context();
  using other = new Context();
  using defs = other.parseModule(CMATH);
  assertArgumentError(() => ctx.loadIRDLDialects(defs), { argument: "loadIRDLDialects's module", expected: "of this Context" });
  assertArgumentError(() => ctx.loadIRDLDialects("irdl.dialect @x {}" as never), { argument: "loadIRDLDialects's module", expected: "a Module or a builtin.module Operation" });
  using mine = ctx.parseModule(CMATH);
  const dialectOp = mine.body.operations.at(0)!;
  assertArgumentError(() => ctx.loadIRDLDialects(dialectOp as never), { argument: "loadIRDLDialects's module", got: "'irdl.dialect'" });
  mine.dispose();
  assertInvalidHandle(() => ctx.loadIRDLDialects(mine), { kind: "Operation", reason: "module disposed" });
});

// Each case reports the error's class, argument and first diagnostic
// (severity and line), and whether the context still works after.
const BAD_DEFINITIONS = `
const CMATH = ${JSON.stringify(CMATH)};
const out = {};
function attempt(name, ctx, source, prepare) {
  const mod = ctx.parseModule(source, { filename: "defs.mlir" });
  try {
    if (prepare) prepare(mod);
    ctx.loadIRDLDialects(mod);
    out[name] = "loaded";
  } catch (e) {
    const d = e.diagnostics?.[0];
    out[name] = { name: e.name, argument: e.argument, severity: d?.severity, line: d?.line, count: e.diagnostics?.length };
  }
  mod.dispose();
}
const ctx = new mlir.Context();
attempt("first", ctx, CMATH);
attempt("same dialect again", ctx, CMATH);
attempt("a registered dialect's name", ctx, "irdl.dialect @arith {\\n  irdl.operation @op {\\n  }\\n}");
attempt("a loaded dialect's name", ctx, "func.func private @f()\\nirdl.dialect @func {\\n}");
attempt("twice in one module", ctx, "module {\\n  irdl.dialect @twice {\\n  }\\n}\\nmodule {\\n  irdl.dialect @twice {\\n  }\\n}");
// Definitions changed after parsing so that they no longer verify: a second
// dialect renamed to the first one's name in the same symbol table.
attempt("does not verify", ctx, "irdl.dialect @one {\\n}\\nirdl.dialect @two {\\n}", (mod) => {
  mod.body.operations.at(1).attributes.set("sym_name", ctx.parseAttribute('"one"'));
});
// What was refused was not loaded; what was loaded still works.
out.twiceLoaded = ctx.isRegisteredOperation("twice.x");
out.oneLoaded = ctx.isRegisteredOperation("one.x");
out.arithWorks = ctx.parseModule("%0 = arith.constant 1 : i32").toString().includes("arith.constant");
out.cmathWorks = ctx.parseType("!cmath.complex<f32>").toString();
console.log(JSON.stringify(out));
`;

test("IRDL: definitions MLIR would abort on are refused, in a child process with heap checks", () => {
  const r = runChild(BAD_DEFINITIONS);
  assertEquals([r.status, r.signal], [0, null], describeChild(r));
  const got = JSON.parse(r.stdout.trim().split("\n").at(-1)!);
  const refused = (line: number, count = 1) => ({ name: "ArgumentError", argument: "loadIRDLDialects's module", severity: "error", line, count });
  assertEquals(got, {
    first: "loaded",
    "same dialect again": refused(1),
    "a registered dialect's name": refused(1),
    "a loaded dialect's name": refused(2),
    "twice in one module": refused(6),
    "does not verify": { ...refused(3), count: got["does not verify"]?.count },
    twiceLoaded: false,
    oneLoaded: false,
    arithWorks: true,
    cmathWorks: "!cmath.complex<f32>",
  });
});
