import { afterEach, describe, expect, it } from 'vitest';
import { aggregatesOf } from './lead-aggregates.ts';
import { openLocalDb, type LocalDb } from './local-db.ts';
import { readCounter } from './testing/read-counter.ts';
import { leadRow } from './testing/rows.ts';
import type { Lead } from './types.ts';

let db: LocalDb | undefined;
afterEach(() => db?.close());

const PIPELINE = crypto.randomUUID();
const STATUSES: string[] = [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()];

/** `n` leads with ids in ascending order, spread over the statuses. */
function leads(n: number): Lead[] {
  return Array.from({ length: n }, (_, i) =>
    leadRow({
      full_name: `Lead ${i}`,
      pipeline_id: PIPELINE,
      status_id: STATUSES[i % STATUSES.length] ?? '',
      position: `a${String(i).padStart(6, '0')}`,
      estimated_premium: 10 + i,
    }),
  ).sort((a, b) => (a.id < b.id ? -1 : 1));
}

async function expectAggregatesExact(store: LocalDb): Promise<void> {
  const byStatus = (a: { status_id: string }, b: { status_id: string }) =>
    a.status_id < b.status_id ? -1 : 1;
  const stored = await store.lead_aggregates.toArray();
  expect(stored.sort(byStatus)).toEqual(aggregatesOf(await store.leads.toArray()).sort(byStatus));
}

const moved = (lead: Lead): Lead => ({
  ...lead,
  status_id: STATUSES[(STATUSES.indexOf(lead.status_id) + 1) % STATUSES.length] ?? '',
  estimated_premium: (lead.estimated_premium ?? 0) + 1,
});

describe('per-column aggregates kept on write', () => {
  it('stay exact through bulk writes of every shape: new, a contiguous slice, a sparse set, mixed', async () => {
    db = await openLocalDb(crypto.randomUUID());
    const all = leads(600);
    const stored = all.filter((_, i) => i % 2 === 0);

    // New rows into an empty store (a first sync's page).
    await db.leads.bulkPut(stored.slice(0, 200));
    await expectAggregatesExact(db);
    // A contiguous slice of ids: most already stored, some new, in between.
    await db.leads.bulkPut(stored.slice(100, 300).map(moved));
    await expectAggregatesExact(db);
    // New ids interleaved with stored ones (the odd ones): the range holds rows not written.
    await db.leads.bulkPut(all.slice(0, 120).map(moved));
    await expectAggregatesExact(db);
    // A sparse set across the whole range (read key by key).
    await db.leads.bulkPut(all.filter((_, i) => i % 10 === 3).map(moved));
    await expectAggregatesExact(db);
    // Deletes, one bulk and one range.
    await db.leads.bulkDelete(all.slice(0, 80).map((l) => l.id));
    await expectAggregatesExact(db);
    await db.leads.clear();
    expect(await db.lead_aggregates.count()).toBe(0);
  });

  it('a page of new ids reads no lead row to find what it replaces', async () => {
    const counter = readCounter();
    db = await openLocalDb(crypto.randomUUID(), { middlewares: [counter.middleware] });
    const all = leads(3000);
    await db.leads.bulkPut(all.slice(0, 1000));
    counter.rows.clear();

    // The next page of a first sync: ids above everything stored.
    await db.leads.bulkPut(all.slice(1000, 2000));
    expect(counter.rows.get('leads') ?? 0).toBe(0);
    // A page that overlaps what is stored reads only the rows in its own id range.
    await db.leads.bulkPut(all.slice(1500, 2500).map(moved));
    expect(counter.rows.get('leads')).toBe(500);
    await expectAggregatesExact(db);
  });
});
