import {
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
      return new RangeSet().addKeys(req.keys as IndexableType[]);
    case 'add':
    case 'put': {
      const extract = table.schema.primaryKey.extractKey;
      const keys =
        (req.keys as IndexableType[] | undefined) ??
        req.values.map((v: unknown) => extract?.(v) as IndexableType | undefined);
      return new RangeSet().addKeys(keys.filter((k): k is IndexableType => k != null));
    }
  }
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
