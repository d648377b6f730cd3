import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LocalDb } from './local-db.ts';
import { openLocalDb } from './local-db.ts';
import { mutate } from './mutate.ts';
import { columnLeads } from './read-models/column-query.ts';
import { pendingRowIds } from './pending.ts';
import { MutationValidationError } from './validation-error.ts';

const P1 = '10000000-0000-4000-8000-000000000001';
const P2 = '10000000-0000-4000-8000-000000000002';
const S_NEW = '20000000-0000-4000-8000-000000000001';
const S_WON = '20000000-0000-4000-8000-000000000002';
const S2_OPEN = '20000000-0000-4000-8000-000000000003';
const L1 = '30000000-0000-4000-8000-000000000001';
const L2 = '30000000-0000-4000-8000-000000000002';

let db: LocalDb;

beforeEach(async () => {
  db = await openLocalDb(crypto.randomUUID());
  await mutate(db, 'create_pipeline', {
    id: P1,
    name: '  Sales  ',
    statuses: [
      { id: S_NEW, name: 'New' },
      { id: S_WON, name: 'Won', is_final: true, color_hex: '#16a34a' },
    ],
  });
});

afterEach(() => {
  db.close();
});

async function validationError(p: Promise<unknown>): Promise<MutationValidationError> {
  const error: unknown = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(MutationValidationError);
  return error as MutationValidationError;
}

describe('mutate', () => {
  it('applies locally and queues in the outbox together, with increasing ids', async () => {
    const r = await mutate(db, 'create_lead', {
      id: L1,
      full_name: ' Jane Doe ',
      email: '',
      pipeline_id: P1,
      status_id: S_NEW,
    });
    const lead = await db.leads.get(L1);
    expect(lead).toMatchObject({ full_name: 'Jane Doe', email: null, product: 'auto' });
    expect(lead?.position).toMatch(/^[0-9A-Za-z]+$/);
    const outbox = await db.outbox.toArray();
    expect(outbox.map((e) => [e.mutation_id, e.name])).toEqual([
      [1, 'create_pipeline'],
      [r.mutation_id, 'create_lead'],
    ]);
    expect(r.mutation_id).toBe(2);
    expect(await db.pipelines.get(P1)).toMatchObject({ name: 'Sales', is_default: true });
    const pending = await pendingRowIds(db);
    expect(pending.has(L1)).toBe(true);
    expect(pending.has(S_WON)).toBe(true);
  });

  it('writes nothing when validation fails, and names the field', async () => {
    const error = await validationError(
      mutate(db, 'create_lead', {
        id: L1,
        full_name: '',
        email: 'not-an-email',
        pipeline_id: P1,
        status_id: S_NEW,
      }),
    );
    expect(error.fieldErrors).toMatchObject({
      full_name: ['Full name is required'],
      email: ['Enter a valid email address'],
    });
    expect(await db.leads.count()).toBe(0);
    expect(await db.outbox.count()).toBe(1);
  });

  it('refuses a status name already used in the pipeline, whatever its case', async () => {
    const error = await validationError(
      mutate(db, 'create_pipeline_status', {
        id: crypto.randomUUID(),
        pipeline_id: P1,
        name: 'won',
      }),
    );
    expect(error.fieldErrors['name']).toEqual(['This pipeline already has a status named "Won"']);
    await validationError(
      mutate(db, 'update_pipeline_status', { id: S_NEW, patch: { color_hex: 'red' } }),
    );
  });

  it('moves a lead as one unit and keeps column order', async () => {
    await mutate(db, 'create_lead', { id: L1, full_name: 'A', pipeline_id: P1, status_id: S_NEW });
    await mutate(db, 'create_lead', { id: L2, full_name: 'B', pipeline_id: P1, status_id: S_NEW });
    expect((await columnLeads(db, P1, S_NEW)).map((l) => l.id)).toEqual([L1, L2]);
    const first = (await db.leads.get(L1))?.position ?? '';
    await mutate(db, 'move_lead', { id: L2, pipeline_id: P1, status_id: S_NEW, position: 'Zz' });
    expect((await columnLeads(db, P1, S_NEW)).map((l) => l.id)).toEqual([L2, L1]);
    expect(first > 'Zz').toBe(true);
    await validationError(
      mutate(db, 'move_lead', { id: L2, pipeline_id: P2, status_id: S_NEW, position: 'a5' }),
    );
  });

  it('deletes a pipeline only with somewhere for its leads to go', async () => {
    await mutate(db, 'create_pipeline', {
      id: P2,
      name: 'Renewals',
      statuses: [{ id: S2_OPEN, name: 'Open' }],
    });
    await mutate(db, 'create_lead', {
      id: L1,
      full_name: 'A',
      pipeline_id: P2,
      status_id: S2_OPEN,
    });
    const noTarget = await validationError(mutate(db, 'delete_pipeline', { id: P2 }));
    expect(noTarget.fieldErrors['move_to']?.[0]).toMatch(/still has 1 lead/);
    await validationError(mutate(db, 'delete_pipeline', { id: P1 }));
    await mutate(db, 'delete_pipeline', {
      id: P2,
      move_to: { pipeline_id: P1, status_map: { [S2_OPEN]: S_WON } },
    });
    expect(await db.pipelines.get(P2)).toBeUndefined();
    expect(await db.pipeline_statuses.get(S2_OPEN)).toBeUndefined();
    expect(await db.leads.get(L1)).toMatchObject({ pipeline_id: P1, status_id: S_WON });
  });

  it('keeps queued mutations when the store is reopened', async () => {
    await mutate(db, 'update_pipeline', { id: P1, patch: { description: 'Main' } });
    const name = db.name;
    db.close();
    await db.open();
    expect(db.name).toBe(name);
    expect((await db.outbox.toArray()).map((e) => e.name)).toEqual([
      'create_pipeline',
      'update_pipeline',
    ]);
  });
});
