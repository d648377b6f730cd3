import { afterEach, describe, expect, it } from 'vitest';
import { openLocalDb, type LocalDb } from '../local-db.ts';
import { readCounter } from '../testing/read-counter.ts';
import { leadRow } from '../testing/rows.ts';
import { leadsById } from './leads-by-id.ts';

let db: LocalDb | undefined;
afterEach(() => db?.close());

const ids = (n: number) =>
  Array.from({ length: n }, (_, i) => `lead-${String(i).padStart(5, '0')}`);

describe('leadsById', () => {
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
      const found = await leadsById(db, wanted);
      expect(found.map((l) => l?.id)).toEqual(
        wanted.map((id) => (all.indexOf(id) % 7 === 0 ? undefined : id)),
      );
      // Never more than twice the rows asked for (the range's density bound).
      expect(counter.rows.get('leads') ?? 0).toBeLessThanOrEqual(2 * wanted.length);
    }
  });
});
