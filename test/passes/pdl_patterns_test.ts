/**
 * PDL patterns with TypeScript constraint and rewrite functions: what they
 * compute, and everything refused before MLIR could abort on it (functions
 * not registered, native rewrites with results, ranges, non-PDL modules) or
 * while it runs (throws, wrong results, changes from a constraint). The
 * handle clauses are contract scenarios (test/contract/scenarios/callbacks.ts).
 *
 * @module
 */
import { test } from "node:test";
import { assert, assertEquals, assertInstanceOf, assertStringIncludes, assertThrows } from "@std/assert";
import { assertArgumentError, assertInvalidHandle } from "../_errors.ts";
import {
  applyPatternsGreedily,
  ArgumentError,
  Context,
  IntegerAttr,
  IntegerType,
  MlirVerificationError,
  type Operation,
  PatternError,
  PDLModule,
  type PDLValue,
  STRATEGIES,
  StructuralError,
  Type,
  type Value,
  walkAndApplyPatterns,
} from "../../src/mod.ts";
import * as arith from "../../src/dialects/arith.ts";

const PAYLOAD = `func.func @f(%a: i32, %b: i32) -> i32 {
  %c1 = arith.constant 1 : i32
  %0 = arith.muli %a, %c1 : i32
  %1 = arith.addi %0, %b : i32
  return %1 : i32
}`;

/** x * 1 -> x with a TypeScript constraint; a + b -> a - b by a TypeScript rewrite. */
const PDL = `
pdl.pattern @mul_one : benefit(1) {
  %t = pdl.type
  %x = pdl.operand : %t
  %one = pdl.attribute
  %c = pdl.operation "arith.constant" {"value" = %one} -> (%t : !pdl.type)
  %cv = pdl.result 0 of %c
  %m = pdl.operation "arith.muli"(%x, %cv : !pdl.value, !pdl.value) -> (%t : !pdl.type)
  pdl.apply_native_constraint "isOne"(%one : !pdl.attribute)
  pdl.rewrite %m {
    pdl.replace %m with (%x : !pdl.value)
  }
}
pdl.pattern @add_to_sub : benefit(1) {
  %t = pdl.type
  %x = pdl.operand : %t
  %y = pdl.operand : %t
  %a = pdl.operation "arith.addi"(%x, %y : !pdl.value, !pdl.value) -> (%t : !pdl.type)
  pdl.rewrite %a with "toSub"(%x, %y : !pdl.value, !pdl.value)
}`;
const NO_FOLD = { enableFolding: false, maxNumRewrites: 1000 } as const;

const isOne = (_rw: unknown, _results: unknown, [attr]: PDLValue[]) => attr instanceof IntegerAttr && attr.value === 1n;

for (const strategy of STRATEGIES) {
  test(`pdl [${strategy}]: TypeScript constraint and rewrite functions rewrite as the patterns say`, () => {
    using ctx = new Context({ strategy });
    using mod = ctx.parseModule(PAYLOAD);
    const pdl = new PDLModule(ctx.parseModule(PDL));
    assertEquals(pdl.unregisteredFunctions, ["isOne", "toSub"]);
    const seen: string[] = [];
    pdl.registerConstraintFunction("isOne", (rw, results, values) => {
      seen.push(`isOne(${values.map(String).join(", ")})`);
      return isOne(rw, results, values);
    });
    pdl.registerRewriteFunction("toSub", (rw, _results, [root, x, y]) => {
      const op = root as Operation;
      seen.push(`toSub(${op.name})`);
      rw.replaceOp(op, [arith.subi(x as Value, y as Value, { ip: rw.insertionPointBefore(op) })]);
    });
    assertEquals(pdl.unregisteredFunctions, []);
    using frozen = pdl.freeze();
    assertEquals(frozen.size, 2);
    assert(applyPatternsGreedily(mod, frozen, NO_FOLD));
    mod.verify();
    const body = mod.body.operations.at(0)!.regions.at(0)!.blocks.at(0)!;
    // The constant, now unused, is erased by the driver.
    assertEquals([...body.operations].map((o) => o.name), ["arith.subi", "func.return"]);
    assertEquals(seen.sort(), ["isOne(1 : i32)", "toSub(arith.addi)"]);
    // The frozen set applies again, to another module.
    using again = ctx.parseModule(PAYLOAD);
    assert(applyPatternsGreedily(again, frozen, NO_FOLD));
    assertEquals(again.toString(), mod.toString());
  });
}

