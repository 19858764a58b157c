/**
 * The raw-FFI baseline: the same workloads on bare native pointers, with no
 * handles and no checks. What any binding must pay at least.
 *
 * @module
 */
import { lib } from "../src/ffi/load.ts";
import { takeText, TEXT, TEXT_CAP } from "../src/ffi/text.ts";

const names = new Map<number, string>();
let ptrs = new Float64Array(1 << 16);
let ends = new Uint32Array(1 << 16);

/** An operation's name from its name identifier, cached like the API caches it. */
export function rawName(op: number): string {
  const id = lib.mlirffi_op_name(op);
  let name = names.get(id);
  if (name === undefined) {
    name = takeText(lib.mlirffi_identifier_str(id, TEXT, TEXT_CAP));
    names.set(id, name);
  }
  return name;
}

/** Lists every operation under `root` (pre-order) in one native call. */
export function rawList(root: number): { ptrs: Float64Array; count: number } {
  let count = lib.mlirffi_walk(root, 0, ptrs, ends, ptrs.length);
  if (count > ptrs.length) {
    ptrs = new Float64Array(count);
    ends = new Uint32Array(count);
    count = lib.mlirffi_walk(root, 0, ptrs, ends, ptrs.length);
  }
  return { ptrs, count };
}

/** Walks `root`, reading each operation's name; returns the total name length. */
export function rawWalk(root: number): number {
  const { ptrs, count } = rawList(root);
  let total = 0;
  for (let i = 0; i < count; i++) total += rawName(ptrs[i]!).length;
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
