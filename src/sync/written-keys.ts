import {
  cmp,
  mergeRanges,
  RangeSet,
  type DBCore,
  type DBCoreMutateRequest,
  type DBCoreTable,
  type DBCoreTransaction,
  type IndexableType,
  type IntervalTree,
  type Middleware,
  type ObservabilitySet,
} from 'dexie';

// Dexie's change events ('storagemutated', also carried to other tabs) name the primary keys a
// write touched only for writes of fewer than 50 rows: a bulkPut of 50 or more is reported as
// "the whole table changed". A pull page is 1,000 rows, so anyone following a table by its keys
// (the board model) would have to re-read all of it for every page. This middleware adds, for
// every write, the exact keys it wrote (or the range it deleted) under its own part name beside
// Dexie's, in the same transaction's change set, so it travels wherever Dexie's event goes.
//
// The keys of one write are recorded as ONE key of the part: the array of them (an array is a
// valid IndexedDB key, and no primary key we follow is one). Every live query merges every
// change set into what it has seen so far, whatever table it reads; a tree of 1,000 single keys
// per pull page cost each of them 1,000 tree inserts per page (about 2 s of a 50,000-lead first
// sync with the board open), a batch costs them one.

/** The change-set part holding the exact keys written to `table` (read by table-changes.ts). */
export function writtenKeysPart(dbName: string, table: string): string {
  return `idb://${dbName}/${table}/:written`;
}

/** What a write touched: its keys, or the range it deleted. */
function touched(core: DBCore, table: DBCoreTable, req: DBCoreMutateRequest): IntervalTree {
  // DBCore types keys as `any`; they are IndexedDB keys, which is what RangeSet takes.
  switch (req.type) {
    case 'deleteRange': {
      const { lower, upper } = req.range as { lower?: IndexableType; upper?: IndexableType };
      return new RangeSet(
        lower ?? (core.MIN_KEY as IndexableType),
        upper ?? (core.MAX_KEY as IndexableType),
      );
    }
    case 'delete':
      return batch(req.keys as IndexableType[]);
    case 'add':
    case 'put': {
      const extract = table.schema.primaryKey.extractKey;
      const keys =
        (req.keys as IndexableType[] | undefined) ??
        req.values.map((v: unknown) => extract?.(v) as IndexableType | undefined);
      return batch(keys.filter((k): k is IndexableType => k != null));
    }
  }
}

/** The keys of one write as one key of the part (read back by batchedKeys). */
function batch(keys: IndexableType[]): IntervalTree {
  // An array of keys is itself a key; Dexie's type only allows arrays of non-array parts.
  return new RangeSet().addKey(keys as unknown as IndexableType);
}

/** The keys a written-keys part names, or null when it holds a real range (a clear). */
export function batchedKeys(tree: IntervalTree): unknown[] | null {
  return keysOf(tree, (key, into) => {
    // Not an array: a key recorded one by one (an older build's tab on the same store).
    if (Array.isArray(key)) into.push(...(key as unknown[]));
    else into.push(key);
  });
}

/** The single keys of any other part (Dexie's own), or null when it holds a real range. */
export function singleKeys(tree: IntervalTree): unknown[] | null {
  return keysOf(tree, (key, into) => into.push(key));
}

function keysOf(
  tree: IntervalTree,
  add: (key: unknown, into: unknown[]) => void,
): unknown[] | null {
  const keys: unknown[] = [];
  const stack: IntervalTree[] = [tree];
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (node.d === 0 || !('from' in node)) continue;
    if (cmp(node.from, node.to) !== 0) return null;
    add(node.from, keys);
    if (node.l) stack.push(node.l);
    if (node.r) stack.push(node.r);
  }
  return keys;
}

function recordingWrites(core: DBCore, table: DBCoreTable): DBCoreTable {
  const part = writtenKeysPart(core.schema.name, table.name);
  return {
    ...table,
    mutate(req) {
      const keys = touched(core, table, req);
      // Chained with .then, never awaited: Dexie's transaction context lives in its promises.
      return table.mutate(req).then((res) => {
        // Where Dexie's observability layer (beneath this one) gathers the transaction's parts.
        const trans = req.trans as DBCoreTransaction & { mutatedParts?: ObservabilitySet };
        const parts = (trans.mutatedParts ??= {});
        const existing = parts[part];
        if (existing) mergeRanges(existing, keys);
        else parts[part] = keys;
        return res;
      });
    },
  };
}

/**
 * Registered on every LocalDb (local-db.ts), above Dexie's own observability layer, for the
 * tables followed key by key (`tables`): each key recorded costs Dexie a tree insert whenever
 * it merges change sets, so tables nobody follows that way (history, the queue) are left out.
 */
export function writtenKeysMiddleware(tables: readonly string[]): Middleware<DBCore> {
  const followed = new Set(tables);
  return {
    stack: 'dbcore',
    name: 'writtenKeys',
    create(down) {
      return {
        ...down,
        table(name) {
          const table = down.table(name);
          return followed.has(name) ? recordingWrites(down, table) : table;
        },
      };
    },
  };
}
