import { cmp, type IndexableType, type Table } from 'dexie';

// Reading many rows by key: one IndexedDB request per key, or one count and one read of the
// range between the lowest and highest key. The range wins when it holds few rows besides the
// wanted ones, which is the usual case for a pull page's rows (sync_pull pages by id, so a
// page is one slice of the id order) and for a batch of them.

/** Below this many keys, key by key is cheap enough and needs no count first. */
export const RANGE_READ_MIN_KEYS = 50;

/** The lowest and highest of `keys` (not empty), in IndexedDB key order. */
export function keyBounds<K>(keys: readonly K[]): { lower: K; upper: K } {
  if (keys.length === 0) throw new Error('keyBounds needs at least one key');
  let lower = keys[0] as K;
  let upper = lower;
  for (const key of keys) {
    if (cmp(key, lower) < 0) lower = key;
    if (cmp(key, upper) > 0) upper = key;
  }
  return { lower, upper };
}

/** Whether a range holding `stored` rows is worth reading for `wanted` of them. */
export function rangeIsDense(stored: number, wanted: number): boolean {
  return stored <= 2 * wanted;
}

/**
 * `table.bulkGet(keys)`, answered in the order of `keys`, but read as the range between the
 * lowest and highest key (one count, one getAll) when that range holds few other rows. Inside
 * a transaction both reads see the same rows; outside one, the count only chooses the way.
 */
export async function getByKeys<T, K extends IndexableType, I>(
  table: Table<T, K, I>,
  keys: readonly K[],
): Promise<(T | undefined)[]> {
  if (keys.length < RANGE_READ_MIN_KEYS) return table.bulkGet([...keys]);
  const { lower, upper } = keyBounds(keys);
  const range = () => table.where(':id').between(lower, upper, true, true);
  if (!rangeIsDense(await range().count(), keys.length)) return table.bulkGet([...keys]);
  const extract = table.core.schema.primaryKey.extractKey;
  if (!extract) return table.bulkGet([...keys]);
  const byKey = new Map<string, T>();
  for (const row of await range().toArray()) byKey.set(keyId(extract(row)), row);
  return keys.map((key) => byKey.get(keyId(key)));
}

/** A key as a map key: strings and numbers as themselves, compound keys by their parts. */
function keyId(key: unknown): string {
  return typeof key === 'string' ? `s${key}` : `j${JSON.stringify(key)}`;
}
