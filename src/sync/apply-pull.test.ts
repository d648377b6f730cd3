import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyPullPage } from './apply-pull.ts';
import type { LocalDb } from './local-db.ts';
import { openLocalDb } from './local-db.ts';
import { mutate } from './mutate.ts';
import type { PullPage } from './sync-api.ts';
import { leadRow, statusRow } from './testing/rows.ts';
import type { Lead, PipelineStatus } from './types.ts';

const P = '10000000-0000-4000-8000-000000000001';
const S1 = '20000000-0000-4000-8000-000000000001';
const S2 = '20000000-0000-4000-8000-000000000002';
const L = '30000000-0000-4000-8000-000000000001';
const T = '2025-06-01T10:00:00+00:00';

function status(id: string, order: number): PipelineStatus {
  return statusRow({ id, pipeline_id: P, name: `S${order}`, display_order: order }, T);
}

const lead: Lead = leadRow({ id: L, full_name: 'Jane', pipeline_id: P, status_id: S1 }, T);

function page(partial: Partial<PullPage>): PullPage {
  return {
    rows: {},
    tombstones: [],
    mutations: [],
    has_more: false,
    page: null,
    next_cursor: '100',
    progress: { done: 0, total: 0 },
    reset: false,
    ...partial,
  };
}

let db: LocalDb;
beforeEach(async () => {
  db = await openLocalDb(crypto.randomUUID());
  await applyPullPage(
    db,
    page({
      rows: {
        pipelines: [
          {
            id: P,
            name: 'Sales',
            description: null,
            is_default: true,
            display_order: 1,
            created_at: T,
            updated_at: T,
          },
        ],
        pipeline_statuses: [status(S1, 1), status(S2, 2)],
        leads: [lead],
      },
    }),
  );
});
afterEach(() => db.close());

describe('applyPullPage and the rebase', () => {
  it('keeps a queued move in place while pulled edits to the same lead show through', async () => {
    const { mutation_id } = await mutate(db, 'move_lead', {
      id: L,
      pipeline_id: P,
      status_id: S2,
      position: 'b00',
    });
    await applyPullPage(db, page({ rows: { leads: [{ ...lead, notes: 'from the server' }] } }));
    expect(await db.leads.get(L)).toMatchObject({
      status_id: S2,
      position: 'b00',
      notes: 'from the server',
    });
    expect((await db.meta.get('cursor'))?.value).toBe('100');

    // The pull that contains the move's effect confirms it and takes it out of the queue.
    await applyPullPage(
      db,
      page({
        rows: { leads: [{ ...lead, status_id: S2, position: 'b00', notes: 'from the server' }] },
        mutations: [{ mutation_id, status: 'applied', code: null, message: null }],
      }),
    );
    expect(await db.outbox.count()).toBe(0);
    expect(await db.leads.get(L)).toMatchObject({ status_id: S2, position: 'b00' });
  });

  it('rolls a refused change back to the server row and records the refusal', async () => {
    const { mutation_id } = await mutate(db, 'update_lead', {
      id: L,
      patch: { full_name: 'Janet' },
    });
    await mutate(db, 'update_lead', { id: L, patch: { notes: 'kept' } });
    await applyPullPage(
      db,
      page({ mutations: [{ mutation_id, status: 'rejected', code: '42501', message: 'No' }] }),
    );
    expect(await db.leads.get(L)).toMatchObject({ full_name: 'Jane', notes: 'kept' });
    expect(await db.rejected.toArray()).toMatchObject([
      { mutation_id, code: '42501', message: 'No' },
    ]);
    expect(await db.outbox.count()).toBe(1);
  });

  it('removes a tombstoned lead with its history', async () => {
    await applyPullPage(
      db,
      page({
        rows: {
          lead_status_history: [
            {
              id: '40000000-0000-4000-8000-000000000001',
              lead_id: L,
              from_status_id: null,
              to_status_id: S1,
              from_status_name: null,
              to_status_name: 'S1',
              changed_by: null,
              lost_reason: null,
              changed_at: T,
            },
          ],
        },
      }),
    );
    expect(await db.lead_status_history.count()).toBe(1);
    await applyPullPage(db, page({ tombstones: [{ table: 'leads', id: L }] }));
    expect(await db.leads.get(L)).toBeUndefined();
    expect(await db.lead_status_history.count()).toBe(0);
    // Nothing is queued, so no row keeps a second (base) copy.
    expect(await db.base.count()).toBe(0);
  });
});
