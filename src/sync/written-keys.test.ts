import { Dexie, RangeSet } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { watchTable } from './board-model/table-changes.ts';
import { openLocalDb, type LocalDb } from './local-db.ts';
import { seedPipeline } from './testing/board-fixture.ts';

let db: LocalDb | undefined;
afterEach(() => db?.close());

/** Resolves with what watchTable reports for the next committed write to leads. */
function nextChange(store: LocalDb): Promise<unknown[] | null> {
  return new Promise((resolve) => {
    const stop = watchTable(store, 'leads', (keys) => {
      stop();
      resolve(keys);
    });
  });
}

describe('written keys', () => {
  it('names every key of a bulk write, however large, and a clear as a range', async () => {
    db = await openLocalDb(crypto.randomUUID());
    const { leads } = await seedPipeline(db, 120);

    const put = nextChange(db);
    await db.leads.bulkPut(leads.map((l) => ({ ...l, notes: 'again' })));
    expect(((await put) as string[]).sort()).toEqual(leads.map((l) => l.id).sort());

    const removed = nextChange(db);
    await db.leads.bulkDelete(leads.slice(0, 60).map((l) => l.id));
    expect(((await removed) as string[]).sort()).toEqual(
      leads
        .slice(0, 60)
        .map((l) => l.id)
        .sort(),
    );

    const cleared = nextChange(db);
    await db.leads.clear();
    expect(await cleared).toBeNull();
  });

  it('reports "anything may have changed" (a page back from the bfcache) as a range', async () => {
    db = await openLocalDb(crypto.randomUUID());
    const seen: (unknown[] | null)[] = [];
    const stop = watchTable(db, 'leads', (keys) => seen.push(keys));
    // What Dexie fires on pageshow for a persisted page.
    Dexie.on('storagemutated').fire({ all: new RangeSet(-Infinity, [[]]) });
    stop();
    expect(seen).toEqual([null]);
  });
});
