import { useCallback } from 'react';
import type { BoardModel } from '../../../sync/board-model/board-model.ts';
import type { LocalDb } from '../../../sync/local-db.ts';
import { mutate } from '../../../sync/mutate.ts';
import { positionBetween, positionForIndex } from '../../../sync/ordering.ts';
import { firstPositionInColumn } from '../../../sync/read-models/column-query.ts';
import type { Lead } from '../../../sync/types.ts';
import { inStatusSince, useRestoredSinceStore } from '../store/restored-since-store.ts';
import { useUndoStore } from '../store/undo-store.ts';
import { refusalErrors } from '../../../sync/form-errors.ts';

export type LeadActions = ReturnType<typeof useLeadActions>;

/** `lead` as a move shows it at once (move_lead's local apply stamps the same fields). */
function movedLead(lead: Lead, statusId: string, position: string, since?: string): Lead {
  const now = new Date().toISOString();
  const changesStatus = statusId !== lead.status_id;
  return {
    ...lead,
    status_id: statusId,
    position,
    updated_at: now,
    status_changed_at: changesStatus ? (since ?? now) : lead.status_changed_at,
  };
}

/**
 * Every board write goes through the sync layer's mutate (validated, applied locally and queued
 * in one transaction), so it survives reloads and works offline. A move is shown by the board
 * model in the same frame (the drag library needs the drop rendered synchronously) and
 * persisted behind it; if mutate throws, the model shows the stored row again.
 */
export function useLeadActions(db: LocalDb, userId: string, model: BoardModel | null = null) {
  const pushUndo = useUndoStore((s) => s.push);
  const popUndo = useUndoStore((s) => s.pop);
  const restoreSince = useRestoredSinceStore((s) => s.restore);
  const forgetSince = useRestoredSinceStore((s) => s.forget);

  /** Moves `lead` to `position` in `statusId` and remembers where it came from for Ctrl/Cmd+Z. */
  const moveAndRemember = useCallback(
    async (lead: Lead, statusId: string, position: string) => {
      // Read before the move: the time shown may be one an earlier undo restored.
      const since = inStatusSince(lead, useRestoredSinceStore.getState().byLead[lead.id]);
      const settle = model?.applyOptimistic(movedLead(lead, statusId, position));
      try {
        await mutate(db, 'move_lead', {
          id: lead.id,
          pipeline_id: lead.pipeline_id,
          status_id: statusId,
          position,
        });
      } finally {
        settle?.();
      }
      pushUndo({
        leadId: lead.id,
        leadName: lead.full_name,
        pipelineId: lead.pipeline_id,
        fromStatusId: lead.status_id,
        fromPosition: lead.position,
        fromStatusSince: since,
        toStatusId: statusId,
      });
      if (statusId !== lead.status_id) forgetSince(lead.id);
    },
    [db, model, pushUndo, forgetSince],
  );

  /**
   * Puts `lead` at `index` of `destination` (the column as shown, in board order). The key is
   * computed between the shown neighbours, so the card lands exactly where it was dropped.
   */
  const moveLead = useCallback(
    (lead: Lead, statusId: string, index: number, destination: readonly Lead[]) => {
      const others = destination.filter((l) => l.id !== lead.id);
      return moveAndRemember(lead, statusId, positionForIndex(others, index));
    },
    [moveAndRemember],
  );

  /** "Move to…": the top of the chosen column, where the agent will look for it. */
  const moveToStatus = useCallback(
    async (lead: Lead, statusId: string) => {
      const shown = model?.getSnapshot();
      // The model's column starts with the first card (the first screenful always holds it).
      const first = shown?.ready
        ? (shown.columns.find((c) => c.status.id === statusId)?.leads[0]?.position ?? null)
        : await firstPositionInColumn(db, lead.pipeline_id, statusId);
      await moveAndRemember(lead, statusId, positionBetween(null, first));
    },
    [db, model, moveAndRemember],
  );

  /**
   * Undo is itself a move back (a new mutation), so it also works offline. The lead gets back
   * its place and its time in status: the local row is stamped with the old time (the queued
   * mutation re-applies on every rebase with a fresh stamp, hence the restored-since store too).
   */
  const undoLastMove = useCallback(async () => {
    const last = popUndo();
    if (!last) return null;
    const before = model?.getLead(last.leadId) ?? (await db.leads.get(last.leadId));
    const settle =
      before &&
      model?.applyOptimistic(
        movedLead(before, last.fromStatusId, last.fromPosition, last.fromStatusSince),
      );
    try {
      await mutate(db, 'move_lead', {
        id: last.leadId,
        pipeline_id: last.pipelineId,
        status_id: last.fromStatusId,
        position: last.fromPosition,
      });
      if (before && before.status_id !== last.fromStatusId) {
        restoreSince(last.leadId, {
          statusId: last.fromStatusId,
          since: last.fromStatusSince,
          at: Date.now(),
        });
        await db.leads.update(last.leadId, { status_changed_at: last.fromStatusSince });
      }
    } finally {
      if (settle) settle();
    }
    return last;
  }, [db, model, popUndo, restoreSince]);

  /** New lead at the top of a column; resolves to field errors, or null when it was added. */
  const quickAdd = useCallback(
    async (
      pipelineId: string,
      statusId: string,
      values: { full_name: string; product: string },
    ) => {
      try {
        const first = await firstPositionInColumn(db, pipelineId, statusId);
        await mutate(db, 'create_lead', {
          id: crypto.randomUUID(),
          full_name: values.full_name,
          // The schema refuses unknown products with a readable message.
          product: values.product as Lead['product'],
          assigned_to: userId,
          pipeline_id: pipelineId,
          status_id: statusId,
          position: positionBetween(null, first),
        });
        return null;
      } catch (error) {
        return refusalErrors(error);
      }
    },
    [db, userId],
  );

  return { moveLead, moveToStatus, undoLastMove, quickAdd };
}
