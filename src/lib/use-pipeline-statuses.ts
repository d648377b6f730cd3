import { useLiveQuery } from 'dexie-react-hooks';
import type { LocalDb } from '../sync/local-db.ts';
import { pipelineStatuses } from '../sync/read-models/status-order.ts';
import type { PipelineStatus } from '../sync/types.ts';

const NONE: PipelineStatus[] = [];

/**
 * One pipeline's statuses in column order, live; undefined while loading. Here rather than in
 * src/sync because src/sync has no React (the query itself is src/sync's pipelineStatuses).
 */
export function usePipelineStatuses(
  db: LocalDb,
  pipelineId: string | null | undefined,
): PipelineStatus[] | undefined {
  return useLiveQuery(
    () => (pipelineId ? pipelineStatuses(db, pipelineId) : NONE),
    [db, pipelineId],
  );
}
