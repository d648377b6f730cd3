import { create } from 'zustand';
import { createJSONStorage, persist } from 'zustand/middleware';

/**
 * When an undone move put a lead back, and since when it had been in that status before.
 *
 * Why a store beside the row: the server stamps `status_changed_at = now()` on every status
 * change (its move_lead takes no time argument), so the undo's own write comes back from the
 * server as "just now". Until the server can take the time back, the board remembers it here
 * and shows it for as long as the row still carries the undo's stamp.
 */
export type RestoredSince = {
  statusId: string;
  /** The time to show: when the lead entered `statusId` before the undone move. */
  since: string;
  /** Epoch ms of the undo; the row's own stamp is within moments of it (local or server). */
  at: number;
};

/** How far the row's stamp may be from the undo and still be the undo's own write. */
export const UNDO_STAMP_TOLERANCE_MS = 2 * 60 * 1000;

type RestoredSinceState = {
  byLead: Record<string, RestoredSince>;
  restore: (leadId: string, entry: RestoredSince) => void;
  forget: (leadId: string) => void;
};

export const useRestoredSinceStore = create<RestoredSinceState>()(
  persist(
    (set) => ({
      byLead: {},
      restore: (leadId, entry) => set((s) => ({ byLead: { ...s.byLead, [leadId]: entry } })),
      forget: (leadId) =>
        set((s) => {
          if (!(leadId in s.byLead)) return s;
          const byLead = { ...s.byLead };
          delete byLead[leadId];
          return { byLead };
        }),
    }),
    {
      name: 'leadlanes-restored-since',
      version: 1,
      storage: createJSONStorage(() => localStorage),
    },
  ),
);

/** Since when `lead` has been in its status, counting a restored time while it still applies. */
export function inStatusSince(
  lead: { status_id: string; status_changed_at: string },
  restored: RestoredSince | undefined,
): string {
  if (!restored || restored.statusId !== lead.status_id) return lead.status_changed_at;
  const stamp = Date.parse(lead.status_changed_at);
  return Math.abs(stamp - restored.at) <= UNDO_STAMP_TOLERANCE_MS
    ? restored.since
    : lead.status_changed_at;
}
