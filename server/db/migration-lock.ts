import type { SqlExecutor } from './database.ts';

// One advisory lock key for every schema change made by the runner. A transaction-scoped lock
// is released by commit/rollback, so a crashed run can never leave it held.
const MIGRATION_LOCK_KEY = '7362029118446330930';

export async function lockMigrations(tx: SqlExecutor): Promise<void> {
  await tx.query('select pg_advisory_xact_lock($1::bigint)', [MIGRATION_LOCK_KEY]);
}
