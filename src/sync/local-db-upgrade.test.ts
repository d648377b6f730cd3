import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { localDbName, openLocalDb } from './local-db.ts';
import { pendingRowIds } from './pending.ts';
import { columnLeads } from './read-models/column-query.ts';
import { leadRow } from './testing/rows.ts';

// Version 2's stores, as released (local-db.ts VERSIONS 1 and 2).
const V2 = {
  leads: 'id, [pipeline_id+status_id+position], pipeline_id, status_id, assigned_to, updated_at',
  pipelines: 'id, display_order',
  pipeline_statuses: 'id, pipeline_id, [pipeline_id+display_order]',
  profiles: 'id',
  lead_status_history: 'id, lead_id, [lead_id+changed_at]',
  outbox: 'mutation_id, state, *touched',
  rejected: 'mutation_id, rejected_at',
  base: '[table+id], table, row.lead_id',
  meta: 'key',
};

describe('local store upgrade to version 3', () => {
  it('keeps the queue, keeps base only for pending rows, and counts every column', async () => {
    const userId = crypto.randomUUID();
    const old = new Dexie(localDbName(userId));
    old.version(2).stores(V2);
    const moved = leadRow({
      full_name: 'Moved',
      pipeline_id: 'p',
      status_id: 's2',
      estimated_premium: 5,
    });
    const still = leadRow({
      full_name: 'Still',
      pipeline_id: 'p',
      status_id: 's1',
      estimated_premium: 7,
    });
    const created = leadRow({ full_name: 'New', pipeline_id: 'p', status_id: 's1' });
    await old.table('leads').bulkPut([moved, still, created]);
    await old.table('base').bulkPut([
      { table: 'leads', id: moved.id, row: { ...moved, status_id: 's1' } },
      { table: 'leads', id: still.id, row: still },
    ]);
    const queued = [
      {
        mutation_id: 1,
        client_id: 'c',
        name: 'move_lead',
        args: {},
        created_at: '',
        state: 'pending',
        touched: [`leads:${moved.id}`],
      },
      {
        mutation_id: 2,
        client_id: 'c',
        name: 'create_lead',
        args: {},
        created_at: '',
        state: 'applied',
        touched: [`leads:${created.id}`],
      },
    ];
    await old.table('outbox').bulkPut(queued);
    old.close();

    const db = await openLocalDb(userId);
    expect(await db.outbox.toArray()).toEqual(queued);
    const base = await db.base.toArray();
    expect(base.map((b) => [b.id, b.row?.id ?? null]).sort()).toEqual(
      [
        [moved.id, moved.id],
        [created.id, null],
      ].sort(),
    );
    const aggregates = await db.lead_aggregates.orderBy('[pipeline_id+status_id]').toArray();
    expect(aggregates).toEqual([
      { pipeline_id: 'p', status_id: 's1', count: 2, premium_sum: 7 },
      { pipeline_id: 'p', status_id: 's2', count: 1, premium_sum: 5 },
    ]);
    db.close();
  });
});

// Version 3 adds lead_aggregates (local-db.ts VERSIONS 3).
const V3 = { ...V2, lead_aggregates: '[pipeline_id+status_id], pipeline_id' };

