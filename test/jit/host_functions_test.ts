/**
 * The JIT's host functions (`registerSymbol`), symbol lookup, shared
 * runtime libraries and LLVM IR translation, as Python's
 * `register_runtime`, `lookup`/`raw_lookup`, `shared_libs` and
 * `translate_module_to_llvm_ir`, and what goes wrong with each: a host
 * function that throws or returns the wrong thing, a signature that does
 * not match its declaration, an external nobody provides, a file that is
 * not a library. The calls into compiled code run in child processes with
 * the heap checks, so a broken guard is a failed test, not a lost runner.
 *
 * @module
 */
import { test } from "node:test";
import { assert, assertEquals, assertInstanceOf, assertThrows } from "@std/assert";
import { assertArgumentError } from "../_errors.ts";
import { describeChild, runChild } from "../_child.ts";
import { Context, ExecutionEngine, ExecutionEngineError, translateModuleToLLVMIR, UnresolvedSymbolError } from "../../src/mod.ts";

const TWICE = `
  func.func private @twice(i32) -> i32
  func.func @f(%a: i32) -> i32 {
    %0 = func.call @twice(%a) : (i32) -> i32
    return %0 : i32
  }`;

test("jit: a host function is called by the compiled code, with each scalar type", () => {
  const r = runChild(`
    using ctx = new mlir.Context();
    using mod = ctx.parseModule(\`${TWICE}
      func.func private @wide(i64, f64, i1) -> i64
      func.func @g(%a: i64, %b: f64, %c: i1) -> i64 {
        %0 = func.call @wide(%a, %b, %c) : (i64, f64, i1) -> i64
        return %0 : i64
      }\`);
    using engine = mlir.ExecutionEngine.create(mod);
    const seen = [];
    engine.registerSymbol("twice", (x) => { seen.push(x); return 2 * x; }, { args: ["i32"], returns: "i32" });
    engine.registerSymbol("wide", (a, b, c) => { seen.push(typeof a, b, c); return a + 1n; }, { args: ["i64", "f64", "i1"], returns: "i64" });
    console.log(JSON.stringify({ f: engine.invoke("f", 21), g: String(engine.invoke("g", 41n, 1.5, true)), seen }));
  `);
  assertEquals(r.status, 0, describeChild(r));
  assertEquals(JSON.parse(r.stdout.trim().split("\n").pop()!), { f: 42, g: "42", seen: [21, "bigint", 1.5, true] });
});

test("jit: a host function that throws makes invoke throw HostFunctionError with the cause; the engine stays usable", () => {
  const r = runChild(`
    using ctx = new mlir.Context();
    using mod = ctx.parseModule(\`${TWICE}\`);
    using engine = mlir.ExecutionEngine.create(mod);
    let fail = true;
    const boom = new Error("boom");
    engine.registerSymbol("twice", (x) => { if (fail) throw boom; return 2 * x; }, { args: ["i32"], returns: "i32" });
    let caught;
    try { engine.invoke("f", 1); } catch (e) { caught = e; }
    fail = false;
    console.log(JSON.stringify({
      name: caught?.constructor?.name,
      isEngineError: caught instanceof mlir.ExecutionEngineError,
      symbol: caught?.symbol,
      causeIsBoom: caught?.cause === boom,
      after: engine.invoke("f", 5),
    }));
  `);
  assertEquals(r.status, 0, describeChild(r));
  assertEquals(JSON.parse(r.stdout.trim().split("\n").pop()!), {
    name: "HostFunctionError",
    isEngineError: true,
    symbol: "twice",
    causeIsBoom: true,
    after: 10,
  });
});

test("jit: a host function returning a value its type cannot hold is a HostFunctionError", () => {
  const r = runChild(`
    using ctx = new mlir.Context();
    using mod = ctx.parseModule(\`${TWICE}\`);
    using engine = mlir.ExecutionEngine.create(mod);
    engine.registerSymbol("twice", () => "not a number", { args: ["i32"], returns: "i32" });
    try { engine.invoke("f", 1); console.log("no error"); } catch (e) { console.log(e.constructor.name, e.symbol); }
  `);
  assertEquals(r.status, 0, describeChild(r));
  assertEquals(r.stdout.trim().split("\n").pop(), "HostFunctionError twice");
});

test("jit: registerSymbol checks the name, the function and the signature against the declaration", () => {
  using ctx = new Context();
  using mod = ctx.parseModule(TWICE);
  using engine = ExecutionEngine.create(mod);
  assertArgumentError(() => engine.registerSymbol("twice", 42 as never, { args: ["i32"], returns: "i32" }), { argument: "registerSymbol's function" });
  // Declared (i32) -> i32: another signature, or a name with no declaration, is refused.
  assertThrows(() => engine.registerSymbol("twice", () => 0, { args: ["i64"], returns: "i32" }));
  assertThrows(() => engine.registerSymbol("nowhere", () => 0, { args: ["i32"], returns: "i32" }));
  engine.registerSymbol("twice", (x: number) => x, { args: ["i32"], returns: "i32" });
  assertArgumentError(() => engine.registerSymbol("twice", (x: number) => x, { args: ["i32"], returns: "i32" }), { argument: "registerSymbol's name" });
});

