import type { MutationCall } from '../../../sync/mutate.ts';
import { compareByPosition, positionBetween } from '../../../sync/ordering.ts';
import type { Lead } from '../../../sync/types.ts';
import type { MoveRecord, ReassignRecord, UndoStep } from '../store/undo-store.ts';
import { movedLead } from './moved-lead.ts';

// A bulk action as plain data: what the board shows at once, the mutations queued together,
// and the one undo step that puts every lead back. The hooks only apply these plans.

/** The reassign menu's entry for "nobody": the leads go back to the shared pool. */
export const POOL = 'pool';

/** The keys a group of cards lands between (null: an open end of the column). */
export type Gap = { before: string | null; after: string | null };

/** What one bulk action does. */
export type BulkPlan = {
  /** The leads as the board shows them right away (the model's optimistic rows). */
  shown: Lead[];
  calls: MutationCall[];
  undo: UndoStep;
};

/** Board order: by column (the pipeline's status order), then as each column shows them. */
export function inBoardOrder(leads: readonly Lead[], statusOrder: readonly string[]): Lead[] {
  const rank = new Map(statusOrder.map((id, index) => [id, index]));
  return [...leads].sort(
    (a, b) =>
      (rank.get(a.status_id) ?? Infinity) - (rank.get(b.status_id) ?? Infinity) ||
      compareByPosition(a, b),
  );
}

/**
 * Where a drop at `index` puts the group: `index` counts the column as the drag library sees
 * it (without the dragged card, with the other selected cards still shown), and the group goes
 * between the nearest cards around that slot that are not moving themselves.
 */
export function dropGap(
  column: readonly Lead[],
  index: number,
  draggedId: string,
  moving: ReadonlySet<string>,
): Gap {
  const shown = column.filter((lead) => lead.id !== draggedId);
  const before = shown.slice(0, Math.max(0, index)).findLast((lead) => !moving.has(lead.id));
  const after = shown.slice(Math.max(0, index)).find((lead) => !moving.has(lead.id));
  return gapBetween(before?.position ?? null, after?.position ?? null, shown);
}

/** The top of a column ("Move N leads to…"): above its first card that is not moving. */
export function topGap(column: readonly Lead[], moving: ReadonlySet<string>): Gap {
  return { before: null, after: column.find((lead) => !moving.has(lead.id))?.position ?? null };
}

// Equal neighbours (a tie) leave no key between them: land after the tied group instead.
function gapBetween(before: string | null, after: string | null, column: readonly Lead[]): Gap {
  if (before === null || after === null || after > before) return { before, after };
  return { before, after: column.find((lead) => lead.position > before)?.position ?? null };
}

/** `count` ascending keys inside `gap`, each with the usual jitter (ordering.ts). */
export function keysInGap(gap: Gap, count: number, random: () => number = Math.random): string[] {
  const keys: string[] = [];
  let low = gap.before;
  for (let i = 0; i < count; i++) {
    low = positionBetween(low, gap.after, random);
    keys.push(low);
  }
  return keys;
}

/** Moves `leads` (in board order) into `statusId`, one after another inside `gap`. */
export function planBulkMove(
  leads: readonly Lead[],
  statusId: string,
  gap: Gap,
  lostReason: string | null = null,
  random: () => number = Math.random,
): BulkPlan {
  const keys = keysInGap(gap, leads.length, random);
  const shown: Lead[] = [];
  const calls: MutationCall[] = [];
  const moves: MoveRecord[] = [];
  leads.forEach((lead, i) => {
    const position = keys[i] ?? positionBetween(gap.before, gap.after, random);
    shown.push(movedLead(lead, statusId, position, lostReason ? { lostReason } : {}));
    calls.push({
      name: 'move_lead',
      input: {
        id: lead.id,
        pipeline_id: lead.pipeline_id,
        status_id: statusId,
        position,
        ...(lostReason ? { lost_reason: lostReason } : {}),
      },
    });
    moves.push(moveRecord(lead, statusId));
  });
  return { shown, calls, undo: { moves, reassigns: [] } };
}

/** Where `lead` was before it moved to `toStatusId` (what undo puts back). */
export function moveRecord(lead: Lead, toStatusId: string): MoveRecord {
  return {
    leadId: lead.id,
    leadName: lead.full_name,
    pipelineId: lead.pipeline_id,
    fromStatusId: lead.status_id,
    fromPosition: lead.position,
    fromStatusSince: lead.status_changed_at,
    fromLostReason: lead.lost_reason,
    toStatusId,
  };
}

/** Gives `leads` to `assignee` (null: back to the pool); leads already theirs are left alone. */
export function planBulkReassign(leads: readonly Lead[], assignee: string | null): BulkPlan {
  const changing = leads.filter((lead) => lead.assigned_to !== assignee);
  const reassigns: ReassignRecord[] = changing.map((lead) => ({
    leadId: lead.id,
    leadName: lead.full_name,
    fromAssignee: lead.assigned_to,
    toAssignee: assignee,
  }));
  return {
    shown: changing.map((lead) => ({ ...lead, assigned_to: assignee })),
    calls: changing.map((lead) => ({
      name: 'update_lead',
      input: { id: lead.id, patch: { assigned_to: assignee } },
    })),
    undo: { moves: [], reassigns },
  };
}

/**
 * The undo of one step as a plan of its own (new mutations, so it works offline too): each lead
 * goes back to its place, its time in status and lost reason, or its previous assignee. Leads no
 * longer on this device (deleted, reassigned away) are skipped: there is nothing to put back.
 */
export function planUndo(
  step: UndoStep,
  current: (leadId: string) => Lead | undefined,
): Omit<BulkPlan, 'undo'> {
  const shown: Lead[] = [];
  const calls: MutationCall[] = [];
  for (const move of step.moves) {
    const lead = current(move.leadId);
    if (!lead) continue;
    const changesStatus = move.toStatusId !== move.fromStatusId;
    // Back into a lost stage: with the reason it had there.
    const reason = changesStatus && move.fromLostReason ? move.fromLostReason : undefined;
    shown.push(
      movedLead(lead, move.fromStatusId, move.fromPosition, {
        since: move.fromStatusSince,
        ...(reason ? { lostReason: reason } : {}),
      }),
    );
    calls.push({
      name: 'move_lead',
      input: {
        id: move.leadId,
        pipeline_id: move.pipelineId,
        status_id: move.fromStatusId,
        position: move.fromPosition,
        ...(changesStatus ? { restore_status_changed_at: move.fromStatusSince } : {}),
        ...(reason ? { lost_reason: reason } : {}),
      },
    });
  }
  for (const reassign of step.reassigns) {
    const lead = current(reassign.leadId);
    if (!lead) continue;
    shown.push({ ...lead, assigned_to: reassign.fromAssignee });
    calls.push({
      name: 'update_lead',
      input: { id: reassign.leadId, patch: { assigned_to: reassign.fromAssignee } },
    });
  }
  return { shown, calls };
}
