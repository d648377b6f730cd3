import type { LocalDb } from './local-db.ts';
import { META_KEYS } from './local-db.ts';
import { beginConflictCheck } from './conflicts/record-conflicts.ts';
import { queuedRowKeys } from './pending.ts';
import { rowKey } from './row-key.ts';
import { rebase, rebaseTables } from './rebase.ts';
import { settleMutations } from './reject.ts';
import type { PullPage } from './sync-api.ts';
import type { BaseRow, ReplicaTable } from './types.ts';

/**
 * Applies one pull page in ONE Dexie transaction (every tab sees the whole page or nothing).
 * Mutations the page confirms leave the queue first (refusals are recorded). Then a row no
 * unsent mutation touches is simply the server's row: it goes straight in with bulkPut. That
 * includes rows touched only by mutations the server already applied (a push answered
 * "applied" before this pull began, so every row they wrote is in this pull with their effect):
 * they need no replay and drop their base (the local row is the server's again); the last page
 * then only takes their entries out of the queue. So a
 * 1,000-move queue pushed in one sync costs bulk writes per page, not 1,000 replays per page.
 * Only a row with unsent changes gets its new server version in `base` and has the mutations
 * touching it replayed (rebase.ts). The cursor moves only with the last page, so an
 * interrupted pull starts over from the same window.
 */
export async function applyPullPage(db: LocalDb, page: PullPage): Promise<void> {
  const now = new Date().toISOString();
  await db.transaction('rw', [...rebaseTables(db), db.conflicts], async () => {
    // "While you were away" notices: what the device knew before the page, compared at the end.
    const conflicts = await beginConflictCheck(db, page, now);
    const settled = new Set(await settleMutations(db, page.mutations, now));
    const pending = await queuedRowKeys(db);
    const unsent = await unsentRows(db);
    const changed: string[] = [];
    // Rows written straight from the server that may have a base (queued, or a mutation that just
    // settled): the base is stale now, and without one the row counts as the server's.
    const serverOwned: [ReplicaTable, string][] = [];

    const upsert = async (table: ReplicaTable, rows: { id: string }[]) => {
      const direct: unknown[] = [];
      const based: BaseRow[] = [];
      for (const row of rows) {
        const key = rowKey(table, row.id);
        if (unsent.has(key)) {
          based.push({ table, id: row.id, row } as BaseRow);
          changed.push(key);
        } else {
          direct.push(row);
          // Only applied mutations touch it (the server's row already holds their effect), or
          // none: either way the local row is the server's now, and a row without a base is.
          if (settled.delete(key) || pending.has(key)) serverOwned.push([table, row.id]);
        }
      }
      if (direct.length > 0) await db.table(table).bulkPut(direct);
      if (based.length > 0) await db.base.bulkPut(based);
    };
    const remove = async (table: ReplicaTable, ids: Iterable<string>) => {
      const direct: string[] = [];
      const based: BaseRow[] = [];
      for (const id of ids) {
        const key = rowKey(table, id);
        if (unsent.has(key)) {
          based.push({ table, id, row: null });
          changed.push(key);
        } else {
          direct.push(id);
          if (settled.delete(key) || pending.has(key)) serverOwned.push([table, id]);
        }
      }
      if (direct.length > 0) await db.table(table).bulkDelete(direct);
      if (based.length > 0) await db.base.bulkPut(based);
    };

    for (const [table, rows] of Object.entries(page.rows) as [ReplicaTable, { id: string }[]][]) {
      await upsert(table, rows);
    }
    const gone = new Map<ReplicaTable, Set<string>>();
    for (const { table, id } of page.tombstones) {
      const ids = gone.get(table) ?? new Set<string>();
      ids.add(id);
      gone.set(table, ids);
    }
    const goneLeads = [...(gone.get('leads') ?? [])];
    if (goneLeads.length > 0) {
      // A lead that left the caller's view takes its history with it (local rows and bases).
      const history = gone.get('lead_status_history') ?? new Set<string>();
      const local = await db.lead_status_history.where('lead_id').anyOf(goneLeads).primaryKeys();
      for (const id of local) history.add(id);
      const bases = await db.base.where('row.lead_id').anyOf(goneLeads).toArray();
      for (const b of bases) if (b.table === 'lead_status_history') history.add(b.id);
      gone.set('lead_status_history', history);
    }
    for (const [table, ids] of gone) await remove(table, ids);
    if (serverOwned.length > 0) await db.base.bulkDelete(serverOwned);

    await rebase(db, changed, settled);
    await conflicts.finish();
    if (!page.has_more && page.next_cursor !== null) {
      await db.meta.put({ key: META_KEYS.cursor, value: page.next_cursor });
      await db.meta.put({ key: META_KEYS.lastSyncedAt, value: now });
    }
  });
}

/** Rows touched by mutations not yet answered by a push ("pending"), as "table:id". */
async function unsentRows(db: LocalDb): Promise<Set<string>> {
  const rows = new Set<string>();
  await db.outbox
    .where('state')
    .equals('pending')
    .each((entry) => {
      for (const key of entry.touched) rows.add(key);
    });
  return rows;
}
