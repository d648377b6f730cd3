import type { LocalDb } from './local-db.ts';
import { parseRowKey } from './row-key.ts';

/** Ids of rows that queued mutations changed (the UI shows them as "saving…"). */
export async function pendingRowIds(db: LocalDb): Promise<Set<string>> {
  const keys = (await db.outbox.orderBy('touched').uniqueKeys()) as string[];
  return new Set(keys.map((k) => parseRowKey(k).id));
}
