/**
 * Native lifetimes: who frees each native object that no MLIR parent owns
 * (modules, detached operations, blocks and regions, pass managers, pattern
 * sets), and when.
 *
 * Each such object has a *cell* in its context's set. A cell is freed exactly
 * once: explicitly (`dispose()`), when its JS holder is garbage collected, or
 * when its context goes, whichever comes first. When MLIR takes ownership (an
 * operation inserted into a block), the cell is dropped without freeing.
 * A context is destroyed only after every cell in it.
 *
 * @module
 */
import { lib } from "../ffi/load.ts";
import type { Owner } from "./ledger.ts";

/** What kind of native object a cell frees. */
export type CellKind = "operation" | "block" | "region" | "passManager" | "engine" | "patternSet" | "frozenPatterns" | "pdlModule";

/** A native context's record of the objects it must free before itself. */
export interface ContextCell {
  /** The shim's context record. */
  readonly store: number;
  alive: boolean;
  readonly cells: Set<NativeCell>;
}

/** One native object owned by the JS side. */
export interface NativeCell {
  readonly kind: CellKind;
  readonly ptr: number;
  readonly context: ContextCell;
  /** The ownership record whose handles must hear when the context goes. */
  readonly owner: WeakRef<Owner> | null;
}

const destroyers: Record<CellKind, (ptr: number) => void> = {
  operation: (p) => lib.mlirffi_op_destroy(p),
  block: (p) => lib.mlirffi_block_destroy(p),
  region: (p) => lib.mlirffi_region_destroy(p),
  passManager: (p) => lib.mlirffi_pm_destroy(p),
  engine: (p) => lib.mlirffi_jit_destroy(p),
  patternSet: (p) => lib.mlirffi_pattern_set_destroy(p),
  frozenPatterns: (p) => lib.mlirffi_frozen_patterns_destroy(p),
  pdlModule: (p) => lib.mlirffi_pdl_module_destroy(p),
};

function release(cell: NativeCell): void {
  if (!cell.context.alive || !cell.context.cells.delete(cell)) return;
  destroyers[cell.kind](cell.ptr);
}

const cellFinalizer = new FinalizationRegistry<NativeCell>(release);

function destroyContext(context: ContextCell): void {
  if (!context.alive) return;
  for (const cell of context.cells) destroyers[cell.kind](cell.ptr);
  context.cells.clear();
  context.alive = false;
  lib.mlirffi_context_destroy(context.store);
}

const contextFinalizer = new FinalizationRegistry<ContextCell>(destroyContext);

/** Starts tracking a new native context, destroyed when `holder` is collected. */
export function trackContext(store: number, holder: object): ContextCell {
  const context: ContextCell = { store, alive: true, cells: new Set() };
  contextFinalizer.register(holder, context, context);
  return context;
}

/**
 * Destroys a context now: first every object still owned in it, after
 * telling each owner's handles (through `onOwner`) that it is gone.
 */
export function disposeContext(context: ContextCell, onOwner: (owner: Owner) => void): void {
  if (!context.alive) return;
  for (const cell of context.cells) {
    const owner = cell.owner?.deref();
    if (owner !== undefined) onOwner(owner);
  }
  contextFinalizer.unregister(context);
  destroyContext(context);
}

/** Takes ownership of a native object, freed when `holder` is collected. */
export function own(context: ContextCell, kind: CellKind, ptr: number, holder: object, owner: Owner | null): NativeCell {
  const cell: NativeCell = { kind, ptr, context, owner: owner ? new WeakRef(owner) : null };
  context.cells.add(cell);
  cellFinalizer.register(holder, cell, cell);
  return cell;
}

/** Frees the object now (once; later calls do nothing). */
export function free(cell: NativeCell): void {
  cellFinalizer.unregister(cell);
  release(cell);
}

/** MLIR has taken ownership (e.g. the op was inserted into a block): forget it without freeing. */
export function relinquish(cell: NativeCell): void {
  cellFinalizer.unregister(cell);
  cell.context.cells.delete(cell);
}

/** Number of native objects the JS side owns in the context (test introspection). */
export function liveCells(context: ContextCell): number {
  return context.cells.size;
}

/** Owners with native objects in the context, for introspection. */
export function* liveOwners(context: ContextCell): Generator<Owner> {
  for (const cell of context.cells) {
    const owner = cell.owner?.deref();
    if (owner !== undefined) yield owner;
  }
}
