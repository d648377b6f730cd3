import type { DBCore, Middleware } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { openLocalDb, type LocalDb } from './local-db.ts';
import { pendingRowIds, queuedRowKeys } from './pending.ts';
import { consecutiveRuns } from './queued-rows.ts';
import { queuedRowsCopy } from './testing/queued-rows-copy.ts';
import { readCounter } from './testing/read-counter.ts';
import type { OutboxEntry } from './types.ts';
import { outboxEntry } from './testing/rows.ts';

let db: LocalDb | undefined;
afterEach(() => db?.close());

/** Entries 1…n, each touching its lead and a history row; every third also one shared lead. */
function queue(n: number): OutboxEntry[] {
  return Array.from({ length: n }, (_, i) =>
    outboxEntry(i + 1, [
      `leads:l${i}`,
      `lead_status_history:h${i}`,
      ...(i % 3 === 0 ? ['leads:shared'] : []),
    ]),
  );
}

/** The copy holds exactly the outbox's `touched` keys, and the reader sees the same rows. */
async function expectMirrored(store: LocalDb): Promise<void> {
  const { stored, expected } = await queuedRowsCopy(store);
  expect(stored).toEqual(expected);
  const outbox = await store.outbox.toArray();
  expect([...(await queuedRowKeys(store))].sort()).toEqual(
    [...new Set(outbox.flatMap((e) => e.touched))].sort(),
  );
}

describe('the outbox copy of its touched keys (queued-rows.ts)', () => {
  it('follows every kind of outbox write: add, replace, update, state changes, deletes, clear', async () => {
    db = await openLocalDb(crypto.randomUUID());
    const outbox = db.outbox;
    await outbox.bulkAdd(queue(40));
    await expectMirrored(db);

    // A rebase gives an entry other rows (put of the whole entry); update does the same.
    await outbox.put(outboxEntry(5, ['leads:elsewhere']));
    await outbox.update(6, { touched: [] });
    await outbox.update(7, { touched: ['leads:l7', 'leads:new'] });
    await expectMirrored(db);

    // The push marks a batch applied: same rows, nothing lost.
    await outbox.bulkUpdate([8, 9, 10, 20].map((key) => ({ key, changes: { state: 'applied' } })));
    await outbox.where('state').equals('pending').modify({ state: 'applied' });
    await expectMirrored(db);

    // Confirmations: a contiguous run, a sparse set, ranges open and closed on either side.
    await outbox.bulkDelete([11, 12, 13, 14, 2, 30, 31]);
    await expectMirrored(db);
    await outbox.where(':id').between(15, 18, true, false).delete();
    await outbox.where(':id').above(35).delete();
    await outbox.where(':id').below(4).delete();
    await expectMirrored(db);
    expect(await outbox.count()).toBeGreaterThan(0);

    await outbox.clear();
    expect(await db.queued_rows.count()).toBe(0);
    await expectMirrored(db);
  });

  it('keeps only what was written when a bulk add partly fails, and nothing of a rolled-back transaction', async () => {
    db = await openLocalDb(crypto.randomUUID());
    const store = db;
    await store.outbox.bulkAdd(queue(3));
    // Id 2 exists: Dexie writes the others and throws a BulkError naming the one that failed.
    await expect(
      store.outbox.bulkAdd([outboxEntry(2, ['leads:dup']), outboxEntry(4, ['leads:l4'])]),
    ).rejects.toThrow();
    expect(await store.outbox.count()).toBe(4);
    await expectMirrored(store);
    expect(await queuedRowKeys(store)).not.toContain('leads:dup');

    await expect(
      store.transaction('rw', store.outbox, async () => {
        await store.outbox.add(outboxEntry(9, ['leads:rolled-back']));
        throw new Error('abort');
      }),
    ).rejects.toThrow('abort');
    await expectMirrored(store);
    expect(await queuedRowKeys(store)).not.toContain('leads:rolled-back');
  });

  it('is read in one request: pending rows without a cursor or a look at the outbox', async () => {
    const counter = readCounter();
    db = await openLocalDb(crypto.randomUUID(), { middlewares: [counter.middleware] });
    await db.outbox.bulkAdd(queue(300));
    counter.rows.clear();
    counter.keys.clear();
    counter.steps.clear();

    const ids = await pendingRowIds(db);
    expect(ids.size).toBe(601);
    expect(ids).toContain('shared');
    expect(ids).toContain('h299');
    expect(counter.rows.get('outbox') ?? 0).toBe(0);
    expect(counter.keys.get('outbox') ?? 0).toBe(0);
    expect(counter.steps.get('queued_rows') ?? 0).toBe(0);
    // Each (mutation, row) once: 300 × 2, and the 100 entries that also touch the shared lead.
    expect(counter.keys.get('queued_rows')).toBe(700);
  });

  it('writes nothing to the copy when only the state of entries changes (the push marks them applied)', async () => {
    const writes: string[] = [];
    const writeCounter: Middleware<DBCore> = {
      stack: 'dbcore',
      name: 'writeCounter',
      level: 0,
      create: (down) => ({
        ...down,
        table: (name) => {
          const table = down.table(name);
          return {
            ...table,
            mutate: (req) => {
              writes.push(`${name} ${req.type}`);
              return table.mutate(req);
            },
          };
        },
      }),
    };
    db = await openLocalDb(crypto.randomUUID(), { middlewares: [writeCounter] });
    await db.outbox.bulkAdd(queue(30));
    writes.length = 0;
    await db.outbox.bulkUpdate(
      [3, 4, 5, 9].map((key) => ({ key, changes: { state: 'applied' as const } })),
    );
    await db.outbox.where(':id').between(10, 14).modify({ state: 'applied' });
    expect(writes).toEqual(['outbox put', 'outbox put']);
    await expectMirrored(db);
    // A modify by function may change anything: the copy is compared, and still nothing written.
    writes.length = 0;
    await db.outbox
      .where(':id')
      .between(15, 17)
      .modify((e) => {
        e.state = 'applied';
      });
    expect(writes).toEqual(['outbox put']);
    await expectMirrored(db);
    // A new `touched` writes only the difference: one row in, one row out.
    writes.length = 0;
    await db.outbox.update(4, { touched: ['leads:l3', 'leads:other'] });
    expect(writes.sort()).toEqual(['outbox put', 'queued_rows delete', 'queued_rows put']);
    await expectMirrored(db);
  });

  it('groups ids into runs of consecutive ids (one range delete each)', () => {
    expect(consecutiveRuns([])).toEqual([]);
    expect(consecutiveRuns([7])).toEqual([[7, 7]]);
    expect(consecutiveRuns([5, 3, 4, 10, 12, 11, 11, 1])).toEqual([
      [1, 1],
      [3, 5],
      [10, 12],
    ]);
  });
});
