import type { LocalDb } from '../local-db.ts';
import { rowKey } from '../row-key.ts';
import type { BaseRow, ReplicaRows, ReplicaTable } from '../types.ts';

/**
 * What a mutation's local apply may do. Every write goes through here so the set of rows it
 * touched ("table:id") is known exactly, cascades included: that set marks the rows pending and
 * tells the rebase which rows to rebuild.
 */
export interface LocalWriter {
  readonly db: LocalDb;
  /** One timestamp per mutation, for created_at / updated_at. */
  readonly now: string;
  get<T extends ReplicaTable>(table: T, id: string): Promise<ReplicaRows[T] | undefined>;
  put<T extends ReplicaTable>(table: T, row: ReplicaRows[T]): Promise<void>;
  /** Changes some columns; returns false (and writes nothing) when the row is not there. */
  patch<T extends ReplicaTable>(
    table: T,
    id: string,
    changes: Partial<ReplicaRows[T]>,
  ): Promise<boolean>;
  delete(table: ReplicaTable, id: string): Promise<void>;
  readonly touched: ReadonlySet<string>;
}

/** Must be called inside a Dexie rw transaction that covers the replica tables and `base`. */
export function createLocalWriter(
  db: LocalDb,
  now: string = new Date().toISOString(),
): LocalWriter {
  const touched = new Set<string>();
  // Dexie's per-table typings differ; one untyped accessor keeps the generic methods simple.
  const table = (name: ReplicaTable) => db.table<Record<string, unknown>, string>(name);
  const based = new Set<string>();
  /**
   * Before a row's first write, keep the server's version of it in `base` unless a queued
   * mutation already did (a row without a base is the server's version, or absent there).
   */
  async function keepBase(name: ReplicaTable, id: string, current?: unknown): Promise<void> {
    const key = rowKey(name, id);
    if (based.has(key)) return;
    based.add(key);
    if (await db.base.get([name, id])) return;
    const row = current !== undefined ? current : await table(name).get(id);
    await db.base.put({ table: name, id, row: (row ?? null) as BaseRow['row'] });
  }
  return {
    db,
    now,
    touched,
    async get(name, id) {
      return (await table(name).get(id)) as ReplicaRows[typeof name] | undefined;
    },
    async put(name, row) {
      await keepBase(name, row.id);
      touched.add(rowKey(name, row.id));
      await table(name).put(row as unknown as Record<string, unknown>);
    },
    async patch(name, id, changes) {
      const current = await table(name).get(id);
      if (current === undefined) return false;
      await keepBase(name, id, current);
      const updated = await table(name).update(id, changes);
      if (updated > 0) touched.add(rowKey(name, id));
      return updated > 0;
    },
    async delete(name, id) {
      await keepBase(name, id);
      touched.add(rowKey(name, id));
      await table(name).delete(id);
    },
  };
}
