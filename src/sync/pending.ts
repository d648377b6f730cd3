import { RANGE_READ_MIN_KEYS, rangeIsDense } from './key-range.ts';
import type { LocalDb } from './local-db.ts';
import { parseRowKey } from './row-key.ts';
import type { OutboxEntry } from './types.ts';

/**
 * Rows ("table:id") that queued mutations changed, from the outbox's copy of its `touched` keys
 * (queued-rows.ts): one request, where the outbox's own index is a cursor step per key. Inside a
 * transaction, list `db.queued_rows` in its tables.
 */
export async function queuedRowKeys(db: LocalDb): Promise<Set<string>> {
  const keys = await db.queued_rows.toCollection().primaryKeys();
  return new Set(keys.map(([, row]) => row));
}

/** Ids of rows that queued mutations changed (the UI shows them as "saving…"). */
export async function pendingRowIds(db: LocalDb): Promise<Set<string>> {
  // Straight from the keys (one pass; this runs after every local write in every tab).
  const keys = await db.queued_rows.toCollection().primaryKeys();
  return new Set(keys.map(([, row]) => parseRowKey(row).id));
}

/**
 * The queued mutations touching any of `keys` ("table:id"), in no particular order and each
 * once. Through the `touched` index that is one cursor step per key; when the keys name a good
 * part of the queue (1,000 moves pushed, their 1,000 leads pulled back) the whole queue is read
 * in one request instead and filtered here (key-range.ts's density rule).
 */
export async function queuedTouching(db: LocalDb, keys: readonly string[]): Promise<OutboxEntry[]> {
  if (keys.length === 0) return [];
  if (keys.length >= RANGE_READ_MIN_KEYS && rangeIsDense(await db.outbox.count(), keys.length)) {
    const wanted = new Set(keys);
    return (await db.outbox.toArray()).filter((e) => e.touched.some((k) => wanted.has(k)));
  }
  const found = await db.outbox
    .where('touched')
    .anyOf([...keys])
    .toArray();
  const seen = new Set<number>();
  return found.filter((e) => !seen.has(e.mutation_id) && seen.add(e.mutation_id));
}
