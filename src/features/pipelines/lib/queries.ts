import type { LocalDb } from '../../../sync/local-db.ts';
import { columnQuery } from '../../../sync/read-models/column-query.ts';

// Reads for the pipelines page, each one indexed query however many pipelines there are
// (200 pipelines × 30 statuses must stay responsive): counts come from index keys only, never
// from loading rows or querying per pipeline.

function countKeys(keys: readonly unknown[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const key of keys) {
    if (typeof key === 'string') counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** Statuses per pipeline, from one walk over the pipeline_id index. */
export async function statusCountsByPipeline(db: LocalDb): Promise<Map<string, number>> {
  return countKeys(await db.pipeline_statuses.orderBy('pipeline_id').keys());
}

/** Leads per pipeline, from one walk over the leads' pipeline_id index. */
export async function leadCountsByPipeline(db: LocalDb): Promise<Map<string, number>> {
  return countKeys(await db.leads.orderBy('pipeline_id').keys());
}

/** Leads per status of one pipeline, from the board's compound index keys. */
export async function leadCountsByStatus(
  db: LocalDb,
  pipelineId: string,
): Promise<Map<string, number>> {
  const keys = await columnQuery(db, pipelineId).keys();
  return countKeys(keys.map((key) => (Array.isArray(key) ? (key[1] as unknown) : undefined)));
}
