import type { Database, OpenDatabaseOptions } from './database.ts';
import { openPgliteDatabase } from './pglite-database.ts';
import { openPostgresDatabase } from './postgres-database.ts';

/** A real PostgreSQL when `databaseUrl` is set, otherwise embedded PGlite (in memory without dataDir). */
export async function openDatabase(opts: OpenDatabaseOptions): Promise<Database> {
  if (opts.databaseUrl) return openPostgresDatabase(opts.databaseUrl, opts.poolSize);
  return openPgliteDatabase(opts.dataDir);
}
