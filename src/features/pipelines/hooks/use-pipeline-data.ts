import { useLiveQuery } from 'dexie-react-hooks';
import type { LocalDb } from '../../../sync/local-db.ts';
import type { Pipeline } from '../../../sync/types.ts';
import { orderedPipelines } from '../../../sync/read-models/pipeline-order.ts';
import {
  leadCountsByPipeline,
  leadCountsByStatus,
  statusCountsByPipeline,
} from '../lib/queries.ts';

const NO_COUNTS: ReadonlyMap<string, number> = new Map();

export type PipelineOverview = {
  pipelines: Pipeline[];
  statusCounts: ReadonlyMap<string, number>;
  leadCounts: ReadonlyMap<string, number>;
};

/** Pipelines in the one pipeline order with their status and lead counts; undefined while loading. */
export function usePipelineOverview(db: LocalDb): PipelineOverview | undefined {
  return useLiveQuery(async () => {
    const [pipelines, statusCounts, leadCounts] = await Promise.all([
      orderedPipelines(db),
      statusCountsByPipeline(db),
      leadCountsByPipeline(db),
    ]);
    return { pipelines, statusCounts, leadCounts };
  }, [db]);
}

/** Leads per status of one pipeline (live); undefined while loading. */
export function useLeadCountsByStatus(
  db: LocalDb,
  pipelineId: string | undefined,
): ReadonlyMap<string, number> | undefined {
  return useLiveQuery(
    () => (pipelineId ? leadCountsByStatus(db, pipelineId) : NO_COUNTS),
    [db, pipelineId],
  );
}
