import { cmp, Dexie, type IntervalTree, type ObservabilitySet } from 'dexie';
import { writtenKeysPart } from '../written-keys.ts';

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
    const tree = parts[written] ?? parts[part];
    if (tree && tree.d !== 0) onChange(keysOf(tree));
  };
  Dexie.on('storagemutated', listener);
  return () => Dexie.on.storagemutated.unsubscribe(listener);
}

/** The single keys of an interval tree, or null if it holds a real range. */
function keysOf(tree: IntervalTree): unknown[] | null {
  const keys: unknown[] = [];
  const stack: IntervalTree[] = [tree];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (node.d === 0 || !('from' in node)) continue;
    if (cmp(node.from, node.to) !== 0) return null;
    keys.push(node.from);
    if (node.l) stack.push(node.l);
    if (node.r) stack.push(node.r);
  }
  return keys;
}
