/**
 * `Value.replaceAllUsesExcept` and `Operation.clone({ ip })`, after
 * upstream's `mlir/test/python/ir/value.py` (testValueReplaceAllUsesExcept,
 * testValueReplaceAllUsesWithExcept) and `operation.py` (testOperationClone),
 * under every strategy, with the bad input each must refuse before changing
 * anything.
 *
 * @module
 */
import { test } from "node:test";
import { assert, assertEquals, assertFalse, assertStrictEquals, assertStringIncludes, assertThrows } from "@std/assert";
import { assertArgumentError, assertInvalidHandle } from "../_errors.ts";
import { describeChild, runChild } from "../_child.ts";
import { Context, InsertionPoint, type Operation, STRATEGIES, StructuralError, type Value } from "../../src/mod.ts";

const SOURCE = `
func.func @f(%a: i32, %b: i32, %c: f32) -> i32 {
  %0 = arith.addi %a, %a : i32
  %1 = arith.muli %a, %0 : i32
  %2 = arith.subi %1, %a : i32
  return %2 : i32
}`;

function parts(ctx: Context) {
  const mod = ctx.parseModule(SOURCE);
  const block = mod.body.operations.at(0)!.regions.at(0)!.blocks.at(0)!;
  const [a, b, c] = block.arguments;
  const [add, mul, sub, ret] = block.operations;
  return { mod, block, a: a!, b: b!, c: c!, add: add!, mul: mul!, sub: sub!, ret: ret! };
}

const operandNames = (op: Operation) => op.operands.toArray().map((v: Value) => v.name);

