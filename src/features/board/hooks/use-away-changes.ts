import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import type { AwaySummary } from '../../../sync/conflicts/away-changes.ts';
import { readAwaySummary } from '../../../sync/conflicts/away.ts';
import type { ConflictNotice } from '../../../sync/conflicts/types.ts';
import type { LocalDb } from '../../../sync/local-db.ts';

const NONE: ConflictNotice[] = [];

/**
 * The "while you were away" notices not yet dismissed, newest first, and the newest per lead
 * (for the cards). A live query: every tab shows the same ones, and they survive a reload.
 */
export function useConflictNotices(db: LocalDb): {
  notices: readonly ConflictNotice[];
  byLead: ReadonlyMap<string, ConflictNotice>;
  /** False until the store has answered (so the first answer is not announced as new). */
  loaded: boolean;
} {
  const stored = useLiveQuery(
    () =>
      db.conflicts
        .orderBy('created_at')
        .reverse()
        .filter((n) => n.dismissed_at === null)
        .toArray(),
    [db],
  );
  return useMemo(() => {
    const notices = stored ?? NONE;
    const byLead = new Map<string, ConflictNotice>();
    for (const n of notices) if (!byLead.has(n.lead_id)) byLead.set(n.lead_id, n);
    return { notices, byLead, loaded: stored !== undefined };
  }, [stored]);
}

/** The "since you were away" summary from the local store (null: none, or dismissed). */
export function useAwaySummary(db: LocalDb): AwaySummary | null {
  return useLiveQuery(() => readAwaySummary(db), [db]) ?? null;
}
