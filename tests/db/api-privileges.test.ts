import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations } from '../../server/db/apply-migrations.ts';
import type { TestDatabase } from './support/test-database.ts';
import { createTestDatabase, engineName } from './support/test-database.ts';

// Revoke, then grant, checked from the catalog: every object in an exposed or helper schema,
// with every privilege the API roles hold on it. A new table, column, sequence or function that a
// migration forgets to lock down shows up here (on the hosted-supabase engine it would otherwise
// carry Supabase's default ALL for anon and authenticated).

const API_ROLES = ['anon', 'authenticated'];

describe(`privileges of the API roles (${engineName})`, () => {
  let t: TestDatabase;

  beforeAll(async () => {
    t = await createTestDatabase();
    await applyMigrations(t.db);
  });
  afterAll(() => t.drop());

  it('anon holds nothing on any table, sequence or function of ours', async () => {
    const { rows } = await t.db.query<{ object: string }>(
      `select c.relname || ' ' || p.privilege_type as object
         from pg_class c
         join pg_namespace n on n.oid = c.relnamespace
         cross join lateral (select unnest(array['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE',
                                                 'REFERENCES', 'TRIGGER']) as privilege_type) p
        where n.nspname in ('public', 'private', 'sync_mutations') and c.relkind in ('r', 'v', 'm')
          and has_table_privilege('anon', c.oid, p.privilege_type)
       union all
       select c.relname || ' column ' || a.attname
         from pg_class c
         join pg_namespace n on n.oid = c.relnamespace
         join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
        where n.nspname in ('public', 'private') and c.relkind = 'r'
          and has_column_privilege('anon', c.oid, a.attnum, 'SELECT, INSERT, UPDATE, REFERENCES')
       union all
       select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname in ('public', 'private')
          -- CASE: the planner may otherwise ask about a non-sequence and fail.
          and case when c.relkind = 'S' then has_sequence_privilege('anon', c.oid, 'USAGE, SELECT, UPDATE') else false end
       union all
       select p.oid::regprocedure::text from pg_proc p join pg_namespace n on n.oid = p.pronamespace
        where n.nspname in ('public', 'private', 'sync_mutations')
          and has_function_privilege('anon', p.oid, 'EXECUTE')`,
    );
    expect(rows).toEqual([]);
  });

  it('PUBLIC executes no function of ours (Postgres grants it by default)', async () => {
    const { rows } = await t.db.query<{ fn: string }>(
      `select p.oid::regprocedure::text as fn
         from pg_proc p join pg_namespace n on n.oid = p.pronamespace
        where n.nspname in ('public', 'private', 'sync_mutations')
          and (p.proacl is null
               or exists (select 1 from aclexplode(p.proacl) a where a.grantee = 0))
        order by 1`,
    );
    expect(rows).toEqual([]);
  });

  it('authenticated holds exactly the table and column privileges the app needs', async () => {
    const { rows } = await t.db.query<{ grant: string }>(
      `select format('%s.%s %s', n.nspname, c.relname, p.privilege_type) as grant
         from pg_class c
         join pg_namespace n on n.oid = c.relnamespace
         cross join lateral (select unnest(array['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE',
                                                 'REFERENCES', 'TRIGGER']) as privilege_type) p
        where n.nspname = 'public' and c.relkind = 'r'
          and has_table_privilege('authenticated', c.oid, p.privilege_type)
       union all
       select format('%s.%s(%s) %s', n.nspname, c.relname, a.attname, p.privilege_type)
         from pg_class c
         join pg_namespace n on n.oid = c.relnamespace
         join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
         cross join lateral (select unnest(array['INSERT', 'UPDATE']) as privilege_type) p
        where n.nspname = 'public' and c.relkind = 'r'
          and not has_table_privilege('authenticated', c.oid, p.privilege_type)
          and has_column_privilege('authenticated', c.oid, a.attnum, p.privilege_type)
       union all
       select format('%s.%s sequence', n.nspname, c.relname)
         from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public'
          and case when c.relkind = 'S' then has_sequence_privilege('authenticated', c.oid, 'USAGE, SELECT, UPDATE') else false end
       order by 1`,
    );
    const cols = (table: string, verb: string, names: string[]) =>
      names.map((name) => `public.${table}(${name}) ${verb}`);
    const leadFields = [
      'assigned_to',
      'email',
      'estimated_premium',
      'full_name',
      'notes',
      'phone',
      'pipeline_id',
      'position',
      'product',
      'source',
      'status_id',
    ];
    const statusFields = [
      'ai_action_template',
      'color_hex',
      'description',
      'display_order',
      'icon_name',
      'is_final',
      'name',
    ];
    const expected = [
      'public.lead_status_history SELECT',
      'public.lead_statuses DELETE',
      'public.lead_statuses INSERT',
      'public.lead_statuses SELECT',
      'public.lead_statuses UPDATE',
      'public.leads DELETE',
      'public.leads SELECT',
      ...cols('leads', 'INSERT', [...leadFields, 'id']),
      ...cols('leads', 'UPDATE', [...leadFields, 'lost_reason']),
      'public.pipeline_statuses DELETE',
      'public.pipeline_statuses SELECT',
      ...cols('pipeline_statuses', 'INSERT', [...statusFields, 'id', 'pipeline_id']),
      // Forecast settings are edited, never set at creation (the columns' defaults apply).
      ...cols('pipeline_statuses', 'UPDATE', [
        ...statusFields,
        'outcome',
        'win_probability',
        'wip_limit',
      ]),
      'public.pipelines DELETE',
      'public.pipelines SELECT',
      ...cols('pipelines', 'INSERT', ['description', 'display_order', 'id', 'is_default', 'name']),
      ...cols('pipelines', 'UPDATE', ['description', 'display_order', 'is_default', 'name']),
      'public.profiles SELECT',
      'public.profiles(full_name) UPDATE',
      'public.schema_versions SELECT',
      'public.sync_nudges SELECT',
    ].sort();
    expect(rows.map((r) => r.grant).sort()).toEqual(expected);
  });

  it('authenticated executes only the API functions in public', async () => {
    const { rows } = await t.db.query<{ fn: string }>(
      `select p.oid::regprocedure::text as fn
         from pg_proc p join pg_namespace n on n.oid = p.pronamespace
        where n.nspname = 'public' and has_function_privilege('authenticated', p.oid, 'EXECUTE')
        order by 1`,
    );
    expect(rows.map((r) => r.fn)).toEqual([
      'set_user_role(uuid,text)',
      'sync_pull(uuid,text,jsonb,integer)',
      'sync_push(uuid,jsonb)',
    ]);
  });

  it('the API roles cannot bypass row-level security', async () => {
    const { rows } = await t.db.query<{
      rolname: string;
      rolsuper: boolean;
      rolbypassrls: boolean;
    }>(`select rolname, rolsuper, rolbypassrls from pg_roles where rolname = any ($1) order by 1`, [
      API_ROLES,
    ]);
    expect(rows).toEqual([
      { rolname: 'anon', rolsuper: false, rolbypassrls: false },
      { rolname: 'authenticated', rolsuper: false, rolbypassrls: false },
    ]);
  });
});
