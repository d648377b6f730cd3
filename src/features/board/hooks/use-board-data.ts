import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import type { LocalDb } from '../../../sync/local-db.ts';
import { orderedPipelines } from '../../../sync/read-models/pipeline-order.ts';
import type { Pipeline, Profile } from '../../../sync/types.ts';

// Replicated data comes from Dexie live queries: every tab sees local and pulled changes at once.
// Leads are not here: the board reads them from its in-memory model (use-board-model.ts).

/** Pipelines the user may see, in the one pipeline order (src/sync/read-models). */
export function usePipelines(db: LocalDb): Pipeline[] | undefined {
  return useLiveQuery(() => orderedPipelines(db), [db]);
}

export function useProfiles(db: LocalDb): Map<string, Profile> {
  const profiles = useLiveQuery(() => db.profiles.toArray(), [db]);
  return useMemo(() => new Map((profiles ?? []).map((p) => [p.id, p])), [profiles]);
}
