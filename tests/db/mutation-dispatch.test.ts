import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations } from '../../server/db/apply-migrations.ts';
import type { SqlExecutor } from '../../server/db/database.ts';
import { asActor } from './support/actors.ts';
import type { CrmUsers } from './support/crm-fixtures.ts';
import { createUsers } from './support/crm-fixtures.ts';
import type { TestDatabase } from './support/test-database.ts';
import { createTestDatabase, engineName } from './support/test-database.ts';

// sync_push has no list of mutation names: it runs any sync_mutations.<name>(jsonb) the caller
// may execute. These functions are made here, after the migrations, so nothing in sync_push can
// know them by name.

interface PushResult {
  mutation_id: number;
  status: 'applied' | 'rejected';
  code: string | null;
  message: string | null;
}

const CLIENT = 'c1c1c1c1-0000-4000-8000-000000000001';

async function push(tx: SqlExecutor, name: string, args: unknown): Promise<PushResult> {
  const { rows } = await tx.query<{ r: { results: PushResult[] } }>(
    'select public.sync_push($1, $2) as r',
    [CLIENT, JSON.stringify([{ mutation_id: 1, name, args }])],
  );
  const result = rows[0]?.r.results[0];
  if (!result) throw new Error('sync_push gave no result');
  return result;
}

describe(`sync_push finds mutations in the catalog (${engineName})`, () => {
  let t: TestDatabase;
  let users: CrmUsers;

  beforeAll(async () => {
    t = await createTestDatabase();
    await applyMigrations(t.db);
    users = await createUsers(t.db);
    await t.db.exec(`
      -- A new mutation: proves it ran by leaving a setting behind.
      create function sync_mutations.leave_note(args jsonb) returns void
        language plpgsql security invoker set search_path = ''
      as $$ begin perform pg_catalog.set_config('test.note', args ->> 'note', true); end; $$;
      revoke all on function sync_mutations.leave_note(jsonb) from public, anon, authenticated;
      grant execute on function sync_mutations.leave_note(jsonb) to authenticated;

      -- Present, but the caller may not execute it.
      create function sync_mutations.managers_only(args jsonb) returns void
        language sql security invoker set search_path = '' as $$ select $$;
      revoke all on function sync_mutations.managers_only(jsonb) from public, anon, authenticated;

      -- Executable, but not the shape of a mutation (not one jsonb argument).
      create function sync_mutations.wrong_shape(args text) returns void
        language sql security invoker set search_path = '' as $$ select $$;
      grant execute on function sync_mutations.wrong_shape(text) to authenticated;

      -- Executable with the right shape, but outside sync_mutations.
      create function public.outside_schema(args jsonb) returns void
        language sql security invoker set search_path = '' as $$ select $$;
      grant execute on function public.outside_schema(jsonb) to authenticated;
    `);
  });
  afterAll(() => t.drop());

  const asAgent = <T>(fn: (tx: SqlExecutor) => Promise<T>) =>
    asActor(t.db, { role: 'authenticated', userId: users.agentA }, fn);

  it('runs a function added to sync_mutations, with its args, without changing sync_push', async () => {
    const note = await asAgent(async (tx) => {
      expect(await push(tx, 'leave_note', { note: 'hello' })).toMatchObject({
        status: 'applied',
        code: null,
      });
      const { rows } = await tx.query<{ note: string }>(
        `select current_setting('test.note', true) as note`,
      );
      return rows[0]?.note;
    });
    expect(note).toBe('hello');
  });

  it.each([
    ['a name with no function', 'drop_table'],
    ['a function the caller may not execute', 'managers_only'],
    ['a function that does not take one jsonb', 'wrong_shape'],
    ['a function in another schema', 'outside_schema'],
    ['a qualified name', 'public.outside_schema'],
    ['a name that only quoting would make valid', 'leave_note(jsonb); --'],
    ['an existing name in another case', 'LEAVE_NOTE'],
  ])('refuses %s as unknown (22023)', async (_what, name) => {
    const result = await asAgent((tx) => push(tx, name, {}));
    expect(result).toEqual({
      mutation_id: 1,
      status: 'rejected',
      code: '22023',
      message: `Unknown mutation "${name}"`,
    });
  });

  it('the same function is refused once execute is revoked from the caller', async () => {
    const result = await asAgent(async (tx) => {
      await tx.exec('reset role');
      await tx.exec(
        'revoke execute on function sync_mutations.leave_note(jsonb) from authenticated',
      );
      await tx.exec('set local role authenticated');
      return push(tx, 'leave_note', { note: 'x' });
    });
    expect(result).toMatchObject({ status: 'rejected', message: 'Unknown mutation "leave_note"' });
  });

  it('sync_push itself: signed-in users and the service role only', async () => {
    const { rows } = await t.db.query<{ role: string; allowed: boolean }>(
      `select r as role, has_function_privilege(r, 'public.sync_push(uuid, jsonb)', 'execute') as allowed
         from unnest(array['anon', 'authenticated', 'service_role']) r order by r`,
    );
    expect(rows).toEqual([
      { role: 'anon', allowed: false },
      { role: 'authenticated', allowed: true },
      { role: 'service_role', allowed: true },
    ]);
    const acl = await t.db.query<{ grantee: string }>(
      `select coalesce(a.grantee::regrole::text, 'PUBLIC') as grantee
         from pg_proc p, aclexplode(p.proacl) a
        where p.oid = 'public.sync_push(uuid, jsonb)'::regprocedure and a.grantee = 0`,
    );
    expect(acl.rows).toEqual([]);
  });
});
