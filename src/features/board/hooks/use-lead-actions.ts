import { useCallback } from 'react';
import type { LocalDb } from '../../../sync/local-db.ts';
import { mutate } from '../../../sync/mutate.ts';
import { positionBetween, positionForIndex } from '../../../sync/ordering.ts';
import { firstPositionInColumn } from '../../../sync/read-models/column-query.ts';
import type { Lead } from '../../../sync/types.ts';
import { useUndoStore } from '../store/undo-store.ts';
import { refusalErrors } from '../../../sync/form-errors.ts';

export type LeadActions = ReturnType<typeof useLeadActions>;

/**
 * Every board write goes through the sync layer's mutate (validated, applied locally and queued
 * in one transaction), so it is instant, survives reloads and works offline.
 */
export function useLeadActions(db: LocalDb, userId: string) {
  const pushUndo = useUndoStore((s) => s.push);
  const popUndo = useUndoStore((s) => s.pop);

  /** Moves `lead` to `position` in `statusId` and remembers where it came from for Ctrl/Cmd+Z. */
  const moveAndRemember = useCallback(
    async (lead: Lead, statusId: string, position: string, lostReason?: string | null) => {
      await mutate(db, 'move_lead', {
        id: lead.id,
        pipeline_id: lead.pipeline_id,
        status_id: statusId,
        position,
        ...(lostReason ? { lost_reason: lostReason } : {}),
      });
      pushUndo({
        leadId: lead.id,
        leadName: lead.full_name,
        pipelineId: lead.pipeline_id,
        fromStatusId: lead.status_id,
        fromPosition: lead.position,
        fromStatusSince: lead.status_changed_at,
        fromLostReason: lead.lost_reason,
        toStatusId: statusId,
      });
    },
    [db, pushUndo],
  );

  /**
   * Puts `lead` at `index` of `destination` (the column as shown, in board order). The key is
   * computed between the shown neighbours, so the card lands exactly where it was dropped.
   */
  const moveLead = useCallback(
    (
      lead: Lead,
      statusId: string,
      index: number,
      destination: readonly Lead[],
      lostReason?: string | null,
    ) => {
      const others = destination.filter((l) => l.id !== lead.id);
      return moveAndRemember(lead, statusId, positionForIndex(others, index), lostReason);
    },
    [moveAndRemember],
  );

  /** "Move to…": the top of the chosen column, where the agent will look for it. */
  const moveToStatus = useCallback(
    async (lead: Lead, statusId: string, lostReason?: string | null) => {
      const first = await firstPositionInColumn(db, lead.pipeline_id, statusId);
      await moveAndRemember(lead, statusId, positionBetween(null, first), lostReason);
    },
    [db, moveAndRemember],
  );

  /**
   * Undo is itself a move back (a new mutation), so it also works offline. The lead gets back
   * its place and its time in status: the move says since when it had been there, which the
   * device shows at once and the server keeps when its own history agrees.
   */
  const undoLastMove = useCallback(async () => {
    const last = popUndo();
    if (!last) return null;
    await mutate(db, 'move_lead', {
      id: last.leadId,
      pipeline_id: last.pipelineId,
      status_id: last.fromStatusId,
      position: last.fromPosition,
      ...(last.toStatusId !== last.fromStatusId
        ? { restore_status_changed_at: last.fromStatusSince }
        : {}),
      // Back into a lost stage: with the reason it had there.
      ...(last.toStatusId !== last.fromStatusId && last.fromLostReason
        ? { lost_reason: last.fromLostReason }
        : {}),
    });
    return last;
  }, [db, popUndo]);

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
