import type { Database } from './database.ts';
import { MigrationError } from './migration-error.ts';
import type { MigrationFile } from './migration-files.ts';
import { listMigrationFiles, readSqlFile } from './migration-files.ts';
import { appliedVersions, ensureHistoryTable, insertHistoryRow } from './migration-history.ts';
import { lockMigrations } from './migration-lock.ts';
import { DEFAULT_MIGRATIONS_DIR } from './migration-paths.ts';
import { ensureSupabaseCompat } from './supabase-compat.ts';
import { bumpSchemaEpoch } from './schema-epoch.ts';
import { assertNoTransactionControl } from './transaction-control.ts';

export interface ApplyMigrationsOptions {
  /** Folder of `<version>_<name>.sql` files; defaults to supabase/migrations. */
  dir?: string;
  /** Called before each migration is applied (progress output). */
  onApply?: (file: MigrationFile) => void;
}

export interface ApplyMigrationsResult {
  /** File names applied by this call, in order (empty when already up to date). */
  applied: string[];
}

/**
 * Applies pending migrations in version order. Each one runs in its own transaction together with
 * its history row, under an advisory lock re-checked inside the transaction: two runs at once
 * (processes or overlapping calls) never both apply a migration. A failure rolls back that
 * migration completely, stops, and throws a MigrationError naming the file.
 */
export async function applyMigrations(
  db: Database,
  options: ApplyMigrationsOptions = {},
): Promise<ApplyMigrationsResult> {
  const files = listMigrationFiles(options.dir ?? DEFAULT_MIGRATIONS_DIR);

  const alreadyApplied = await db.transaction(async (tx) => {
    await lockMigrations(tx);
    await ensureSupabaseCompat(tx);
    await ensureHistoryTable(tx);
    return appliedVersions(tx);
  });
  assertHistoryMatchesFiles(files, alreadyApplied);

  // Every pending file is checked before any is applied: a refused file stops the run cleanly.
  const pending = files
    .filter((file) => !alreadyApplied.includes(file.version))
    .map((file) => ({ file, sql: readSqlFile(file.path) }));
  for (const { file, sql } of pending) assertNoTransactionControl(file.fileName, sql);

  const applied: string[] = [];
  try {
    for (const { file, sql } of pending) {
      const didApply = await db.transaction(async (tx) => {
        await lockMigrations(tx);
        // Another run may have applied it while we waited for the lock.
        if ((await appliedVersions(tx)).includes(file.version)) return false;
        options.onApply?.(file);
        try {
          await tx.exec(sql);
        } catch (error) {
          throw new MigrationError(file.fileName, sql, error);
        }
        await insertHistoryRow(tx, { version: file.version, name: file.name, sql });
        return true;
      });
      if (didApply) applied.push(file.fileName);
    }
  } finally {
    // Even when a later file fails, the earlier ones are in: catalog caches must not outlive them.
    if (applied.length > 0) bumpSchemaEpoch(db);
  }
  return { applied };
}

// The Supabase CLI refuses the same two situations; applying anyway would make history lie.
function assertHistoryMatchesFiles(files: MigrationFile[], applied: string[]): void {
  const known = new Set(files.map((f) => f.version));
  const unknown = applied.filter((v) => !known.has(v));
  if (unknown.length > 0) {
    throw new Error(
      `The database has applied migration(s) ${unknown.join(', ')} with no file in the migrations folder; ` +
        'restore the files, or mark them reverted (supabase migration repair --status reverted) if they were undone.',
    );
  }
  const latest = applied.at(-1);
  const late = files.filter(
    (f) => latest !== undefined && f.version < latest && !applied.includes(f.version),
  );
  if (late.length > 0) {
    throw new Error(
      `Migration file(s) ${late.map((f) => f.fileName).join(', ')} are older than the latest applied ` +
        `migration ${latest}; rename them with a newer timestamp.`,
    );
  }
}
