import { cmp, liveQuery, type ObservabilitySet } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { openLocalDb, type LocalDb } from './local-db.ts';
import { nextChangeSet } from './testing/change-sets.ts';
import type { OutboxEntry } from './types.ts';

let db: LocalDb | undefined;
afterEach(() => db?.close());

const entry = (mutation_id: number): OutboxEntry => ({
  mutation_id,
  client_id: 'c',
  name: 'move_lead',
  args: {},
  created_at: '',
  state: 'applied',
  touched: [`leads:l${mutation_id}`],
});

/** How many single keys a part names (a full range counts as none). */
function keyCount(tree: ObservabilitySet[string] | undefined): number {
  if (!tree || tree.d === 0 || !('from' in tree)) return 0;
  const self = cmp(tree.from, tree.to) === 0 ? 1 : 0;
  return self + keyCount(tree.l ?? undefined) + keyCount(tree.r ?? undefined);
}

describe('coarse change sets for large deletes', () => {
  it('names the keys of a small delete and says "the table changed" for a large one', async () => {
    db = await openLocalDb(crypto.randomUUID());
    await db.outbox.bulkPut(Array.from({ length: 100 }, (_, i) => entry(i + 1)));
    const part = `idb://${db.name}/outbox/`;

    const small = nextChangeSet(part);
    await db.outbox.bulkDelete([1, 2, 3]);
    expect(keyCount((await small)[part])).toBe(3);

    const large = nextChangeSet(part);
    await db.outbox.bulkDelete(Array.from({ length: 60 }, (_, i) => i + 10));
    const tree = (await large)[part];
    expect(keyCount(tree)).toBe(0);
    expect(tree && 'from' in tree ? [tree.from, tree.to] : null).toEqual([-Infinity, [[]]]);
  });

  it('a live query over the table still sees a large delete', async () => {
    db = await openLocalDb(crypto.randomUUID());
    const store = db;
    await store.outbox.bulkPut(Array.from({ length: 100 }, (_, i) => entry(i + 1)));
    const counts: number[] = [];
    const seen = new Promise<void>((resolve) => {
      const subscription = liveQuery(() =>
        store.outbox.where('mutation_id').above(50).count(),
      ).subscribe((n) => {
        counts.push(n);
        if (n === 0) {
          subscription.unsubscribe();
          resolve();
        }
      });
    });
    await new Promise((r) => setTimeout(r, 20));
    await store.outbox.bulkDelete(Array.from({ length: 50 }, (_, i) => i + 51));
    await seen;
    expect(counts).toEqual([50, 0]);
  });
});
