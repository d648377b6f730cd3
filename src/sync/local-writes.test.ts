import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LocalDb } from './local-db.ts';
import { openLocalDb } from './local-db.ts';
import { localWritesInFlight, subscribeLocalWrites } from './local-writes.ts';
import { mutate } from './mutate.ts';

const P1 = '10000000-0000-4000-8000-000000000001';
const S_NEW = '20000000-0000-4000-8000-000000000001';

let db: LocalDb;
beforeEach(async () => {
  db = await openLocalDb(crypto.randomUUID());
});
afterEach(() => {
  db.close();
});

describe('local writes in flight', () => {
  it('counts a mutation from the call until it is stored, and tells listeners both times', async () => {
    const seen: number[] = [];
    const unsubscribe = subscribeLocalWrites(() => seen.push(localWritesInFlight()));
    const storing = mutate(db, 'create_pipeline', {
      id: P1,
      name: 'Sales',
      statuses: [{ id: S_NEW, name: 'New' }],
    });
    // Counted synchronously: the board shows a change in the same frame it calls mutate.
    expect(localWritesInFlight()).toBe(1);
    expect(await db.pipelines.get(P1)).toBeUndefined();
    await storing;
    expect(localWritesInFlight()).toBe(0);
    expect(await db.pipelines.get(P1)).toMatchObject({ name: 'Sales' });
    expect(seen).toEqual([1, 0]);
    unsubscribe();
  });

  it('stops counting a write that is refused (nothing stored, nothing left in flight)', async () => {
    const refused = mutate(db, 'create_pipeline', { id: P1, name: '   ', statuses: [] });
    expect(localWritesInFlight()).toBe(1);
    await expect(refused).rejects.toThrow();
    expect(localWritesInFlight()).toBe(0);
  });
});
