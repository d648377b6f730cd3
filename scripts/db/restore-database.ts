import type { Database } from '../../server/db/database.ts';
import { ensureSupabaseCompat } from '../../server/db/supabase-compat.ts';
import { assertCompleteDump, schemasInDump } from './backup-file.ts';

// psql meta-commands pg_dump ≥ 15.14 writes around the script; they mean nothing outside psql.
const RESTRICT_LINE = /^\\(un)?restrict \S+$/;

// pg_dump writes the public schema's privileges only where they differ from a fresh database's
// (PostgreSQL ≥ 15: owner pg_database_owner, USAGE for everyone). So public is recreated in that
// initial state, and the dump's own CREATE SCHEMA public is skipped; its GRANT/REVOKEs then apply.
const RECREATE_PUBLIC = `
  create schema public authorization pg_database_owner;
  grant usage on schema public to public;
  comment on schema public is 'standard public schema';
`;

// Devices synced past the backup hold rows the restored database no longer has (and no tombstone
// says so): every user's devices must drop their copy and pull again. sync_pull answers `reset`
// to a cursor older than this transaction (and to one beyond the restored cluster's counter).
const RESET_SYNC_CLIENTS = `
  do $$
  begin
    if pg_catalog.to_regclass('private.sync_user_resets') is not null then
      insert into private.sync_user_resets (user_id)
      select id from auth.users
      on conflict (user_id) do update set _txid = pg_catalog.pg_current_xact_id();
    end if;
  end
  $$;
`;

/**
 * Replaces the schemas a backup contains with the backup's content, in one transaction: each
 * schema is dropped (with everything in it, including data written since the backup) and
 * recreated from the dump. Nothing changes if any statement fails.
 */
export async function restoreDatabase(db: Database, dump: string): Promise<{ schemas: string[] }> {
  assertCompleteDump(dump, 'backup');
  const schemas = schemasInDump(dump);
  if (schemas.length === 0) throw new Error('The backup creates no schema; refusing to restore it');
  const lines = dump.split('\n').filter((line) => !RESTRICT_LINE.test(line));
  const metaCommand = lines.find((line) => line.startsWith('\\'));
  if (metaCommand !== undefined) {
    throw new Error(
      `The backup contains a psql command (${metaCommand.slice(0, 40)}); refusing it`,
    );
  }
  await db.transaction(async (tx) => {
    // Into a new database (a new machine, a fresh cluster): the roles the dump grants to
    // (anon, authenticated …) must exist first. Does nothing on a Supabase project.
    await ensureSupabaseCompat(tx);
    for (const schema of schemas) await tx.exec(`drop schema if exists "${schema}" cascade`);
    if (schemas.includes('public')) await tx.exec(RECREATE_PUBLIC);
    await tx.exec(lines.filter((line) => line !== 'CREATE SCHEMA public;').join('\n'));
    // The dump sets session settings (search_path = '' …); do not leave them on a pooled connection.
    await tx.exec('reset all');
    await tx.exec(RESET_SYNC_CLIENTS);
  });
  return { schemas };
}
