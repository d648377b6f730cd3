import { Dexie } from 'dexie';
import type { DBCore, EntityTable, Middleware, Table, Transaction } from 'dexie';
import { coarseChangesMiddleware } from './coarse-changes.ts';
import type { ConflictNotice } from './conflicts/types.ts';
import { aggregatesOf, leadAggregatesMiddleware } from './lead-aggregates.ts';
import { queuedRowKeys } from './pending.ts';
import { queuedRowsMiddleware, queuedRowsOf, type QueuedRow } from './queued-rows.ts';
import { parseRowKey, rowKey } from './row-key.ts';
import { writtenKeysMiddleware } from './written-keys.ts';
import type {
  BaseRow,
  Lead,
  LeadAggregate,
  LeadStatusHistory,
  MetaEntry,
  OutboxEntry,
  Pipeline,
  PipelineStatus,
  Profile,
  RejectedMutation,
  ReplicaTable,
} from './types.ts';

/** One Dexie database per signed-in user on this device (all of that user's tabs share it). */
export type LocalDb = Dexie & {
  leads: EntityTable<Lead, 'id'>;
  pipelines: EntityTable<Pipeline, 'id'>;
  pipeline_statuses: EntityTable<PipelineStatus, 'id'>;
  profiles: EntityTable<Profile, 'id'>;
  lead_status_history: EntityTable<LeadStatusHistory, 'id'>;
  outbox: EntityTable<OutboxEntry, 'mutation_id'>;
  rejected: EntityTable<RejectedMutation, 'mutation_id'>;
  base: Table<BaseRow, [ReplicaTable, string]>;
  lead_aggregates: Table<LeadAggregate, [string, string]>;
  /** The outbox's `touched` keys, one row each (queued-rows.ts), read in one request. */
  queued_rows: Table<QueuedRow, [number, string]>;
  /** "While you were away" notices (src/sync/conflicts/), kept until dismissed. */
  conflicts: EntityTable<ConflictNotice, 'id'>;
  meta: EntityTable<MetaEntry, 'key'>;
};

/**
 * Schema history. Never edit a released entry: add a new version with its stores (only the
 * tables that change) and an `upgrade` when rows must be rewritten. When replicated rows change
 * shape, the simplest correct upgrade is `resetReplica`: drop them and the cursor, keep the
 * outbox, and the next sync re-pulls everything and rebases the queued mutations on top.
 */
const VERSIONS: {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (tx: Transaction) => Promise<void>;
}[] = [
  {
    version: 1,
    stores: {
      // [pipeline_id+status_id+position] gives a column in board order; IndexedDB orders equal
      // keys by primary key, which is exactly the (position, id) tie-break.
      leads:
        'id, [pipeline_id+status_id+position], pipeline_id, status_id, assigned_to, updated_at',
      pipelines: 'id, display_order',
      pipeline_statuses: 'id, pipeline_id, [pipeline_id+display_order]',
      profiles: 'id',
      lead_status_history: 'id, lead_id, [lead_id+changed_at]',
      outbox: 'mutation_id, state, *touched',
      rejected: 'mutation_id, rejected_at',
      base: '[table+id], table',
      meta: 'key',
    },
  },
  {
    // A lead's tombstone removes its history; find those base rows without a scan.
    version: 2,
    stores: { base: '[table+id], table, row.lead_id' },
  },
  {
    // Per-column counts and sums kept on write (lead-aggregates.ts), and `base` only for rows
    // that queued mutations changed (every other local row is the server's version).
    version: 3,
    stores: { lead_aggregates: '[pipeline_id+status_id], pipeline_id' },
    upgrade: upgradeToAggregatesAndPendingBase,
  },
  {
    // Notices about other people's changes that overlapped the user's own (conflicts/). A new,
    // empty table: nothing to rewrite, the queue and the replica stay as they are.
    version: 4,
    stores: { conflicts: 'id, lead_id, created_at, mutation_id' },
  },
  {
    // Leads keep only the indexes something reads: every index costs each lead written (a
    // first sync writes every lead). A column is read by [pipeline_id+status_id+position]
    // (also a status's leads: a lead's status is always of its pipeline), a pipeline by
    // pipeline_id; nothing read by status_id alone, assigned_to or updated_at. Dropping an
    // index rewrites no row.
    version: 5,
    stores: { leads: 'id, [pipeline_id+status_id+position], pipeline_id' },
  },
  {
    // Which rows have queued changes, kept beside the outbox on write (queued-rows.ts): read
    // after every local write, and the outbox's `touched` index hands its keys back only one
    // cursor step at a time. Filled here from the queue the store already holds.
    version: 6,
    stores: { queued_rows: '[mutation_id+row]' },
    upgrade: async (tx) => {
      const queued = (await tx.table('outbox').toArray()) as OutboxEntry[];
      await tx.table('queued_rows').bulkPut(queuedRowsOf(queued));
    },
  },
];