test("pdl: a constraint's results reach the rewrite; a rewrite's insertion point is PDL's", () => {
  using ctx = new Context();
  using mod = ctx.parseModule(PAYLOAD);
  const pdl = new PDLModule(ctx.parseModule(`
pdl.pattern @tag : benefit(1) {
  %t = pdl.type
  %x = pdl.operand : %t
  %y = pdl.operand : %t
  %a = pdl.operation "arith.addi"(%x, %y : !pdl.value, !pdl.value) -> (%t : !pdl.type)
  %w = pdl.apply_native_constraint "widthOf"(%a : !pdl.operation) : !pdl.attribute
  pdl.rewrite %a {
    pdl.apply_native_rewrite "tag"(%a, %w : !pdl.operation, !pdl.attribute)
  }
}`));
  pdl.registerConstraintFunction("widthOf", (_rw, results, [op]) => {
    const o = op as Operation;
    if (o.attributes.get("width") !== undefined) return false;
    const type = o.results.at(0)!.type;
    if (!(type instanceof IntegerType)) return false;
    results.push(IntegerAttr.get(IntegerType.get(ctx, 64), type.width));
    return true;
  });
  let where = "";
  pdl.registerRewriteFunction("tag", (rw, _results, [op, width]) => {
    where = rw.insertionPoint.refOperation?.name ?? "";
    rw.modifyOpInPlace(op as Operation, () => (op as Operation).attributes.set("width", width as IntegerAttr));
  });
  using frozen = pdl.freeze();
  assert(applyPatternsGreedily(mod, frozen, NO_FOLD));
  assertStringIncludes(mod.toString(), "{width = 32 : i64}");
  assertEquals(where, "arith.addi");
});

test("pdl: the module given stays the caller's; PDLModule works on a copy", () => {
  using ctx = new Context();
  const source = ctx.parseModule(PDL);
  const before = source.toString();
  const pdl = new PDLModule(source);
  source.dispose();
  pdl.registerConstraintFunction("isOne", isOne).registerRewriteFunction("toSub", () => {});
  using frozen = pdl.freeze();
  using mod = ctx.parseModule(PAYLOAD);
  applyPatternsGreedily(mod, frozen, NO_FOLD);
  mod.verify();
  assertStringIncludes(before, "pdl.pattern @mul_one");
});

test("pdl: modules MLIR could not compile safely are refused before it tries", () => {
  using ctx = new Context();
  const pattern = (body: string) => ctx.parseModule(`pdl.pattern @p : benefit(1) {\n${body}\n}`);
  // A native rewrite with results: MLIR aborts when such a rewrite cannot produce them.
  assertArgumentError(() =>
    new PDLModule(pattern(`%r = pdl.operation "arith.addi"
  pdl.rewrite %r {
    %n = pdl.apply_native_rewrite "make"(%r : !pdl.operation) : !pdl.operation
    pdl.replace %r with %n
  }`)), { argument: "The PDL rewrite function 'make' (called by pdl.apply_native_rewrite)" });
  // Ranges cross MLIR's C API neither way.
  assertArgumentError(() =>
    new PDLModule(pattern(`%vs = pdl.operands
  %r = pdl.operation "arith.addi"(%vs : !pdl.range<value>)
  pdl.apply_native_constraint "all"(%vs : !pdl.range<value>)
  pdl.rewrite %r {
    pdl.erase %r
  }`)), { argument: "The argument 0 of 'all' (called by pdl.apply_native_constraint)" });
  // One name, two kinds of use.
  assertArgumentError(() =>
    new PDLModule(pattern(`%r = pdl.operation "arith.addi"
  pdl.apply_native_constraint "f"(%r : !pdl.operation)
  pdl.rewrite %r {
    pdl.apply_native_rewrite "f"(%r : !pdl.operation)
  }`)), { argument: "The PDL function 'f'" });
  // Not PDL at the top level.
  assertArgumentError(() => new PDLModule(ctx.parseModule(PAYLOAD)), { argument: "PDLModule's module" });
  assertArgumentError(() => new PDLModule("pdl" as never), { argument: "PDLModule's module" });
  // PDL that does not verify (a pattern whose rewrite was erased).
  const invalid = pattern(`%r = pdl.operation "arith.addi"\n  pdl.rewrite %r {\n    pdl.erase %r\n  }`);
  const pat = invalid.body.operations.at(0)!;
  pat.regions.at(0)!.blocks.at(0)!.operations.at(1)!.erase();
  assertThrows(() => new PDLModule(invalid), MlirVerificationError);
});

