/**
 * The JS functions MLIR calls back by id (TypeScript passes, rewrite
 * patterns). Each holder (a pass manager, a pattern set) keeps its own table
 * of functions; the registry maps an id to that table weakly, so a dropped
 * holder takes its functions with it, and forgets the ids once the holder is
 * collected. The native objects that call back are freed with their holder,
 * so no call can come for a forgotten id.
 *
 * @module
 */

/** One holder's functions, by id. */
export interface CallbackTable<T> {
  readonly entries: Map<number, T>;
  readonly ids: number[];
}

/** Ids to functions, through their holders' tables. */
export class CallbackRegistry<T> {
  readonly #tables = new Map<number, WeakRef<Map<number, T>>>();
  readonly #forget = new FinalizationRegistry<number[]>((ids) => this.#drop(ids));
  #next = 1;

  /** A new table, its ids forgotten when `holder` is collected. */
  table(holder: object): CallbackTable<T> {
    const table = { entries: new Map<number, T>(), ids: [] };
    this.#forget.register(holder, table.ids, holder);
    return table;
  }

  /**
   * Hands `table` from holder `from` to `to` (a frozen set takes over its
   * set's table): its ids are forgotten when `to` is collected, not `from`.
   */
  transfer(from: object, to: object, table: CallbackTable<T>): void {
    this.#forget.unregister(from);
    this.#forget.register(to, table.ids, to);
  }

  /** Adds `entry` to `table`; returns its id. */
  add(table: CallbackTable<T>, entry: T): number {
    const id = this.#next++;
    table.entries.set(id, entry);
    table.ids.push(id);
    this.#tables.set(id, new WeakRef(table.entries));
    return id;
  }

  /** The function of `id`, if its holder is still there. */
  get(id: number): T | undefined {
    return this.#tables.get(id)?.deref()?.get(id);
  }

  /** Forgets `table`'s functions now (its holder was disposed). */
  drop(table: CallbackTable<T>): void {
    this.#drop(table.ids);
    table.entries.clear();
  }

  #drop(ids: readonly number[]): void {
    for (const id of ids) this.#tables.delete(id);
  }
}
