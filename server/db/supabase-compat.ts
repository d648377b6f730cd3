import type { SqlExecutor } from './database.ts';
import { readSqlFile } from './migration-files.ts';
import { SUPABASE_COMPAT_SQL } from './migration-paths.ts';

/** A Supabase project (hosted or `supabase start`) has its own admin role; plain Postgres/PGlite do not. */
export async function isSupabaseProject(db: SqlExecutor): Promise<boolean> {
  const { rows } = await db.query<{ supabase: boolean }>(
    `select exists (select from pg_catalog.pg_roles where rolname = 'supabase_admin') as supabase`,
  );
  return rows[0]?.supabase === true;
}

/**
 * Creates what Supabase provides and the migrations rely on (roles, auth schema, auth.uid() …),
 * only on a database that is not a Supabase project. The script creates each piece only where
 * missing, so running it again is harmless.
 */
export async function ensureSupabaseCompat(tx: SqlExecutor): Promise<'supabase' | 'bootstrapped'> {
  if (await isSupabaseProject(tx)) return 'supabase';
  await tx.exec(readSqlFile(SUPABASE_COMPAT_SQL));
  return 'bootstrapped';
}
