// First, before Dexie loads: the engine's liveQuery needs a global indexedDB in Node (see
// engine.test.ts); each device still gets its own factory.
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  inBoardOrder,
  planBulkMove,
  planBulkReassign,
} from '../../src/features/board/lib/bulk-moves.ts';
import { createSyncEngine } from '../../src/sync/engine.ts';
import { mutateMany } from '../../src/sync/mutate.ts';
import { pullAll } from '../../src/sync/pull.ts';
import { columnLeads } from '../../src/sync/read-models/column-query.ts';
import { pushPending } from '../../src/sync/push.ts';
import type { Lead } from '../../src/sync/types.ts';
import { engineName } from '../server/support/test-backend.ts';
import { at, defaultBoard } from './support/board.ts';
import { Device } from './support/device.ts';
import type { SyncBackend } from './support/sync-backend.ts';
import { DEMO, startSyncBackend } from './support/sync-backend.ts';

// Issue 15, part 2: a bulk move or reassignment is queued as one local step, goes to the server
// in one sync_push request, and a partial refusal rolls back only the refused leads. The plans
// are the board's own (src/features/board/lib/bulk-moves.ts); the backend is the real one.

let backend: SyncBackend;
beforeAll(async () => {
  backend = await startSyncBackend();
});
afterAll(() => backend.close());

const pushes = (device: Device) => device.network.sent.filter((u) => u.includes('/rpc/sync_push'));
const sql = <T>(q: string, params: unknown[] = []) =>
  backend.t.backend.db.query<T>(q, params).then((r) => r.rows);
const until = { timeout: 20_000, interval: 25 };

/** `count` leads of `owner` (in board order) from one column of the default pipeline. */
async function leadsOf(device: Device, owner: string, count: number) {
  const { pipeline, statuses } = await defaultBoard(device.db);
  const from = at(statuses, 0);
  const all = await columnLeads(device.db, pipeline.id, from.id);
  const mine = inBoardOrder(
    all.filter((l) => l.assigned_to === owner),
    statuses.map((s) => s.id),
  ).slice(0, count);
  if (mine.length < count) throw new Error(`only ${mine.length} leads of ${owner} in ${from.name}`);
  return { pipeline, statuses, from, leads: mine };
}

async function serverLeads(ids: readonly string[]) {
  return sql<{ id: string; status_id: string; assigned_to: string | null }>(
    'select id, status_id, assigned_to from leads where id = any($1::uuid[]) order by id',
    [ids],
  );
}

