import type { SqlExecutor } from './database.ts';

// The history table exactly as the Supabase CLI 2.x creates and reads it (pkg/migration/history):
// `supabase migration list/repair/push --db-url` see the same state as our runner.
const CREATE_HISTORY = `
  create schema if not exists supabase_migrations;
  create table if not exists supabase_migrations.schema_migrations (version text not null primary key);
  alter table supabase_migrations.schema_migrations add column if not exists statements text[];
  alter table supabase_migrations.schema_migrations add column if not exists name text;
`;

export async function ensureHistoryTable(tx: SqlExecutor): Promise<void> {
  await tx.exec(CREATE_HISTORY);
}

export async function historyTableExists(db: SqlExecutor): Promise<boolean> {
  const { rows } = await db.query<{ exists: boolean }>(
    `select to_regclass('supabase_migrations.schema_migrations') is not null as exists`,
  );
  return rows[0]?.exists === true;
}

/** Applied versions in order; empty when the history table does not exist yet. */
export async function appliedVersions(db: SqlExecutor): Promise<string[]> {
  if (!(await historyTableExists(db))) return [];
  const { rows } = await db.query<{ version: string }>(
    'select version from supabase_migrations.schema_migrations order by version',
  );
  return rows.map((r) => r.version);
}

/**
 * The CLI stores the file split into statements; we store the file as one statement, which
 * `supabase migration fetch` turns back into the same file and `migration list` ignores.
 */
export async function insertHistoryRow(
  tx: SqlExecutor,
  row: { version: string; name: string; sql: string },
): Promise<void> {
  await tx.query(
    'insert into supabase_migrations.schema_migrations (version, name, statements) values ($1, $2, $3)',
    [row.version, row.name, [row.sql]],
  );
}

/** What `supabase migration repair --status reverted <version>` does. */
export async function deleteHistoryRow(tx: SqlExecutor, version: string): Promise<void> {
  await tx.query('delete from supabase_migrations.schema_migrations where version = $1', [version]);
}
