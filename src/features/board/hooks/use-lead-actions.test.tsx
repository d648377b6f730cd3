import { renderHook } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { compareByPosition } from '../../../sync/ordering.ts';
import {
  ANA,
  lead,
  pipeline,
  resetBoardStores,
  seedDb,
  status,
} from '../testing/board-fixtures.tsx';
import { useUndoStore } from '../store/undo-store.ts';
import { useLeadActions } from './use-lead-actions.ts';

const sales = pipeline({ name: 'Sales', is_default: true });
const fresh = status({ name: 'New', pipeline_id: sales.id });
const won = status({ name: 'Won', pipeline_id: sales.id, display_order: 2 });
const [a, b, c] = ['A', 'B', 'C'].map((name, i) =>
  lead({ full_name: name, pipeline_id: sales.id, status_id: fresh.id, position: `a${i + 1}` }),
) as [ReturnType<typeof lead>, ReturnType<typeof lead>, ReturnType<typeof lead>];

async function setup() {
  const db = await seedDb({ pipelines: [sales], statuses: [fresh, won], leads: [a, b, c] });
  const { result } = renderHook(() => useLeadActions(db, ANA.id));
  // The column as the board shows it: the stored leads in board order.
  const shown = async (statusId: string) =>
    (await db.leads.filter((l) => l.status_id === statusId).toArray()).sort(compareByPosition);
  const column = async (statusId: string) => (await shown(statusId)).map((l) => l.full_name);
  return { db, actions: result.current, column, shown };
}

describe('useLeadActions', () => {
  beforeEach(resetBoardStores);

  it('reorders within a column: the key falls between the new neighbours', async () => {
    const { actions, column, shown } = await setup();
    // Drag C (index 2) to index 0 of the same column.
    await actions.moveLead(c, fresh.id, 0, [a, b, c]);
    expect(await column(fresh.id)).toEqual(['C', 'A', 'B']);
    // Drag A to the end (index 2 once A is taken out), C now shown with its new key.
    await actions.moveLead(a, fresh.id, 2, await shown(fresh.id));
    expect(await column(fresh.id)).toEqual(['C', 'B', 'A']);
  });

  it('moves across columns to the dropped index and records the move for undo', async () => {
    const { db, actions, column } = await setup();
    await actions.moveLead(b, won.id, 0, []);
    expect(await column(won.id)).toEqual(['B']);
    expect(await column(fresh.id)).toEqual(['A', 'C']);
    expect(useUndoStore.getState().steps).toEqual([
      {
        moves: [
          expect.objectContaining({
            leadId: b.id,
            fromStatusId: fresh.id,
            fromPosition: 'a2',
            toStatusId: won.id,
          }),
        ],
        reassigns: [],
      },
    ]);
    const undone = await actions.undoLastMove();
    expect(undone?.moves[0]?.leadName).toBe('B');
    expect(await column(fresh.id)).toEqual(['A', 'B', 'C']);
    expect(await actions.undoLastMove()).toBeNull();
    expect(await db.outbox.count()).toBe(2);
  });

  it('puts "Move to…" and quick-added leads at the top of the column', async () => {
    const { actions, column } = await setup();
    await actions.moveToStatus(a, won.id);
    await actions.moveToStatus(c, won.id);
    expect(await column(won.id)).toEqual(['C', 'A']);
    expect(
      await actions.quickAdd(sales.id, won.id, { full_name: 'D', product: 'auto' }),
    ).toBeNull();
    expect(await column(won.id)).toEqual(['D', 'C', 'A']);
    const refused = await actions.quickAdd(sales.id, won.id, { full_name: 'E', product: 'boats' });
    expect(Object.keys(refused ?? {})).toEqual(['product']);
    expect(refused?.product).toMatch(/^Product must be one of/);
  });

  it('undo gives the lead back its time in status and asks the server to keep it', async () => {
    const { db, actions } = await setup();
    const weekAgo = '2026-01-05T09:30:00.123456+00:00'; // as PostgreSQL's JSON gives it
    await db.leads.update(b.id, { status_changed_at: weekAgo });
    const moved = await db.leads.get(b.id);
    if (!moved) throw new Error('seeded lead missing');
    await actions.moveToStatus(moved, won.id);
    expect((await db.leads.get(b.id))?.status_changed_at).not.toBe(weekAgo);

    await actions.undoLastMove();
    const back = await db.leads.get(b.id);
    expect(back?.status_id).toBe(fresh.id);
    // The local (optimistic) row says when it really entered New …
    expect(back?.status_changed_at).toBe(weekAgo);
    // … and so does the queued undo, which the server checks against its history.
    const queued = await db.outbox.orderBy('mutation_id').last();
    expect(queued?.args).toMatchObject({ status_id: fresh.id, restore_status_changed_at: weekAgo });
  });

  it('an undo within one column moves it back without claiming a time', async () => {
    const { db, actions } = await setup();
    await actions.moveLead(c, fresh.id, 0, [a, b, c]);
    await actions.undoLastMove();
    const queued = await db.outbox.orderBy('mutation_id').last();
    expect(queued?.args).not.toHaveProperty('restore_status_changed_at');
  });
});