for (const strategy of STRATEGIES) {
  test(`[${strategy}] replaceAllUsesExcept leaves the excepted users alone`, () => {
    using ctx = new Context({ strategy });
    const { mod, a, b, add, mul, sub } = parts(ctx);
    using _ = mod;
    a.replaceAllUsesExcept(b, [mul]);
    assertEquals(operandNames(add), ["%arg1", "%arg1"]);
    assertEquals(operandNames(mul), ["%arg0", "%0"]);
    assertEquals(operandNames(sub), ["%1", "%arg1"]);
    // One operation instead of a list, as upstream.
    a.replaceAllUsesExcept(b, mul);
    assertEquals(operandNames(mul), ["%arg0", "%0"]);
    mod.operation.verify();
    // Handles stay valid: nothing was freed or moved.
    assertEquals([add.name, mul.name, sub.name], ["arith.addi", "arith.muli", "arith.subi"]);
  });

  test(`[${strategy}] replaceAllUsesExcept with no exceptions replaces every use, and with itself changes nothing`, () => {
    using ctx = new Context({ strategy });
    const { mod, a, b, add, mul } = parts(ctx);
    using _ = mod;
    a.replaceAllUsesExcept(a, []);
    assertEquals(operandNames(add), ["%arg0", "%arg0"]);
    a.replaceAllUsesExcept(b, []);
    assertFalse(a.hasUses);
    assertEquals(operandNames(mul), ["%arg1", "%0"]);
    // An op result as the replacement; an excepted op that does not use the value.
    b.replaceAllUsesExcept(add.result, [add, mod.body.operations.at(0)!]);
    assertEquals(operandNames(add), ["%arg1", "%arg1"]);
    assertEquals(operandNames(mul), ["%0", "%0"]);
    assertStringIncludes(mod.operation.print(), "arith.subi %1, %0");
    mod.operation.verify();
  });

  test(`[${strategy}] replaceAllUsesExcept refuses bad input before changing anything`, () => {
    using ctx = new Context({ strategy });
    using other = new Context({ strategy });
    const { mod, a, b, c, add, mul } = parts(ctx);
    using _ = mod;
    const before = mod.operation.print();
    assertArgumentError(() => a.replaceAllUsesExcept(c, []), {
      argument: "replaceAllUsesExcept's value",
      expected: "a Value of type i32",
      got: "a Value of type f32",
    });
    assertArgumentError(() => a.replaceAllUsesExcept(3 as never, []), { argument: "replaceAllUsesExcept's value" });
    assertArgumentError(() => a.replaceAllUsesExcept(b, 3 as never), { argument: "replaceAllUsesExcept's exceptions" });
    assertArgumentError(() => a.replaceAllUsesExcept(b, [mul, "x" as never]), { argument: "replaceAllUsesExcept's exceptions[1]" });
    const foreign = parts(other);
    using _f = foreign.mod;
    assertArgumentError(() => a.replaceAllUsesExcept(b, [mul, foreign.add]), {
      argument: "replaceAllUsesExcept's exceptions[1]",
      expected: "an Operation of this Context",
    });
    assertThrows(() => a.replaceAllUsesExcept(foreign.b, []), StructuralError);
    // A value of another module of the same context.
    using mod2 = ctx.parseModule(SOURCE);
    const b2 = mod2.body.operations.at(0)!.regions.at(0)!.blocks.at(0)!.arguments.at(1)!;
    assertThrows(() => a.replaceAllUsesExcept(b2, []), StructuralError);
    // A stale exception.
    const erased = mod2.body.operations.at(0)!.regions.at(0)!.blocks.at(0)!.operations.at(-1)!;
    erased.erase();
    assertInvalidHandle(() => a.replaceAllUsesExcept(b, [erased]), { kind: "Operation", reason: "operation erased" });
    assertEquals(mod.operation.print(), before);
    assertEquals(operandNames(add), ["%arg0", "%arg0"]);
    // A stale receiver.
    foreign.mod.dispose();
    assertInvalidHandle(() => foreign.a.replaceAllUsesExcept(foreign.b, []), { kind: "BlockArgument", reason: "module disposed" });
  });

  test(`[${strategy}] clone({ ip }) inserts the copy there; without ip it stays detached`, () => {
    using ctx = new Context({ strategy });
    using mod = ctx.parseModule("func.func private @a()\nfunc.func private @b()");
    const [a, b] = mod.body.operations;
    const after = a!.clone({ ip: InsertionPoint.after(a!) });
    assertStrictEquals(after.block?.equals(mod.body), true);
    assertEquals(mod.body.operations.length, 3);
    assert(mod.body.operations.at(1)!.equals(after));
    const start = b!.clone({ ip: InsertionPoint.atStart(mod.body) });
    assert(mod.body.operations.at(0)!.equals(start));
    const detached = a!.clone();
    assertEquals(detached.block, null);
    const alsoDetached = a!.clone({ ip: null });
    assertEquals(alsoDetached.block, null);
    {
      // The current insertion point is not used: copies go only where asked.
      using _ = InsertionPoint.atEnd(mod.body).enter();
      assertEquals(a!.clone().block, null);
    }
    assertEquals(mod.body.operations.length, 4);
    // The copy is a new op tree owned by the module: erasing it leaves the original.
    after.erase();
    assertEquals(a!.name, "func.func");
    assertEquals(mod.body.operations.length, 3);
    // Cloning into a detached op's block merges the copy into that owner.
    using holder = ctx.parseOperation("builtin.module {}");
    const body = holder.regions.at(0)!.blocks.at(0) ?? holder.regions.at(0)!.appendBlock();
    const inside = a!.clone({ ip: InsertionPoint.atEnd(body) });
    assert(inside.parent!.equals(holder));
    holder.verify();
  });

  test(`[${strategy}] clone({ ip }) refuses bad insertion points before copying`, () => {
    using ctx = new Context({ strategy });
    using other = new Context({ strategy });
    using mod = ctx.parseModule("func.func private @a()\nfunc.func @t() { return }");
    const a = mod.body.operations.at(0)!;
    const count = () => mod.body.operations.length;
    assertArgumentError(() => a.clone({ ip: mod.body as never }), { argument: "clone's options.ip" });
    assertArgumentError(() => a.clone(5 as never), { argument: "clone's options" });
    using otherMod = other.createModule();
    assertThrows(() => a.clone({ ip: InsertionPoint.atEnd(otherMod.body) }), StructuralError);
    assertEquals(otherMod.body.operations.length, 0);
    // A disposed module's insertion point.
    const gone = ctx.createModule();
    const ip = InsertionPoint.atEnd(gone.body);
    gone.dispose();
    assertInvalidHandle(() => a.clone({ ip }), { kind: "Block", reason: "module disposed" });
    // An insertion point whose reference op was erased.
    const scratch = a.clone({ ip: InsertionPoint.after(a) });
    const stale = InsertionPoint.before(scratch);
    scratch.erase();
    assertInvalidHandle(() => a.clone({ ip: stale }), { kind: "Operation", reason: "operation erased" });
    // The end of a block with a terminator.
    const withTerminator = mod.body.operations.at(1)!.regions.at(0)!.blocks.at(0)!;
    assertThrows(() => a.clone({ ip: InsertionPoint.atEnd(withTerminator) }), StructuralError);
    // An op that uses values from outside itself cannot be cloned anywhere.
    using f = ctx.parseModule("func.func @f(%x: i32) -> i32 { %0 = arith.addi %x, %x : i32\n return %0 : i32 }");
    const fBlock = f.body.operations.at(0)!.regions.at(0)!.blocks.at(0)!;
    const addi = fBlock.operations.at(0)!;
    assertThrows(() => addi.clone({ ip: InsertionPoint.before(addi) }), StructuralError);
    assertEquals(fBlock.operations.length, 2);
    assertEquals(count(), 2);
  });
}