describe(`bulk moves through sync (${engineName})`, () => {
  it('the engine sends a bulk of moves in one push request', async () => {
    const maya = await Device.open(backend, 'maya');
    await maya.sync();
    const { statuses, leads } = await leadsOf(maya, DEMO.ana.id, 6);
    const engine = createSyncEngine({
      supabase: maya.supabase,
      db: maya.db,
      userId: maya.userId,
      intervalMs: 0,
      locks: null,
      retry: { baseMs: 20, maxMs: 200 },
    });
    engine.start();
    await vi.waitFor(() => expect(engine.getStatus().lastSyncedAt).not.toBeNull(), until);
    const before = pushes(maya).length;

    const to = at(statuses, 2);
    await mutateMany(maya.db, planBulkMove(leads, to.id, { before: null, after: null }).calls);
    await vi.waitFor(async () => {
      const rows = await serverLeads(leads.map((l) => l.id));
      expect(rows.every((r) => r.status_id === to.id)).toBe(true);
    }, until);
    await vi.waitFor(() => expect(engine.getStatus().pendingCount).toBe(0), until);
    await engine.stop();
    // Six moves, one request (the engine coalesces; mutateMany queued them in one step).
    expect(pushes(maya).length - before).toBe(1);
    maya.close();
  });

  it('an offline bulk move with one refusal: one request, only the refused lead rolls back', async () => {
    const ana = await Device.open(backend, 'ana');
    const maya = await Device.open(backend, 'maya');
    await Promise.all([ana.sync(), maya.sync()]);
    const { statuses, from, leads } = await leadsOf(ana, DEMO.ana.id, 3);
    const [a, b, c] = leads as [Lead, Lead, Lead];
    const to = at(statuses, 1);

    ana.network.offline = true;
    const receipts = await mutateMany(
      ana.db,
      planBulkMove(leads, to.id, { before: null, after: null }).calls,
    );
    expect(receipts.map((r) => r.mutation_id)).toEqual(
      receipts.map((_, i) => (receipts[0]?.mutation_id ?? 0) + i),
    );
    expect((await ana.db.leads.bulkGet([a.id, b.id, c.id])).map((l) => l?.status_id)).toEqual([
      to.id,
      to.id,
      to.id,
    ]);
    // Meanwhile the manager gives B to Ben: Ana may no longer touch it (RLS).
    await backend.asUser('maya', (tx) =>
      tx.query('update leads set assigned_to = $1 where id = $2', [DEMO.ben.id, b.id]),
    );

    ana.network.offline = false;
    const sentBefore = pushes(ana).length;
    expect(await pushPending(ana.db, ana.supabase)).toEqual({ applied: 2, rejected: 1 });
    expect(pushes(ana).length - sentBefore).toBe(1);
    // Rolled back at once to what the server last said, before any pull.
    expect((await ana.db.leads.get(b.id))?.status_id).toBe(from.id);
    expect((await ana.db.leads.get(a.id))?.status_id).toBe(to.id);
    const rejected = await ana.db.rejected.toArray();
    expect(rejected).toHaveLength(1);
    expect(rejected[0]).toMatchObject({ name: 'move_lead', code: 'P0002', args: { id: b.id } });

    await pullAll(ana.db, ana.supabase);
    expect(await ana.db.leads.get(b.id)).toBeUndefined(); // Ben's now, out of Ana's view
    expect((await ana.db.leads.bulkGet([a.id, c.id])).map((l) => l?.status_id)).toEqual([
      to.id,
      to.id,
    ]);
    expect(await serverLeads([a.id, b.id, c.id])).toEqual(
      [
        { id: a.id, status_id: to.id, assigned_to: DEMO.ana.id },
        { id: b.id, status_id: from.id, assigned_to: DEMO.ben.id },
        { id: c.id, status_id: to.id, assigned_to: DEMO.ana.id },
      ].sort((x, y) => (x.id < y.id ? -1 : 1)),
    );
    ana.close();
    maya.close();
  });

  it('an agent’s bulk reassignment to someone else is refused by the server (RLS)', async () => {
    const ana = await Device.open(backend, 'ana');
    await ana.sync();
    const { leads } = await leadsOf(ana, DEMO.ana.id, 2);
    // The board never offers it to agents; the server must refuse it anyway.
    await mutateMany(ana.db, planBulkReassign(leads, DEMO.ben.id).calls);
    expect(await pushPending(ana.db, ana.supabase)).toEqual({ applied: 0, rejected: 2 });
    expect((await ana.db.rejected.toArray()).map((r) => [r.name, r.code])).toEqual([
      ['update_lead', '42501'],
      ['update_lead', '42501'],
    ]);
    expect((await serverLeads(leads.map((l) => l.id))).map((r) => r.assigned_to)).toEqual([
      DEMO.ana.id,
      DEMO.ana.id,
    ]);
    expect((await ana.db.leads.bulkGet(leads.map((l) => l.id))).map((l) => l?.assigned_to)).toEqual(
      [DEMO.ana.id, DEMO.ana.id],
    );
    ana.close();
  });

  it('a manager’s bulk reassignment with a lead deleted meanwhile keeps the others', async () => {
    const maya = await Device.open(backend, 'maya');
    await maya.sync();
    const { leads } = await leadsOf(maya, DEMO.ben.id, 3);
    const [a, b, c] = leads as [Lead, Lead, Lead];
    maya.network.offline = true;
    await mutateMany(maya.db, planBulkReassign(leads, DEMO.ana.id).calls);
    await sql('delete from leads where id = $1', [c.id]);
    maya.network.offline = false;
    const sentBefore = pushes(maya).length;
    expect(await pushPending(maya.db, maya.supabase)).toEqual({ applied: 2, rejected: 1 });
    expect(pushes(maya).length - sentBefore).toBe(1);
    expect((await maya.db.rejected.toArray()).map((r) => r.args)).toEqual([
      { id: c.id, patch: { assigned_to: DEMO.ana.id } },
    ]);
    await pullAll(maya.db, maya.supabase);
    expect((await serverLeads([a.id, b.id])).map((r) => r.assigned_to)).toEqual([
      DEMO.ana.id,
      DEMO.ana.id,
    ]);
    expect(await maya.db.leads.get(c.id)).toBeUndefined();
    maya.close();
  });

  it('queues nothing when one of the bulk is invalid: a bulk is all or nothing on the device', async () => {
    const maya = await Device.open(backend, 'maya');
    await maya.sync();
    const { statuses, leads } = await leadsOf(maya, DEMO.ana.id, 2);
    const calls = planBulkMove(leads, at(statuses, 1).id, { before: null, after: null }).calls;
    const first = leads[0]!;
    const bad = {
      name: 'move_lead' as const,
      input: { id: first.id, pipeline_id: first.pipeline_id, status_id: 'nope', position: 'a0' },
    };
    await expect(mutateMany(maya.db, [calls[1]!, bad])).rejects.toThrow(/status_id/);
    expect(await maya.db.outbox.count()).toBe(0);
    expect((await maya.db.leads.get(leads[1]!.id))?.status_id).toBe(leads[1]!.status_id);
    maya.close();
  });
});