describe('local store upgrade to version 4', () => {
  it('adds an empty conflicts table and leaves the queue, replica, refusals and cursor alone', async () => {
    const userId = crypto.randomUUID();
    const old = new Dexie(localDbName(userId));
    old.version(3).stores(V3);
    const lead = leadRow({ full_name: 'Queued', pipeline_id: 'p', status_id: 's1' });
    const queued = {
      mutation_id: 4,
      client_id: 'c',
      name: 'update_lead',
      args: { id: lead.id, patch: { notes: 'offline' } },
      created_at: '2026-12-01T00:00:00.000Z',
      state: 'pending',
      touched: [`leads:${lead.id}`],
    };
    const refused = {
      mutation_id: 3,
      name: 'move_lead',
      args: {},
      code: 'P0002',
      message: 'gone',
      rejected_at: '2026-12-01T00:00:00.000Z',
    };
    await old.table('leads').put(lead);
    await old.table('base').put({ table: 'leads', id: lead.id, row: lead });
    await old.table('outbox').put(queued);
    await old.table('rejected').put(refused);
    await old.table('meta').put({ key: 'cursor', value: '1234' });
    old.close();

    const db = await openLocalDb(userId);
    expect(db.verno).toBeGreaterThanOrEqual(4);
    expect(await db.outbox.toArray()).toEqual([queued]);
    expect(await db.leads.toArray()).toEqual([lead]);
    expect(await db.base.count()).toBe(1);
    expect(await db.rejected.toArray()).toEqual([refused]);
    expect((await db.meta.get('cursor'))?.value).toBe('1234');
    expect(await db.conflicts.count()).toBe(0);
    // The new table takes notices and finds them by lead.
    await db.conflicts.put({
      id: `moved_elsewhere:${lead.id}:4`,
      kind: 'moved_elsewhere',
      lead_id: lead.id,
      lead_name: lead.full_name,
      message: 'Someone moved Queued to Won while you were offline.',
      mutation_id: 4,
      created_at: '2026-12-01T00:00:00.000Z',
      settles: null,
      dismissed_at: null,
    });
    expect(await db.conflicts.where('lead_id').equals(lead.id).count()).toBe(1);
    db.close();
  });
});

// Version 4 adds conflicts (local-db.ts VERSIONS 4).
const V4 = { ...V3, conflicts: 'id, lead_id, created_at, mutation_id' };

describe('local store upgrade to version 5', () => {
  it('drops the leads indexes nothing reads, keeps every row, and still finds a column', async () => {
    const userId = crypto.randomUUID();
    const old = new Dexie(localDbName(userId));
    old.version(4).stores(V4);
    const leads = ['s1', 's2', 's1'].map((status_id, i) =>
      leadRow({ full_name: `Lead ${i}`, pipeline_id: 'p', status_id, position: `a${i}` }),
    );
    await old.table('leads').bulkPut(leads);
    old.close();

    const db = await openLocalDb(userId);
    // Opened at the latest version, through version 5's change.
    expect(db.verno).toBeGreaterThanOrEqual(5);
    expect(db.leads.schema.indexes.map((i) => i.name).sort()).toEqual(
      ['[pipeline_id+status_id+position]', 'pipeline_id'].sort(),
    );
    expect((await db.leads.toArray()).length).toBe(3);
    const column = await columnLeads(db, 'p', 's1');
    expect(column.map((l) => l.full_name)).toEqual(['Lead 0', 'Lead 2']);
    expect(await db.leads.where('pipeline_id').equals('p').count()).toBe(3);
    db.close();
  });
});

// Version 5 drops three leads indexes (local-db.ts VERSIONS 5).
const V5 = { ...V4, leads: 'id, [pipeline_id+status_id+position], pipeline_id' };

describe('local store upgrade to version 6', () => {
  it('copies the queued rows of the queue it holds, which the pending markers then read', async () => {
    const userId = crypto.randomUUID();
    const old = new Dexie(localDbName(userId));
    old.version(5).stores(V5);
    const queued = [
      { mutation_id: 3, state: 'pending', touched: ['leads:a', 'lead_status_history:h1'] },
      { mutation_id: 4, state: 'applied', touched: ['leads:b'] },
      { mutation_id: 7, state: 'pending', touched: ['leads:a'] },
    ].map((e) => ({ ...e, client_id: 'c', name: 'move_lead', args: {}, created_at: '' }));
    await old.table('outbox').bulkPut(queued);
    old.close();

    const db = await openLocalDb(userId);
    expect(db.verno).toBeGreaterThanOrEqual(6);
    expect(await db.outbox.count()).toBe(3);
    expect(await db.queued_rows.toArray()).toEqual([
      { mutation_id: 3, row: 'lead_status_history:h1' },
      { mutation_id: 3, row: 'leads:a' },
      { mutation_id: 4, row: 'leads:b' },
      { mutation_id: 7, row: 'leads:a' },
    ]);
    expect([...(await pendingRowIds(db))].sort()).toEqual(['a', 'b', 'h1']);
    // Written on from here by the outbox's middleware: a confirmation takes its rows out.
    await db.outbox.bulkDelete([3, 4]);
    expect([...(await pendingRowIds(db))]).toEqual(['a']);
    db.close();
  });
});
