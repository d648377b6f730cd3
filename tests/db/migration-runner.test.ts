import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations } from '../../server/db/apply-migrations.ts';
import { MigrationError } from '../../server/db/migration-error.ts';
import { migrationStatus } from '../../server/db/migration-status.ts';
import { rollbackMigration } from '../../server/db/rollback-migration.ts';
import type { TempMigrations } from './support/temp-migrations.ts';
import { createTempMigrations } from './support/temp-migrations.ts';
import type { TestDatabase } from './support/test-database.ts';
import { createTestDatabase, engineName } from './support/test-database.ts';

// The runner on throwaway migrations: order, history as the Supabase CLI keeps it, atomic failure,
// rollback rules, and two runs at once.
describe(`migration runner (${engineName})`, () => {
  let t: TestDatabase;
  let files: TempMigrations;

  beforeAll(async () => {
    t = await createTestDatabase();
    files = createTempMigrations();
    files.add(
      '20240101000000_create_things.sql',
      'create table public.things (id int primary key, label text not null);',
      'drop table public.things;',
    );
    files.add(
      '20240102000000_seed_things.sql',
      "insert into public.things values (1, 'one'), (2, 'two');",
      'delete from public.things;',
    );
  });
  afterAll(async () => {
    files.remove();
    await t.drop();
  });

  const dirs = () => ({ dir: files.migrationsDir, rollbacksDir: files.rollbacksDir });

  it('applies pending migrations in order and records them as the Supabase CLI does', async () => {
    const seen: string[] = [];
    const result = await applyMigrations(t.db, {
      dir: files.migrationsDir,
      onApply: (f) => seen.push(f.fileName),
    });
    expect(result.applied).toEqual([
      '20240101000000_create_things.sql',
      '20240102000000_seed_things.sql',
    ]);
    expect(seen).toEqual(result.applied);

    const { rows } = await t.db.query<{ version: string; name: string; statements: string[] }>(
      'select version, name, statements from supabase_migrations.schema_migrations order by version',
    );
    expect(rows).toEqual([
      {
        version: '20240101000000',
        name: 'create_things',
        statements: ['create table public.things (id int primary key, label text not null);'],
      },
      {
        version: '20240102000000',
        name: 'seed_things',
        statements: ["insert into public.things values (1, 'one'), (2, 'two');"],
      },
    ]);
    const columns = await t.db.query<{ column_name: string; data_type: string }>(
      `select column_name, data_type from information_schema.columns
        where table_schema = 'supabase_migrations' and table_name = 'schema_migrations'
        order by ordinal_position`,
    );
    expect(columns.rows).toEqual([
      { column_name: 'version', data_type: 'text' },
      { column_name: 'statements', data_type: 'ARRAY' },
      { column_name: 'name', data_type: 'text' },
    ]);
  });

  it('creates the Supabase roles and auth functions the migrations rely on', async () => {
    const { rows } = await t.db.query<{ n: number }>(
      `select count(*)::int as n from pg_roles
        where rolname in ('anon', 'authenticated', 'service_role', 'authenticator')`,
    );
    expect(rows[0]?.n).toBe(4);
    const uid = await t.db.transaction(async (tx) => {
      await tx.query(`select set_config('request.jwt.claims', $1, true)`, [
        JSON.stringify({ sub: '00000000-0000-4000-8000-000000000001', role: 'authenticated' }),
      ]);
      return tx.query<{ uid: string; role: string }>(
        'select auth.uid() as uid, auth.role() as role',
      );
    });
    expect(uid.rows[0]).toEqual({
      uid: '00000000-0000-4000-8000-000000000001',
      role: 'authenticated',
    });
  });

  it('does nothing when up to date', async () => {
    expect(await applyMigrations(t.db, { dir: files.migrationsDir })).toEqual({ applied: [] });
    const status = await migrationStatus(t.db, dirs());
    expect(status.pending).toEqual([]);
    expect(status.migrations.every((m) => m.applied && m.hasRollback)).toBe(true);
  });

  it('leaves nothing of a failed migration and no history row, and names file, error and line', async () => {
    files.add(
      '20240103000000_broken.sql',
      [
        'create table public.half_done (id int);',
        "insert into public.things values (3, 'three');",
        'select * from public.no_such_table;',
      ].join('\n'),
    );
    const failure = await applyMigrations(t.db, { dir: files.migrationsDir }).catch(
      (e: unknown) => e,
    );
    expect(failure).toBeInstanceOf(MigrationError);
    const message = (failure as MigrationError).message;
    expect(message).toContain('20240103000000_broken.sql');
    expect(message).toMatch(/relation "public.no_such_table" does not exist/);
    expect(message).toContain('SQLSTATE 42P01');
    expect(message).toContain('line 3');

    const left = await t.db.query<{ half: boolean; things: number; history: number }>(
      `select to_regclass('public.half_done') is not null as half,
              (select count(*)::int from public.things) as things,
              (select count(*)::int from supabase_migrations.schema_migrations
                where version = '20240103000000') as history`,
    );
    expect(left.rows[0]).toEqual({ half: false, things: 2, history: 0 });
    expect((await migrationStatus(t.db, dirs())).pending).toEqual(['20240103000000_broken.sql']);
  });

  it('applies the fixed migration on the next run', async () => {
    files.add(
      '20240103000000_broken.sql',
      "insert into public.things values (3, 'three');",
      'delete from public.things where id = 3;',
    );
    expect((await applyMigrations(t.db, { dir: files.migrationsDir })).applied).toEqual([
      '20240103000000_broken.sql',
    ]);
  });

  it('refuses to roll back a migration while a later one is applied, naming it', async () => {
    await expect(rollbackMigration(t.db, '20240101000000', dirs())).rejects.toThrow(
      /later migration 20240102000000, 20240103000000 is still applied/,
    );
  });

  it('rolls back the newest migration and deletes its history row', async () => {
    expect(await rollbackMigration(t.db, '20240103000000_broken.sql', dirs())).toEqual({
      rolledBack: '20240103000000_broken.sql',
    });
    const { rows } = await t.db.query<{ things: number; history: string[] }>(
      `select (select count(*)::int from public.things) as things,
              (select array_agg(version order by version) from supabase_migrations.schema_migrations) as history`,
    );
    expect(rows[0]).toEqual({ things: 2, history: ['20240101000000', '20240102000000'] });
    await expect(rollbackMigration(t.db, '20240103000000', dirs())).rejects.toThrow(
      /is not applied/,
    );
  });

  it('keeps a failed rollback atomic: history row and data stay', async () => {
    files.add(
      '20240103000000_broken.sql',
      "insert into public.things values (3, 'three');",
      'delete from public.things; select 1/0;',
    );
    await applyMigrations(t.db, { dir: files.migrationsDir });
    await expect(rollbackMigration(t.db, '20240103000000', dirs())).rejects.toThrow(
      /rollbacks\/20240103000000_broken\.sql: division by zero/,
    );
    const { rows } = await t.db.query<{ things: number; applied: boolean }>(
      `select (select count(*)::int from public.things) as things,
              exists (select from supabase_migrations.schema_migrations where version = '20240103000000') as applied`,
    );
    expect(rows[0]).toEqual({ things: 3, applied: true });
  });

  it('refuses a new file older than the latest applied migration', async () => {
    files.add('20231231000000_too_old.sql', 'select 1;');
    await expect(applyMigrations(t.db, { dir: files.migrationsDir })).rejects.toThrow(
      /20231231000000_too_old\.sql are older than the latest applied migration 20240103000000/,
    );
  });

  it('applies each migration once when two runs overlap', async () => {
    const fresh = await createTestDatabase();
    const parallel = createTempMigrations();
    try {
      for (let i = 1; i <= 5; i++) {
        // Not idempotent on purpose: a second application would fail on the existing table.
        parallel.add(`2024020${i}000000_step_${i}.sql`, `create table public.step_${i} (id int);`);
      }
      const second = fresh.url ? await fresh.openAnother() : fresh.db;
      const [a, b] = await Promise.all([
        applyMigrations(fresh.db, { dir: parallel.migrationsDir }),
        applyMigrations(second, { dir: parallel.migrationsDir }),
      ]);
      const all = [...a.applied, ...b.applied].sort();
      expect(all).toEqual([1, 2, 3, 4, 5].map((i) => `2024020${i}000000_step_${i}.sql`));
      const { rows } = await fresh.db.query<{ n: number }>(
        'select count(*)::int as n from supabase_migrations.schema_migrations',
      );
      expect(rows[0]?.n).toBe(5);
    } finally {
      parallel.remove();
      await fresh.drop();
    }
  });
});
