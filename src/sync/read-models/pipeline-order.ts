import type { LocalDb } from '../local-db.ts';
import type { Pipeline } from '../types.ts';

/**
 * The one pipeline order, everywhere (board selector, pipelines page): the default first, then
 * display_order, then id. Ties break on id, not name, so a rename never reorders the list.
 */
export function comparePipelines(a: Pipeline, b: Pipeline): number {
  return (
    Number(b.is_default) - Number(a.is_default) ||
    a.display_order - b.display_order ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

export async function orderedPipelines(db: LocalDb): Promise<Pipeline[]> {
  return (await db.pipelines.toArray()).sort(comparePipelines);
}
