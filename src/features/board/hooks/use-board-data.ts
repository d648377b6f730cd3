import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import type { LocalDb } from '../../../sync/local-db.ts';
import type { Lead, Pipeline, PipelineStatus, Profile } from '../../../sync/types.ts';

// Replicated data comes from Dexie live queries: every tab sees local and pulled changes at once.
// Lead queries are limited to one pipeline (the index on pipeline_id), never the whole table.

/** Pipelines the user may see: default first, then display_order, then name. */
export function sortPipelines(pipelines: readonly Pipeline[]): Pipeline[] {
  return [...pipelines].sort(
    (a, b) =>
      Number(b.is_default) - Number(a.is_default) ||
      a.display_order - b.display_order ||
      a.name.localeCompare(b.name),
  );
}

export function usePipelines(db: LocalDb): Pipeline[] | undefined {
  return useLiveQuery(async () => sortPipelines(await db.pipelines.toArray()), [db]);
}

export function usePipelineStatuses(
  db: LocalDb,
  pipelineId: string | null,
): PipelineStatus[] | undefined {
  return useLiveQuery(
    () =>
      pipelineId === null
        ? []
        : db.pipeline_statuses.where('pipeline_id').equals(pipelineId).toArray(),
    [db, pipelineId],
  );
}

export function usePipelineLeads(db: LocalDb, pipelineId: string | null): Lead[] | undefined {
  return useLiveQuery(
    () => (pipelineId === null ? [] : db.leads.where('pipeline_id').equals(pipelineId).toArray()),
    [db, pipelineId],
  );
}

export function useProfiles(db: LocalDb): Map<string, Profile> {
  const profiles = useLiveQuery(() => db.profiles.toArray(), [db]);
  return useMemo(() => new Map((profiles ?? []).map((p) => [p.id, p])), [profiles]);
}
