import { fileURLToPath } from 'node:url';
import type { Database } from '../../server/db/database.ts';
import { openPostgresDatabase } from '../../server/db/postgres-database.ts';
import type { PgliteDatabase } from '../../server/db/pglite-database.ts';
import { openPgliteDatabase } from '../../server/db/pglite-database.ts';

/** The embedded database the local backend (`npm run dev`) uses when DATABASE_URL is unset. */
export const PGLITE_DATA_DIR = fileURLToPath(new URL('../../.data/pglite', import.meta.url));

export type DbTarget =
  | { kind: 'postgres'; url: string; name: string; label: string }
  | { kind: 'pglite'; dataDir: string; name: string; label: string };

/** DATABASE_URL when set, otherwise the local backend's PGlite data directory (PGLITE_DATA_DIR overrides it). */
export function resolveTarget(env: NodeJS.ProcessEnv = process.env): DbTarget {
  const url = env.DATABASE_URL;
  if (url) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw new Error('DATABASE_URL is not a valid postgres:// connection string');
    }
    if (parsed.password) parsed.password = '***';
    const name = decodeURIComponent(parsed.pathname.replace(/^\//, '')) || 'postgres';
    return { kind: 'postgres', url, name, label: `PostgreSQL ${parsed.host}/${name}` };
  }
  const dataDir = env.PGLITE_DATA_DIR ?? PGLITE_DATA_DIR;
  return {
    kind: 'pglite',
    dataDir,
    name: 'pglite',
    label: `embedded PGlite at ${dataDir} (stop \`npm run dev\` first: one process at a time)`,
  };
}

export function openTarget(target: DbTarget): Promise<Database> {
  return target.kind === 'postgres'
    ? Promise.resolve(openPostgresDatabase(target.url))
    : openPgliteDatabase(target.dataDir);
}

export function openPgliteTarget(
  target: Extract<DbTarget, { kind: 'pglite' }>,
): Promise<PgliteDatabase> {
  return openPgliteDatabase(target.dataDir);
}