test("pdl: registration and freezing refuse what would leave MLIR calling nothing", () => {
  using ctx = new Context();
  const pdl = new PDLModule(ctx.parseModule(PDL));
  assertArgumentError(() => pdl.registerRewriteFunction("isOne", () => {}), { argument: "registerRewriteFunction's name" });
  assertArgumentError(() => pdl.registerConstraintFunction("isOne", 3 as never), { argument: "registerConstraintFunction's function" });
  assertArgumentError(() => pdl.registerConstraintFunction(7 as never, isOne), { argument: "registerConstraintFunction's name" });
  pdl.registerConstraintFunction("isOne", isOne);
  assertArgumentError(() => pdl.registerConstraintFunction("isOne", isOne), { argument: "registerConstraintFunction's name" });
  // 'toSub' is missing: MLIR would abort compiling the patterns.
  const e = assertArgumentError(() => pdl.freeze(), { argument: "The PDL module's functions" });
  assertStringIncludes(e.got, "'toSub'");
  pdl.registerRewriteFunction("toSub", () => {});
  // A function the module never calls is allowed (and never called).
  pdl.registerConstraintFunction("unused", () => true);
  using frozen = pdl.freeze();
  assertThrows(() => pdl.freeze(), StructuralError);
  assertThrows(() => pdl.registerConstraintFunction("more", isOne), StructuralError);
  // The walk driver lets a pattern change only the matched op; PDL rewrites need not.
  using mod = ctx.parseModule(PAYLOAD);
  assertArgumentError(() => walkAndApplyPatterns(mod, frozen), { argument: "walkAndApplyPatterns's patterns" });
});

test("pdl: a function that throws or misbehaves fails the run with the cause; the IR stays valid", () => {
  using ctx = new Context();
  const run = (constraint: (rw: never, results: never, values: PDLValue[]) => unknown, rewrite: (...a: never[]) => unknown = () => {}) => {
    using mod = ctx.parseModule(PAYLOAD);
    const pdl = new PDLModule(ctx.parseModule(PDL));
    pdl.registerConstraintFunction("isOne", constraint as never).registerRewriteFunction("toSub", rewrite as never);
    using frozen = pdl.freeze();
    const e = assertThrows(() => applyPatternsGreedily(mod, frozen, NO_FOLD), PatternError);
    mod.verify();
    return e.cause;
  };
  const boom = new Error("boom");
  assertEquals(run(() => {
    throw boom;
  }), boom);
  // A rewrite cannot fail: it is recorded, and the rest of the PDL rewrite goes on.
  assertEquals(run(isOne as never, () => {
    throw boom;
  }), boom);
  assertInstanceOf(run(() => "yes"), ArgumentError);
  assertInstanceOf(run(isOne as never, () => false), ArgumentError);
  // A constraint only looks: changing the IR through its rewriter is refused.
  assertInstanceOf(run((rw: never, _r, [attr]) => {
    void attr;
    (rw as { insertionPoint: unknown }).insertionPoint;
    arith.constant(IntegerType.get(ctx, 32), 0, { ip: (rw as { insertionPoint: never }).insertionPoint });
    return true;
  }), StructuralError);
});

test("pdl: a constraint's results are checked against what the PDL op declares", () => {
  using ctx = new Context();
  const source = `
pdl.pattern @p : benefit(1) {
  %x = pdl.operand
  %y = pdl.operand
  %ty = pdl.type
  %r = pdl.operation "arith.addi"(%x, %y : !pdl.value, !pdl.value) -> (%ty : !pdl.type)
  %t = pdl.apply_native_constraint "typeOf"(%r : !pdl.operation) : !pdl.type
  pdl.rewrite %r {
    %n = pdl.operation "arith.subi"(%x, %y : !pdl.value, !pdl.value) -> (%t : !pdl.type)
    pdl.replace %r with %n
  }
}`;
  const run = (fn: (results: { push(v: PDLValue): void }, op: Operation) => boolean) => {
    using mod = ctx.parseModule(PAYLOAD);
    const pdl = new PDLModule(ctx.parseModule(source));
    pdl.registerConstraintFunction("typeOf", (_rw, results, [op]) => fn(results, op as Operation));
    using frozen = pdl.freeze();
    const e = assertThrows(() => applyPatternsGreedily(mod, frozen, NO_FOLD), PatternError);
    mod.verify();
    return e.cause as ArgumentError;
  };
  assertEquals(run(() => true).argument, "The results of 'typeOf'");
  assertEquals(run((r, op) => (r.push(op), true)).argument, "The result 0 of 'typeOf'");
  assertEquals(run((r, op) => (r.push(op.results.at(0)!.type), r.push(op.results.at(0)!.type), true)).argument, "The results of 'typeOf'");
  // A type of another context.
  using other = new Context();
  const e = run((r) => (r.push(IntegerType.get(other, 8)), true));
  assertInstanceOf(e, ArgumentError);
  assert(Type !== undefined);
});

