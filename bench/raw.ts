/**
 * The raw-FFI baseline: the same workloads on bare native pointers, with no
 * handles and no checks. What any binding must pay at least.
 *
 * @module
 */
import { lib } from "../src/ffi/load.ts";
import { takeText, TEXT, TEXT_CAP } from "../src/ffi/text.ts";

// The raw baseline uses the same native batching as the API (pointers and
// name indices in one call), so it is the floor for any JS binding.
const names: string[] = [];
let ptrs = new Float64Array(1 << 16);
let ends = new Uint32Array(1 << 16);
let nameIndices = new Int32Array(1 << 16);
let store = 0;

function nameAt(index: number): string {
  return (names[index] ??= takeText(lib.mlirffi_name_at(store, index, TEXT, TEXT_CAP)));
}

/** An operation's name, through the context's name table. */
export function rawName(op: number): string {
  return nameAt(lib.mlirffi_op_name_index(store, op));
}

/** Lists every operation under `root` (pre-order) in one native call. */
export function rawList(root: number): { ptrs: Float64Array; names: Int32Array; count: number } {
  let count = lib.mlirffi_walk(store, root, 0, ptrs, ends, nameIndices, ptrs.length);
  if (count > ptrs.length) {
    ptrs = new Float64Array(count);
    ends = new Uint32Array(count);
    nameIndices = new Int32Array(count);
    count = lib.mlirffi_walk(store, root, 0, ptrs, ends, nameIndices, ptrs.length);
  }
  return { ptrs, names: nameIndices, count };
}

/** Walks `root`, reading each operation's name; returns the total name length. */
export function rawWalk(root: number): number {
  const { names, count } = rawList(root);
  let total = 0;
  for (let i = 0; i < count; i++) total += nameAt(names[i]!).length;
  return total;
}

/** The operations of a block, as pointers. */
export function rawBlockOps(block: number): Float64Array {
  const n = lib.mlirffi_block_ops(block, null, 0);
  const out = new Float64Array(n);
  lib.mlirffi_block_ops(block, out, n);
  return out;
}

/** A context used through bare FFI calls: no handles, no ledger, no checks. */
export class RawContext {
  readonly store: number = lib.mlirffi_context_create(false, false);
  readonly #modules: number[] = [];

  constructor() {
    // One raw context per process: the name table is per context.
    names.length = 0;
    store = this.store;
  }

  /** Parses operations into a module; returns the module's operation pointer. */
  parse(text: string): number {
    const bytes = encoder.encode(`module {\n${text}\n}\0`);
    const name = encoder.encode("bench");
    const op = lib.mlirffi_parse_op(this.store, bytes, bytes.length - 1, name, name.length);
    if (op === 0) throw new Error("raw parse failed");
    this.#modules.push(op);
    return op;
  }

  /** Frees a module parsed here. */
  destroy(op: number): void {
    const i = this.#modules.indexOf(op);
    if (i >= 0) this.#modules.splice(i, 1);
    lib.mlirffi_op_destroy(op);
  }

  /** A pass manager for an anchored pipeline. */
  passManager(pipeline: string): number {
    const bytes = encoder.encode(pipeline);
    const pm = lib.mlirffi_pm_parse(this.store, bytes, bytes.length, true);
    if (pm === 0) throw new Error("raw pipeline failed");
    return pm;
  }

  dispose(): void {
    for (const op of this.#modules) lib.mlirffi_op_destroy(op);
    lib.mlirffi_context_destroy(this.store);
  }
}

const encoder = new TextEncoder();
