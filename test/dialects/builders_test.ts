/**
 * The contract of the generated builders and op views, under every
 * strategy:
 *
 * - a view reads through its operation handle: a view of an erased op
 *   throws InvalidHandleError, as the handle does;
 * - a builder checks its operands, attributes, result types, options,
 *   insertion point and location before it creates anything: a wrong one
 *   throws ArgumentError naming the op and the argument, and the block is
 *   left as it was;
 * - operands of another module or context are refused with
 *   StructuralError, as `createOperation` refuses them;
 * - the insertion point and location come from the options, else from the
 *   current `enter()` scopes; without an insertion point a builder throws;
 * - `op.opview` is the registered class for the op's name, or the generic
 *   OpView;
 * - variadic groups are sized by `operandSegmentSizes`, read back by the
 *   accessors.
 *
 * @module
 */
import { test } from "node:test";
import { assert, assertEquals, assertInstanceOf, assertStrictEquals, assertThrows } from "@std/assert";
import { assertArgumentError, assertInvalidHandle } from "../_errors.ts";
import {
  AffineMapAttr,
  Context,
  FloatType,
  FunctionType,
  IndexType,
  InsertionPoint,
  IntegerAttr,
  IntegerType,
  Location,
  MemRefType,
  OpResult,
  OpView,
  opViewClass,
  STRATEGIES,
  StringAttr,
  StructuralError,
} from "../../src/mod.ts";
import * as arith from "../../src/dialects/arith.ts";
import { arith as arithNs, func as funcNs, memref as memrefNs } from "../../src/dialects/mod.ts";
import * as func from "../../src/dialects/func.ts";
import * as memref from "../../src/dialects/memref.ts";
import * as scf from "../../src/dialects/scf.ts";
import * as $ from "../../src/dialects/support/mod.ts";

