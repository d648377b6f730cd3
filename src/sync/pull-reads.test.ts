import { afterEach, describe, expect, it } from 'vitest';
import { applyPullPage } from './apply-pull.ts';
import { createBoardModel } from './board-model/board-model.ts';
import { aggregatesOf } from './lead-aggregates.ts';
import { openLocalDb, type LocalDb } from './local-db.ts';
import { mutate } from './mutate.ts';
import { modelState, pullPage, seedPipeline } from './testing/board-fixture.ts';
import { readCounter } from './testing/read-counter.ts';

let db: LocalDb | undefined;
afterEach(() => db?.close());

const LEADS = 3000;

describe('a pull with the board open', () => {
  it('reads only the rows it changes, never the whole pipeline, and keeps figures exact', async () => {
    const counter = readCounter();
    db = await openLocalDb(crypto.randomUUID(), { middlewares: [counter.middleware] });
    const { pipelineId, statuses, leads } = await seedPipeline(db, LEADS);
    const model = createBoardModel(db, pipelineId);
    const stop = model.start();
    await modelState(model, (s) => s.complete);

    // Three moves queued offline: those rows (and only those) keep a server copy in `base`.
    const moved = leads.slice(0, 3);
    for (const lead of moved) {
      await mutate(db, 'move_lead', {
        id: lead.id,
        pipeline_id: pipelineId,
        status_id: statuses[2]?.id ?? '',
        position: 'Zz',
      });
    }
    expect(await db.base.count()).toBe(3);

    counter.rows.clear();
    // The server changed 20 leads, one of them moved here meanwhile.
    const changed = leads.slice(2, 22).map((l) => ({ ...l, notes: 'from the server' }));
    await applyPullPage(db, pullPage({ rows: { leads: changed } }));
    const last = changed[changed.length - 1];
    await modelState(model, () => model.getLead(last?.id ?? '')?.notes === 'from the server');
    stop();

    const leadRowsRead = counter.rows.get('leads') ?? 0;
    // Each changed row is read a bounded number of times (the aggregates' before-image, the
    // model's patch, the replay of the one queued move): nothing near the pipeline's size.
    expect(leadRowsRead).toBeGreaterThan(0);
    expect(leadRowsRead).toBeLessThanOrEqual(changed.length * 3 + 10);
    expect(model.getLead(moved[2]?.id ?? '')).toMatchObject({
      status_id: statuses[2]?.id,
      notes: 'from the server',
    });

    // Figures kept on write agree with a count from scratch, and with the model's.
    const all = await db.leads.toArray();
    const stored = await db.lead_aggregates.toArray();
    expect(stored.sort(byStatus)).toEqual(aggregatesOf(all).sort(byStatus));
    const summaries = model.getSnapshot().columns.map((c) => [c.status.id, c.summary.count]);
    expect(summaries).toEqual(
      statuses.map((s) => [s.id, all.filter((l) => l.status_id === s.id).length]),
    );
  });
});

function byStatus(a: { status_id: string }, b: { status_id: string }): number {
  return a.status_id < b.status_id ? -1 : 1;
}
