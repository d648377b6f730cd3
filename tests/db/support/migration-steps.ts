import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from '../../../server/db/database.ts';
import { applyMigrations } from '../../../server/db/apply-migrations.ts';
import { listMigrationFiles } from '../../../server/db/migration-files.ts';
import { DEFAULT_MIGRATIONS_DIR } from '../../../server/db/migration-paths.ts';

/** The real migrations, in order. */
export const MIGRATIONS = listMigrationFiles(DEFAULT_MIGRATIONS_DIR);

/**
 * Applies the real migrations up to and including `lastVersion` (none when undefined), by
 * pointing the runner at a folder holding only those files. History stays consistent with the
 * full folder, so a later plain applyMigrations(db) continues from there.
 */
export async function migrateTo(db: Database, lastVersion: string | undefined): Promise<string[]> {
  const dir = mkdtempSync(join(tmpdir(), 'leadlanes-steps-'));
  try {
    mkdirSync(dir, { recursive: true });
    for (const file of MIGRATIONS) {
      if (lastVersion === undefined || file.version > lastVersion) break;
      copyFileSync(file.path, join(dir, file.fileName));
    }
    return (await applyMigrations(db, { dir })).applied;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function versionOf(namePart: string): string {
  const file = MIGRATIONS.find((f) => f.name === namePart);
  if (!file) throw new Error(`no migration named ${namePart}`);
  return file.version;
}
