/**
 * The bodies of Linalg's named ops (`linalg.matmul`, `linalg.exp`, ...),
 * which MLIR builds from each op's definition: a block of the operands'
 * element types computing the op's scalar function, ending in `linalg.yield`.
 *
 * Python fills them with the C API's `mlirLinalgFillBuiltinNamedOpRegion`.
 * That function gives MLIR's region builders no way to report an error, so
 * an element type the body cannot compute with (`linalg.exp` of integers)
 * reaches `llvm_unreachable`: undefined behaviour in a release build of MLIR.
 * MLIR's parser runs the same region builders with error reporting, and
 * checks the operand count and verifies the op. So the body is made by
 * parsing the op's custom form, with the same operand types and attributes,
 * inside a throwaway function, and moved into the op: the same blocks, and a
 * typed error with MLIR's diagnostics where the C API would crash.
 *
 * @module
 */
import { ArgumentError } from "../../base/errors.ts";
import { lib } from "../../ffi/load.ts";
import { encode, encodeZ } from "../../ffi/text.ts";
import type { ContextState } from "../../ir/context_state.ts";
import type { Operation } from "../../ir/operation.ts";
import { DenseArrayAttr } from "../../ir/attributes/elements.ts";

/** Attributes each op's custom syntax takes as a keyword before `ins`, or (transpose, broadcast) after `outs`. */
const LEADING: Readonly<Record<string, readonly string[]>> = {
  "linalg.elementwise": ["kind", "indexing_maps"],
  "linalg.contract": ["indexing_maps"],
  "linalg.matmul": ["indexing_maps"],
  "linalg.batch_matmul": ["indexing_maps"],
  "linalg.batch_reduce_matmul": ["indexing_maps"],
};
const TRAILING: Readonly<Record<string, string>> = {
  "linalg.transpose": "permutation",
  "linalg.broadcast": "dimensions",
};

const quoteName = (name: string) => `"${name.replace(/[\\"]/g, (c) => `\\${c}`)}"`;

/** The op's custom form over the arguments `%a0`, `%a1`, ... of the throwaway function. */
function customForm(op: Operation): { text: string; types: string[] } {
  const name = op.name;
  const types = op.operands.toArray().map((v) => v.type.toString());
  const segments = op.attributes.get("operandSegmentSizes");
  const attributes = new Map([...op.attributes].filter(([k]) => k !== "operandSegmentSizes").map(([k, v]) => [k, v.toString()]));
  // [inputs, outputs]; transpose and broadcast have one of each and no segment attribute.
  const nIns = segments instanceof DenseArrayAttr ? Number(segments.toArray()[0] ?? 0) : 1;
  const args = types.map((_, i) => `%a${i}`);
  const group = (from: number, to: number) =>
    `(${args.slice(from, to).join(", ")} : ${types.slice(from, to).join(", ")})`;
  const lead = (LEADING[name] ?? []).flatMap((k) => {
    const v = attributes.get(k);
    if (v === undefined) return [];
    attributes.delete(k);
    return [k === "kind" ? `kind=${v}` : `${k} = ${v}`];
  });
  const trailingName = TRAILING[name];
  let trail = "";
  if (trailingName !== undefined) {
    // Written as a plain list (`permutation = [1, 0]`), not as the attribute prints.
    const v = op.attributes.get(trailingName);
    attributes.delete(trailingName);
    if (v instanceof DenseArrayAttr) trail = ` ${trailingName} = [${[...v.toArray()].join(", ")}]`;
  }
  const dict = attributes.size === 0 ? "" : ` {${[...attributes].map(([k, v]) => `${quoteName(k)} = ${v}`).join(", ")}}`;
  const results = op.results.toArray().map((r) => r.type.toString());
  const ins = nIns > 0 ? ` ins${group(0, nIns)}` : "";
  const outs = types.length > nIns ? ` outs${group(nIns, types.length)}` : "";
  const text = trailingName !== undefined
    ? `${name}${ins}${outs}${trail}${dict}`
    : `${name}${lead.length ? ` ${lead.join(" ")}` : ""}${dict}${ins}${outs}${results.length ? ` -> ${results.join(", ")}` : ""}`;
  return { text: results.length ? `%r:${results.length} = ${text}` : text, types };
}

const one = new Float64Array(1);
const pair = new Float64Array(2);

/**
 * Gives `op` the attributes the parser added to `parsed` by default (the
 * default `indexing_maps` of linalg.matmul and linalg.elementwise), so the
 * op is what its custom syntax would have made.
 */
function adoptDefaults(state: ContextState, op: number, parsed: number): void {
  const n = lib.mlirffi_op_num_attributes(parsed);
  for (let i = 0; i < n; i++) {
    lib.mlirffi_op_attribute_at(parsed, i, pair);
    const key = encode(state.identifier(pair[0]!));
    if (lib.mlirffi_op_attribute_get(op, key, key.length) === 0) lib.mlirffi_op_attribute_set(op, key, key.length, pair[1]!);
  }
}

/** The region's first block, or 0 when it has none. */
function firstBlock(region: number): number {
  return lib.mlirffi_region_blocks(region, one, 1) === 0 ? 0 : one[0]!;
}

/**
 * Builds `op`'s body (its one region, still empty) as MLIR defines it for
 * this named op; throws an ArgumentError with MLIR's diagnostics when MLIR
 * cannot (element types the op cannot compute with, a wrong operand count,
 * an invalid op), leaving `op` as it was.
 */
export function fillNamedRegion(state: ContextState, op: Operation): void {
  const ptr = op._live();
  const region = lib.mlirffi_op_region(ptr, 0);
  if (lib.mlirffi_op_num_regions(ptr) !== 1 || firstBlock(region) !== 0) {
    throw new ArgumentError({ argument: `'${op.name}' region`, expected: "one empty region to build the body in", got: "another shape" });
  }
  const { text, types } = customForm(op);
  const source = `func.func @body(${types.map((t, i) => `%a${i}: ${t}`).join(", ")}) {\n  ${text}\n  return\n}\n`;
  const bytes = encodeZ(source);
  const filename = encode(`${op.name} body`);
  const parsed = state.callNative(
    () => lib.mlirffi_parse_op(state.store, bytes, bytes.length - 1, filename, filename.length),
    (diagnostics) =>
      new ArgumentError({
        argument: `'${op.name}' operands and attributes`,
        expected: "ones MLIR can build the op's body for",
        got: `operand types (${types.join(", ")})`,
      }, { diagnostics }),
  );
  try {
    const body = firstBlock(lib.mlirffi_op_region(parsed, 0));
    const named = lib.mlirffi_block_first_op(body);
    lib.mlirffi_region_take_body(region, lib.mlirffi_op_region(named, 0));
    adoptDefaults(state, ptr, named);
  } finally {
    lib.mlirffi_op_destroy(parsed);
  }
}
