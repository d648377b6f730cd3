import type {
  DBCore,
  DBCoreKeyRange,
  DBCoreMutateRequest,
  DBCoreMutateResponse,
  DBCorePutRequest,
  DBCoreRangeType,
  DBCoreTable,
  DBCoreTransaction,
} from 'dexie';
import { keptOnWrite } from './kept-on-write.ts';
import type { OutboxEntry } from './types.ts';

// Which rows have queued changes ("saving…" on a card; a pull page's rows to keep a base for)
// is read after every local write, by a live query in every open tab. Read from the outbox it
// is a walk of its multi-entry `touched` index (IndexedDB hands index keys back only through a
// cursor, one step per key): ≈ 40 ms with 1,000 changes queued, ≈ 90 ms with 3,000, on every
// move an agent makes offline. So the outbox keeps a copy of its `touched` keys in a store of
// their own, one row per (mutation, row it touched), whose primary keys are read in ONE request
// (getAllKeys). A DBCore middleware (one place for every writer: mutate, the push's state
// changes, rebase's new `touched`, settle's deletes, clear) writes it in the same IndexedDB
// transaction as the outbox, so the two never disagree, in this tab or any other.

export const QUEUED_ROWS_STORE = 'queued_rows';

/** One row a queued mutation touched; the primary key is [mutation_id+row]. */
export interface QueuedRow {
  mutation_id: number;
  /** "table:id" (row-key.ts). */
  row: string;
}

/** The store's rows for these outbox entries (also the schema upgrade that creates it). */
export function queuedRowsOf(entries: Iterable<OutboxEntry>): QueuedRow[] {
  const rows: QueuedRow[] = [];
  for (const { mutation_id, touched } of entries) {
    for (const row of touched) rows.push({ mutation_id, row });
  }
  return rows;
}

// DBCoreRangeType.Range / Any: Dexie declares the enum `const`, which isolated modules cannot
// inline.
const RANGE = 2 as DBCoreRangeType;
const ANY = 3 as DBCoreRangeType;
// IndexedDB orders [id] before [id, "any string"] and both before [id, []] (an array sorts
// after every string), so [[id], [id, []]] holds exactly the rows of mutation `id`.
const AFTER_EVERY_ROW: never[] = [];

/** The compound-key range holding every row of the mutations with ids in `range`. */
function rowsOfIds(core: DBCore, range: DBCoreKeyRange): DBCoreKeyRange {
  if (range.type === ANY) return range;
  // DBCore types bounds as `any`; they are outbox ids here (numbers) or absent (no bound).
  const { lower, upper, lowerOpen, upperOpen } = range as {
    lower: unknown;
    upper: unknown;
    lowerOpen: boolean;
    upperOpen: boolean;
  };
  return {
    type: RANGE,
    lower:
      lower === undefined
        ? (core.MIN_KEY as unknown)
        : lowerOpen
          ? [lower, AFTER_EVERY_ROW]
          : [lower],
    lowerOpen: lower !== undefined && lowerOpen,
    upper:
      upper === undefined
        ? (core.MAX_KEY as unknown)
        : upperOpen
          ? [upper]
          : [upper, AFTER_EVERY_ROW],
    upperOpen: upper !== undefined && upperOpen,
  };
}

/** Runs of consecutive integers in `ids` (the outbox's ids are), as [first, last] pairs. */
export function consecutiveRuns(ids: Iterable<number>): [number, number][] {
  const sorted = [...new Set(ids)].sort((a, b) => a - b);
  const runs: [number, number][] = [];
  for (const id of sorted) {
    const last = runs[runs.length - 1];
    if (last && id === last[1] + 1) last[1] = id;
    else runs.push([id, id]);
  }
  return runs;
}

/** The range of the rows of mutations `first` … `last`. */
function rowsOfRun(core: DBCore, [first, last]: [number, number]): DBCoreKeyRange {
  const ids = { type: RANGE, lower: first, upper: last, lowerOpen: false, upperOpen: false };
  return rowsOfIds(core, ids);
}

// Dexie keeps its transaction context (PSD) through its own promises only: the functions below
// chain with .then and never await natively (see lead-aggregates.ts).

/** Deletes the rows of the mutations `ids`: one request per run of consecutive ids. */
function deleteRowsOf(
  core: DBCore,
  store: DBCoreTable,
  trans: DBCoreTransaction,
  ids: Iterable<number>,
): Promise<unknown> | undefined {
  let chain: Promise<unknown> | undefined;
  for (const run of consecutiveRuns(ids)) {
    const del = () => store.mutate({ type: 'deleteRange', trans, range: rowsOfRun(core, run) });
    chain = chain ? chain.then(del) : del();
  }
  return chain;
}

