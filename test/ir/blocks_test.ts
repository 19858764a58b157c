/**
 * Blocks and insertion points, ported from upstream MLIR's
 * `mlir/test/python/ir/blocks.py` and `insertion_point.py`, under every
 * strategy.
 *
 * Left out: `Block.append_to` (testBlockMove), which this binding lacks.
 * Predecessors and successors, block argument locations, the reference
 * operation of an insertion point, the refusal to insert after a terminator
 * and the order of several inserts at a block's start were added later; their
 * tests are in operation_test.ts, value_test.ts and insertion_point_test.ts.
 *
 * @module
 */
import { test } from "node:test";
import { assert, assertEquals, assertFalse, assertNotEquals, assertStringIncludes, assertThrows } from "@std/assert";
import { assertArgumentError, assertInvalidHandle } from "../_errors.ts";
import {
  type Block,
  Context,
  FloatType,
  FunctionType,
  InsertionPoint,
  IntegerType,
  InvalidHandleError,
  Location,
  type Operation,
  STRATEGIES,
  StringAttr,
  StructuralError,
  type Type,
  TypeAttr,
} from "../../src/mod.ts";

/** Parses `text` (a printed module) again and checks it prints the same. */
function assertModuleRoundTrip(ctx: Context, text: string): void {
  using copy = ctx.parseModule(text);
  assertEquals(copy.toString(), text);
}

/** Parses `text` (one printed operation) again and checks it prints the same. */
function assertOpRoundTrip(ctx: Context, text: string): void {
  using copy = ctx.parseModule(text);
  assertEquals(copy.body.operations.length, 1);
  assertEquals(copy.body.operations.at(0)!.toString(), text.trimEnd());
}

/** The names of the operations in `block`. */
function names(block: Block): string[] {
  return block.operations.toArray().map((op) => op.name);
}

/**
 * A `func.func @name` with one (empty) region, at the end of `body`. Used
 * only in contexts without allowUnregisteredDialects: with it,
 * createOperation builds ops of a not-yet-loaded dialect as unregistered
 * ones, and the process crashes once the dialect loads (see the report).
 */
function createFunc(ctx: Context, body: Block, name: string, inputs: Type[]): Operation {
  return ctx.createOperation({
    name: "func.func",
    regions: 1,
    attributes: {
      sym_name: StringAttr.get(ctx, name),
      function_type: TypeAttr.get(FunctionType.get(ctx, inputs, [])),
    },
    insertAt: InsertionPoint.atEnd(body),
  });
}

