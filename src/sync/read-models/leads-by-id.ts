import { getByKeys } from '../key-range.ts';
import type { LocalDb } from '../local-db.ts';
import type { Lead } from '../types.ts';

/**
 * The stored lead of each id (undefined where there is none), in the order of `ids`. A batch of
 * a first sync's pages is one stretch of the id order: read as that range, not one request per
 * id (key-range.ts).
 */
export function leadsById(db: LocalDb, ids: readonly string[]): Promise<(Lead | undefined)[]> {
  return getByKeys(db.leads, ids);
}
