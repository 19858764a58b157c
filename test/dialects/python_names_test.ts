/**
 * Dialect types and attributes under upstream's Python names, from the
 * dialect modules (`llvm.PointerType` as in `mlir.dialects.llvm`): each is
 * the package root's class itself (so `instanceof` and casts agree), and
 * what the dialect modules' examples show holds.
 *
 * @module
 */
import { test } from "node:test";
import { assertEquals, assertInstanceOf, assertStrictEquals } from "@std/assert";
import * as root from "../../src/mod.ts";
import { Context, FloatType, IntegerType, MemRefType } from "../../src/mod.ts";
import * as amdgpu from "../../src/dialects/amdgpu.ts";
import * as gpu from "../../src/dialects/gpu.ts";
import * as llvm from "../../src/dialects/llvm.ts";
import * as nvgpu from "../../src/dialects/nvgpu.ts";
import * as pdl from "../../src/dialects/pdl.ts";
import * as quant from "../../src/dialects/quant.ts";
import * as sparse_tensor from "../../src/dialects/sparse_tensor.ts";
import * as transform from "../../src/dialects/transform.ts";

test("dialect modules: Python names are the package root's classes", () => {
  const pairs: [unknown, unknown][] = [
    [llvm.PointerType, root.LLVMPointerType],
    [llvm.StructType, root.LLVMStructType],
    [llvm.ArrayType, root.LLVMArrayType],
    [llvm.FunctionType, root.LLVMFunctionType],
    [llvm.VoidType, root.LLVMVoidType],
    [gpu.AsyncTokenType, root.GPUAsyncTokenType],
    [gpu.ObjectAttr, root.GPUObjectAttr],
    [quant.UniformQuantizedType, root.UniformQuantizedType],
    [quant.QuantizedType, root.QuantizedType],
    [transform.AnyOpType, root.TransformAnyOpType],
    [transform.OperationType, root.TransformOperationType],
    [transform.ParamType, root.TransformParamType],
    [nvgpu.TensorMapDescriptorType, root.NVGPUTensorMapDescriptorType],
    [amdgpu.TDMDescriptorType, root.AMDGPUTDMDescriptorType],
    [amdgpu.TDMBaseType, root.AMDGPUTDMBaseType],
    [sparse_tensor.EncodingAttr, root.SparseTensorEncodingAttr],
    [pdl.OperationType, root.PDLOperationType],
    [pdl.RangeType, root.PDLRangeType],
    [pdl.ValueType, root.PDLValueType],
  ];
  for (const [a, b] of pairs) assertStrictEquals(a, b);
  // The generated ops are still there beside them.
  assertEquals(typeof llvm.LLVMFuncOp, "function");
});

test("dialect modules: the examples in their doc comments", () => {
  using ctx = new Context();
  assertEquals(llvm.PointerType.get(ctx).toString(), "!llvm.ptr");
  assertEquals(gpu.AsyncTokenType.get(ctx).toString(), "!gpu.async.token");
  const t = quant.UniformQuantizedType.get(IntegerType.get(ctx, 8), FloatType.get(ctx, "f32"), 0.5, 0);
  assertEquals(t.toString(), "!quant.uniform<i8:f32, 5.000000e-01>");
  assertEquals(transform.OperationType.get(ctx, "func.func").toString(), '!transform.op<"func.func">');
  const d = nvgpu.TensorMapDescriptorType.get(MemRefType.get([8, 8], FloatType.get(ctx, "f16")));
  assertInstanceOf(d, nvgpu.TensorMapDescriptorType);
  assertEquals(amdgpu.TDMDescriptorType.get(ctx).toString(), "!amdgpu.tdm_descriptor");
  const csr = ctx.parseAttribute("#sparse_tensor.encoding<{ map = (d0, d1) -> (d0 : dense, d1 : compressed) }>");
  assertInstanceOf(csr, sparse_tensor.EncodingAttr);
  assertEquals(pdl.RangeType.get(pdl.ValueType.get(ctx)).toString(), "!pdl.range<value>");
});
