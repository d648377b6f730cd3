import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations } from '../../server/db/apply-migrations.ts';
import { DEFAULT_MIGRATIONS_DIR, DEFAULT_ROLLBACKS_DIR } from '../../server/db/migration-paths.ts';
import { findTransactionControl } from '../../server/db/transaction-control.ts';
import { createTempMigrations } from './support/temp-migrations.ts';
import type { TempMigrations } from './support/temp-migrations.ts';
import type { TestDatabase } from './support/test-database.ts';
import { createTestDatabase, engineName } from './support/test-database.ts';

describe('finding transaction-control statements in a migration file', () => {
  it.each([
    ['commit;', 'COMMIT', 1],
    ['create table a ();\n\nCOMMIT;\ncreate table b ();', 'COMMIT', 3],
    ['BEGIN;\ncreate table a ();', 'BEGIN', 1],
    ['create table a ();\nrollback', 'ROLLBACK', 2],
    ['end;', 'END', 1],
    ['start transaction isolation level serializable;', 'START TRANSACTION', 1],
    ['savepoint s;', 'SAVEPOINT', 1],
    ["select 'x';\n  /* a */ commit ;", 'COMMIT', 2],
  ])('finds it in %j', (sql, keyword, line) => {
    expect(findTransactionControl(sql)[0]).toEqual({ keyword, line });
  });

  it.each([
    'do $$ begin perform 1; end $$;',
    'create function f() returns int language plpgsql as $body$ begin return 1; end $body$;',
    'create function f() returns int language sql begin atomic select case when true then 1 end; select 2; end;',
    '-- commit;\nselect 1;',
    '/* commit; /* nested */ rollback; */ select 1;',
    "select 'commit; begin;';",
    "select E'it\\'s; commit';",
    'select 1 as "commit; end";',
    'comment on table t is $$ begin; commit; $$;',
  ])('finds none in %j', (sql) => {
    expect(findTransactionControl(sql)).toEqual([]);
  });

  it('finds none in the real migrations and rollbacks', () => {
    for (const dir of [DEFAULT_MIGRATIONS_DIR, DEFAULT_ROLLBACKS_DIR]) {
      for (const file of readdirSync(dir).filter((f) => f.endsWith('.sql'))) {
        expect(findTransactionControl(readFileSync(join(dir, file), 'utf8')), file).toEqual([]);
      }
    }
  });
});

describe(`a migration file with COMMIT inside (${engineName})`, () => {
  let t: TestDatabase;
  let temp: TempMigrations;
  beforeAll(async () => {
    t = await createTestDatabase();
    temp = createTempMigrations();
  });
  afterAll(async () => {
    temp.remove();
    await t.drop();
  });

  it('is refused with a clear message, and nothing of the run is applied', async () => {
    temp.add('20990101000000_first.sql', 'create table public.tc_first (id int);');
    temp.add(
      '20990102000000_half.sql',
      'create table public.tc_before (id int);\ncommit;\ncreate table public.tc_after (id int);',
    );
    await expect(applyMigrations(t.db, { dir: temp.migrationsDir })).rejects.toThrow(
      /20990102000000_half\.sql line 2: COMMIT is not allowed in a migration file/,
    );
    const { rows } = await t.db.query<{ name: string | null }>(
      `select to_regclass(n)::text as name
         from unnest(array['public.tc_first', 'public.tc_before', 'public.tc_after']) n`,
    );
    expect(rows.map((r) => r.name)).toEqual([null, null, null]);
    const history = await t.db.query(
      `select 1 from supabase_migrations.schema_migrations where version like '2099%'`,
    );
    expect(history.rows).toEqual([]);
  });
});
