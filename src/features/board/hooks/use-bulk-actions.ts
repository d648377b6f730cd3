import { useCallback } from 'react';
import type { BoardModel } from '../../../sync/board-model/board-model.ts';
import type { LocalDb } from '../../../sync/local-db.ts';
import type { Lead } from '../../../sync/types.ts';
import { applyPlan } from '../lib/apply-plan.ts';
import { planBulkMove, planBulkReassign, type BulkPlan, type Gap } from '../lib/bulk-moves.ts';
import { useBulkLedger, type BulkBatch } from '../store/bulk-ledger-store.ts';
import { useUndoStore } from '../store/undo-store.ts';

/**
 * Bulk moves and reassignments: shown at once, queued together (one local transaction, so one
 * push request), one undo step, and remembered so a partial refusal can be named.
 */
export function useBulkActions(db: LocalDb, model: BoardModel | null) {
  const pushUndo = useUndoStore((s) => s.push);
  const remember = useBulkLedger((s) => s.remember);

  const run = useCallback(
    async (plan: BulkPlan, verb: BulkBatch['verb']) => {
      if (plan.calls.length === 0) return;
      const receipts = await applyPlan(db, model, plan);
      pushUndo(plan.undo);
      // The plan lists its calls in the order of its undo records: one lead each.
      const leads = [...plan.undo.moves, ...plan.undo.reassigns];
      remember(
        verb,
        new Map(receipts.map((r, i) => [r.mutation_id, leads[i]?.leadName ?? 'A lead'])),
      );
    },
    [db, model, pushUndo, remember],
  );

  /** `leads` in board order, into `statusId` inside `gap`, keeping their relative order. */
  const moveMany = useCallback(
    (leads: readonly Lead[], statusId: string, gap: Gap, lostReason: string | null = null) =>
      run(planBulkMove(leads, statusId, gap, lostReason), 'move'),
    [run],
  );

  /** Gives `leads` to `assignee` (null: the pool). */
  const reassignMany = useCallback(
    (leads: readonly Lead[], assignee: string | null) =>
      run(planBulkReassign(leads, assignee), 'reassignment'),
    [run],
  );

  return { moveMany, reassignMany };
}
