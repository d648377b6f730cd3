import { useCallback, useMemo } from 'react';
import type { BoardModel } from '../../../sync/board-model/board-model.ts';
import type { LocalDb } from '../../../sync/local-db.ts';
import { mutate } from '../../../sync/mutate.ts';
import { positionBetween, positionForIndexWithout } from '../../../sync/ordering.ts';
import { firstPositionInColumn } from '../../../sync/read-models/column-query.ts';
import type { Lead } from '../../../sync/types.ts';
import { useUndoStore } from '../store/undo-store.ts';
import { refusalErrors } from '../../../sync/form-errors.ts';
import { applyPlan } from '../lib/apply-plan.ts';
import { moveRecord, planUndo } from '../lib/bulk-moves.ts';
import { movedLead } from '../lib/moved-lead.ts';

export type LeadActions = ReturnType<typeof useLeadActions>;

/**
 * Every board write goes through the sync layer's mutate (validated, applied locally and queued
 * in one transaction), so it survives reloads and works offline. A move is shown by the board
 * model in the same frame (the drag library needs the drop rendered synchronously) and
 * persisted behind it; if mutate throws, the model shows the stored row again.
 */
export function useLeadActions(db: LocalDb, userId: string, model: BoardModel | null = null) {
  const pushUndo = useUndoStore((s) => s.push);
  const popUndo = useUndoStore((s) => s.pop);

  /** Moves `lead` to `position` in `statusId` and remembers where it came from for Ctrl/Cmd+Z. */
  const moveAndRemember = useCallback(
    async (lead: Lead, statusId: string, position: string, lostReason?: string | null) => {
      const reason = lostReason ? { lostReason } : {};
      const settle = model?.applyOptimistic(movedLead(lead, statusId, position, reason));
      try {
        await mutate(db, 'move_lead', {
          id: lead.id,
          pipeline_id: lead.pipeline_id,
          status_id: statusId,
          position,
          ...(lostReason ? { lost_reason: lostReason } : {}),
        });
      } finally {
        settle?.();
      }
      pushUndo({ moves: [moveRecord(lead, statusId)], reassigns: [] });
    },
    [db, model, pushUndo],
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
      const position = positionForIndexWithout(destination, lead, index);
      return moveAndRemember(lead, statusId, position, lostReason);
    },
    [moveAndRemember],
  );

  /** "Move to…": the top of the chosen column, where the agent will look for it. */
  const moveToStatus = useCallback(
    async (lead: Lead, statusId: string, lostReason?: string | null) => {
      const shown = model?.getSnapshot();
      // The model's column starts with the first card (the first screenful always holds it).
      const first = shown?.ready
        ? (shown.columns.find((c) => c.status.id === statusId)?.leads[0]?.position ?? null)
        : await firstPositionInColumn(db, lead.pipeline_id, statusId);
      await moveAndRemember(lead, statusId, positionBetween(null, first), lostReason);
    },
    [db, model, moveAndRemember],
  );

  /**
   * Undo is itself a move back (new mutations), so it also works offline. Each lead of the step
   * gets back its place and its time in status (the move says since when it had been there,
   * which the device shows at once and the server keeps when its own history agrees), or its
   * previous assignee. A bulk step is undone as one: its mutations are queued together.
   */
  const undoLastMove = useCallback(async () => {
    const last = popUndo();
    if (!last) return null;
    const current = new Map<string, Lead>();
    for (const { leadId } of [...last.moves, ...last.reassigns]) {
      const lead = model?.getLead(leadId) ?? (await db.leads.get(leadId));
      if (lead) current.set(leadId, lead);
    }
    await applyPlan(
      db,
      model,
      planUndo(last, (id) => current.get(id)),
    );
    return last;
  }, [db, model, popUndo]);

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

  // One object for as long as its functions are the same (the board's memoised columns).
  return useMemo(
    () => ({ moveLead, moveToStatus, undoLastMove, quickAdd }),
    [moveLead, moveToStatus, undoLastMove, quickAdd],
  );
}
