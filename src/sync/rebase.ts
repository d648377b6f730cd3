import { replicaTables, type LocalDb } from './local-db.ts';
import { getByKeys } from './key-range.ts';
import { createLocalWriter } from './mutations/local-writer.ts';
import { queuedTouching } from './pending.ts';
import { parseRowKey } from './row-key.ts';
import { isMutationName, mutationDef } from './mutations/registry.ts';
import type { OutboxEntry, ReplicaTable } from './types.ts';

/** Every table a rebase reads or writes; callers open their transaction over these. */
export function rebaseTables(db: LocalDb) {
  return [
    ...replicaTables(db),
    db.base,
    db.lead_aggregates,
    db.outbox,
    db.queued_rows,
    db.rejected,
    db.meta,
  ];
}

/**
 * Local rows = server rows + the queued mutations replayed in order. Only rows a queued
 * mutation touched differ from the server's version, and only they keep that version in
 * `base` (the local writer copies it there before a mutation first writes the row).
 *
 * `changed`: pending rows whose base a pull just replaced. `settled`: rows touched by mutations
 * that just left the queue (confirmed or refused). Those rows, and every row of every queued
 * mutation that touches one of them (transitively), are reset to base and exactly those
 * mutations are replayed in order; the rest of the queue and every other row are left alone,
 * so a page costs what it changed, not the size of the queue or the pipeline. A row no queued
 * mutation touches any more drops its base. Must run inside a rw transaction over
 * rebaseTables(db).
 */
export async function rebase(
  db: LocalDb,
  changed: Iterable<string>,
  settled: Iterable<string> = [],
): Promise<void> {
  const reset = new Set([...changed, ...settled]);
  if (reset.size === 0) return;
  const replay = await mutationsToReplay(db, reset);

  const based = await resetToBase(db, [...reset]);
  for (const entry of replay) {
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
      entry.touched = touched;
    }
  }

  // Every queued entry touching a reset row was replayed, so they alone say what stays pending.
  // A replay only adds a base to a row it touches (still pending), so the bases to drop are
  // among those that were there: a confirmed move's row whose base an earlier page already
  // dropped costs no delete (1,000 confirmations are 2,000 such rows).
  const stillPending = new Set<string>();
  for (const entry of replay) for (const key of entry.touched) stillPending.add(key);
  const released = [...based].filter((key) => !stillPending.has(key));
  if (released.length > 0) await db.base.bulkDelete(released.map((key) => baseKey(key)));
}

/**
 * The queued mutations touching `reset`, growing `reset` by the rows they touch, in order.
 * Read through the outbox's multi-entry `touched` index: a rebase reads the entries it
 * replays, not the whole queue (1,000 moves queued offline stay 1,000 untouched rows), unless
 * those are most of it (queuedTouching).
 */
async function mutationsToReplay(db: LocalDb, reset: Set<string>): Promise<OutboxEntry[]> {
  const chosen = new Map<number, OutboxEntry>();
  let frontier = [...reset];
  while (frontier.length > 0) {
    const found = await queuedTouching(db, frontier);
    frontier = [];
    for (const entry of found) {
      if (chosen.has(entry.mutation_id)) continue;
      chosen.set(entry.mutation_id, entry);
      for (const key of entry.touched) {
        if (!reset.has(key)) {
          reset.add(key);
          frontier.push(key);
        }
      }
    }
  }
  return [...chosen.values()].sort((a, b) => a.mutation_id - b.mutation_id);
}

function baseKey(key: string): [ReplicaTable, string] {
  const { table, id } = parseRowKey(key);
  return [table, id];
}

/**
 * Puts the base version back for each key (a null base removes the row); returns the keys that
 * had a base.
 */
async function resetToBase(db: LocalDb, keys: string[]): Promise<Set<string>> {
  const bases = await getByKeys(db.base, keys.map(baseKey));
  const puts = new Map<ReplicaTable, unknown[]>();
  const deletes = new Map<ReplicaTable, string[]>();
  const based = new Set<string>();
  bases.forEach((base, i) => {
    const key = keys[i];
    // No base: nothing queued ever changed this row here, so the local row is the server's.
    if (key === undefined || base === undefined) return;
    based.add(key);
    if (base.row) {
      const list = puts.get(base.table) ?? [];
      list.push(base.row);
      puts.set(base.table, list);
    } else {
      const list = deletes.get(base.table) ?? [];
      list.push(base.id);
      deletes.set(base.table, list);
    }
  });
  for (const [table, rows] of puts) await db.table(table).bulkPut(rows);
  for (const [table, ids] of deletes) await db.table(table).bulkDelete(ids);
  return based;
}