for (const strategy of STRATEGIES) {
  /** One test in a fresh context; `unregistered` accepts `custom.*` ops. */
  const t = (name: string, fn: (ctx: Context) => void, unregistered = false) =>
    test(`blocks [${strategy}] ${name}`, () => {
      using ctx = new Context({ strategy, allowUnregisteredDialects: unregistered });
      fn(ctx);
    });

  // testBlockCreation (block successors come from the branch operations:
  // this binding has no Block.predecessors or Block.successors)
  t("create blocks with argument locations, and branch between them", (ctx) => {
    using mod = ctx.createModule();
    const i32 = IntegerType.signless(ctx, 32);
    const i16 = IntegerType.signless(ctx, 16);
    const f = createFunc(ctx, mod.body, "test", [i32, i16]);
    const region = f.regions.at(0)!;
    const entry = region.appendBlock([i32, i16], [Location.named(ctx, "arg0"), Location.named(ctx, "arg1")]);
    const [i32Arg, i16Arg] = entry.arguments.toArray();
    const successor = region.appendBlock([i32Arg!.type], [Location.named(ctx, "successor")]);
    const ret = ctx.createOperation({ name: "func.return", insertAt: InsertionPoint.atEnd(successor) });
    // Upstream's create_before: a block inserted at the successor's index.
    const middle = region.insertBlock(1, [i16Arg!.type], [Location.named(ctx, "middle")]);
    const entryIp = InsertionPoint.atEnd(entry);
    assert(entryIp.block.equals(entry));
    const br1 = ctx.createOperation({ name: "cf.br", operands: [i16Arg!], successors: [middle], insertAt: entryIp });
    const br2 = ctx.createOperation({
      name: "cf.br",
      operands: [i32Arg!],
      successors: [successor],
      insertAt: InsertionPoint.atEnd(middle),
    });

    const text = mod.print({ debugInfo: true });
    assertStringIncludes(text, 'func.func @test(%arg0: i32 loc("arg0"), %arg1: i16 loc("arg1"))');
    assertStringIncludes(text, "cf.br ^bb1(%arg1 : i16)");
    assertStringIncludes(text, '^bb1(%0: i16 loc("middle")):');
    assertStringIncludes(text, "cf.br ^bb2(%arg0 : i32)");
    assertStringIncludes(text, '^bb2(%1: i32 loc("successor")):');
    mod.verify();
    assertModuleRoundTrip(ctx, mod.toString());

    // Region back references are coherent.
    assert(entry.region!.equals(middle.region) && middle.region!.equals(successor.region));
    assertEquals(region.blocks.toArray().map((b) => b.key), [entry.key, middle.key, successor.key]);
    assert(br1.successors.at(0)!.equals(middle));
    assert(br2.successors.at(0)!.equals(successor));
    assertEquals([br1.numSuccessors, ret.numSuccessors], [1, 0]);
    assert(entry.terminator!.equals(br1) && middle.terminator!.equals(br2) && successor.terminator!.equals(ret));
    assert(br1.isTerminator);

    // Misuse: a successor outside the region, a branch without a place,
    // erasing a block that is branched to.
    assertThrows(
      () => ctx.createOperation({ name: "cf.br", successors: [middle], insertAt: InsertionPoint.atEnd(mod.body) }),
      StructuralError,
      "region the operation is inserted into",
    );
    assertThrows(() => ctx.createOperation({ name: "cf.br", successors: [middle] }), StructuralError, "give insertAt");
    assertThrows(() => middle.erase(), StructuralError, "branch to it");
    assert(middle.isValid);
  });

  // testBlockCreationArgLocs
  t("block argument locations", (ctx) => {
    const f32 = FloatType.f32(ctx);
    const op = ctx.createOperation({ name: "test.op", regions: 1, location: Location.unknown(ctx) });
    const region = op.regions.at(0)!;
    region.appendBlock([f32], [Location.named(ctx, "default_loc")]);
    region.appendBlock();
    const text = op.print({ debugInfo: true });
    assertStringIncludes(text, '^bb0(%arg0: f32 loc("default_loc")):\n^bb1:');
    // Without locations, arguments get the unknown location.
    const third = region.appendBlock([f32]);
    assertStringIncludes(op.print({ debugInfo: true }), "^bb2(%0: f32 loc(unknown)):");
    assertEquals(third.arguments.at(0)!.type.toString(), "f32");
    // The text parses again once no block is empty.
    for (const block of region.blocks) ctx.createOperation({ name: "test.end", insertAt: InsertionPoint.atEnd(block) });
    assertOpRoundTrip(ctx, op.toString());
    // The argument locations survive the text.
    using copy = ctx.parseModule(op.print({ debugInfo: true }));
    assertStringIncludes(copy.print({ debugInfo: true }), '^bb0(%arg0: f32 loc("default_loc")):');

    assertArgumentError(() => region.appendBlock([f32, f32], [Location.unknown(ctx)]), { argument: "Block argument locations", expected: "an array of 2 Locations, one per argument" });
    assertArgumentError(() => region.appendBlock([f32], ["loc" as never]), { argument: "Location of argument 0", expected: "a Location" });
    assertArgumentError(() => region.appendBlock(["f32" as never]), { argument: "Block argument types[0]", expected: "a Type" });
    assertEquals(region.blocks.length, 3);
  }, true);

  // testFirstBlockCreation
  t("insert the first block at a region's start", (ctx) => {
    using mod = ctx.createModule();
    const f32 = FloatType.f32(ctx);
    const f = createFunc(ctx, mod.body, "test", [f32]);
    const region = f.regions.at(0)!;
    const entry = region.insertBlock(0, [f32], [Location.named(ctx, "arg_loc")]);
    ctx.createOperation({ name: "func.return", insertAt: InsertionPoint.atEnd(entry) });
    assertStringIncludes(mod.print({ debugInfo: true }), 'func.func @test(%arg0: f32 loc("arg_loc"))');
    assertStringIncludes(mod.toString(), "    return\n");
    mod.verify();
    assert(region.blocks.at(0)!.equals(entry));
    assertModuleRoundTrip(ctx, mod.toString());
    assertArgumentError(() => region.insertBlock(-1), { argument: "insertBlock's index", expected: "an integer in [0, 1]" });
    assertArgumentError(() => region.insertBlock(2), { argument: "insertBlock's index", expected: "an integer in [0, 1]" });
  });

  // testBlockHash
  t("distinct blocks have distinct keys", (ctx) => {
    using mod = ctx.createModule();
    const f32 = FloatType.f32(ctx);
    const dummy = ctx.createOperation({ name: "dummy.op", regions: 1, insertAt: InsertionPoint.atEnd(mod.body) });
    const block1 = dummy.regions.at(0)!.insertBlock(0, [f32]);
    const block2 = dummy.regions.at(0)!.insertBlock(0, [f32]);
    assertNotEquals(block1.key, block2.key);
    assertFalse(block1.equals(block2));
    // Block 2 went first; each equals itself however obtained.
    const [first, second] = dummy.regions.at(0)!.blocks.toArray();
    assert(first!.equals(block2) && second!.equals(block1));
    assertEquals([first!.key, second!.key], [block2.key, block1.key]);
    for (const block of [first!, second!]) {
      ctx.createOperation({ name: "dummy.end", insertAt: InsertionPoint.atEnd(block) });
    }
    assertModuleRoundTrip(ctx, mod.toString());
    block1.erase();
    assertInvalidHandle(() => block1.key, { kind: "Block", reason: "block erased" });
    assertFalse(block1.equals(second));
  }, true);

  // testBlockAddArgs
  t("add arguments", (ctx) => {
    const f32 = FloatType.f32(ctx);
    const loc = Location.unknown(ctx);
    const op = ctx.createOperation({ name: "test.op", regions: 1, location: loc });
    const block = op.regions.at(0)!.appendBlock();
    assertStringIncludes(op.print({ debugInfo: true }), "^bb0:");
    const arg = block.addArgument(f32, loc);
    assertStringIncludes(op.print({ debugInfo: true }), "^bb0(%arg0: f32 loc(unknown)):");
    assert(arg.equals(block.arguments.at(0)));
    assertEquals([arg.argNumber, arg.type.toString(), block.numArguments], [0, "f32", 1]);
    assert(arg.owner.equals(block));
    // And one in front of it.
    const i1 = block.insertArgument(0, IntegerType.signless(ctx, 1), Location.named(ctx, "flag"));
    assertEquals([i1.argNumber, arg.argNumber], [0, 1]);
    assertStringIncludes(op.print({ debugInfo: true }), '^bb0(%arg0: i1 loc("flag"), %arg1: f32 loc(unknown)):');
    assertOpRoundTrip(ctx, op.toString());

    assertArgumentError(() => block.addArgument("f32" as never), { argument: "Argument type", expected: "a Type" });
    assertArgumentError(() => block.insertArgument(3, f32), { argument: "insertArgument's index", expected: "an integer in [0, 2]" });
    using other = new Context();
    assertArgumentError(() => block.addArgument(FloatType.f32(other)), { argument: "Argument type", expected: "of this Context" });
    assertArgumentError(() => block.addArgument(f32, Location.unknown(other)), { argument: "Argument location", expected: "of this Context" });
    assertEquals(block.numArguments, 2);
  }, true);

  // testBlockEraseArgs
  t("erase arguments", (ctx) => {
    const f32 = FloatType.f32(ctx);
    const op = ctx.createOperation({ name: "test.op", regions: 1, location: Location.unknown(ctx) });
    const block = op.regions.at(0)!.appendBlock([f32]);
    assertStringIncludes(op.print({ debugInfo: true }), "^bb0(%arg0: f32 loc(unknown)):");
    const arg = block.arguments.at(0)!;
    block.eraseArgument(0);
    assertStringIncludes(op.print({ debugInfo: true }), "^bb0:");
    assertEquals(block.numArguments, 0);
    const e = assertThrows(() => arg.type, InvalidHandleError);
    assertEquals(e.reason, "argument erased");
    assertOpRoundTrip(ctx, op.toString());

    assertArgumentError(() => block.eraseArgument(0), { argument: "eraseArgument's index", expected: "an index of an existing item (there are none)" });
    // A used argument stays.
    const used = block.addArgument(f32);
    ctx.createOperation({ name: "test.use", operands: [used], insertAt: InsertionPoint.atEnd(block) });
    assertThrows(() => block.eraseArgument(0), StructuralError, "still used");
    assert(used.isValid);
  }, true);
}

