import { afterEach, describe, expect, it } from 'vitest';
import { openLocalDb, type LocalDb } from './local-db.ts';
import { queuedTouching } from './pending.ts';
import { readCounter } from './testing/read-counter.ts';
import type { OutboxEntry } from './types.ts';

let db: LocalDb | undefined;
afterEach(() => db?.close());

/** 200 queued moves of 100 leads (two each), and one bulk move touching leads 0 and 1. */
function queue(): OutboxEntry[] {
  const entries: OutboxEntry[] = Array.from({ length: 200 }, (_, i) => ({
    mutation_id: i + 1,
    client_id: 'c',
    name: 'move_lead',
    args: {},
    created_at: '2026-12-01T00:00:00.000Z',
    state: i % 3 === 0 ? 'pending' : 'applied',
    touched: [`leads:${i % 100}`, `lead_status_history:h${i}`],
  }));
  entries.push({ ...entries[0]!, mutation_id: 201, touched: ['leads:0', 'leads:1'] });
  return entries;
}

describe('queuedTouching', () => {
  it('finds each entry touching the keys once, read key by key or as the whole queue', async () => {
    const counter = readCounter();
    db = await openLocalDb(crypto.randomUUID(), { middlewares: [counter.middleware] });
    const entries = queue();
    await db.outbox.bulkPut(entries);
    const ids = (found: OutboxEntry[]) => found.map((e) => e.mutation_id).sort((a, b) => a - b);
    const expected = (keys: string[]) =>
      ids(entries.filter((e) => e.touched.some((k) => keys.includes(k))));

    for (const keys of [
      ['leads:0', 'leads:7', 'nothing:here'], // a few: through the index
      Array.from({ length: 90 }, (_, i) => `leads:${i}`), // most of the queue: read whole
    ]) {
      counter.rows.clear();
      expect(ids(await queuedTouching(db, keys))).toEqual(expected(keys));
      // Never more than the whole queue, and through the index only the entries found.
      expect(counter.rows.get('outbox') ?? 0).toBeLessThanOrEqual(
        keys.length < 50 ? 2 * expected(keys).length : entries.length,
      );
    }
    expect(await queuedTouching(db, [])).toEqual([]);
  });
});
