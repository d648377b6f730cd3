import { replicaTables, type LocalDb } from './local-db.ts';
import { createLocalWriter } from './mutations/local-writer.ts';
import { parseRowKey } from './row-key.ts';
import { isMutationName, mutationDef } from './mutations/registry.ts';
import type { ReplicaTable } from './types.ts';

/** Every table a rebase reads or writes; callers open their transaction over these. */
export function rebaseTables(db: LocalDb) {
  return [...replicaTables(db), db.base, db.outbox, db.rejected, db.meta];
}

/**
 * Local rows = server-confirmed rows (`base`) + the queued mutations replayed in order.
 * Invariant: a local row differs from its base only if a queued mutation touched it. So after
 * base rows change (a pull) or a mutation leaves the queue (refused, or confirmed by a pull),
 * resetting those rows plus every row a queued mutation touches, then replaying the queue,
 * restores the invariant — and a card moved offline stays where it was put (no flicker).
 * Must run inside a rw transaction over rebaseTables(db).
 */
export async function rebase(db: LocalDb, changedKeys: Iterable<string>): Promise<void> {
  const entries = await db.outbox.orderBy('mutation_id').toArray();
  const reset = new Set(changedKeys);
  for (const entry of entries) for (const key of entry.touched) reset.add(key);

  for (const key of reset) {
    const { table, id } = parseRowKey(key);
    const base = await db.base.get([table, id]);
    const local = db.table<unknown, string>(table satisfies ReplicaTable);
    if (base) await local.put(base.row);
    else await local.delete(id);
  }

  for (const entry of entries) {
    if (!isMutationName(entry.name)) continue;
    const w = createLocalWriter(db, entry.created_at);
    try {
      await mutationDef(entry.name).applyLocal(w, entry.args);
    } catch {
      // The queued change no longer applies here (its target is gone); the server decides.
    }
    const touched = [...w.touched];
    if (touched.length !== entry.touched.length || touched.some((k, i) => k !== entry.touched[i])) {
      await db.outbox.update(entry.mutation_id, { touched });
    }
  }
}
