import { renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createBoardModel } from '../../../sync/board-model/board-model.ts';
import { openLocalDb, type LocalDb } from '../../../sync/local-db.ts';
import { modelState, seedPipeline } from '../../../sync/testing/board-fixture.ts';
import { useBoardColumns } from './use-board-columns.ts';

let db: LocalDb | undefined;
afterEach(() => db?.close());

describe('useBoardColumns', () => {
  it('keeps the column objects a move does not touch, so those columns do not re-render', async () => {
    db = await openLocalDb(crypto.randomUUID());
    const { pipelineId, statuses, leads } = await seedPipeline(db, 30);
    const model = createBoardModel(db, pipelineId);
    const stop = model.start();
    const before = await modelState(model, (s) => s.complete);
    const { result, rerender } = renderHook(({ snapshot }) => useBoardColumns(snapshot, 'u1'), {
      initialProps: { snapshot: before },
    });
    const [a, b, c] = result.current ?? [];

    // A lead of the first column moves to the second.
    const lead = leads.find((l) => l.status_id === statuses[0]?.id);
    if (!lead) throw new Error('no lead in the first column');
    model.applyOptimistic({ ...lead, status_id: statuses[1]?.id ?? '', position: '0' });
    rerender({ snapshot: model.getSnapshot() });
    stop();

    const [a2, b2, c2] = result.current ?? [];
    expect(a2).not.toBe(a);
    expect(b2).not.toBe(b);
    expect(a2?.count).toBe((a?.count ?? 0) - 1);
    expect(b2?.leads[0]?.id).toBe(lead.id);
    expect(c2).toBe(c);
  });
});
