/**
 * Dialect types with C API support, under every strategy: llvm, gpu,
 * transform, nvgpu and amdgpu (quant and sparse_tensor are in
 * dialect_quant_sparse_test.ts). A port of what upstream's
 * mlir/test/python/dialects/{llvm,gpu,transform,nvgpu}.py check of types.
 *
 * Each kind is built, printed and parsed back (the same type, of the same
 * class), comes back as its class from the IR (`value.type`), and is given
 * bad input: a typed error with the argument named, never an invalid type
 * in the context. The inputs MLIR itself would trap on run in a child
 * process, so a guard that breaks fails a test instead of the runner.
 *
 * @module
 */
import { test } from "node:test";
import { assert, assertEquals, assertFalse, assertInstanceOf } from "@std/assert";
import { assertArgumentError, assertInvalidHandle } from "../_errors.ts";
import { describeChild, REPORT_CASES, runChild } from "../_child.ts";
import {
  AMDGPUTDMBaseType,
  AMDGPUTDMDescriptorType,
  AMDGPUTDMGatherBaseType,
  Context,
  FloatType,
  FunctionType,
  GPUAsyncTokenType,
  GPUObjectAttr,
  IntegerType,
  LLVMArrayType,
  LLVMFunctionType,
  LLVMPointerType,
  LLVMStructType,
  LLVMVoidType,
  MemRefType,
  NVGPUTensorMapDescriptorType,
  RankedTensorType,
  STRATEGIES,
  TransformAnyOpType,
  TransformAnyParamType,
  TransformAnyValueType,
  TransformOperationType,
  TransformParamType,
  Type,
  TypeAttr,
} from "../../src/mod.ts";
import { roundTrip } from "./_round_trip.ts";

