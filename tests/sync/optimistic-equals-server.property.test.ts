import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalDb } from '../../src/sync/local-db.ts';
import { MUTATIONS, type MutationName } from '../../src/sync/mutations/registry.ts';
import { MutationValidationError } from '../../src/sync/validation-error.ts';
import { engineName } from '../server/support/test-backend.ts';
import { Device } from './support/device.ts';
import { mutationAction, perform, type MutationAction } from './support/mutation-actions.ts';
import type { SyncBackend } from './support/sync-backend.ts';
import { startSyncBackend } from './support/sync-backend.ts';

// Client and server agree, for every mutation: a manager's device applies a random mutation
// optimistically, then pushes and pulls; the rows it showed before the server answered must be
// exactly the rows the server's result gives. One device, so nothing else can explain a
// difference: any mismatch is the client's applyLocal and the SQL function disagreeing.
//
// Compared: leads, pipelines, statuses, every column except the clocks (created_at, updated_at,
// status_changed_at: the device stamps its own time, the server its own). Status history is
// written only by the server (a trigger), so it has no optimistic version to compare.

const TABLES = ['leads', 'pipelines', 'pipeline_statuses'] as const;
const CLOCKS = new Set(['created_at', 'updated_at', 'status_changed_at']);

async function snapshot(db: LocalDb): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of TABLES) {
    const rows = (await db.table(table).orderBy('id').toArray()) as Record<string, unknown>[];
    out[table] = rows.map((r) =>
      Object.fromEntries(Object.entries(r).filter(([k]) => !CLOCKS.has(k))),
    );
  }
  return out;
}

const applied = new Set<MutationName>();
let backend: SyncBackend;
beforeAll(async () => {
  backend = await startSyncBackend();
});
afterAll(() => backend.close());

async function run(actions: MutationAction[]): Promise<void> {
  const d = await Device.open(backend, 'maya');
  try {
    await d.sync();
    for (const action of actions) {
      let name: MutationName | null;
      try {
        name = await perform(d, action);
      } catch (error) {
        // Refused on the device before anything was queued (e.g. deleting the default pipeline).
        if (error instanceof MutationValidationError) continue;
        throw error;
      }
      if (!name) continue;
      const optimistic = await snapshot(d.db);
      await d.sync();
      const refused = await d.db.rejected.toArray();
      expect(refused, `the server refused ${name} that the device accepted`).toEqual([]);
      expect(await d.db.outbox.count()).toBe(0);
      expect(await snapshot(d.db), `${name}: optimistic rows = server rows`).toEqual(optimistic);
      applied.add(name);
    }
  } finally {
    d.close();
  }
}

// One run that calls each of the 14 mutations once, in an order where each has something to act on.
const everyMutation: MutationAction[] = [
  { name: 'create_pipeline', statuses: 3 },
  { name: 'create_pipeline_status', pipeline: 1 },
  { name: 'update_pipeline_status', pipeline: 1, status: 0, n: 1 },
  { name: 'reorder_pipeline_statuses', pipeline: 1, seed: 7 },
  { name: 'update_pipeline_status_forecast', pipeline: 1, status: 2, n: 0 },
  { name: 'create_lead', pipeline: 1, status: 0, n: 1 },
  { name: 'update_lead', lead: 0, field: 'estimated_premium', n: 2 },
  { name: 'move_lead', lead: 0, pipeline: 1, status: 2, slot: 0 },
  { name: 'update_pipeline_status_forecast', pipeline: 1, status: 0, n: 1 },
  { name: 'delete_pipeline_status', pipeline: 1, status: 2, target: 0 },
  { name: 'update_pipeline', pipeline: 1, n: 1 },
  { name: 'reorder_pipelines', seed: 3 },
  { name: 'set_default_pipeline', pipeline: 1 },
  { name: 'set_default_pipeline', pipeline: 1 },
  { name: 'delete_pipeline', pipeline: 1, target: 0 },
  { name: 'delete_lead', lead: 0 },
];

describe(`every mutation: optimistic rows equal the server's (${engineName})`, () => {
  it('for random sequences of all 14 mutations', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(mutationAction, { minLength: 3, maxLength: 12 }), (actions) =>
        run(actions),
      ),
      { numRuns: 10, endOnFailure: true, examples: [[everyMutation]] },
    );
    expect([...applied].sort()).toEqual(Object.keys(MUTATIONS).sort());
  });
});
