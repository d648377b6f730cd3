import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useMemo, useSyncExternalStore } from 'react';
import type { SyncEngine } from '../../../sync/engine.ts';
import type { LocalDb } from '../../../sync/local-db.ts';
import { mutationGroup } from '../../../sync/mutations/registry.ts';
import type { SyncStatus } from '../../../sync/sync-status.ts';
import type { RejectedMutation } from '../../../sync/types.ts';

/** What the board needs of the sync engine (src/sync/engine.ts): its status and changes to it. */
export type SyncStatusSource = Pick<SyncEngine, 'subscribe' | 'getStatus'>;

export function useSyncStatus(engine: SyncStatusSource): SyncStatus {
  // Called through the engine so class-based engines keep their `this`.
  const subscribe = useCallback((listener: () => void) => engine.subscribe(listener), [engine]);
  const getStatus = useCallback(() => engine.getStatus(), [engine]);
  return useSyncExternalStore(subscribe, getStatus);
}

function leadIdOf(rejected: RejectedMutation): string | null {
  if (mutationGroup(rejected.name) !== 'leads') return null;
  const args = rejected.args as { id?: unknown } | null;
  return typeof args?.id === 'string' ? args.id : null;
}

/** Changes the server refused, newest first, and the latest refusal per lead (for the cards). */
export function useRejectedChanges(db: LocalDb): {
  rejected: RejectedMutation[];
  byLead: ReadonlyMap<string, RejectedMutation>;
} {
  const rejected = useLiveQuery(() => db.rejected.orderBy('rejected_at').reverse().toArray(), [db]);
  return useMemo(() => {
    const list = rejected ?? [];
    const byLead = new Map<string, RejectedMutation>();
    for (const r of list) {
      const leadId = leadIdOf(r);
      if (leadId && !byLead.has(leadId)) byLead.set(leadId, r);
    }
    return { rejected: list, byLead };
  }, [rejected]);
}