test("pdl: handles given to a function are stale after the run", () => {
  using ctx = new Context({ strategy: "interned" });
  using mod = ctx.parseModule(PAYLOAD);
  const pdl = new PDLModule(ctx.parseModule(PDL));
  let kept: Operation | null = null;
  pdl.registerConstraintFunction("isOne", isOne).registerRewriteFunction("toSub", (rw, _r, [root, x, y]) => {
    kept = root as Operation;
    rw.replaceOp(kept, [arith.subi(x as Value, y as Value, { ip: rw.insertionPointBefore(kept) })]);
  });
  using frozen = pdl.freeze();
  applyPatternsGreedily(mod, frozen, NO_FOLD);
  assert(kept !== null);
  assertInvalidHandle(() => (kept as Operation).name, { kind: "Operation", reason: "operation erased" });
});

test("pdl: PDL's own erase and replace are checked: what would free IR still in use is refused", () => {
  using ctx = new Context();
  const payload = `func.func @f(%a: i32, %b: i32) -> i32 {
  %0 = arith.addi %a, %b : i32
  %1 = arith.muli %0, %0 : i32
  return %1 : i32
}`;
  const run = (rewrite: string) => {
    using mod = ctx.parseModule(payload);
    const before = mod.toString();
    using frozen = new PDLModule(ctx.parseModule(`pdl.pattern @p : benefit(1) {
  %t = pdl.type
  %x = pdl.operand : %t
  %y = pdl.operand : %t
  %r = pdl.operation "arith.addi"(%x, %y : !pdl.value, !pdl.value) -> (%t : !pdl.type)
  pdl.rewrite %r {
    ${rewrite}
  }
}`)).freeze();
    const e = assertThrows(() => applyPatternsGreedily(mod, frozen, NO_FOLD), PatternError);
    mod.verify();
    assertEquals(mod.toString(), before);
    assert(e.diagnostics.length > 0);
    return e;
  };
  // The addi's result is used by the muli.
  run("pdl.erase %r");
  // A value defined by the op being replaced.
  run("%v = pdl.result 0 of %r\n    pdl.replace %r with (%v : !pdl.value)");
  // The op by itself.
  run("pdl.replace %r with %r");
  // Two values for one result.
  run("pdl.replace %r with (%x, %y : !pdl.value, !pdl.value)");
  // What PDL cannot show is safe is refused up front.
  assertArgumentError(() =>
    new PDLModule(ctx.parseModule(`pdl.pattern @p : benefit(1) {
  %r = pdl.operation "arith.addi"
  pdl.rewrite %r {
    %v = pdl.result 3 of %r
    %n = pdl.operation "arith.negf"(%v : !pdl.value)
    pdl.erase %n
  }
}`)), { argument: "PDLModule's module" });
  assertArgumentError(() =>
    new PDLModule(ctx.parseModule(`pdl.pattern @p : benefit(1) {
  %r = pdl.operation "arith.addi"
  pdl.apply_native_constraint "__mlirffi_erase"(%r : !pdl.operation)
  pdl.rewrite %r {
    pdl.erase %r
  }
}`)), { argument: "PDLModule's module" });
  // A correct replace still works: a + b -> b + a... by value.
  using mod = ctx.parseModule(payload);
  using frozen = new PDLModule(ctx.parseModule(`pdl.pattern @p : benefit(1) {
  %t = pdl.type
  %x = pdl.operand : %t
  %y = pdl.operand : %t
  %r = pdl.operation "arith.addi"(%x, %y : !pdl.value, !pdl.value) -> (%t : !pdl.type)
  pdl.rewrite %r {
    pdl.replace %r with (%x : !pdl.value)
  }
}`)).freeze();
  assert(applyPatternsGreedily(mod, frozen, NO_FOLD));
  assertStringIncludes(mod.toString(), "arith.muli %arg0, %arg0");
});
