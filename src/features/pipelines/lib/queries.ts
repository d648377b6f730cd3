import { Dexie } from 'dexie';
import type { LocalDb } from '../../../sync/local-db.ts';
import type { Pipeline, PipelineStatus } from '../../../sync/types.ts';

// Reads for the pipelines page, each one indexed query however many pipelines there are
// (200 pipelines × 30 statuses must stay responsive): counts come from index keys only, never
// from loading rows or querying per pipeline.

export function byDisplayOrder<T extends { display_order: number; name: string; id: string }>(
  a: T,
  b: T,
): number {
  return (
    a.display_order - b.display_order || a.name.localeCompare(b.name) || (a.id < b.id ? -1 : 1)
  );
}

export async function listPipelines(db: LocalDb): Promise<Pipeline[]> {
  const rows = await db.pipelines.toArray();
  return rows.sort(byDisplayOrder);
}

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

export async function listStatuses(db: LocalDb, pipelineId: string): Promise<PipelineStatus[]> {
  const rows = await db.pipeline_statuses.where('pipeline_id').equals(pipelineId).toArray();
  return rows.sort(byDisplayOrder);
}

/** Leads per status of one pipeline, from the board's compound index keys. */
export async function leadCountsByStatus(
  db: LocalDb,
  pipelineId: string,
): Promise<Map<string, number>> {
  const keys = await db.leads
    .where('[pipeline_id+status_id+position]')
    // Two-part bounds cover every [pipelineId, status, position] key (arrays sort as tuples).
    .between([pipelineId, Dexie.minKey], [pipelineId, Dexie.maxKey])
    .keys();
  return countKeys(keys.map((key) => (Array.isArray(key) ? (key[1] as unknown) : undefined)));
}
