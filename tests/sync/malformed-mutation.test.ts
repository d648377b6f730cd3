import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pushPending } from '../../src/sync/push.ts';
import { defaultColumn } from '../server/support/raw-push.ts';
import type { Column } from '../server/support/raw-push.ts';
import { engineName } from '../server/support/test-backend.ts';
import { Device } from './support/device.ts';
import type { SyncBackend } from './support/sync-backend.ts';
import { startSyncBackend } from './support/sync-backend.ts';

// One change the server cannot read (a NUL or lone surrogate that jsonb refuses, stored by a
// client whose validation missed it) must not block the queue: the server answers the whole
// push with a 400, and the device isolates that change, refuses it alone, and syncs the rest.
let backend: SyncBackend;
let column: Column;

beforeAll(async () => {
  backend = await startSyncBackend();
  column = await defaultColumn(backend.t.backend.db);
});
afterAll(() => backend.close());

async function serverLeadNames(ids: string[]): Promise<string[]> {
  const { rows } = await backend.t.backend.db.query<{ full_name: string }>(
    'select full_name from public.leads where id = any($1) order by full_name',
    [ids],
  );
  return rows.map((r) => r.full_name);
}

describe(`a malformed mutation in the queue (${engineName})`, () => {
  it.each([
    ['a NUL', 'bad \u0000 note'],
    ['a lone surrogate', 'bad \ud800 note'],
  ])('with %s is refused alone; the changes around it apply', async (_, notes) => {
    const device = await Device.open(backend, 'maya');
    await device.sync(); // the board, so the device can check where a new lead goes
    const ids = Array.from({ length: 5 }, () => crypto.randomUUID());
    for (const [i, id] of ids.entries()) {
      await device.mutate('create_lead', { id, full_name: `Queued ${i}`, ...column });
    }
    // Bypass client validation: edit the stored args of the middle change, as an older
    // client (or a bug) could have stored them.
    const queued = await device.db.outbox.orderBy('mutation_id').toArray();
    const bad = queued[2];
    if (bad === undefined) throw new Error('queue too short');
    await device.db.outbox.update(bad.mutation_id, {
      args: { ...(bad.args as Record<string, unknown>), notes },
    });

    const outcome = await pushPending(device.db, device.supabase, 100);
    expect(outcome).toEqual({ applied: 4, rejected: 1 });
    const rejected = await device.db.rejected.toArray();
    expect(rejected.map((r) => r.mutation_id)).toEqual([bad.mutation_id]);
    expect(rejected[0]?.code).toMatch(/^22/);
    expect(await device.db.outbox.where('state').equals('pending').count()).toBe(0);
    expect(await serverLeadNames(ids)).toEqual(['Queued 0', 'Queued 1', 'Queued 3', 'Queued 4']);

    // And the next push has nothing left that could block it.
    await device.mutate('create_lead', { id: crypto.randomUUID(), full_name: 'After', ...column });
    expect(await pushPending(device.db, device.supabase)).toEqual({ applied: 1, rejected: 0 });
    device.close();
  });
});
