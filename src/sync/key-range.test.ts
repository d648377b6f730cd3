import { afterEach, describe, expect, it } from 'vitest';
import { getByKeys } from './key-range.ts';
import { openLocalDb, type LocalDb } from './local-db.ts';
import { readCounter } from './testing/read-counter.ts';
import { leadRow } from './testing/rows.ts';
import type { OutboxEntry } from './types.ts';

let db: LocalDb | undefined;
afterEach(() => db?.close());

describe('getByKeys', () => {
  it('answers like bulkGet for compound and numeric keys, dense or sparse', async () => {
    const counter = readCounter();
    db = await openLocalDb(crypto.randomUUID(), { middlewares: [counter.middleware] });
    // Bases keyed [table, id]; queue entries keyed by number.
    await db.base.bulkPut(
      Array.from({ length: 300 }, (_, i) => ({
        table: i % 2 === 0 ? ('leads' as const) : ('lead_status_history' as const),
        id: `r${String(i).padStart(4, '0')}`,
        row: null,
      })),
    );
    await db.outbox.bulkPut(
      Array.from({ length: 300 }, (_, i): OutboxEntry => ({
        mutation_id: i + 1,
        client_id: 'c',
        name: 'move_lead',
        args: { i },
        created_at: '',
        state: 'pending',
        touched: [],
      })),
    );

    const baseKeys: ['leads' | 'lead_status_history', string][][] = [
      // Dense: the leads' bases in order, and one that is not there.
      [
        ...Array.from({ length: 100 }, (_, i) => ['leads', `r${String(2 * i).padStart(4, '0')}`]),
        ['leads', 'missing'],
      ] as ['leads', string][],
      // Sparse across both tables.
      Array.from({ length: 60 }, (_, i): ['leads' | 'lead_status_history', string] => [
        i % 2 ? 'leads' : 'lead_status_history',
        `r${String(5 * i).padStart(4, '0')}`,
      ]),
    ];
    for (const keys of baseKeys) {
      expect(await getByKeys(db.base, keys)).toEqual(await db.base.bulkGet(keys));
    }
    for (const keys of [
      Array.from({ length: 120 }, (_, i) => 300 - i), // dense, in reverse order
      Array.from({ length: 60 }, (_, i) => 1 + 5 * i).concat([999]), // sparse, and a miss
    ]) {
      counter.rows.clear();
      const found = await getByKeys(db.outbox, keys);
      expect(found.map((e) => e?.mutation_id)).toEqual(keys.map((k) => (k <= 300 ? k : undefined)));
      expect(counter.rows.get('outbox') ?? 0).toBeLessThanOrEqual(2 * keys.length);
    }
  });
});

const ids = (n: number) =>
  Array.from({ length: n }, (_, i) => `lead-${String(i).padStart(5, '0')}`);

describe('getByKeys over leads', () => {
  it('answers in the order asked, undefined where a lead is missing, however it reads', async () => {
    const counter = readCounter();
    db = await openLocalDb(crypto.randomUUID(), { middlewares: [counter.middleware] });
    const all = ids(1000);
    await db.leads.bulkPut(
      all
        .filter((_, i) => i % 7 !== 0)
        .map((id) => leadRow({ id, full_name: id, pipeline_id: 'p', status_id: 's' })),
    );
    const shuffled = (list: string[]) =>
      [...list].sort((a, b) => (a.slice(-1) < b.slice(-1) ? -1 : 1));

    for (const wanted of [
      shuffled(all.slice(100, 400)), // one stretch of ids: read as a range
      all.filter((_, i) => i % 10 === 0), // spread over the whole store: key by key
      all.slice(0, 20), // a few
    ]) {
      counter.rows.clear();
      const found = await getByKeys(db.leads, wanted);
      expect(found.map((l) => l?.id)).toEqual(
        wanted.map((id) => (all.indexOf(id) % 7 === 0 ? undefined : id)),
      );
      // Never more than twice the rows asked for (the range's density bound).
      expect(counter.rows.get('leads') ?? 0).toBeLessThanOrEqual(2 * wanted.length);
    }
  });
});
