import { describe, expect, it } from 'vitest';
import { leadRow } from '../../../sync/testing/rows.ts';
import type { Lead } from '../../../sync/types.ts';
import {
  dropGap,
  inBoardOrder,
  keysInGap,
  planBulkMove,
  planBulkReassign,
  planUndo,
  topGap,
} from './bulk-moves.ts';

const T = '2026-01-01T00:00:00.000Z';
const P = '00000000-0000-4000-8000-00000000000a';
const S1 = '00000000-0000-4000-8000-000000000001';
const S2 = '00000000-0000-4000-8000-000000000002';
const LOST = '00000000-0000-4000-8000-000000000003';
const ANA = '00000000-0000-4000-8000-0000000000a1';
const BEN = '00000000-0000-4000-8000-0000000000b1';

function lead(n: number, statusId: string, position: string, patch: Partial<Lead> = {}): Lead {
  return leadRow(
    {
      id: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
      full_name: `Lead ${n}`,
      pipeline_id: P,
      status_id: statusId,
      position,
      ...patch,
    },
    T,
  );
}

// A fixed "random" keeps keys deterministic.
const fixed = () => 0.5;

describe('bulk move plans', () => {
  const l1 = lead(1, S1, 'a1');
  const l2 = lead(2, S1, 'a2');
  const l3 = lead(3, S2, 'a1');
  const l4 = lead(4, S2, 'a3');
  const l5 = lead(5, S2, 'a5');

  it('orders a selection as the board shows it: by column, then by position', () => {
    expect(inBoardOrder([l4, l2, l3, l1], [S1, S2]).map((l) => l.id)).toEqual(
      [l1, l2, l3, l4].map((l) => l.id),
    );
  });

  it('finds the gap of a drop between the nearest cards that are not moving', () => {
    const column = [l3, l4, l5];
    // Drag l1 (from another column) to index 1 of S2 while l4 rides along: between l3 and l5.
    expect(dropGap(column, 1, l1.id, new Set([l1.id, l4.id]))).toEqual({
      before: 'a1',
      after: 'a5',
    });
    // Dragging l3 within its column (the library's index leaves the dragged card out).
    expect(dropGap(column, 2, l3.id, new Set([l3.id]))).toEqual({ before: 'a5', after: null });
    expect(dropGap(column, 0, l5.id, new Set([l5.id, l3.id]))).toEqual({
      before: null,
      after: 'a3',
    });
    expect(topGap(column, new Set([l3.id]))).toEqual({ before: null, after: 'a3' });
  });

  it('makes ascending keys inside the gap, one per lead', () => {
    const keys = keysInGap({ before: 'a1', after: 'a2' }, 3, fixed);
    expect(keys).toHaveLength(3);
    expect([...keys].sort()).toEqual(keys);
    expect(keys.every((k) => k > 'a1' && k < 'a2')).toBe(true);
  });

  it('plans moves, the optimistic rows and one undo step with every lead', () => {
    const plan = planBulkMove([l1, l2], LOST, { before: null, after: 'a1' }, 'Too pricey', fixed);
    expect(plan.calls.map((c) => c.name)).toEqual(['move_lead', 'move_lead']);
    expect(plan.calls[0]?.input).toMatchObject({
      id: l1.id,
      status_id: LOST,
      lost_reason: 'Too pricey',
    });
    expect(plan.shown.map((l) => [l.status_id, l.lost_reason])).toEqual([
      [LOST, 'Too pricey'],
      [LOST, 'Too pricey'],
    ]);
    const [first, second] = plan.shown;
    expect(first && second && first.position < second.position).toBe(true);
    expect(plan.undo.moves.map((m) => [m.leadId, m.fromStatusId, m.fromPosition])).toEqual([
      [l1.id, S1, 'a1'],
      [l2.id, S1, 'a2'],
    ]);
  });

  it('undoes a bulk move with each lead’s place, time in status and lost reason', () => {
    const since = '2025-12-01T10:00:00.000Z';
    const lost = lead(6, LOST, 'a1', { lost_reason: 'Moved away', status_changed_at: since });
    const plan = planBulkMove([lost, l2], S2, { before: null, after: null }, null, fixed);
    const moved = new Map(plan.shown.map((l) => [l.id, l]));
    const undo = planUndo(plan.undo, (id) => moved.get(id));
    expect(undo.calls).toEqual([
      {
        name: 'move_lead',
        input: {
          id: lost.id,
          pipeline_id: P,
          status_id: LOST,
          position: 'a1',
          restore_status_changed_at: since,
          lost_reason: 'Moved away',
        },
      },
      {
        name: 'move_lead',
        input: {
          id: l2.id,
          pipeline_id: P,
          status_id: S1,
          position: 'a2',
          restore_status_changed_at: l2.status_changed_at,
        },
      },
    ]);
    expect(undo.shown.map((l) => [l.status_id, l.status_changed_at, l.lost_reason])).toEqual([
      [LOST, since, 'Moved away'],
      [S1, l2.status_changed_at, null],
    ]);
    // A lead gone from the device (deleted, reassigned away) has nothing to put back.
    expect(planUndo(plan.undo, (id) => (id === l2.id ? moved.get(id) : undefined)).calls).toEqual([
      undo.calls[1],
    ]);
  });

  it('plans a reassignment and its undo, leaving leads already with that agent alone', () => {
    const mine = lead(7, S1, 'a1', { assigned_to: ANA });
    const pool = lead(8, S1, 'a2', { assigned_to: null });
    const bens = lead(9, S1, 'a3', { assigned_to: BEN });
    const plan = planBulkReassign([mine, pool, bens], BEN);
    expect(plan.calls).toEqual([
      { name: 'update_lead', input: { id: mine.id, patch: { assigned_to: BEN } } },
      { name: 'update_lead', input: { id: pool.id, patch: { assigned_to: BEN } } },
    ]);
    expect(plan.shown.map((l) => l.assigned_to)).toEqual([BEN, BEN]);
    const shown = new Map(plan.shown.map((l) => [l.id, l]));
    expect(planUndo(plan.undo, (id) => shown.get(id)).calls).toEqual([
      { name: 'update_lead', input: { id: mine.id, patch: { assigned_to: ANA } } },
      { name: 'update_lead', input: { id: pool.id, patch: { assigned_to: null } } },
    ]);
  });
});
