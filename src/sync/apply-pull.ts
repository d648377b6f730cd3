import type { LocalDb } from './local-db.ts';
import { META_KEYS } from './local-db.ts';
import { rowKey } from './row-key.ts';
import { rebase, rebaseTables } from './rebase.ts';
import { settleMutation } from './reject.ts';
import type { PullPage } from './sync-api.ts';
import type { BaseRow, ReplicaTable } from './types.ts';

/**
 * Applies one pull page in ONE Dexie transaction (every tab sees the whole page or nothing):
 * server rows and tombstones go to `base`, mutations the page confirms leave the queue (refusals
 * are recorded), then the local rows are rebuilt as base + the remaining queue. The cursor moves
 * only with the last page, so an interrupted pull starts over from the same window.
 */
export async function applyPullPage(db: LocalDb, page: PullPage): Promise<void> {
  const now = new Date().toISOString();
  await db.transaction('rw', rebaseTables(db), async () => {
    const changed: string[] = [];
    for (const [table, rows] of Object.entries(page.rows) as [ReplicaTable, { id: string }[]][]) {
      const baseRows = rows.map((row) => ({ table, id: row.id, row }) as BaseRow);
      await db.base.bulkPut(baseRows);
      for (const row of rows) changed.push(rowKey(table, row.id));
    }
    for (const { table, id } of page.tombstones) {
      await db.base.delete([table, id]);
      changed.push(rowKey(table, id));
      if (table === 'leads') {
        // A lead that left the caller's view takes its history with it.
        const history = await db.base.where('row.lead_id').equals(id).toArray();
        for (const h of history) {
          if (h.table !== 'lead_status_history') continue;
          await db.base.delete([h.table, h.id]);
          changed.push(rowKey(h.table, h.id));
        }
      }
    }
    for (const result of page.mutations) {
      changed.push(...(await settleMutation(db, result, now)));
    }
    await rebase(db, changed);
    if (!page.has_more && page.next_cursor !== null) {
      await db.meta.put({ key: META_KEYS.cursor, value: page.next_cursor });
      await db.meta.put({ key: META_KEYS.lastSyncedAt, value: now });
    }
  });
}
