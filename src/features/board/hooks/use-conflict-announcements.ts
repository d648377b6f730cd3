import { useEffect, useRef } from 'react';
import type { ConflictNotice } from '../../../sync/conflicts/types.ts';
import { conflictsMessage } from '../lib/announcements.ts';

/**
 * Announces notices that arrive while the board is open (through the board's polite live
 * region). The ones already stored when it opened are shown, not announced again.
 */
export function useConflictAnnouncements(
  notices: readonly ConflictNotice[] | undefined,
  report: (message: string) => void,
): void {
  const seen = useRef<Set<string> | null>(null);
  useEffect(() => {
    if (notices === undefined) return;
    if (seen.current === null) {
      seen.current = new Set(notices.map((n) => n.id));
      return;
    }
    const known = seen.current;
    const fresh = notices.filter((n) => !known.has(n.id));
    for (const n of fresh) known.add(n.id);
    if (fresh.length > 0) report(conflictsMessage(fresh));
  }, [notices, report]);
}