const keyOf = ({ mutation_id, row }: QueuedRow): string => JSON.stringify([mutation_id, row]);

/**
 * Makes the rows of the written entries exactly their `touched`, writing only the difference:
 * the stored rows of their ids are read first (keys only, one request per run of ids). A new
 * entry finds none; a whole entry put back with the same `touched` (a modify by function) finds
 * them all and writes nothing, so it is not a change anyone following the pending rows hears of.
 */
function syncRowsOf(
  core: DBCore,
  store: DBCoreTable,
  trans: DBCoreTransaction,
  written: readonly OutboxEntry[],
): Promise<unknown> | undefined {
  const wanted = new Map(queuedRowsOf(written).map((row) => [keyOf(row), row]));
  const stale: [number, string][] = [];
  let reads: Promise<unknown> | undefined;
  for (const run of consecutiveRuns(written.map((e) => e.mutation_id))) {
    const query = { index: store.schema.primaryKey, range: rowsOfRun(core, run) };
    const read = () =>
      store.query({ trans, values: false, query }).then(({ result }) => {
        for (const key of result as [number, string][]) {
          if (!wanted.delete(JSON.stringify(key))) stale.push(key);
        }
      });
    reads = reads ? reads.then(read) : read();
  }
  const write = () => {
    const del = () =>
      stale.length > 0 ? store.mutate({ type: 'delete', trans, keys: stale }) : undefined;
    const values = [...wanted.values()];
    if (values.length === 0) return del();
    const put = store.mutate({ type: 'put', trans, values });
    return stale.length > 0 ? put.then(del) : put;
  };
  return reads ? reads.then(write) : write();
}

/**
 * Whether a put may give entries other `touched` keys. Dexie's update, bulkUpdate and modify
 * with an object say which fields they change (the push marking a batch applied changes
 * `state` only): then the copy needs neither a read nor a write. A put of whole entries (a
 * modify by function, a rebase's put) may change anything.
 */
function mayChangeTouched(req: DBCorePutRequest): boolean {
  const specs = req.updates?.changeSpecs ?? (req.changeSpec ? [req.changeSpec] : null);
  if (!specs) return true;
  return specs.some((spec) =>
    Object.keys(spec).some((path) => path === 'touched' || path.startsWith('touched.')),
  );
}

/** Mirrors one outbox write into the store (after it succeeded, in the same transaction). */
function mirror(
  core: DBCore,
  store: DBCoreTable,
  req: DBCoreMutateRequest,
  res: DBCoreMutateResponse,
): Promise<unknown> | undefined {
  const { trans } = req;
  switch (req.type) {
    case 'deleteRange':
      return store.mutate({ type: 'deleteRange', trans, range: rowsOfIds(core, req.range) });
    case 'delete':
      return deleteRowsOf(core, store, trans, req.keys as number[]);
    case 'add':
    case 'put': {
      if (req.type === 'put' && !mayChangeTouched(req)) return undefined;
      const failed = new Set(Object.keys(res.failures).map(Number));
      const written = (req.values as OutboxEntry[]).filter((_, i) => !failed.has(i));
      if (written.length === 0) return undefined;
      // An added entry is new (add refuses an existing id), and an id's rows go with its entry:
      // it has none yet, so its rows go straight in (every local write queues one this way).
      if (req.type === 'add') {
        const values = queuedRowsOf(written);
        return values.length > 0 ? store.mutate({ type: 'put', trans, values }) : undefined;
      }
      return syncRowsOf(core, store, trans, written);
    }
  }
}

function mirroredOutbox(core: DBCore, outbox: DBCoreTable): DBCoreTable {
  return {
    ...outbox,
    mutate(req) {
      return outbox.mutate(req).then((res) => {
        const done = mirror(core, core.table(QUEUED_ROWS_STORE), req, res);
        return done ? done.then(() => res) : res;
      });
    },
  };
}

/** Registered on every LocalDb (local-db.ts). */
export const queuedRowsMiddleware = keptOnWrite({
  name: 'queuedRows',
  table: 'outbox',
  companion: QUEUED_ROWS_STORE,
  wrap: (outbox, core) => mirroredOutbox(core, outbox),
});
