import { useLiveQuery } from 'dexie-react-hooks';
import type { LocalDb } from '../../../sync/local-db.ts';
import type { Pipeline, PipelineStatus } from '../../../sync/types.ts';
import {
  leadCountsByPipeline,
  leadCountsByStatus,
  listPipelines,
  listStatuses,
  statusCountsByPipeline,
} from '../lib/queries.ts';

const NO_COUNTS: ReadonlyMap<string, number> = new Map();

export type PipelineOverview = {
  pipelines: Pipeline[];
  statusCounts: ReadonlyMap<string, number>;
  leadCounts: ReadonlyMap<string, number>;
};

/** Pipelines in display order with their status and lead counts; undefined while loading. */
export function usePipelineOverview(db: LocalDb): PipelineOverview | undefined {
  return useLiveQuery(async () => {
    const [pipelines, statusCounts, leadCounts] = await Promise.all([
      listPipelines(db),
      statusCountsByPipeline(db),
      leadCountsByPipeline(db),
    ]);
    return { pipelines, statusCounts, leadCounts };
  }, [db]);
}

export type PipelineStatuses = {
  statuses: PipelineStatus[];
  leadCounts: ReadonlyMap<string, number>;
};

/** Statuses of one pipeline in display order with their lead counts. */
export function usePipelineStatuses(
  db: LocalDb,
  pipelineId: string | undefined,
): PipelineStatuses | undefined {
  return useLiveQuery(async () => {
    if (!pipelineId) return { statuses: [], leadCounts: NO_COUNTS };
    const [statuses, leadCounts] = await Promise.all([
      listStatuses(db, pipelineId),
      leadCountsByStatus(db, pipelineId),
    ]);
    return { statuses, leadCounts };
  }, [db, pipelineId]);
}