for (const strategy of STRATEGIES) {
  test(`[${strategy}] clone({ ip }) inside a TypeScript pass: refused outside the pass's op, nothing inserted`, () => {
    using ctx = new Context({ strategy });
    using mod = ctx.parseModule("func.func @f() { return }\nfunc.func @g() { return }");
    const errors: unknown[] = [];
    let inside = 0;
    using pm = ctx.passManager();
    pm.nest("func.func").addPass((op) => {
      const ret = op.regions.at(0)!.blocks.at(0)!.operations.at(0)!;
      try {
        ret.clone({ ip: InsertionPoint.atEnd(mod.body) });
      } catch (e) {
        errors.push(e);
      }
      // Inside the pass's own op it is allowed.
      const copy = op.clone({ ip: InsertionPoint.before(ret) }).detach();
      copy.dispose();
      inside++;
    }, { opName: "func.func" });
    pm.run(mod);
    assertEquals(inside, 2);
    assertEquals(errors.length, 2);
    for (const e of errors) assert(e instanceof StructuralError, String(e));
    assertEquals(mod.body.operations.length, 2);
    mod.operation.verify();
  });
}

test("clone into a disposed insertion point, and replaceAllUsesExcept misuse, in a child: no crash", () => {
  const r = runChild(`
    for (const strategy of mlir.STRATEGIES) {
      const ctx = new mlir.Context({ strategy });
      const mod = ctx.parseModule(${JSON.stringify(SOURCE)});
      const block = mod.body.operations.at(0).regions.at(0).blocks.at(0);
      const [a, b] = block.arguments;
      const mul = block.operations.at(1);
      const ip = mlir.InsertionPoint.before(mul);
      const other = ctx.parseModule("func.func private @x()");
      const x = other.body.operations.at(0);
      const ip2 = mlir.InsertionPoint.atEnd(other.body);
      other.dispose();
      try { x.clone({ ip: ip2 }); } catch (e) { if (!(e instanceof mlir.InvalidHandleError)) throw e; }
      try { mod.body.operations.at(0).clone({ ip: ip2 }); } catch (e) { if (!(e instanceof mlir.InvalidHandleError)) throw e; }
      a.replaceAllUsesExcept(b, [mul, mul, mul]);
      const many = Array.from({ length: 100 }, () => mul);
      b.replaceAllUsesExcept(a, many);
      mod.operation.verify();
      ctx.dispose();
      try { a.replaceAllUsesExcept(b, []); } catch (e) { if (!(e instanceof mlir.InvalidHandleError)) throw e; }
      void ip;
    }
    forceGC();
    console.log("ok");
  `);
  assertEquals(r.status, 0, describeChild(r));
  assertStringIncludes(r.stdout, "ok");
});
