import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mutate } from '../../src/sync/mutate.ts';
import { pullAll } from '../../src/sync/pull.ts';
import { pushPending } from '../../src/sync/push.ts';
import { SyncRequestError } from '../../src/sync/sync-api.ts';
import { at, defaultBoard } from './support/board.ts';
import { Device } from './support/device.ts';
import type { SyncBackend } from './support/sync-backend.ts';
import { DEMO, startSyncBackend } from './support/sync-backend.ts';
import { engineName } from '../server/support/test-backend.ts';

let backend: SyncBackend;

beforeAll(async () => {
  backend = await startSyncBackend();
});
afterAll(() => backend.close());

async function serverQuery<T>(sql: string, params: unknown[] = []): Promise<T[]> {
  return (await backend.t.backend.db.query<T>(sql, params)).rows;
}

describe(`push and pull against the local backend (${engineName})`, () => {
  it('first sync streams the visible rows in pages and reports progress', async () => {
    const ana = await Device.open(backend, 'ana');
    const progress: { done: number; total: number }[] = [];
    await pullAll(ana.db, ana.supabase, { pageSize: 100, onProgress: (p) => progress.push(p) });
    const [visible] = await backend.asUser('ana', (tx) =>
      tx.query<{ n: number }>('select count(*)::int as n from leads').then((r) => r.rows),
    );
    expect(await ana.db.leads.count()).toBe(visible?.n);
    expect(progress.length).toBeGreaterThan(3);
    expect(progress.at(-1)).toEqual({
      done: progress.at(-1)?.total,
      total: progress.at(-1)?.total,
    });
    // Only what RLS lets Ana see: her leads and the pool.
    const owners = new Set((await ana.db.leads.toArray()).map((l) => l.assigned_to));
    expect([...owners].every((o) => o === null || o === DEMO.ana.id)).toBe(true);
    ana.close();
  });

  it('a first sync starts with a small page and doubles it up to the full size', async () => {
    const ana = await Device.open(backend, 'ana');
    const progress: { done: number; total: number }[] = [];
    await pullAll(ana.db, ana.supabase, {
      pageSize: 120,
      firstPageSize: 30,
      onProgress: (p) => progress.push(p),
    });
    const sizes = progress.map((p, i) => p.done - (progress[i - 1]?.done ?? 0));
    expect(sizes.length).toBeGreaterThan(4);
    // 30, 60, 120, 120, …; the last page holds what is left (tombstones count in done too).
    expect(sizes.slice(0, -1)).toEqual([30, 60, ...Array<number>(sizes.length - 3).fill(120)]);
    ana.close();
  });

  it('a lost acknowledgement followed by a retry applies the change once', async () => {
    const maya = await Device.open(backend, 'maya');
    await maya.sync();
    const { pipeline, statuses } = await defaultBoard(maya.db);
    const id = crypto.randomUUID();
    await mutate(maya.db, 'create_lead', {
      id,
      full_name: 'Lost Ack',
      pipeline_id: pipeline.id,
      status_id: at(statuses, 0).id,
    });
    await mutate(maya.db, 'move_lead', {
      id,
      pipeline_id: pipeline.id,
      status_id: at(statuses, 1).id,
      position: 'a0x',
    });

    maya.network.dropResponses = 1;
    await expect(pushPending(maya.db, maya.supabase)).rejects.toBeInstanceOf(SyncRequestError);
    expect(maya.network.dropped).toBe(1);
    // The server committed although the device never heard back.
    expect(await serverQuery('select id from leads where id = $1', [id])).toHaveLength(1);

    await maya.sync();
    expect(await serverQuery('select id from leads where id = $1', [id])).toHaveLength(1);
    const history = await serverQuery<{ to_status_id: string }>(
      'select to_status_id from lead_status_history where lead_id = $1 order by changed_at',
      [id],
    );
    expect(history.map((h) => h.to_status_id)).toEqual([at(statuses, 0).id, at(statuses, 1).id]);
    expect(await maya.db.outbox.count()).toBe(0);
    expect(await maya.db.leads.get(id)).toMatchObject({
      status_id: at(statuses, 1).id,
      position: 'a0x',
    });
    maya.close();
  });

  it('a refused mutation is rolled back, reported, and does not block the ones after it', async () => {
    const ana = await Device.open(backend, 'ana');
    await ana.sync();
    const { pipeline, statuses } = await defaultBoard(ana.db);
    const name = pipeline.name;
    // Agents may not rename pipelines; the device does not know roles, the server does.
    await mutate(ana.db, 'update_pipeline', { id: pipeline.id, patch: { name: 'Ana was here' } });
    const id = crypto.randomUUID();
    await mutate(ana.db, 'create_lead', {
      id,
      full_name: 'After the refusal',
      assigned_to: DEMO.ana.id,
      pipeline_id: pipeline.id,
      status_id: at(statuses, 0).id,
    });
    expect((await ana.db.pipelines.get(pipeline.id))?.name).toBe('Ana was here');

    const outcome = await pushPending(ana.db, ana.supabase);
    expect(outcome).toEqual({ applied: 1, rejected: 1 });
    expect((await ana.db.pipelines.get(pipeline.id))?.name).toBe(name);
    const rejected = await ana.db.rejected.toArray();
    expect(rejected).toHaveLength(1);
    expect(rejected[0]).toMatchObject({ name: 'update_pipeline', code: '42501' });
    expect(rejected[0]?.message).toMatch(/Only managers/);
    expect(await serverQuery('select id from leads where id = $1', [id])).toHaveLength(1);
    await ana.sync();
    expect(await ana.db.outbox.count()).toBe(0);
    ana.close();
  });

  it('a queue larger than a batch goes out batch after batch, in order, a refusal mid-way', async () => {
    const ana = await Device.open(backend, 'ana');
    await ana.sync();
    const { pipeline, statuses } = await defaultBoard(ana.db);
    const id = crypto.randomUUID();
    const column = { pipeline_id: pipeline.id, status_id: at(statuses, 0).id };
    await mutate(ana.db, 'create_lead', {
      id,
      full_name: 'Note 0',
      assigned_to: DEMO.ana.id,
      ...column,
    });
    // Seven edits; the fourth (second batch of three) is refused: agents may not rename pipelines.
    for (let i = 1; i <= 7; i++) {
      if (i === 4) {
        await mutate(ana.db, 'update_pipeline', { id: pipeline.id, patch: { name: 'Renamed' } });
      } else {
        await mutate(ana.db, 'update_lead', { id, patch: { notes: `Note ${i}` } });
      }
    }

    expect(await pushPending(ana.db, ana.supabase, 3)).toEqual({ applied: 7, rejected: 1 });
    // Every edit arrived, the last one last.
    expect(await serverQuery('select notes from leads where id = $1', [id])).toEqual([
      { notes: 'Note 7' },
    ]);
    expect((await ana.db.pipelines.get(pipeline.id))?.name).toBe(pipeline.name);
    expect(await ana.db.outbox.where('state').equals('pending').count()).toBe(0);
    await ana.sync();
    expect(await ana.db.outbox.count()).toBe(0);
    ana.close();
  });

  it('an edit of a lead deleted meanwhile is refused and the lead disappears locally', async () => {
    const maya = await Device.open(backend, 'maya');
    const ana = await Device.open(backend, 'ana');
    await Promise.all([maya.sync(), ana.sync()]);
    const lead = await ana.db.leads.filter((l) => l.assigned_to === DEMO.ana.id).first();
    if (!lead) throw new Error('Ana has no leads');
    ana.network.offline = true;
    await mutate(ana.db, 'update_lead', { id: lead.id, patch: { notes: 'Called back' } });
    await mutate(maya.db, 'delete_lead', { id: lead.id });
    await maya.sync();
    ana.network.offline = false;
    await ana.sync();
    expect(await ana.db.leads.get(lead.id)).toBeUndefined();
    expect(await ana.db.lead_status_history.where('lead_id').equals(lead.id).count()).toBe(0);
    expect((await ana.db.rejected.toArray()).map((r) => r.code)).toEqual(['P0002']);
    maya.close();
    ana.close();
  });

  it('a card moved offline stays put while pulls bring other changes, then both survive', async () => {
    const maya = await Device.open(backend, 'maya');
    const ana = await Device.open(backend, 'ana');
    await Promise.all([maya.sync(), ana.sync()]);
    const { pipeline, statuses } = await defaultBoard(ana.db);
    const lead = await ana.db.leads.filter((l) => l.assigned_to === DEMO.ana.id).first();
    if (!lead) throw new Error('Ana has no leads');
    const target = statuses.find((s) => s.id !== lead.status_id) ?? at(statuses, 0);

    await mutate(ana.db, 'move_lead', {
      id: lead.id,
      pipeline_id: pipeline.id,
      status_id: target.id,
      position: 'Zz5',
    });
    await mutate(maya.db, 'update_lead', { id: lead.id, patch: { notes: 'Manager note' } });
    await maya.sync();
    await pullAll(ana.db, ana.supabase); // pull only: the move is still queued
    expect(await ana.db.leads.get(lead.id)).toMatchObject({
      status_id: target.id,
      position: 'Zz5',
      notes: 'Manager note',
    });

    await ana.sync();
    expect(await ana.db.outbox.count()).toBe(0);
    const [server] = await serverQuery<{ status_id: string; position: string; notes: string }>(
      'select status_id, position, notes from leads where id = $1',
      [lead.id],
    );
    expect(server).toEqual({ status_id: target.id, position: 'Zz5', notes: 'Manager note' });
    maya.close();
    ana.close();
  });

  it('a lead reassigned to someone else leaves the agent’s store with its history, and reaches the new owner', async () => {
    const maya = await Device.open(backend, 'maya');
    const ana = await Device.open(backend, 'ana');
    const ben = await Device.open(backend, 'ben');
    await Promise.all([maya.sync(), ana.sync(), ben.sync()]);
    const lead = await ana.db.leads.filter((l) => l.assigned_to === DEMO.ana.id).first();
    if (!lead) throw new Error('Ana has no leads');
    const history = await ana.db.lead_status_history.where('lead_id').equals(lead.id).count();
    expect(history).toBeGreaterThan(0);

    await mutate(maya.db, 'update_lead', { id: lead.id, patch: { assigned_to: DEMO.ben.id } });
    await maya.sync();
    await Promise.all([ana.sync(), ben.sync()]);
    expect(await ana.db.leads.get(lead.id)).toBeUndefined();
    expect(await ana.db.lead_status_history.where('lead_id').equals(lead.id).count()).toBe(0);
    expect(await ben.db.leads.get(lead.id)).toMatchObject({ assigned_to: DEMO.ben.id });
    expect(await ben.db.lead_status_history.where('lead_id').equals(lead.id).count()).toBe(history);
    for (const d of [maya, ana, ben]) d.close();
  });

  it('a confirmed change never flickers back, even when a newer write to its row is held behind an open transaction', async () => {
    const maya = await Device.open(backend, 'maya');
    await maya.sync();
    const lead = await maya.db.leads.orderBy('id').first();
    if (!lead) throw new Error('no leads');
    await mutate(maya.db, 'update_lead', { id: lead.id, patch: { notes: 'From the device' } });
    await pushPending(maya.db, maya.supabase);

    // On PostgreSQL: a transaction that took its id after the push and stays open keeps the
    // pull's cursor below the next write, which changes the same lead and commits.
    const blocker = backend.location.databaseUrl
      ? new pg.Client({ connectionString: backend.location.databaseUrl })
      : null;
    if (blocker) {
      await blocker.connect();
      await blocker.query('begin');
      await blocker.query('select pg_current_xact_id()');
    }
    await serverQuery(`update leads set full_name = 'Renamed elsewhere' where id = $1`, [lead.id]);
    await pullAll(maya.db, maya.supabase);
    if (blocker) {
      await blocker.query('rollback');
      await blocker.end();
    }

    expect(await maya.db.outbox.count()).toBe(0);
    expect(await maya.db.leads.get(lead.id)).toMatchObject({
      notes: 'From the device',
      full_name: 'Renamed elsewhere',
    });
    maya.close();
  });

  it('mutations queued offline survive a reload and are pushed later', async () => {
    const maya = await Device.open(backend, 'maya');
    await maya.sync();
    maya.network.offline = true;
    const pipelineId = crypto.randomUUID();
    const statusId = crypto.randomUUID();
    const leadId = crypto.randomUUID();
    await mutate(maya.db, 'create_pipeline', {
      id: pipelineId,
      name: 'Offline pipeline',
      statuses: [{ id: statusId, name: 'Inbox' }],
    });
    await mutate(maya.db, 'create_lead', {
      id: leadId,
      full_name: 'Queued',
      pipeline_id: pipelineId,
      status_id: statusId,
    });
    await expect(maya.sync()).rejects.toMatchObject({ offline: true });

    await maya.reload();
    expect(await maya.db.outbox.count()).toBe(2);
    expect(await maya.db.leads.get(leadId)).toMatchObject({ full_name: 'Queued' });
    maya.network.offline = false;
    await maya.sync();
    expect(await maya.db.outbox.count()).toBe(0);
    expect(await serverQuery('select name from pipelines where id = $1', [pipelineId])).toEqual([
      { name: 'Offline pipeline' },
    ]);
    expect(await serverQuery('select full_name from leads where id = $1', [leadId])).toEqual([
      { full_name: 'Queued' },
    ]);
    maya.close();
  });

  it('refuses pushes under a client id that belongs to another user', async () => {
    const ana = await Device.open(backend, 'ana');
    const maya = await Device.open(backend, 'maya');
    const anaClient = (await ana.db.meta.get('client_id'))?.value;
    // The first push claims the client id for its user.
    expect(
      (await ana.supabase.rpc('sync_push', { client_id: anaClient, mutations: [] })).error,
    ).toBeNull();
    const response = await maya.supabase.rpc('sync_push', {
      client_id: anaClient,
      mutations: [{ mutation_id: 1, name: 'delete_lead', args: { id: crypto.randomUUID() } }],
    });
    const { data, error } = response as { data: unknown; error: unknown };
    expect(error).toBeNull();
    expect(data).toEqual({
      results: [
        {
          mutation_id: 1,
          status: 'rejected',
          code: '42501',
          message: 'This client id belongs to another user',
        },
      ],
    });
    ana.close();
    maya.close();
  });
});