for (const strategy of STRATEGIES) {
  const t = (name: string, fn: (ctx: Context) => void) =>
    test(`dialect types [${strategy}] ${name}`, () => {
      using ctx = new Context({ strategy });
      fn(ctx);
    });

  t("llvm pointer, void, array and function types", (ctx) => {
    const i32 = IntegerType.get(ctx, 32);
    const ptr = LLVMPointerType.get(ctx);
    assertEquals([ptr.toString(), ptr.addressSpace, ptr.dialect], ["!llvm.ptr", 0, "llvm"]);
    const p3 = roundTrip(ctx, LLVMPointerType.get(ctx, 3));
    assertEquals([p3.toString(), p3.addressSpace], ["!llvm.ptr<3>", 3]);
    assertEquals(LLVMPointerType.get(ctx, 0xffff_ffff).addressSpace, 0xffff_ffff);
    assert(LLVMPointerType.get(ctx, 3).equals(p3));

    const v = roundTrip(ctx, LLVMVoidType.get(ctx));
    assertEquals(v.toString(), "!llvm.void");

    const arr = roundTrip(ctx, LLVMArrayType.get(i32, 4));
    assertEquals([arr.toString(), arr.numElements], ["!llvm.array<4 x i32>", 4]);
    assert(arr.elementType.equals(i32));
    const nested = roundTrip(ctx, LLVMArrayType.get(LLVMArrayType.get(ptr, 2), 0));
    assertEquals(nested.toString(), "!llvm.array<0 x array<2 x ptr>>");
    assertInstanceOf(nested.elementType, LLVMArrayType);
    assertEquals((nested.elementType as LLVMArrayType).numElements, 2);

    const f = roundTrip(ctx, LLVMFunctionType.get(i32, [ptr, i32], { varArg: true }));
    assertEquals([f.toString(), f.isVarArg], ["!llvm.func<i32 (ptr, i32, ...)>", true]);
    assertEquals(f.inputs.map(String), ["!llvm.ptr", "i32"]);
    assertInstanceOf(f.inputs[0], LLVMPointerType);
    assert(f.returnType.equals(i32));
    const g = roundTrip(ctx, LLVMFunctionType.get(v, []));
    assertEquals([g.toString(), g.isVarArg, g.inputs.length], ["!llvm.func<void ()>", false, 0]);
    assertInstanceOf(g.returnType, LLVMVoidType);
    // A variadic function as an argument's pointee cannot fool isVarArg: arguments are never functions.
    assertFalse(LLVMFunctionType.get(v, [LLVMArrayType.get(ptr, 1)]).isVarArg);
  });

  t("llvm structs: literal, identified, opaque, setBody", (ctx) => {
    const i32 = IntegerType.get(ctx, 32);
    const ptr = LLVMPointerType.get(ctx);
    const lit = roundTrip(ctx, LLVMStructType.getLiteral(ctx, [i32, ptr]));
    assertEquals([lit.toString(), lit.isLiteral, lit.isPacked, lit.isOpaque, lit.name], ["!llvm.struct<(i32, ptr)>", true, false, false, null]);
    assertEquals(lit.body?.map(String), ["i32", "!llvm.ptr"]);
    const packed = roundTrip(ctx, LLVMStructType.getLiteral(ctx, [i32], { packed: true }));
    assertEquals([packed.toString(), packed.isPacked], ["!llvm.struct<packed (i32)>", true]);
    assertEquals(LLVMStructType.getLiteral(ctx, []).toString(), "!llvm.struct<()>");

    // Upstream's testStructType: an identified struct, its body set later.
    const node = LLVMStructType.getIdentified(ctx, "node");
    assertEquals([node.isLiteral, node.isOpaque, node.body, node.name], [false, true, null, "node"]);
    node.setBody([i32, ptr]);
    assertEquals([node.toString(), node.isOpaque], ['!llvm.struct<"node", (i32, ptr)>', false]);
    roundTrip(ctx, node);
    assert(LLVMStructType.getIdentified(ctx, "node").equals(node), "the name gives the same struct");
    node.setBody([i32, ptr]); // the same body again: nothing to do
    assertArgumentError(() => node.setBody([i32]), {
      argument: "LLVMStructType.setBody's elements",
      expected: "the body already set, [i32, !llvm.ptr]",
      got: "[i32]",
    });
    assertArgumentError(() => node.setBody([i32, ptr], { packed: true }), { argument: "LLVMStructType.setBody's elements", got: "[i32, !llvm.ptr] (packed)" });
    assertEquals(node.body?.length, 2, "a refused setBody changes nothing");
    // Parsing a different body for the name is refused by MLIR too.
    assertEquals(assertThrowsName(() => ctx.parseType('!llvm.struct<"node", (i64)>')), "MlirParseError");

    const fresh = roundTrip(ctx, LLVMStructType.newIdentified(ctx, "node", [i32], { packed: true }));
    assertEquals([fresh.name, fresh.isPacked], ["node.1", true]);
    assertFalse(fresh.equals(node));

    const opaque = roundTrip(ctx, LLVMStructType.getOpaque(ctx, "handle"));
    assertEquals([opaque.toString(), opaque.isOpaque, opaque.body], ['!llvm.struct<"handle", opaque>', true, null]);
    assertArgumentError(() => opaque.setBody([i32]), { argument: "LLVMStructType.setBody's elements", expected: "nothing: an opaque struct never has a body" });
    assertArgumentError(() => LLVMStructType.getOpaque(ctx, "node"), { argument: "LLVMStructType.getOpaque's name" });
    assertArgumentError(() => lit.setBody([i32]), { argument: "The struct given a body", expected: "an identified struct" });
    // A name that needs quoting prints escaped and reads back.
    roundTrip(ctx, LLVMStructType.newIdentified(ctx, 'a "quoted"\nname', [i32]));
  });

  t("llvm types refuse invalid elements, counts and options", (ctx) => {
    const i32 = IntegerType.get(ctx, 32);
    const v = LLVMVoidType.get(ctx);
    const fn = LLVMFunctionType.get(v, []);
    const label = ctx.parseType("!llvm.label");
    const metadata = ctx.parseType("!llvm.metadata");
    const token = ctx.parseType("!llvm.token");
    for (const bad of [v, fn, label, metadata, token]) {
      const e = assertArgumentError(() => LLVMArrayType.get(bad, 2), { argument: "LLVMArrayType.get's element type", got: bad.toString() });
      assertEquals(e.diagnostics.length, 1, "MLIR's own reason");
      assertArgumentError(() => LLVMStructType.getLiteral(ctx, [i32, bad]), { argument: "LLVMStructType.getLiteral's elements" });
      assertArgumentError(() => LLVMStructType.newIdentified(ctx, "s", [bad]), { argument: "LLVMStructType.newIdentified's elements" });
      const s = LLVMStructType.getIdentified(ctx, `s_${bad.toString()}`);
      assertArgumentError(() => s.setBody([bad]), { argument: "LLVMStructType.setBody's elements" });
      assert(s.isOpaque, "a refused body is not set");
    }
    assertArgumentError(() => LLVMFunctionType.get(i32, [i32, v]), { argument: "LLVMFunctionType.get's inputs[1]", got: "!llvm.void" });
    assertArgumentError(() => LLVMFunctionType.get(i32, [fn]), { argument: "LLVMFunctionType.get's inputs[0]" });
    for (const bad of [fn, label, metadata]) {
      assertArgumentError(() => LLVMFunctionType.get(bad, []), { argument: "LLVMFunctionType.get's result type", got: bad.toString() });
    }
    // Token and label arguments, token results are valid, as MLIR's parser agrees.
    roundTrip(ctx, LLVMFunctionType.get(token, [token, label]));

    assertArgumentError(() => LLVMPointerType.get(ctx, -1), { argument: "LLVMPointerType.get's addressSpace", got: "number -1" });
    assertArgumentError(() => LLVMPointerType.get(ctx, 2 ** 32), { argument: "LLVMPointerType.get's addressSpace" });
    assertArgumentError(() => LLVMPointerType.get(ctx, 1.5), { argument: "LLVMPointerType.get's addressSpace" });
    assertArgumentError(() => LLVMArrayType.get(i32, -1), { argument: "LLVMArrayType.get's numElements" });
    assertArgumentError(() => LLVMArrayType.get(i32, 2 ** 32), { argument: "LLVMArrayType.get's numElements" });
    assertArgumentError(() => LLVMArrayType.get(null as unknown as Type, 1), { argument: "LLVMArrayType.get's element type", expected: "a Type" });
    assertArgumentError(() => LLVMFunctionType.get(i32, [i32], { varArg: "yes" as unknown as boolean }), { argument: "LLVMFunctionType.get's options.varArg" });
    assertArgumentError(() => LLVMFunctionType.get(i32, "i32" as unknown as Type[]), { argument: "LLVMFunctionType.get's inputs" });
    assertArgumentError(() => LLVMStructType.getIdentified(ctx, ""), { argument: "LLVMStructType.getIdentified's name", expected: "a non-empty string" });
    assertArgumentError(() => LLVMStructType.getOpaque(ctx, 3 as unknown as string), { argument: "LLVMStructType.getOpaque's name" });
    assertArgumentError(() => LLVMStructType.getLiteral(ctx, [i32], { packed: 1 as unknown as boolean }), { argument: "LLVMStructType.getLiteral's options.packed" });

    using other = new Context({ strategy });
    const foreign = IntegerType.get(other, 8);
    assertArgumentError(() => LLVMStructType.getLiteral(ctx, [foreign]), { argument: "LLVMStructType.getLiteral's elements[0]", expected: "of this Context" });
    assertArgumentError(() => LLVMFunctionType.get(i32, [foreign]), { argument: "LLVMFunctionType.get's inputs[0]", expected: "of this Context" });
    assertArgumentError(() => LLVMStructType.getIdentified(ctx, "x").setBody([foreign]), { argument: "LLVMStructType.setBody's elements[0]" });
  });

  t("types read from the IR are their dialect classes", (ctx) => {
    using mod = ctx.parseModule(`llvm.func @f(%p: !llvm.ptr<1>, %s: !llvm.struct<"pair", (i32, f32)>, %a: !llvm.array<2 x i8>) {
  llvm.return
}
func.func @g(%t: !gpu.async.token, %h: !transform.any_op, %o: !transform.op<"func.func">, %q: !transform.param<i8>) {
  return
}`);
    const args = (i: number) => mod.body.operations.at(i)!.regions.at(0)!.blocks.at(0)!.arguments;
    const [p, s, a] = [...args(0)].map((x) => x.type);
    assertInstanceOf(p, LLVMPointerType);
    assertEquals(p.addressSpace, 1);
    assertInstanceOf(s, LLVMStructType);
    assertEquals([s.name, s.body?.map(String)], ["pair", ["i32", "f32"]]);
    assertInstanceOf(a, LLVMArrayType);
    const [tok, h, o, q] = [...args(1)].map((x) => x.type);
    assertInstanceOf(tok, GPUAsyncTokenType);
    assertInstanceOf(h, TransformAnyOpType);
    assertInstanceOf(o, TransformOperationType);
    assertEquals(o.operationName, "func.func");
    assertInstanceOf(q, TransformParamType);
    const fnType = mod.body.operations.at(0)!.attributes.get("function_type");
    assertInstanceOf(fnType, TypeAttr);
    assertInstanceOf(fnType.value, LLVMFunctionType);
    // Builtin types keep their classes; an unknown dialect type stays a Type.
    assertInstanceOf(ctx.parseType("!llvm.label"), Type);
    assertFalse(ctx.parseType("!llvm.label") instanceof LLVMVoidType);
    assertInstanceOf(ctx.parseType("() -> ()"), FunctionType);
  });

  t("gpu async token and object attribute", (ctx) => {
    const tok = roundTrip(ctx, GPUAsyncTokenType.get(ctx));
    assertEquals([tok.toString(), tok.dialect], ["!gpu.async.token", "gpu"]);

    const target = ctx.parseAttribute("#nvvm.target<chip = \"sm_90\">");
    const printed = { offload: 'offload = "X"', assembly: 'assembly = "X"', binary: 'bin = "X"', fatbin: '"X"' };
    for (const [format, text] of Object.entries(printed)) {
      const o = GPUObjectAttr.get(target, format as keyof typeof printed, "X");
      assertEquals(o.toString(), `#gpu.object<#nvvm.target<chip = "sm_90">, ${text}>`);
      assertEquals([o.format, o.object, o.properties, o.kernels], [format, "X", null, null]);
      assert(o.target.equals(target));
      const back = ctx.parseAttribute(o.toString());
      assertInstanceOf(back, GPUObjectAttr);
      assert(back.equals(o));
    }
    const props = ctx.parseAttribute("{O = 3 : i32}");
    const withProps = GPUObjectAttr.get(target, "assembly", "ptx", { properties: props as never });
    assert(withProps.properties?.equals(props));
    assert(ctx.parseAttribute(withProps.toString()).equals(withProps));

    assertArgumentError(() => GPUObjectAttr.get(ctx.parseAttribute("1 : i32"), "binary", "X"), { argument: "GPUObjectAttr.get's target" });
    assertArgumentError(() => GPUObjectAttr.get(target, "elf" as never, "X"), { argument: "GPUObjectAttr.get's format" });
    assertArgumentError(() => GPUObjectAttr.get(target, "binary", 7 as unknown as string), { argument: "GPUObjectAttr.get's object" });
    assertArgumentError(() => GPUObjectAttr.get(target, "binary", "X", { properties: ctx.parseAttribute("[1]") as never }), {
      argument: "GPUObjectAttr.get's options.properties",
      expected: "a DictionaryAttr",
    });
    assertArgumentError(() => GPUObjectAttr.get(target, "binary", "X", { kernels: ctx.parseAttribute("unit") }), { argument: "GPUObjectAttr.get's options.kernels" });
  });

  t("transform handle types", (ctx) => {
    assertEquals(roundTrip(ctx, TransformAnyOpType.get(ctx)).toString(), "!transform.any_op");
    assertEquals(roundTrip(ctx, TransformAnyParamType.get(ctx)).toString(), "!transform.any_param");
    assertEquals(roundTrip(ctx, TransformAnyValueType.get(ctx)).toString(), "!transform.any_value");
    const op = roundTrip(ctx, TransformOperationType.get(ctx, "foo.bar"));
    assertEquals([op.toString(), op.operationName], ['!transform.op<"foo.bar">', "foo.bar"]);
    const param = roundTrip(ctx, TransformParamType.get(IntegerType.get(ctx, 64)));
    assertEquals(param.toString(), "!transform.param<i64>");
    assertInstanceOf(param.type, IntegerType);
    roundTrip(ctx, TransformParamType.get(IntegerType.get(ctx, 1)));

    assertArgumentError(() => TransformParamType.get(IntegerType.get(ctx, 65)), { argument: "TransformParamType.get's type", got: "i65" });
    assertArgumentError(() => TransformParamType.get(FloatType.f32(ctx) as never), { argument: "TransformParamType.get's type", got: "f32" });
    assertArgumentError(() => TransformOperationType.get(ctx, null as unknown as string), { argument: "TransformOperationType.get's operationName" });
    assertArgumentError(() => TransformAnyOpType.get({} as Context), { argument: "TransformAnyOpType.get's context" });
  });

  t("nvgpu TMA descriptor and amdgpu TDM types", (ctx) => {
    const tile = MemRefType.get([128, 64], FloatType.get(ctx, "f16"));
    const d = roundTrip(ctx, NVGPUTensorMapDescriptorType.get(tile));
    assertEquals(d.toString(), "!nvgpu.tensormap.descriptor<tensor = memref<128x64xf16>, swizzle = none, l2promo = none, oob = zero, interleave = none>");
    const all = roundTrip(ctx, NVGPUTensorMapDescriptorType.get(tile, { swizzle: "swizzle_128b", l2promo: "l2promo_64b", oob: "nan", interleave: "interleave_16b" }));
    assertEquals(all.toString(), "!nvgpu.tensormap.descriptor<tensor = memref<128x64xf16>, swizzle = swizzle_128b, l2promo = l2promo_64b, oob = nan, interleave = interleave_16b>");
    assertArgumentError(() => NVGPUTensorMapDescriptorType.get(RankedTensorType.get([4], FloatType.f32(ctx)) as never), { argument: "NVGPUTensorMapDescriptorType.get's tensor", expected: "a MemRefType" });
    assertArgumentError(() => NVGPUTensorMapDescriptorType.get(tile, { swizzle: "swizzle_16b" as never }), { argument: "NVGPUTensorMapDescriptorType.get's options.swizzle" });
    assertArgumentError(() => NVGPUTensorMapDescriptorType.get(tile, { oob: 1 as never }), { argument: "NVGPUTensorMapDescriptorType.get's options.oob" });

    const i32 = IntegerType.get(ctx, 32);
    assertEquals(roundTrip(ctx, AMDGPUTDMBaseType.get(FloatType.f32(ctx))).toString(), "!amdgpu.tdm_base<f32>");
    assertEquals(roundTrip(ctx, AMDGPUTDMDescriptorType.get(ctx)).toString(), "!amdgpu.tdm_descriptor");
    assertEquals(roundTrip(ctx, AMDGPUTDMGatherBaseType.get(i32, IntegerType.get(ctx, 16))).toString(), "!amdgpu.tdm_gather_base<i32, i16>");
    roundTrip(ctx, AMDGPUTDMGatherBaseType.get(i32, i32));
    for (const bad of [IntegerType.get(ctx, 64), IntegerType.get(ctx, 8), IntegerType.get(ctx, 16, "signed"), FloatType.f32(ctx)]) {
      assertArgumentError(() => AMDGPUTDMGatherBaseType.get(i32, bad as IntegerType), { argument: "AMDGPUTDMGatherBaseType.get's index type", got: bad.toString() });
    }
  });

  test(`dialect types [${strategy}] die with their context`, () => {
    const ctx = new Context({ strategy });
    const s = LLVMStructType.getIdentified(ctx, "later");
    const p = LLVMPointerType.get(ctx);
    ctx.dispose();
    assertInvalidHandle(() => s.setBody([]), { kind: "Type", reason: "context disposed" });
    assertInvalidHandle(() => p.addressSpace, { kind: "Type", reason: "context disposed" });
    assertInvalidHandle(() => LLVMPointerType.get(ctx), { kind: "Context", reason: "context disposed" });
    assertInvalidHandle(() => LLVMArrayType.get(p, 1), { kind: "Type", reason: "context disposed" });
  });
}