for (const strategy of STRATEGIES) {
  const t = (name: string, fn: (ctx: Context) => void) =>
    test(`builders [${strategy}] ${name}`, () => {
      using ctx = new Context({ strategy, allowUnregisteredDialects: true });
      fn(ctx);
    });

  t("the dialect namespaces are the dialect modules", () => {
    assertStrictEquals(arithNs.AddIOp, arith.AddIOp);
    assertStrictEquals(funcNs.FuncOp, func.FuncOp);
    assertStrictEquals(memrefNs.alloc, memref.alloc);
  });

  t("a view of an erased op throws InvalidHandleError", (ctx) => {
    using mod = ctx.createModule();
    const ip = InsertionPoint.atEnd(mod.body);
    const i32 = IntegerType.get(ctx, 32);
    const c = arith.constant(i32, 1, { ip });
    const sum = arith.addi(c, c, { ip });
    const view = sum.owner.opview;
    assertInstanceOf(view, arith.AddIOp);
    assert(view.lhs.equals(c));
    const constant = c.owner.opview;
    assertInstanceOf(constant, arith.ConstantOp);
    sum.owner.erase();
    const erased = { kind: "Operation", reason: "operation erased" } as const;
    assertInvalidHandle(() => view.lhs, erased);
    assertInvalidHandle(() => view.rhs, erased);
    assertInvalidHandle(() => view.result, erased);
    assertInvalidHandle(() => view.overflowFlags, erased);
    assertInvalidHandle(() => view.toString(), erased);
    assertInvalidHandle(() => view.operation.opview, erased);
    // The constant's view is untouched.
    assertEquals(constant.value.toString(), "1 : i32");
    c.owner.erase();
    assertInvalidHandle(() => constant.value, erased);
  });

  t("a view class refuses another op", (ctx) => {
    using mod = ctx.createModule();
    const c = arith.constant(IndexType.get(ctx), 1, { ip: InsertionPoint.atEnd(mod.body) });
    assertArgumentError(() => new arith.AddIOp(c.owner), {
      argument: "AddIOp's operation",
      expected: "a 'arith.addi' operation",
      got: "'arith.constant'",
    });
    assertArgumentError(() => new arith.AddIOp(42 as never), { argument: "AddIOp's operation" });
    // The right op is accepted, and two views of one op view the same operation.
    const again = new arith.ConstantOp(c.owner);
    assert(again.operation.equals(c.owner.opview.operation));
  });

  t("wrong operands throw ArgumentError before the op is created", (ctx) => {
    using mod = ctx.createModule();
    const ip = InsertionPoint.atEnd(mod.body);
    const i32 = IntegerType.get(ctx, 32);
    const c = arith.constant(i32, 1, { ip });
    const before = mod.body.operations.length;
    assertArgumentError(() => arith.addi(c, 42 as never, { ip }), {
      argument: "'arith.addi' operand 1",
      expected: "Values",
      got: "42",
    });
    assertArgumentError(() => arith.addi([c] as never, c, { ip }), {
      argument: "'arith.addi' operand 0",
      expected: "Values",
      got: "an array of 1",
    });
    assertArgumentError(() => arith.addi(c, undefined as never, { ip }), {
      argument: "'arith.addi' operand 1",
      got: "undefined",
    });
    // A variadic group must be an array.
    assertArgumentError(() => func.return_(c as never, { ip }), {
      argument: "'func.return' operand 0",
      expected: "an array (a variadic group) of Values",
    });
    assertArgumentError(() => memref.alloc(MemRefType.get([2], i32), [], undefined as never, { ip }), {
      argument: "'memref.alloc' operand 1",
      expected: "an array (a variadic group) of Values",
      got: "undefined",
    });
    assertArgumentError(() => memref.alloc(MemRefType.get([null], i32), [c, 7] as never, [], { ip }), {
      argument: "'memref.alloc' operand 0",
      expected: "Values",
      got: "7",
    });
    // The builder support checks the count of groups against the op's ODS.
    assertArgumentError(() => $.buildOp(arith.AddIOp, { operands: [c] }, { ip }), {
      argument: "'arith.addi' operand groups",
      expected: "2",
      got: "1",
    });
    assertArgumentError(() => $.buildOp(arith.AddIOp, { operands: [c, c, c] }, { ip }), {
      argument: "'arith.addi' operand groups",
      expected: "2",
      got: "3",
    });
    assertEquals(mod.body.operations.length, before);
    mod.verify();
  });

  t("wrong attribute values throw ArgumentError before the op is created", (ctx) => {
    using mod = ctx.createModule();
    const ip = InsertionPoint.atEnd(mod.body);
    const i32 = IntegerType.get(ctx, 32), index = IndexType.get(ctx), f32 = FloatType.f32(ctx);
    const c = arith.constant(i32, 1, { ip });
    const x = arith.constant(f32, 1, { ip });
    const before = mod.body.operations.length;
    // A number for a string attribute.
    assertArgumentError(() => func.func(42 as never, FunctionType.get(ctx, [], []), { ip }), {
      argument: "'func.func' attribute 'sym_name'",
      expected: "a string or a StringAttr",
      got: "42",
    });
    // An unknown case of an integer enum, and an array for a non-bit enum.
    assertArgumentError(() => arith.cmpi("less" as never, c, c, { ip }), {
      argument: "'arith.cmpi' attribute 'predicate'",
      got: "'less'",
    });
    assertArgumentError(() => arith.cmpi(["slt"] as never, c, c, { ip }), {
      argument: "'arith.cmpi' attribute 'predicate'",
      got: "an array of 1",
    });
    // An unknown case of a bit enum, among known ones.
    assertArgumentError(() => arith.addf(x, x, { ip, fastmath: ["nnan", "quick" as never] }), {
      argument: "'arith.addf' attribute 'fastmath'",
      got: "'quick'",
    });
    // A string for an integer attribute; a number for a unit attribute; a fraction in a dense array.
    assertArgumentError(() => memref.alloc(MemRefType.get([2], index), [], [], { ip, alignment: "8" as never }), {
      argument: "'memref.alloc' attribute 'alignment'",
      expected: "an integer or an IntegerAttr",
      got: "'8'",
    });
    const zero = arith.constant(index, 0, { ip });
    const afterZero = mod.body.operations.length;
    assertArgumentError(() => scf.for_(zero, zero, zero, [], { ip, unsignedCmp: 1 as never }), {
      argument: "'scf.for' attribute 'unsignedCmp'",
      expected: "a boolean (present or not) or a UnitAttr",
      got: "1",
    });
    assertArgumentError(() => scf.forall([], [], [], [], [0.5], [1], [1], [], { ip }), {
      argument: "'scf.forall' attribute 'staticLowerBound'",
      expected: "an array of integers",
      got: "0.5",
    });
    // An integer out of its attribute's range: the op's attribute is named, not IntegerAttr.
    assertArgumentError(() => memref.alloc(MemRefType.get([2], index), [], [], { ip, alignment: 2 ** 70 }), {
      argument: "'memref.alloc' attribute 'alignment'",
    });
    // A Type attribute given something else.
    assertArgumentError(() => memref.global("g", "memref<2xi32>" as never, { ip }), {
      argument: "'memref.global' attribute 'type'",
      expected: "a Type or a TypeAttr",
    });
    // A required attribute left out.
    assertArgumentError(() => memref.global(undefined as never, MemRefType.get([2], i32), { ip }), {
      argument: "'memref.global' attribute 'sym_name'",
      expected: "given (it is required)",
      got: "nothing",
    });
    assertEquals(mod.body.operations.length, afterZero);
    assertEquals(afterZero, before + 1);
    mod.verify();
  });

  t("an Attribute passes as it is, and plain values build the attribute ODS names", (ctx) => {
    using mod = ctx.createModule();
    using _ = InsertionPoint.atEnd(mod.body).enter();
    const i32 = IntegerType.get(ctx, 32), i64 = IntegerType.get(ctx, 64);
    const c = arith.constant(i32, 1);
    const byName = arith.cmpi("sge", c, c).owner.opview as arith.CmpIOp;
    const byAttr = arith.cmpi(IntegerAttr.get(i64, 5) as never, c, c).owner.opview as arith.CmpIOp;
    assert(byName.predicate.equals(byAttr.predicate));
    assertEquals(byName.toString(), "%0 = arith.cmpi sge, %c1_i32, %c1_i32 : i32");
    const g = memref.global(StringAttr.get(ctx, "g"), MemRefType.get([2], i32), { constant: true, alignment: 16 });
    assertEquals(g.constant, true);
    assertEquals(g.alignment?.toString(), "16 : i64");
    assertEquals(g.toString(), "memref.global constant @g : memref<2xi32> {alignment = 16 : i64}");
  });

  t("wrong result types, options, insertion points and locations throw ArgumentError", (ctx) => {
    using mod = ctx.createModule();
    const ip = InsertionPoint.atEnd(mod.body);
    const i32 = IntegerType.get(ctx, 32);
    const c = arith.constant(i32, 1, { ip });
    const before = mod.body.operations.length;
    assertArgumentError(() => arith.addi(c, c, { ip, results: i32 as never }), {
      argument: "'arith.addi' result types",
      expected: "an array of Types",
    });
    assertArgumentError(() => arith.addi(c, c, "fast" as never), {
      argument: "'arith.addi' builder's options",
      expected: "an object",
      got: "'fast'",
    });
    // null, as JavaScript callers write "no options": a typed error, not a TypeError from reading its fields.
    assertArgumentError(() => arith.addi(c, c, null as never), {
      argument: "'arith.addi' builder's options",
      expected: "an object",
      got: "null",
    });
    // The hand-written builders too.
    assertArgumentError(() => scf.if_(c, null as never), { argument: "'scf.if' builder's options", got: "null" });
    assertArgumentError(() => scf.for_(c, c, c, [], null as never), { argument: "'scf.for' builder's options", got: "null" });
    assertArgumentError(() => arith.addi(c, c, { ip: mod.body as never }), {
      argument: "'arith.addi' builder's ip",
      expected: "an InsertionPoint",
      got: "a Block",
    });
    assertArgumentError(() => arith.addi(c, c, { ip, loc: "here" as never }), {
      argument: "'arith.addi' builder's loc",
      expected: "a Location",
      got: "'here'",
    });
    assertEquals(mod.body.operations.length, before);
  });

  t("operands from another module or context throw StructuralError", (ctx) => {
    using ctx2 = new Context({ strategy });
    using mod = ctx.createModule();
    using other = ctx.createModule();
    using foreign = ctx2.createModule();
    const ip = InsertionPoint.atEnd(mod.body);
    const i32 = IntegerType.get(ctx, 32);
    const c = arith.constant(i32, 1, { ip });
    const inOther = arith.constant(i32, 2, { ip: InsertionPoint.atEnd(other.body) });
    const inForeign = arith.constant(IntegerType.get(ctx2, 32), 3, { ip: InsertionPoint.atEnd(foreign.body) });
    const before = mod.body.operations.length;
    assertThrows(() => arith.addi(c, inOther, { ip }), StructuralError);
    assertThrows(() => arith.addi(c, inForeign, { ip }), StructuralError);
    assertThrows(() => arith.addi(inOther, inOther, { ip }), StructuralError);
    assertThrows(() => arith.addi(inForeign, inForeign, { ip }), StructuralError);
    assertEquals(mod.body.operations.length, before);
    // Each module is unchanged and valid.
    mod.verify();
    other.verify();
    foreign.verify();
    assertEquals(other.body.operations.length, 1);
    assertEquals(foreign.body.operations.length, 1);
  });

  t("without an insertion point a builder throws; an entered one is used", (ctx) => {
    using mod = ctx.createModule();
    const index = IndexType.get(ctx);
    assertStrictEquals(InsertionPoint.current, null);
    assertArgumentError(() => arith.constant(index, 1), {
      argument: "'arith.constant' builder's ip",
      expected: "an InsertionPoint",
      got: "none given and none current",
    });
    assertArgumentError(() => func.func("f", FunctionType.get(ctx, [], [])), {
      argument: "'func.func' builder's ip",
    });
    assertEquals(mod.body.operations.length, 0);
    {
      using _ = InsertionPoint.atEnd(mod.body).enter();
      const c = arith.constant(index, 1);
      assertInstanceOf(c, OpResult);
      arith.addi(c, c);
      assert(c.owner.block!.equals(mod.body));
    }
    assertEquals(mod.body.operations.toArray().map((op) => op.name), ["arith.constant", "arith.addi"]);
    // The scope has ended: no current insertion point again.
    assertStrictEquals(InsertionPoint.current, null);
    assertArgumentError(() => arith.constant(index, 2), { got: "none given and none current" });
    // An explicit one wins over the current one.
    const f = func.func("f", FunctionType.get(ctx, [], []), { ip: InsertionPoint.atEnd(mod.body) });
    const entry = f.addEntryBlock();
    {
      using _ = InsertionPoint.atEnd(mod.body).enter();
      const inner = arith.constant(index, 3, { ip: InsertionPoint.atEnd(entry) });
      assert(inner.owner.block!.equals(entry));
      func.return_([], { ip: InsertionPoint.atEnd(entry) });
    }
    mod.verify();
  });

  t("Location.current is the default location", (ctx) => {
    using mod = ctx.createModule();
    const ip = InsertionPoint.atEnd(mod.body);
    const index = IndexType.get(ctx);
    const here = Location.file(ctx, "builders.py", 3, 7);
    {
      using _ = here.enter();
      const c = arith.constant(index, 1, { ip });
      assert(c.owner.location.equals(here));
      // An explicit location wins.
      const named = Location.named(ctx, "explicit");
      const d = arith.addi(c, c, { ip, loc: named });
      assert(d.owner.location.equals(named));
      const view = d.owner.opview;
      assert(view.location.equals(named));
    }
    // Without one current (or with one of another context), the location is unknown.
    const e = arith.constant(index, 2, { ip });
    assertEquals(e.owner.location.kind, "unknown");
    using ctx2 = new Context({ strategy });
    {
      using _ = Location.file(ctx2, "elsewhere.py", 1, 1).enter();
      const f = arith.constant(index, 3, { ip });
      assertEquals(f.owner.location.kind, "unknown");
    }
    assertEquals(here.toString(), 'loc("builders.py":3:7)');
  });

  t("opview is the registered class, or the generic OpView", (ctx) => {
    using mod = ctx.parseModule(`
      func.func @f(%a: i32) -> i32 {
        %0 = arith.addi %a, %a : i32
        "custom.op"(%0) : (i32) -> ()
        return %0 : i32
      }
    `);
    const f = mod.body.operations.at(0)!;
    const view = f.opview;
    // func.func's class is the extended FuncOp of src/dialects/func.ts.
    assertInstanceOf(view, func.FuncOp);
    assertEquals(view.arguments.length, 1);
    assertEquals(view.type.toString(), "(i32) -> i32");
    const [add, custom, ret] = view.entryBlock.operations.toArray();
    assertInstanceOf(add!.opview, arith.AddIOp);
    assertInstanceOf(ret!.opview, func.ReturnOp);
    const generic = custom!.opview;
    assertInstanceOf(generic, OpView);
    assertStrictEquals(generic.constructor, OpView);
    assertStrictEquals((generic.constructor as typeof OpView).OPERATION_NAME, null);
    assert(generic.operation.equals(custom));
    assertEquals(generic.toString(), '"custom.op"(%0) : (i32) -> ()');
    // A module-level op of an unregistered dialect too.
    using op = ctx.createOperation({ name: "other.thing" });
    assertStrictEquals(op.opview.constructor, OpView);
    assertStrictEquals(opViewClass("other.thing"), undefined);
    assertStrictEquals(opViewClass("arith.addi"), arith.AddIOp);
  });

  t("operandSegmentSizes sizes the variadic groups", (ctx) => {
    using mod = ctx.createModule();
    using _ = InsertionPoint.atEnd(mod.body).enter();
    const index = IndexType.get(ctx), i32 = IntegerType.get(ctx, 32);
    const d0 = arith.constant(index, 4);
    const a = memref.alloc(MemRefType.get([null, 3], i32), [d0], []);
    const view = a.owner.opview;
    assertInstanceOf(view, memref.AllocOp);
    assertEquals(view.dynamicSizes.length, 1);
    assert(view.dynamicSizes[0]!.equals(d0));
    assertEquals(view.symbolOperands, []);
    assert(view.memref.equals(a));
    assertEquals(a.owner.attributes.get("operandSegmentSizes")!.toString(), "array<i32: 1, 0>");
    assertEquals(
      a.owner.print({ generic: true }),
      '%1 = "memref.alloc"(%0) <{operandSegmentSizes = array<i32: 1, 0>}> : (index) -> memref<?x3xi32>',
    );
    assertEquals(a.owner.toString(), "%alloc = memref.alloc(%c4) : memref<?x3xi32>");

    // Both groups filled: a layout with a symbol.
    const s0 = arith.constant(index, 2);
    const layout = AffineMapAttr.get(ctx, "(d0, d1)[s0] -> (d0 * 3 + d1 + s0)");
    const b = memref.alloc(MemRefType.get([null, 3], i32, { layout }), [d0], [s0]);
    const bView = b.owner.opview as memref.AllocOp;
    assert(bView.dynamicSizes[0]!.equals(d0));
    assert(bView.symbolOperands[0]!.equals(s0));
    assertEquals(b.owner.attributes.get("operandSegmentSizes")!.toString(), "array<i32: 1, 1>");
    assertEquals(b.owner.toString().split(" : ")[0], "%alloc_0 = memref.alloc(%c4)[%c2]");
    mod.verify();
  });

  t("single-result builders return the result, others the view", (ctx) => {
    using mod = ctx.createModule();
    using _ = InsertionPoint.atEnd(mod.body).enter();
    const index = IndexType.get(ctx);
    const c = arith.constant(index, 1);
    assertInstanceOf(c, OpResult);
    assertEquals(c.resultNumber, 0);
    const f = func.func("g", FunctionType.get(ctx, [], [index, index]), { symVisibility: "private" });
    assertInstanceOf(f, func.FuncOp);
    const call = func.call([index, index], "g", []);
    assertInstanceOf(call, func.CallOp);
    assertEquals(call.operation.numResults, 2);
    // A builder with inferable results takes explicit ones too.
    const sum = arith.addi(c, c, { results: [index] });
    assert(sum.type.equals(index));
    mod.verify();
  });
}
