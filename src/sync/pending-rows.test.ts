import { afterEach, describe, expect, it, vi } from 'vitest';
import { openLocalDb, type LocalDb } from './local-db.ts';
import { pendingRowsOf } from './pending-rows.ts';
import { outboxEntry } from './testing/rows.ts';

let db: LocalDb | undefined;
afterEach(() => db?.close());

describe('pendingRowsOf', () => {
  it('tells each watched row only about changes to its own pending state', async () => {
    db = await openLocalDb(crypto.randomUUID());
    const rows = pendingRowsOf(db);
    const onA = vi.fn();
    const onB = vi.fn();
    const stopA = rows.subscribe('a', onA);
    const stopB = rows.subscribe('b', onB);

    await db.outbox.add(outboxEntry(1, ['leads:a', 'lead_status_history:h1']));
    await vi.waitFor(() => expect(rows.has('a')).toBe(true));
    expect(onA).toHaveBeenCalledTimes(1);
    expect(rows.has('h1')).toBe(true);
    expect(rows.has('b')).toBe(false);

    // A second change to a row already pending changes nothing for it; b gains one.
    await db.outbox.bulkAdd([outboxEntry(2, ['leads:a']), outboxEntry(3, ['leads:b'])]);
    await vi.waitFor(() => expect(rows.has('b')).toBe(true));
    expect(onA).toHaveBeenCalledTimes(1);
    expect(onB).toHaveBeenCalledTimes(1);

    // Confirmed: a stays pending until its last queued change goes.
    await db.outbox.bulkDelete([1, 3]);
    await vi.waitFor(() => expect(rows.has('b')).toBe(false));
    expect(rows.has('a')).toBe(true);
    expect(onA).toHaveBeenCalledTimes(1);
    await db.outbox.delete(2);
    await vi.waitFor(() => expect(rows.has('a')).toBe(false));
    expect(onA).toHaveBeenCalledTimes(2);
    expect(onB).toHaveBeenCalledTimes(2);

    // Nothing watched: no more calls (and the live query has stopped).
    stopA();
    stopB();
    await db.outbox.add(outboxEntry(4, ['leads:a', 'leads:b']));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(onA).toHaveBeenCalledTimes(2);
    expect(onB).toHaveBeenCalledTimes(2);

    // Watched again: the query answers again with what is queued now.
    const again = vi.fn();
    rows.subscribe('a', again);
    await vi.waitFor(() => expect(rows.has('a')).toBe(true));
    expect(again).toHaveBeenCalledTimes(1);
  });
});
