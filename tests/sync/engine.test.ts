// First, before Dexie loads: Dexie reads the global indexedDB once, and its liveQuery (the
// engine's status feed) stays silent in Node without one, even for databases opened with an
// injected factory. Each device still gets its own factory.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { SyncEngine } from '../../src/sync/engine.ts';
import { createSyncEngine } from '../../src/sync/engine.ts';
import { mutate } from '../../src/sync/mutate.ts';
import { pendingRowIds } from '../../src/sync/pending.ts';
import { localSseSignal } from '../../src/sync/signals/local-sse-signal.ts';
import type { SyncStatus } from '../../src/sync/sync-status.ts';
import { engineName } from '../server/support/test-backend.ts';
import { at, defaultBoard } from './support/board.ts';
import { Device } from './support/device.ts';
import { MemoryLocks } from './support/memory-locks.ts';
import { nodeEventSource } from './support/node-event-source.ts';
import type { SyncBackend } from './support/sync-backend.ts';
import { startSyncBackend } from './support/sync-backend.ts';

let backend: SyncBackend;
beforeAll(async () => {
  backend = await startSyncBackend();
});
afterAll(() => backend.close());

const until = { timeout: 20_000, interval: 25 };

function engineFor(device: Device, extra: { locks?: MemoryLocks } = {}): SyncEngine {
  return createSyncEngine({
    supabase: device.supabase,
    db: device.db,
    userId: device.userId,
    changeSignals: [localSseSignal(backend.t.url, backend.t.backend.anonKey, nodeEventSource)],
    intervalMs: 0,
    locks: extra.locks ? extra.locks.asLockManager() : null,
    retry: { baseMs: 20, maxMs: 200 },
  });
}

describe(`the sync engine (${engineName})`, () => {
  it('syncs on start, sends local changes promptly, and pulls when the server signals', async () => {
    const ana = await Device.open(backend, 'ana');
    const maya = await Device.open(backend, 'maya');
    await maya.sync();
    const engine = engineFor(ana);
    const statuses: SyncStatus[] = [];
    engine.subscribe((s) => statuses.push(s));
    engine.start();
    await vi.waitFor(() => expect(engine.getStatus().lastSyncedAt).not.toBeNull(), until);

    // A change on this device: shown as pending, then pushed without anyone calling syncNow.
    const { pipeline, statuses: columns } = await defaultBoard(ana.db);
    const mine = crypto.randomUUID();
    await mutate(ana.db, 'create_lead', {
      id: mine,
      full_name: 'From the engine',
      pipeline_id: pipeline.id,
      status_id: at(columns, 0).id,
    });
    await vi.waitFor(async () => {
      const { rows } = await backend.t.backend.db.query('select 1 from leads where id = $1', [
        mine,
      ]);
      expect(rows).toHaveLength(1);
    }, until);
    await vi.waitFor(() => expect(engine.getStatus().pendingCount).toBe(0), until);
    expect(statuses.some((s) => s.pendingCount > 0)).toBe(true);
    expect((await pendingRowIds(ana.db)).size).toBe(0);

    // A change elsewhere: the backend's change event makes this device pull it.
    const theirs = crypto.randomUUID();
    await mutate(maya.db, 'create_lead', {
      id: theirs,
      full_name: 'From the manager',
      pipeline_id: pipeline.id,
      status_id: at(columns, 1).id,
    });
    await maya.sync();
    await vi.waitFor(async () => expect(await ana.db.leads.get(theirs)).toBeDefined(), until);

    await engine.stop();
    ana.close();
    maya.close();
  });

  it('reports offline and errors, retries with backoff, and reports refused changes', async () => {
    const ana = await Device.open(backend, 'ana');
    await ana.sync();
    const engine = engineFor(ana);
    ana.network.offline = true;
    engine.start();
    await vi.waitFor(() => expect(engine.getStatus().online).toBe(false), until);
    expect(engine.getStatus().lastError).toMatch(/offline/);
    // The device notes when it went away; the first sync that gets through clears it.
    await vi.waitFor(async () => expect(await ana.db.meta.get('away_since')).toBeDefined(), until);

    const { pipeline } = await defaultBoard(ana.db);
    await mutate(ana.db, 'update_pipeline', {
      id: pipeline.id,
      patch: { description: 'Agent edit' },
    });
    await vi.waitFor(() => expect(engine.getStatus().pendingCount).toBe(1), until);
    ana.network.offline = false; // the retry timer brings it back without a nudge
    await vi.waitFor(() => expect(engine.getStatus().online).toBe(true), until);
    await vi.waitFor(async () => expect(await ana.db.rejected.count()).toBe(1), until);
    expect((await ana.db.rejected.toArray())[0]).toMatchObject({
      name: 'update_pipeline',
      code: '42501',
    });
    expect(engine.getStatus().lastError).toBeNull();
    expect((await ana.db.pipelines.get(pipeline.id))?.description).toBe(pipeline.description);
    expect(await ana.db.meta.get('away_since')).toBeUndefined();
    await engine.stop();
    ana.close();
  });

  it('lets one tab sync at a time when two share a store', async () => {
    const maya = await Device.open(backend, 'maya');
    const locks = new MemoryLocks();
    const tabs = [engineFor(maya, { locks }), engineFor(maya, { locks })];
    await maya.sync();
    const { pipeline, statuses } = await defaultBoard(maya.db);
    for (let i = 0; i < 5; i++) {
      await mutate(maya.db, 'create_lead', {
        id: crypto.randomUUID(),
        full_name: `Tab lead ${i}`,
        pipeline_id: pipeline.id,
        status_id: at(statuses, 0).id,
      });
    }
    await Promise.all([...tabs.map((t) => t.syncNow()), ...tabs.map((t) => t.syncNow())]);
    expect(locks.maxHolders).toBe(1);
    expect(new Set(locks.requested)).toEqual(new Set([`leadlanes-sync:${maya.userId}`]));
    expect(await maya.db.outbox.count()).toBe(0);
    await Promise.all(tabs.map((t) => t.stop()));
    maya.close();
  });
});
