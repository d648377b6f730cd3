import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Database } from './database.ts';
import { MigrationError } from './migration-error.ts';
import { findMigrationFile, listMigrationFiles, readSqlFile } from './migration-files.ts';
import { appliedVersions, deleteHistoryRow } from './migration-history.ts';
import { lockMigrations } from './migration-lock.ts';
import { DEFAULT_MIGRATIONS_DIR, DEFAULT_ROLLBACKS_DIR } from './migration-paths.ts';
import { bumpSchemaEpoch } from './schema-epoch.ts';
import { assertNoTransactionControl } from './transaction-control.ts';

export interface RollbackMigrationOptions {
  /** Defaults to supabase/migrations. */
  dir?: string;
  /** Defaults to supabase/rollbacks; holds a file with the same name as each migration. */
  rollbacksDir?: string;
}

/**
 * Runs the rollback file of one applied migration and deletes its history row, in one
 * transaction (as `supabase migration repair --status reverted` would leave history). Refuses
 * when a later migration is still applied: rollbacks are undone newest first.
 * Take a backup first; the db:rollback command does.
 */
export async function rollbackMigration(
  db: Database,
  versionOrFile: string,
  options: RollbackMigrationOptions = {},
): Promise<{ rolledBack: string }> {
  const file = findMigrationFile(
    listMigrationFiles(options.dir ?? DEFAULT_MIGRATIONS_DIR),
    versionOrFile,
  );
  const rollbackPath = join(options.rollbacksDir ?? DEFAULT_ROLLBACKS_DIR, file.fileName);
  if (!existsSync(rollbackPath)) throw new Error(`No rollback file: ${rollbackPath}`);
  const sql = readSqlFile(rollbackPath);
  assertNoTransactionControl(`rollbacks/${file.fileName}`, sql);

  await db.transaction(async (tx) => {
    await lockMigrations(tx);
    const applied = await appliedVersions(tx);
    if (!applied.includes(file.version)) {
      throw new Error(`Migration ${file.fileName} is not applied; nothing to roll back.`);
    }
    const later = applied.filter((v) => v > file.version);
    if (later.length > 0) {
      throw new Error(
        `Cannot roll back ${file.fileName}: later migration ${later.join(', ')} is still applied; roll that back first.`,
      );
    }
    try {
      await tx.exec(sql);
    } catch (error) {
      throw new MigrationError(`rollbacks/${file.fileName}`, sql, error);
    }
    await deleteHistoryRow(tx, file.version);
  });
  bumpSchemaEpoch(db);
  return { rolledBack: file.fileName };
}
