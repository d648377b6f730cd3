import type { LocalDb } from '../local-db.ts';
import type { PipelineStatus } from '../types.ts';

/** The one status (column) order: display_order, then id (a rename never reorders columns). */
export function compareStatuses(a: PipelineStatus, b: PipelineStatus): number {
  return a.display_order - b.display_order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** One pipeline's statuses in column order, from the pipeline_id index. */
export async function pipelineStatuses(db: LocalDb, pipelineId: string): Promise<PipelineStatus[]> {
  const rows = await db.pipeline_statuses.where('pipeline_id').equals(pipelineId).toArray();
  return rows.sort(compareStatuses);
}
