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
  // 20 rows, and 200: from 50 values on, Dexie reports a bulk write as the whole table changed
  // (no keys), which used to send the board model back to reading the whole pipeline.
  it.each([20, 200])(
    'of %i rows reads only the rows it changes, never the whole pipeline, and keeps figures exact',
    async (size) => {
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
      // The server changed `size` leads, one of them moved here meanwhile.
      const changed = leads.slice(2, 2 + size).map((l) => ({ ...l, notes: 'from the server' }));
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
    },
  );
});

describe('a pull after a pushed queue', () => {
  it('replays nothing for rows only applied mutations touch, and replays an unsent one on top', async () => {
    const counter = readCounter();
    db = await openLocalDb(crypto.randomUUID(), { middlewares: [counter.middleware] });
    const { pipelineId, statuses, leads } = await seedPipeline(db, 1000);
    const to = statuses[1]?.id ?? '';
    const moved = leads.filter((l) => l.status_id !== to).slice(0, 200);
    for (const [i, lead] of moved.entries()) {
      await mutate(db, 'move_lead', {
        id: lead.id,
        pipeline_id: pipelineId,
        status_id: to,
        position: `b${String(i).padStart(4, '0')}`,
      });
    }
    // What push.ts does when sync_push answers "applied" for every one of them.
    const applied = (await db.outbox.toArray()).map((e) => e.mutation_id);
    await db.outbox.bulkUpdate(applied.map((key) => ({ key, changes: { state: 'applied' } })));
    // A move made after that push (unsent), on a lead the pull also brings.
    const again = moved[0];
    await mutate(db, 'move_lead', {
      id: again?.id ?? '',
      pipeline_id: pipelineId,
      status_id: statuses[2]?.id ?? '',
      position: 'Zz',
    });

    // The server's rows hold the applied moves (and a change of its own).
    const server = moved.map((l, i) => ({
      ...l,
      status_id: to,
      position: `b${String(i).padStart(4, '0')}`,
      notes: 'from the server',
    }));
    const pages = [server.slice(0, 100), server.slice(100)];
    for (const rows of pages) {
      counter.rows.clear();
      counter.keys.clear();
      await applyPullPage(
        db,
        pullPage({ rows: { leads: rows }, has_more: true, next_cursor: null }),
      );
      // From the queue: the unsent entry (which rows are unsent), then it and the applied move
      // on the same lead (replayed), plus the conflict check (src/sync/conflicts/), which reads
      // the entries and rows of the page's own leads that have queued changes, here every one:
      // linear in the page, never the whole queue or pipeline per page. (The queue's index keys,
      // one short string per queued row, say which rows are queued at all.)
      expect(counter.rows.get('outbox') ?? 0).toBeLessThanOrEqual(2 * rows.length + 3);
      expect(counter.rows.get('leads') ?? 0).toBeLessThanOrEqual(4 * rows.length + 10);
    }
    for (const row of server.slice(1)) {
      expect(await db.leads.get(row.id)).toEqual(row);
    }
    expect(await db.leads.get(again?.id ?? '')).toMatchObject({
      status_id: statuses[2]?.id,
      position: 'Zz',
      notes: 'from the server',
    });
    // Rows holding only applied changes are the server's again: only the unsent one keeps a base.
    expect(await db.base.count()).toBe(1);

    // The last page confirms the 200: they leave the queue; the unsent move and its base stay.
    counter.rows.clear();
    counter.keys.clear();
    await applyPullPage(
      db,
      pullPage({
        mutations: applied.map((id) => ({
          mutation_id: id,
          status: 'applied',
          code: null,
          message: null,
        })),
      }),
    );
    expect(counter.rows.get('outbox') ?? 0).toBeLessThanOrEqual(applied.length + 2);
    expect(await db.outbox.count()).toBe(1);
    expect(await db.base.count()).toBe(1);
    for (const row of server.slice(1)) {
      expect(await db.leads.get(row.id)).toEqual(row);
    }
    expect(await db.leads.get(again?.id ?? '')).toMatchObject({
      status_id: statuses[2]?.id,
      position: 'Zz',
      notes: 'from the server',
    });
    const all = await db.leads.toArray();
    const stored = await db.lead_aggregates.toArray();
    expect(stored.sort(byStatus)).toEqual(aggregatesOf(all).sort(byStatus));
  }, 30_000); // seeds 1,000 leads and queues 201 moves in fake-indexeddb: slow on a busy machine
});

function byStatus(a: { status_id: string }, b: { status_id: string }): number {
  return a.status_id < b.status_id ? -1 : 1;
}

describe("a pull of the user's own moves coming back", () => {
  it('compares nothing for history rows the user wrote: no queue entry or lead is read for them', async () => {
    const counter = readCounter();
    const userId = crypto.randomUUID();
    db = await openLocalDb(userId, { middlewares: [counter.middleware] });
    const { pipelineId, statuses, leads } = await seedPipeline(db, 300);
    const to = statuses[1]?.id ?? '';
    const moved = leads.filter((l) => l.status_id !== to).slice(0, 150);
    for (const lead of moved) {
      await mutate(db, 'move_lead', {
        id: lead.id,
        pipeline_id: pipelineId,
        status_id: to,
        position: 'Zz',
      });
    }
    // Pushed and applied, as after being offline: the history page brings the user's own moves.
    const applied = (await db.outbox.toArray()).map((e) => e.mutation_id);
    await db.outbox.bulkUpdate(applied.map((key) => ({ key, changes: { state: 'applied' } })));
    const history = moved.map((lead) => ({
      id: crypto.randomUUID(),
      lead_id: lead.id,
      from_status_id: lead.status_id,
      to_status_id: to,
      from_status_name: 'S0',
      to_status_name: 'S1',
      changed_by: userId,
      changed_at: new Date().toISOString(),
      lost_reason: null,
    }));

    counter.rows.clear();
    await applyPullPage(
      db,
      pullPage({ rows: { lead_status_history: history }, has_more: true, next_cursor: null }),
    );
    // Without the filter the conflict check read the 150 queued moves and their 150 leads.
    expect(counter.rows.get('outbox') ?? 0).toBe(0);
    expect(counter.rows.get('leads') ?? 0).toBe(0);
    expect(await db.lead_status_history.count()).toBe(150);
    expect(await db.conflicts.count()).toBe(0);
  });
});