test("jit: an external nobody provides is an UnresolvedSymbolError naming it; registering it then lets the call run", () => {
  const r = runChild(`
    using ctx = new mlir.Context();
    using mod = ctx.parseModule(\`${TWICE}
      func.func private @spare(i32) -> i32\`);
    using engine = mlir.ExecutionEngine.create(mod);
    let first;
    try { engine.invoke("f", 1); } catch (e) { first = { name: e.constructor.name, symbols: e.symbols }; }
    engine.registerSymbol("twice", (x) => 3 * x, { args: ["i32"], returns: "i32" });
    const result = engine.invoke("f", 2);
    let late;
    // Declared, with its declared signature, never registered: refused only because the code is compiled now.
    try { engine.registerSymbol("spare", (x) => x, { args: ["i32"], returns: "i32" }); } catch (e) { late = e.constructor.name; }
    console.log(JSON.stringify({ first, result, late }));
  `);
  assertEquals(r.status, 0, describeChild(r));
  const out = JSON.parse(r.stdout.trim().split("\n").pop()!);
  assertEquals(out.first.name, "UnresolvedSymbolError");
  assert(out.first.symbols.includes("twice"), JSON.stringify(out.first));
  assertEquals(out.result, 6);
  // Once compiled, nothing more can be registered.
  assertEquals(out.late, "ExecutionEngineError");
});

test("jit: UnresolvedSymbolError is an ExecutionEngineError with its symbols", () => {
  const e = new UnresolvedSymbolError(["a", "b"]);
  assertInstanceOf(e, ExecutionEngineError);
  assertEquals([...e.symbols], ["a", "b"]);
});

test("jit: lookup and rawLookup give addresses; an unknown name is an ArgumentError from lookup and 0n from rawLookup", () => {
  using ctx = new Context();
  using mod = ctx.parseModule(`func.func @f(%a: i32) -> i32 { return %a : i32 }`);
  using engine = ExecutionEngine.create(mod);
  const address = engine.lookup("f");
  assertEquals(typeof address, "bigint");
  assert(address !== 0n);
  const raw = engine.rawLookup("f");
  assertEquals(typeof raw, "bigint");
  assert(raw !== 0n);
  assertEquals(engine.rawLookup("missing"), 0n);
  assertArgumentError(() => engine.lookup("missing"), {});
  assertEquals(engine.invoke("f", 7), 7);
});

test("jit: sharedLibs loads MLIR's runner utilities (printMemrefF32 prints), and a file that is not a library is an ArgumentError", () => {
  const r = runChild(`
    using ctx = new mlir.Context();
    using mod = ctx.parseModule(\`
      func.func private @printMemrefF32(memref<*xf32>) attributes { llvm.emit_c_interface }
      func.func @show(%m: memref<3xf32>) {
        %u = memref.cast %m : memref<3xf32> to memref<*xf32>
        func.call @printMemrefF32(%u) : (memref<*xf32>) -> ()
        return
      }\`);
    using engine = mlir.ExecutionEngine.create(mod, { sharedLibs: ["/usr/lib/llvm-22/lib/libmlir_c_runner_utils.so", "/usr/lib/llvm-22/lib/libmlir_runner_utils.so"] });
    engine.invoke("show", new Float32Array([1, 2.5, 4]));
  `);
  assertEquals(r.status, 0, describeChild(r));
  assert(/\[1,\s*2\.5,\s*4\]/.test(r.stdout), r.stdout);

  using ctx = new Context();
  using mod = ctx.parseModule(`func.func @f() { return }`);
  assertArgumentError(() => ExecutionEngine.create(mod, { sharedLibs: ["/etc/hostname"] }), {});
});

test("jit: translateModuleToLLVMIR gives LLVM IR text; IR that does not translate is a typed error, not a crash", () => {
  using ctx = new Context();
  using mod = ctx.parseModule(`func.func @f(%a: i32) -> i32 { %0 = arith.addi %a, %a : i32
    return %0 : i32 }`);
  const ir = translateModuleToLLVMIR(mod);
  assert(/define i32 @f\(i32/.test(ir), ir);
  // The original module is left as it was (a copy is lowered).
  assert(mod.toString().includes("arith.addi"));
  // Not lowered and not LLVM dialect: refused.
  assertThrows(() => translateModuleToLLVMIR(mod, { lower: false }), ExecutionEngineError);
  assertArgumentError(() => translateModuleToLLVMIR(42 as never), {});
});
