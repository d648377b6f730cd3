import { afterEach, describe, expect, it, vi } from 'vitest';
import { openLocalDb, type LocalDb } from '../local-db.ts';
import { mutate } from '../mutate.ts';
import { modelState, seedPipeline } from '../testing/board-fixture.ts';
import { createBoardModel, FIRST_SCREENFUL, type BoardSnapshot } from './board-model.ts';

let db: LocalDb | undefined;
let otherTab: LocalDb | undefined;
afterEach(() => {
  db?.close();
  otherTab?.close();
});

/** This tab's store and another tab's on the same database, a seeded pipeline and its model. */
async function twoTabsOnePipeline(leadCount: number) {
  const name = crypto.randomUUID();
  db = await openLocalDb(name);
  otherTab = await openLocalDb(name);
  const here = db;
  const other = otherTab;
  const seeded = await seedPipeline(here, leadCount);
  return { ...seeded, here, other, model: createBoardModel(here, seeded.pipelineId) };
}

const columnIds = (s: BoardSnapshot, statusId: string) =>
  s.columns.find((c) => c.status.id === statusId)?.leads.map((l) => l.id) ?? [];

describe('the board model', () => {
  it('paints a first screenful per column with exact figures, then holds every lead', async () => {
    db = await openLocalDb(crypto.randomUUID());
    const { pipelineId, statuses, leads } = await seedPipeline(db, 300);
    const model = createBoardModel(db, pipelineId);
    const seen: BoardSnapshot[] = [];
    model.subscribe(() => seen.push(model.getSnapshot()));
    const stop = model.start();
    const done = await modelState(model, (s) => s.complete);
    stop();

    const first = seen.find((s) => s.ready);
    expect(first?.complete).toBe(false);
    for (const column of first?.columns ?? []) {
      expect(column.leads.length).toBe(FIRST_SCREENFUL);
      expect(column.summary.count).toBe(100);
    }
    const inFirst = leads.filter((l) => l.status_id === statuses[0]?.id);
    expect(first?.columns[0]?.summary.premiumSum).toBe(
      inFirst.reduce((sum, l) => sum + (l.estimated_premium ?? 0), 0),
    );
    expect(columnIds(done, statuses[0]?.id ?? '')).toEqual(inFirst.map((l) => l.id));
  });

  it('shows a move in the same call, keeps it once written, and reverts a failed one', async () => {
    db = await openLocalDb(crypto.randomUUID());
    const { pipelineId, statuses, leads } = await seedPipeline(db, 30);
    const [s0, s1] = [statuses[0]?.id ?? '', statuses[1]?.id ?? ''];
    const model = createBoardModel(db, pipelineId);
    const stop = model.start();
    await modelState(model, (s) => s.complete);
    const lead = leads[0];
    if (!lead) throw new Error('no lead');

    const settle = model.applyOptimistic({ ...lead, status_id: s1, position: '0' });
    const now = model.getSnapshot();
    expect(columnIds(now, s1)[0]).toBe(lead.id);
    expect(columnIds(now, s0)).not.toContain(lead.id);
    expect(now.columns.map((c) => c.summary.count)).toEqual([9, 11, 10]);
    await mutate(db, 'move_lead', {
      id: lead.id,
      pipeline_id: pipelineId,
      status_id: s1,
      position: '0',
    });
    settle();
    const kept = await modelState(
      model,
      () => model.getLead(lead.id)?.updated_at !== lead.updated_at,
    );
    expect(columnIds(kept, s1)[0]).toBe(lead.id);
    expect(kept.columns.map((c) => c.summary.count)).toEqual([9, 11, 10]);

    // A move whose write never happens (mutate threw): the model shows the stored row again.
    const failed = model.applyOptimistic({ ...lead, status_id: s0, position: '0' });
    expect(columnIds(model.getSnapshot(), s0)[0]).toBe(lead.id);
    failed();
    const reverted = await modelState(model, (s) => columnIds(s, s1)[0] === lead.id);
    expect(columnIds(reverted, s0)).not.toContain(lead.id);
    expect(reverted.columns.map((c) => c.summary.count)).toEqual([9, 11, 10]);
    stop();
  });

  it('follows changes written by another tab, from their keys alone', async () => {
    const { pipelineId, statuses, leads, model, other } = await twoTabsOnePipeline(30);
    const stop = model.start();
    await modelState(model, (s) => s.complete);
    const lead = leads[1];
    if (!lead) throw new Error('no lead');
    const s2 = statuses[2]?.id ?? '';
    await mutate(other, 'move_lead', {
      id: lead.id,
      pipeline_id: pipelineId,
      status_id: s2,
      position: 'a',
    });
    const moved = await modelState(model, (s) => columnIds(s, s2)[0] === lead.id);
    expect(moved.columns.map((c) => c.summary.count)).toEqual([10, 9, 11]);
    stop();
  });

  it('holds its snapshot during a drag and publishes what arrived meanwhile at the release', async () => {
    const { pipelineId, statuses, leads, model, other } = await twoTabsOnePipeline(30);
    const stop = model.start();
    const before = await modelState(model, (s) => s.complete);
    let published = 0;
    model.subscribe(() => published++);
    const lead = leads[1];
    if (!lead) throw new Error('no lead');
    const s2 = statuses[2]?.id ?? '';

    const releaseDrag = model.hold();
    const releaseOther = model.hold();
    await mutate(other, 'move_lead', {
      id: lead.id,
      pipeline_id: pipelineId,
      status_id: s2,
      position: 'a',
    });
    // The model has the change (the lookup by id answers with it)...
    await vi.waitFor(() => expect(model.getLead(lead.id)?.status_id).toBe(s2));
    // ...but the lists the drag indexes into are the ones it started with.
    expect(model.getSnapshot()).toBe(before);
    expect(published).toBe(0);

    releaseDrag();
    releaseDrag();
    expect(model.getSnapshot()).toBe(before);
    releaseOther();
    expect(published).toBe(1);
    const after = model.getSnapshot();
    expect(columnIds(after, s2)[0]).toBe(lead.id);
    expect(after.columns.map((c) => c.summary.count)).toEqual([10, 9, 11]);

    // Nothing held, nothing changed: a release publishes nothing.
    model.hold()();
    expect(published).toBe(1);
    stop();
  });

  it('patches a bulk write of hundreds of leads in place, to what a fresh load shows', async () => {
    const { pipelineId, statuses, leads, model, here, other } = await twoTabsOnePipeline(600);
    const seen: BoardSnapshot[] = [];
    model.subscribe(() => seen.push(model.getSnapshot()));
    const stop = model.start();
    await modelState(model, (s) => s.complete);
    const loaded = seen.length;

    // What a pull page does: one bulkPut of 300 rows (Dexie reports 50 or more as "the whole
    // table changed"): moves across columns, new positions, leads leaving the pipeline.
    const changed = leads.slice(0, 300).map((lead, i) => ({
      ...lead,
      status_id: statuses[i % 3]?.id ?? '',
      position: `m${String(299 - i).padStart(3, '0')}`,
      pipeline_id: i % 10 === 0 ? crypto.randomUUID() : lead.pipeline_id,
    }));
    await other.leads.bulkPut(changed);
    await other.leads.bulkDelete(leads.slice(300, 360).map((l) => l.id));
    const last = changed[changed.length - 1];
    const patched = await modelState(
      model,
      (s) =>
        s.complete &&
        columnIds(s, last?.status_id ?? '').includes(last?.id ?? '') &&
        s.columns.reduce((n, c) => n + c.summary.count, 0) === 600 - 30 - 60,
    );
    stop();
    // Patched, never reloaded: no snapshot after the first complete one went back to loading.
    expect(seen.slice(loaded).every((s) => s.ready && s.complete)).toBe(true);

    const fresh = createBoardModel(here, pipelineId);
    const stopFresh = fresh.start();
    const reloaded = await modelState(fresh, (s) => s.complete);
    stopFresh();
    const view = (s: BoardSnapshot) =>
      s.columns.map((c) => ({ id: c.status.id, leads: c.leads.map((l) => l.id), ...c.summary }));
    expect(view(patched)).toEqual(view(reloaded));
  });
});
