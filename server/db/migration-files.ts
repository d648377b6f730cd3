import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** A migration file named the Supabase CLI way: `<version>_<name>.sql`. */
export interface MigrationFile {
  version: string;
  name: string;
  fileName: string;
  path: string;
}

// The same pattern the Supabase CLI uses to read versions from supabase/migrations.
const MIGRATION_FILE = /^([0-9]+)_(.*)\.sql$/;

export function listMigrationFiles(migrationsDir: string): MigrationFile[] {
  if (!existsSync(migrationsDir)) {
    throw new Error(`Migrations folder not found: ${migrationsDir}`);
  }
  const files: MigrationFile[] = [];
  for (const fileName of readdirSync(migrationsDir).sort()) {
    const match = MIGRATION_FILE.exec(fileName);
    if (!match?.[1]) continue;
    files.push({
      version: match[1],
      name: match[2] ?? '',
      fileName,
      path: join(migrationsDir, fileName),
    });
  }
  const seen = new Set<string>();
  for (const file of files) {
    if (seen.has(file.version))
      throw new Error(`Two migration files share version ${file.version}`);
    seen.add(file.version);
  }
  return files;
}

/** Accepts a version (`20250501000000`) or a file name (`20250501000000_add_pipelines.sql`). */
export function findMigrationFile(files: MigrationFile[], versionOrFile: string): MigrationFile {
  const wanted = basename(versionOrFile)
    .replace(/_.*$/, '')
    .replace(/\.sql$/, '');
  const file = files.find((f) => f.version === wanted);
  if (!file) throw new Error(`No migration file for version ${versionOrFile}`);
  return file;
}

/** supabase/rollbacks/ beside supabase/migrations/, holding one file per migration, same name. */
export function defaultRollbacksDir(migrationsDir: string): string {
  return join(dirname(migrationsDir), 'rollbacks');
}

export function readSqlFile(path: string): string {
  return readFileSync(path, 'utf8');
}
