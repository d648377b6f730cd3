import 'fake-indexeddb/auto';
import { afterAll, beforeAll, bench, describe } from 'vitest';
import { mutate } from '../../src/sync/mutate.ts';
import { openLocalDb, type LocalDb } from '../../src/sync/local-db.ts';
import { positionBetween } from '../../src/sync/ordering.ts';
import { makeLeads, makeStatuses, PIPELINE_ID } from './fixtures.ts';

// Target: a move is committed locally (validated, applied, queued in one transaction) fast enough
// to feel instant with 10,000 leads in the store. fake-indexeddb is slower than a browser's
// IndexedDB, so this is an upper bound.
const statuses = makeStatuses(6);
const leads = makeLeads(10_000, statuses);
let db: LocalDb;
let turn = 0;

beforeAll(async () => {
  db = await openLocalDb(`bench-${Date.now()}`);
  const now = new Date(0).toISOString();
  await db.pipelines.put({
    id: PIPELINE_ID,
    name: 'Bench',
    description: null,
    is_default: true,
    display_order: 1,
    created_at: now,
    updated_at: now,
  });
  await db.pipeline_statuses.bulkPut(statuses);
  await db.leads.bulkPut(leads);
});

afterAll(() => db.close());

describe('local store with 10,000 leads', () => {
  bench('move_lead: validate, apply and queue', async () => {
    const lead = leads[turn % leads.length];
    const target = statuses[(turn + 1) % statuses.length];
    turn += 1;
    if (!lead || !target) throw new Error('fixture');
    await mutate(db, 'move_lead', {
      id: lead.id,
      pipeline_id: PIPELINE_ID,
      status_id: target.id,
      position: positionBetween(null, null),
    });
  });

  bench('read one column in board order', async () => {
    const status = statuses[turn % statuses.length];
    if (!status) throw new Error('fixture');
    await db.leads
      .where('[pipeline_id+status_id+position]')
      .between([PIPELINE_ID, status.id, ''], [PIPELINE_ID, status.id, '\uffff'])
      .toArray();
  });
});
