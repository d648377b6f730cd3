import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A throwaway supabase/{migrations,rollbacks} pair in a temp dir, for runner tests. */
export interface TempMigrations {
  migrationsDir: string;
  rollbacksDir: string;
  add(fileName: string, sql: string, rollbackSql?: string): void;
  remove(): void;
}

export function createTempMigrations(): TempMigrations {
  const root = mkdtempSync(join(tmpdir(), 'leadlanes-migrations-'));
  const migrationsDir = join(root, 'migrations');
  const rollbacksDir = join(root, 'rollbacks');
  mkdirSync(migrationsDir);
  mkdirSync(rollbacksDir);
  return {
    migrationsDir,
    rollbacksDir,
    add(fileName, sql, rollbackSql) {
      writeFileSync(join(migrationsDir, fileName), sql);
      if (rollbackSql !== undefined) writeFileSync(join(rollbacksDir, fileName), rollbackSql);
    },
    remove: () => rmSync(root, { recursive: true, force: true }),
  };
}