async function upgradeToAggregatesAndPendingBase(tx: Transaction): Promise<void> {
  const leads = (await tx.table('leads').toArray()) as Lead[];
  await tx.table('lead_aggregates').bulkPut(aggregatesOf(leads));
  const pending = new Set<string>();
  for (const entry of (await tx.table('outbox').toArray()) as OutboxEntry[]) {
    for (const key of entry.touched) pending.add(key);
  }
  const base = tx.table('base');
  const keys = (await base.toCollection().primaryKeys()) as [ReplicaTable, string][];
  const kept = new Set<string>();
  const dropped: [ReplicaTable, string][] = [];
  for (const [table, id] of keys) {
    const key = rowKey(table, id);
    if (pending.has(key)) kept.add(key);
    else dropped.push([table, id]);
  }
  await base.bulkDelete(dropped);
  // A pending row with no base was created offline: the server has no such row yet.
  const missing: BaseRow[] = [];
  for (const key of pending) {
    if (!kept.has(key)) missing.push({ ...parseRowKey(key), row: null });
  }
  await base.bulkPut(missing);
}

/**
 * A rehearsal of "the next release bumps the schema", on only in builds made with
 * VITE_LOCAL_DB_UPGRADE_REHEARSAL=true (the e2e suite's second build, docs/offline.md): one
 * version past the real history whose upgrade writes a marker row. It proves on real IndexedDB
 * that a new build upgrades a store holding queued changes, with the old build's tabs still open.
 */
function rehearsalVersion() {
  const latest = VERSIONS[VERSIONS.length - 1]?.version ?? 0;
  return {
    version: latest + 1,
    upgrade: (tx: Transaction) => tx.table('meta').put({ key: 'upgrade_rehearsal', value: true }),
  };
}

export const META_KEYS = {
  clientId: 'client_id',
  nextMutationId: 'next_mutation_id',
  cursor: 'cursor',
  lastSyncedAt: 'last_synced_at',
  /** When this device went offline (set by the engine, cleared by the first pull after it). */
  awaySince: 'away_since',
  /** The changed leads gathered by the pages of that first pull so far. */
  awayDraft: 'away_draft',
  /** The finished "since you were away" summary (conflicts/away-changes.ts), until dismissed. */
  awaySummary: 'away_summary',
} as const;

export interface OpenLocalDbOptions {
  /** Another IndexedDB (tests give each simulated device its own fake-indexeddb factory). */
  indexedDB?: IDBFactory;
  IDBKeyRange?: typeof IDBKeyRange;
  /** Add the rehearsal schema version (see rehearsalVersion). */
  upgradeRehearsal?: boolean;
  /** More DBCore middlewares (tests count the rows a pull reads with one). */
  middlewares?: Middleware<DBCore>[];
}

const DB_NAME_PREFIX = 'leadlanes-';

export function localDbName(userId: string): string {
  return `${DB_NAME_PREFIX}${userId}`;
}

/** The signed-in user a store belongs to (one store per user: see localDbName). */
export function localDbUserId(db: LocalDb): string {
  return db.name.slice(DB_NAME_PREFIX.length);
}

/** Opens (creating or upgrading) the user's store and makes sure it has a client id. */
export async function openLocalDb(
  userId: string,
  options: OpenLocalDbOptions = {},
): Promise<LocalDb> {
  const dexieOptions: { indexedDB?: IDBFactory; IDBKeyRange?: typeof IDBKeyRange } = {};
  if (options.indexedDB) dexieOptions.indexedDB = options.indexedDB;
  if (options.IDBKeyRange) dexieOptions.IDBKeyRange = options.IDBKeyRange;
  const db = new Dexie(localDbName(userId), dexieOptions) as LocalDb;
  db.use(leadAggregatesMiddleware);
  db.use(queuedRowsMiddleware);
  db.use(coarseChangesMiddleware);
  // The board model follows leads by their keys (board-model/table-changes.ts).
  db.use(writtenKeysMiddleware(['leads']));
  for (const middleware of options.middlewares ?? []) db.use(middleware);
  for (const v of VERSIONS) {
    const version = db.version(v.version).stores(v.stores);
    if (v.upgrade) version.upgrade(v.upgrade);
  }
  if (options.upgradeRehearsal) {
    const rehearsal = rehearsalVersion();
    db.version(rehearsal.version).stores({}).upgrade(rehearsal.upgrade);
  }
  await db.open();
  await db.transaction('rw', db.meta, async () => {
    if (!(await db.meta.get(META_KEYS.clientId))) {
      await db.meta.put({ key: META_KEYS.clientId, value: crypto.randomUUID() });
      await db.meta.put({ key: META_KEYS.nextMutationId, value: 1 });
    }
  });
  return db;
}

export async function getClientId(db: LocalDb): Promise<string> {
  const entry = await db.meta.get(META_KEYS.clientId);
  if (typeof entry?.value !== 'string') throw new Error('Local store has no client id');
  return entry.value;
}

/** The replicated tables, parents first (transactions over them list these). */
export function replicaTables(db: LocalDb) {
  return [db.profiles, db.pipelines, db.pipeline_statuses, db.leads, db.lead_status_history];
}

/**
 * Upgrade helper: forget replicated rows and the cursor; queued mutations survive. Their rows
 * keep a base saying "not on the server" until the re-pull brings the server's version, so the
 * queue replays on top of exactly what the server sends.
 */
export async function resetReplica(db: LocalDb): Promise<void> {
  const cleared = [...replicaTables(db), db.base, db.lead_aggregates];
  await db.transaction('rw', [...cleared, db.outbox, db.queued_rows, db.meta], async () => {
    const pending = [...(await queuedRowKeys(db))];
    await Promise.all([...cleared.map((table) => table.clear()), db.meta.delete(META_KEYS.cursor)]);
    await db.base.bulkPut(pending.map((key) => ({ ...parseRowKey(key), row: null })));
  });
}