/** The entry block of the first function in `mod`. */
function entryBlock(mod: { body: Block }): Block {
  return mod.body.operations.at(0)!.regions.at(0)!.blocks.at(0)!;
}

for (const strategy of STRATEGIES) {
  /** One test in a fresh context that accepts `custom.*` ops. */
  const t = (name: string, fn: (ctx: Context) => void) =>
    test(`insertion point [${strategy}] ${name}`, () => {
      using ctx = new Context({ strategy, allowUnregisteredDialects: true });
      fn(ctx);
    });

  // test_insert_at_block_end
  t("at a block's end", (ctx) => {
    using mod = ctx.parseModule(`func.func @foo() -> () {
  "custom.op1"() : () -> ()
}`);
    const entry = entryBlock(mod);
    const ip = InsertionPoint.atEnd(entry);
    assert(ip.block.equals(entry));
    ip.insert(ctx.createOperation({ name: "custom.op2" }));
    ip.insert(ctx.createOperation({ name: "custom.op3" }));
    assertEquals(names(entry), ["custom.op1", "custom.op2", "custom.op3"]);
    assertModuleRoundTrip(ctx, mod.toString());
    assertArgumentError(() => InsertionPoint.atEnd(null as never), { argument: "InsertionPoint.atEnd's block", expected: "a Block" });
  });

  // test_insert_before_operation
  t("before an operation", (ctx) => {
    using mod = ctx.parseModule(`func.func @foo() -> () {
  "custom.op1"() : () -> ()
  "custom.op2"() : () -> ()
}`);
    const entry = entryBlock(mod);
    const ip = InsertionPoint.before(entry.operations.at(1)!);
    assert(ip.block.equals(entry));
    ip.insert(ctx.createOperation({ name: "custom.op3" }));
    ip.insert(ctx.createOperation({ name: "custom.op4" }));
    assertEquals(names(entry), ["custom.op1", "custom.op3", "custom.op4", "custom.op2"]);
    // And after one.
    InsertionPoint.after(entry.operations.at(0)!).insert(ctx.createOperation({ name: "custom.op5" }));
    assertEquals(names(entry), ["custom.op1", "custom.op5", "custom.op3", "custom.op4", "custom.op2"]);
    assertModuleRoundTrip(ctx, mod.toString());

    const detached = ctx.createOperation({ name: "custom.detached" });
    assertArgumentError(() => InsertionPoint.before(detached), { argument: "InsertionPoint.before's argument", expected: "in a block" });
    assertArgumentError(() => InsertionPoint.after(detached), { argument: "InsertionPoint.after's argument", expected: "in a block" });
    // The reference operation leaving its block, or being erased, is reported.
    const ref = entry.operations.at(0)!;
    const afterRef = InsertionPoint.after(ref);
    mod.body.append(ref);
    assertArgumentError(() => afterRef.insert(ctx.createOperation({ name: "custom.x" })), { argument: "The insertion point's reference operation", expected: "in the insertion point's block" });
    ref.erase();
    assertInvalidHandle(() => afterRef.insert(ctx.createOperation({ name: "custom.y" })), { kind: "Operation", reason: "operation erased" });
  });

  // test_insert_at_block_begin (one insertion; see the module comment)
  t("at a block's start", (ctx) => {
    using mod = ctx.parseModule(`func.func @foo() -> () {
  "custom.op2"() : () -> ()
}`);
    const entry = entryBlock(mod);
    const ip = InsertionPoint.atStart(entry);
    assert(ip.block.equals(entry));
    ip.insert(ctx.createOperation({ name: "custom.op1" }));
    assertEquals(names(entry), ["custom.op1", "custom.op2"]);
    assertModuleRoundTrip(ctx, mod.toString());
    assertArgumentError(() => InsertionPoint.atStart({} as never), { argument: "InsertionPoint.atStart's block", expected: "a Block" });
  });

  // test_insert_at_block_begin_empty (an upstream TODO)
  t("at the start of an empty block", (ctx) => {
    const op = ctx.createOperation({ name: "custom.holder", regions: 1 });
    const block = op.regions.at(0)!.appendBlock();
    InsertionPoint.atStart(block).insert(ctx.createOperation({ name: "custom.first" }));
    assertEquals(names(block), ["custom.first"]);
    assertEquals(op.toString(), '"custom.holder"() ({\n  "custom.first"() : () -> ()\n}) : () -> ()\n');
    assertOpRoundTrip(ctx, op.toString());
    assertThrows(() => InsertionPoint.atStart(block).insert(op), StructuralError, "nested inside itself");
  });

  // test_insert_at_terminator
  t("before a block's terminator", (ctx) => {
    using mod = ctx.parseModule(`func.func @foo() -> () {
  "custom.op1"() : () -> ()
  return
}`);
    const entry = entryBlock(mod);
    const ip = InsertionPoint.atTerminator(entry);
    assert(ip.block.equals(entry));
    ip.insert(ctx.createOperation({ name: "custom.op2" }));
    ip.insert(ctx.createOperation({ name: "custom.op3" }));
    assertEquals(names(entry), ["custom.op1", "custom.op2", "custom.op3", "func.return"]);
    assert(entry.terminator!.equals(entry.operations.at(-1)));
    mod.verify();
    assertModuleRoundTrip(ctx, mod.toString());
    assertArgumentError(() => InsertionPoint.atTerminator(undefined as never), { argument: "InsertionPoint.atTerminator's block", expected: "a Block" });
  });

  // test_insert_at_block_terminator_missing: upstream refuses an insertion
  // point at a missing terminator; this binding documents that it inserts
  // at the block's end instead.
  t("at the terminator of a block that has none", (ctx) => {
    using mod = ctx.parseModule(`func.func @foo() -> () {
  "custom.op1"() : () -> ()
}`);
    const entry = entryBlock(mod);
    assertEquals(entry.terminator, null);
    InsertionPoint.atTerminator(entry).insert(ctx.createOperation({ name: "custom.op2" }));
    assertEquals(names(entry), ["custom.op1", "custom.op2"]);
    assertModuleRoundTrip(ctx, mod.toString());
  });

  // test_insertion_point_context: no ambient insertion point here; each
  // createOperation names its place.
  t("createOperation inserts at its insertAt", (ctx) => {
    using mod = ctx.parseModule(`func.func @foo() -> () {
  "custom.op1"() : () -> ()
}`);
    const entry = entryBlock(mod);
    const atEnd = InsertionPoint.atEnd(entry);
    const op2 = ctx.createOperation({ name: "custom.op2", insertAt: atEnd });
    ctx.createOperation({ name: "custom.opa", insertAt: InsertionPoint.atStart(entry) });
    ctx.createOperation({ name: "custom.op3", insertAt: atEnd });
    assertEquals(names(entry), ["custom.opa", "custom.op1", "custom.op2", "custom.op3"]);
    assert(op2.block!.equals(entry));
    assertModuleRoundTrip(ctx, mod.toString());
    assertArgumentError(() => ctx.createOperation({ name: "custom.op4", insertAt: entry as never }), { argument: "createOperation's insertAt", expected: "an InsertionPoint" });
    using other = new Context({ strategy, allowUnregisteredDialects: true });
    assertThrows(
      () => other.createOperation({ name: "custom.op4", insertAt: atEnd }),
      StructuralError,
      "another context",
    );
    assertEquals(names(entry).length, 4);
  });
}
