import { useEffect } from 'react';
import { create } from 'zustand';
import type { LocalDb } from '../../../sync/local-db.ts';
import { usePendingRowIds } from '../hooks/use-sync-state.ts';

// Ids of rows with queued changes, from the outbox's one live query (usePendingRowIds), held here
// so that each card reads its own flag (useCardPending): a write re-renders the cards whose
// "Not synced yet" changed, not every card of the board (UI state: conventions, zustand).

const NONE: ReadonlySet<string> = new Set();

type PendingState = { ids: ReadonlySet<string> };

const usePendingStore = create<PendingState>()(() => ({ ids: NONE }));

/** Whether this lead has changes not yet confirmed by the server. */
export function useCardPending(leadId: string): boolean {
  return usePendingStore((s) => s.ids.has(leadId));
}

/** Feeds the store from `db`'s outbox while the board is shown (board-page.tsx). */
export function useFeedPendingStore(db: LocalDb): void {
  const pending = usePendingRowIds(db);
  useEffect(() => usePendingStore.setState({ ids: pending }), [pending]);
  useEffect(() => () => usePendingStore.setState({ ids: NONE }), [db]);
}
