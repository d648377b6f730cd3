import { Dexie, RangeSet } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import type { IntervalTree } from 'dexie';
import { watchTable } from './board-model/table-changes.ts';
import { openLocalDb, type LocalDb } from './local-db.ts';
import { nextChangeSet } from './testing/change-sets.ts';
import { batchedKeys, writtenKeysPart } from './written-keys.ts';
import { seedPipeline } from './testing/board-fixture.ts';

let db: LocalDb | undefined;
afterEach(() => db?.close());

function nodeCount(tree: IntervalTree | undefined): number {
  if (!tree || tree.d === 0 || !('from' in tree)) return 0;
  return 1 + nodeCount(tree.l ?? undefined) + nodeCount(tree.r ?? undefined);
}

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

  it('records each write as one entry, so merging a change set costs per write, not per row', async () => {
    db = await openLocalDb(crypto.randomUUID());
    const { leads } = await seedPipeline(db, 120);
    const part = writtenKeysPart(db.name, 'leads');

    const changeSet = nextChangeSet(part);
    const watched = nextChange(db);
    const [first, second] = [leads.slice(0, 70), leads.slice(70)];
    await db.transaction('rw', db.leads, async () => {
      await db!.leads.bulkPut(first.map((l) => ({ ...l, notes: 'one' })));
      await db!.leads.bulkPut(second.map((l) => ({ ...l, notes: 'two' })));
    });
    // Two writes, two entries in the part, every key of both reported.
    expect(nodeCount((await changeSet)[part])).toBe(2);
    expect(((await watched) as string[]).sort()).toEqual(leads.map((l) => l.id).sort());
  });

  it('still reads a part recorded key by key (a tab of an older build on the same store)', () => {
    const oneByOne = new RangeSet().addKeys(['a', 'b', 'c']);
    expect((batchedKeys(oneByOne) as string[]).sort()).toEqual(['a', 'b', 'c']);
  });
});
