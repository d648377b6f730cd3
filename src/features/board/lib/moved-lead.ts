import type { Lead } from '../../../sync/types.ts';

/** `lead` as a move shows it at once (move_lead's local apply stamps the same fields). */
export function movedLead(
  lead: Lead,
  statusId: string,
  position: string,
  moved: { since?: string; lostReason?: string | null } = {},
): Lead {
  const now = new Date().toISOString();
  const changesStatus = statusId !== lead.status_id;
  return {
    ...lead,
    status_id: statusId,
    position,
    updated_at: now,
    status_changed_at: changesStatus ? (moved.since ?? now) : lead.status_changed_at,
    lost_reason:
      changesStatus || moved.lostReason !== undefined
        ? (moved.lostReason ?? null)
        : lead.lost_reason,
  };
}
