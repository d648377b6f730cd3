import { Dexie } from 'dexie';
import type { EntityTable, Table, Transaction } from 'dexie';
import type {
  BaseRow,
  Lead,
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
  meta: EntityTable<MetaEntry, 'key'>;
};

/**
 * Schema history. Never edit a released entry: add a new version with its stores (only the
 * tables that change) and an `upgrade` when rows must be rewritten. When replicated rows change
 * shape, the simplest correct upgrade is `resetReplica`: drop them and the cursor, keep the
 * outbox, and the next sync re-pulls everything and rebases the queued mutations on top.
 */
const VERSIONS: { version: number; stores: Record<string, string | null> }[] = [
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
];

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
} as const;

export interface OpenLocalDbOptions {
  /** Another IndexedDB (tests give each simulated device its own fake-indexeddb factory). */
  indexedDB?: IDBFactory;
  IDBKeyRange?: typeof IDBKeyRange;
  /** Add the rehearsal schema version (see rehearsalVersion). */
  upgradeRehearsal?: boolean;
}

export function localDbName(userId: string): string {
  return `leadlanes-${userId}`;
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
  for (const v of VERSIONS) db.version(v.version).stores(v.stores);
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

/** Upgrade helper: forget replicated rows and the cursor; queued mutations survive. */
export async function resetReplica(db: LocalDb): Promise<void> {
  const cleared = [...replicaTables(db), db.base];
  await db.transaction('rw', [...cleared, db.meta], async () => {
    await Promise.all([...cleared.map((table) => table.clear()), db.meta.delete(META_KEYS.cursor)]);
  });
}
