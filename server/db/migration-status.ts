import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { SqlExecutor } from './database.ts';
import { listMigrationFiles } from './migration-files.ts';
import { appliedVersions } from './migration-history.ts';
import { DEFAULT_MIGRATIONS_DIR, DEFAULT_ROLLBACKS_DIR } from './migration-paths.ts';

export interface MigrationFileStatus {
  version: string;
  fileName: string;
  applied: boolean;
  hasRollback: boolean;
}

/** A row of the spec's public.schema_versions (the application's own record of features). */
export interface SchemaVersionRow {
  version: string;
  description: string | null;
  is_active: boolean | null;
  applied_at: Date | null;
  rolled_back_at: Date | null;
}

export interface MigrationStatus {
  migrations: MigrationFileStatus[];
  pending: string[];
  /** Versions in the history table with no file in the migrations folder. */
  unknownApplied: string[];
  /** null when public.schema_versions does not exist (nothing migrated yet). */
  schemaVersions: SchemaVersionRow[] | null;
}

/** Read-only: never creates the history table or anything else. */
export async function migrationStatus(
  db: SqlExecutor,
  options: { dir?: string; rollbacksDir?: string } = {},
): Promise<MigrationStatus> {
  const files = listMigrationFiles(options.dir ?? DEFAULT_MIGRATIONS_DIR);
  const rollbacksDir = options.rollbacksDir ?? DEFAULT_ROLLBACKS_DIR;
  const applied = await appliedVersions(db);
  const migrations = files.map((f) => ({
    version: f.version,
    fileName: f.fileName,
    applied: applied.includes(f.version),
    hasRollback: existsSync(join(rollbacksDir, f.fileName)),
  }));
  const known = new Set(files.map((f) => f.version));
  return {
    migrations,
    pending: migrations.filter((m) => !m.applied).map((m) => m.fileName),
    unknownApplied: applied.filter((v) => !known.has(v)),
    schemaVersions: await readSchemaVersions(db),
  };
}

async function readSchemaVersions(db: SqlExecutor): Promise<SchemaVersionRow[] | null> {
  const { rows } = await db.query<{ exists: boolean }>(
    `select to_regclass('public.schema_versions') is not null as exists`,
  );
  if (rows[0]?.exists !== true) return null;
  const result = await db.query<SchemaVersionRow>(
    `select version, description, is_active, applied_at, rolled_back_at
       from public.schema_versions order by applied_at, version`,
  );
  return result.rows;
}
