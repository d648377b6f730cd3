import { keyBounds, RANGE_READ_MIN_KEYS, rangeIsDense } from '../key-range.ts';
import type { LocalDb } from '../local-db.ts';
import type { Lead } from '../types.ts';

/**
 * The stored lead of each id (undefined where there is none), in the order of `ids`. A batch of
 * a first sync's pages is one stretch of the id order: read as that range, not one request per
 * id (key-range.ts). Count and read are separate reads, which is fine: the count only chooses
 * how to read, and each way returns committed rows.
 */
export async function leadsById(
  db: LocalDb,
  ids: readonly string[],
): Promise<(Lead | undefined)[]> {
  if (ids.length < RANGE_READ_MIN_KEYS) return db.leads.bulkGet([...ids]);
  const { lower, upper } = keyBounds(ids);
  const range = () => db.leads.where(':id').between(lower, upper, true, true);
  if (!rangeIsDense(await range().count(), ids.length)) return db.leads.bulkGet([...ids]);
  const byId = new Map((await range().toArray()).map((lead) => [lead.id, lead]));
  return ids.map((id) => byId.get(id));
}
