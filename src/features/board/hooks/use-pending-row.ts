import { createContext, useCallback, useContext, useSyncExternalStore } from 'react';
import { NO_PENDING_ROWS, type PendingRows } from '../../../sync/pending-rows.ts';

/** The board's pending rows (board-page.tsx provides them; src/sync/pending-rows.ts). */
export const PendingRowsContext = createContext<PendingRows>(NO_PENDING_ROWS);

/**
 * Whether the lead has changes not confirmed by the server yet ("Not synced yet"). Each card
 * asks for its own lead, so a write re-renders the card it changed, not the board.
 */
export function usePendingRow(leadId: string): boolean {
  const pending = useContext(PendingRowsContext);
  const subscribe = useCallback(
    (listener: () => void) => pending.subscribe(leadId, listener),
    [pending, leadId],
  );
  return useSyncExternalStore(subscribe, () => pending.has(leadId));
}
