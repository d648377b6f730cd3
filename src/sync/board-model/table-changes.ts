import { Dexie, type ObservabilitySet } from 'dexie';
import { batchedKeys, singleKeys, writtenKeysPart } from '../written-keys.ts';

/**
 * Calls `onChange` after every committed write to `table` of `db`, in this tab or another one
 * (Dexie carries the changed primary keys across tabs on a BroadcastChannel), with the keys
 * written, or null when a whole range changed (a clear). Returns the unsubscribe.
 *
 * The keys come from the store's written-keys part (written-keys.ts), exact for writes of any
 * size; Dexie's own part, which says "everything" for a bulk write of 50 rows or more, is the
 * fallback for tables that middleware does not follow (their watchers only need "changed").
 */
export function watchTable(
  db: Dexie,
  table: string,
  onChange: (keys: unknown[] | null) => void,
): () => void {
  const written = writtenKeysPart(db.name, table);
  const part = `idb://${db.name}/${table}/`;
  const listener = (parts: ObservabilitySet) => {
    // "Anything may have changed" (a page restored from the back/forward cache): read again.
    if (parts.all) return onChange(null);
    const batches = parts[written];
    if (batches && batches.d !== 0) return onChange(batchedKeys(batches));
    const tree = parts[part];
    if (tree && tree.d !== 0) onChange(singleKeys(tree));
  };
  Dexie.on('storagemutated', listener);
  return () => Dexie.on.storagemutated.unsubscribe(listener);
}