function assertThrowsName(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return (e as Error).name;
  }
  return "nothing thrown";
}

// What MLIR 22 itself asserts on (no asserts in release: undefined
// behaviour) or casts unchecked, refused before the call. In a child process
// with the heap checks, so a broken guard is a failed test, not a lost runner.
const MLIR_TRAPS = `
const { Context, IntegerType, FloatType, RankedTensorType, LLVMStructType, LLVMArrayType, LLVMVoidType, NVGPUTensorMapDescriptorType, GPUObjectAttr } = mlir;
using ctx = new Context();
const i32 = IntegerType.get(ctx, 32);
const cases = {
  // setBody on a literal struct: an assert, then a mutation of uniqued storage.
  "literal setBody": () => LLVMStructType.getLiteral(ctx, [i32]).setBody([i32]),
  // An array of void: an assert, then an invalid type kept in the context.
  "array of void": () => LLVMArrayType.get(LLVMVoidType.get(ctx), 1),
  // The body of a struct without one: asserts, reads nothing.
  "opaque body": () => LLVMStructType.getOpaque(ctx, "o").body,
  // A tensor where MLIR casts to a memref unchecked.
  "nvgpu tensor": () => NVGPUTensorMapDescriptorType.get(RankedTensorType.get([4], i32)),
  // An attribute that is no GPU target, cast unchecked.
  "gpu object target": () => GPUObjectAttr.get(ctx.parseAttribute("unit"), "binary", ""),
};
${REPORT_CASES}
`;

test("dialect types: inputs MLIR asserts on are refused, in a child process with heap checks", () => {
  const r = runChild(MLIR_TRAPS);
  assertEquals([r.status, r.signal], [0, null], describeChild(r));
  const got = JSON.parse(r.stdout.trim().split("\n").at(-1)!);
  assertEquals(got, {
    "literal setBody": { name: "ArgumentError", argument: "The struct given a body" },
    "array of void": { name: "ArgumentError", argument: "LLVMArrayType.get's element type" },
    "opaque body": { returned: null },
    "nvgpu tensor": { name: "ArgumentError", argument: "NVGPUTensorMapDescriptorType.get's tensor" },
    "gpu object target": { name: "ArgumentError", argument: "GPUObjectAttr.get's target" },
  });
});
