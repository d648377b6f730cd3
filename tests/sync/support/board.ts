import type { LocalDb } from '../../../src/sync/local-db.ts';
import type { Pipeline, PipelineStatus } from '../../../src/sync/types.ts';

/** The default pipeline and its statuses in display order, from a synced local store. */
export async function defaultBoard(
  db: LocalDb,
): Promise<{ pipeline: Pipeline; statuses: PipelineStatus[] }> {
  const pipeline = (await db.pipelines.toArray()).find((p) => p.is_default);
  if (!pipeline) throw new Error('no default pipeline in the local store');
  const statuses = await db.pipeline_statuses
    .where('pipeline_id')
    .equals(pipeline.id)
    .sortBy('display_order');
  return { pipeline, statuses };
}

export function at<T>(list: readonly T[], index: number): T {
  const item = list[index];
  if (item === undefined) throw new Error(`no item at ${index}`);
  return item;
}
