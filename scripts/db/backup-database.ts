import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { PGlite } from '@electric-sql/pglite';
import { pgDump } from '@electric-sql/pglite-tools';
import type { SqlExecutor } from '../../server/db/database.ts';
import { DEFAULT_MIGRATIONS_DIR } from '../../server/db/migration-paths.ts';
import type { PgliteDatabase } from '../../server/db/pglite-database.ts';
import { isSupabaseProject } from '../../server/db/supabase-compat.ts';
import { assertCompleteDump } from './backup-file.ts';
import { schemasCreatedByMigrations } from './migration-schemas.ts';

export const BACKUPS_DIR = fileURLToPath(new URL('../../backups', import.meta.url));

// Everything the migrations create (read from the files, so a migration adding a schema is
// backed up without anyone remembering to list it: a hand-kept list once left out
// sync_mutations, and a restored database then refused every mutation), public, and the
// migration history. On a plain Postgres the `auth` schema is ours too (the compat bootstrap made
// it); on a Supabase project it belongs to Supabase.
const ALWAYS = ['public', 'supabase_migrations'];

// INSERTs instead of COPY: the file then restores through an ordinary connection (and PGlite).
const DATA_AS_INSERTS = ['--column-inserts', '--rows-per-insert=500'];

export async function schemasToBackUp(
  db: SqlExecutor,
  migrationsDir = DEFAULT_MIGRATIONS_DIR,
): Promise<string[]> {
  const app = [...new Set([...ALWAYS, ...schemasCreatedByMigrations(migrationsDir)])];
  return (await isSupabaseProject(db)) ? app : [...app, 'auth'];
}

export type BackupSource =
  { kind: 'postgres'; url: string; db: SqlExecutor } | { kind: 'pglite'; db: PgliteDatabase };

/** pg_dump of schema and data; returns the dump text (checked complete). */
export async function dumpDatabase(source: BackupSource): Promise<string> {
  const schemas = await schemasToBackUp(source.db);
  const args = [...schemas.map((s) => `--schema=${s}`), ...DATA_AS_INSERTS];
  const text =
    source.kind === 'postgres'
      ? await runPgDump(source.url, args)
      : await source.db.withPglite((pg) => pgliteDump(pg, args));
  assertCompleteDump(text, 'pg_dump output');
  return text;
}

/** Writes backups/<timestamp>-<name>.sql and returns its path. */
export async function backupDatabase(source: BackupSource, name: string): Promise<string> {
  const text = await dumpDatabase(source);
  mkdirSync(BACKUPS_DIR, { recursive: true });
  const stamp = new Date()
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  const path = join(BACKUPS_DIR, `${stamp}-${name.replace(/[^A-Za-z0-9_.-]/g, '_')}.sql`);
  writeFileSync(path, text);
  return path;
}

// pgDump runs on the caller's own (only) connection and leaves its read-only snapshot
// transaction open and search_path emptied: end and reset both so the database stays usable.
async function pgliteDump(pg: PGlite, args: string[]): Promise<string> {
  try {
    return await (await pgDump({ pg, args })).text();
  } finally {
    if (pg.isInTransaction()) await pg.exec('rollback');
    await pg.exec('reset all');
  }
}

const execFileAsync = promisify(execFile);

async function runPgDump(url: string, args: string[]): Promise<string> {
  const binary = process.env.PG_DUMP ?? 'pg_dump';
  try {
    const { stdout } = await execFileAsync(binary, [`--dbname=${url}`, ...args], {
      maxBuffer: 1024 * 1024 * 1024,
    });
    return stdout;
  } catch (error) {
    const e = error as NodeJS.ErrnoException & { stderr?: string };
    if (e.code === 'ENOENT') {
      throw new Error(
        `${binary} not found: install the PostgreSQL client (same major version as the server) or set PG_DUMP`,
      );
    }
    throw new Error(`pg_dump failed: ${(e.stderr ?? e.message).trim()}`);
  }
}
