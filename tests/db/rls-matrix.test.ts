import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor, Outcome } from './support/actors.ts';
import { asActor, tryAs } from './support/actors.ts';
import type { CrmUsers } from './support/crm-fixtures.ts';
import { createUsers } from './support/crm-fixtures.ts';
import { applyMigrations } from '../../server/db/apply-migrations.ts';
import type { TestDatabase } from './support/test-database.ts';
import { MIGRATIONS } from './support/migration-steps.ts';
import { createTestDatabase, engineName } from './support/test-database.ts';

type Who = 'anon' | 'agentA' | 'agentB' | 'manager';
type Verb = 'select' | 'insert' | 'update' | 'delete';
/** A row count (rows seen or changed) or 'denied' (permission error / policy violation, 42501). */
type Expected = number | 'denied';

interface Fixture {
  users: CrmUsers;
  pipeline: string;
  newStatus: string;
  spare: string;
  spareStatus: string;
  leadA: string;
  leadB: string;
  leadPool: string;
}

// The RLS matrix of issue 2, on the latest schema: anon / agent A / agent B / manager × every
// table × every verb. Each cell runs as PostgREST would run it (claims + `set local role`) and is
// rolled back. On the hosted-supabase engine the tables start with Supabase's default grants, so
// this is the table API a hosted project really serves. Column-level cells: table-api.test.ts.
describe(`row-level security matrix (${engineName})`, () => {
  let t: TestDatabase;
  let f: Fixture;

  beforeAll(async () => {
    t = await createTestDatabase();
    await applyMigrations(t.db);
    const users = await createUsers(t.db);
    const q = async (sql: string, params: unknown[] = []) =>
      (await t.db.query<{ id: string }>(sql, params)).rows[0]?.id ?? '';
    const pipeline = await q('select id from pipelines where is_default');
    const newStatus = await q(
      `select id from pipeline_statuses where pipeline_id = $1 and name = 'New'`,
      [pipeline],
    );
    const spare = await q(
      `insert into pipelines (name, display_order) values ('Spare', 2) returning id`,
    );
    const spareStatus = await q(
      `insert into pipeline_statuses (pipeline_id, name, display_order) values ($1, 'Open', 1) returning id`,
      [spare],
    );
    const lead = (name: string, owner: string | null) =>
      q(
        `insert into leads (full_name, pipeline_id, status_id, assigned_to) values ($1, $2, $3, $4) returning id`,
        [name, pipeline, newStatus, owner],
      );
    f = {
      users,
      pipeline,
      newStatus,
      spare,
      spareStatus,
      leadA: await lead('Lead of A', users.agentA),
      leadB: await lead('Lead of B', users.agentB),
      leadPool: await lead('Pool lead', null),
    };
  });
  afterAll(() => t.drop());

  const actor = (who: Who): Actor =>
    who === 'anon' ? { role: 'anon' } : { role: 'authenticated', userId: f.users[who] };

  const count = (outcome: Outcome): Expected => {
    if (!outcome.ok) {
      if (outcome.code !== '42501')
        throw new Error(`unexpected error ${outcome.code}: ${outcome.message}`);
      return 'denied';
    }
    return outcome.affectedRows ?? outcome.rows.length;
  };

  it('runs as roles that cannot bypass row-level security', async () => {
    for (const who of ['anon', 'agentA', 'manager'] as const) {
      const { rows } = await asActor(t.db, actor(who), (tx) =>
        tx.query<{ role: string; rolsuper: boolean; rolbypassrls: boolean; uid: string | null }>(
          `select current_user as role, rolsuper, rolbypassrls, auth.uid() as uid
           from pg_roles where rolname = current_user`,
        ),
      );
      expect(rows[0]).toEqual({
        role: who === 'anon' ? 'anon' : 'authenticated',
        rolsuper: false,
        rolbypassrls: false,
        uid: who === 'anon' ? null : f.users[who],
      });
    }
    const unprotected = await t.db.query<{ relname: string }>(
      `select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
       where n.nspname = 'public' and c.relkind = 'r' and not c.relrowsecurity`,
    );
    expect(unprotected.rows).toEqual([]);
  });

  // One statement per (table, verb); $1 = the acting user's id (or NULL for anon).
  const statements: Record<string, Record<Verb, (fx: Fixture) => [string, unknown[]]>> = {
    profiles: {
      select: () => ['select * from profiles', []],
      insert: (fx) => [
        `insert into profiles (id, full_name) values ($1, 'Someone')`,
        [fx.users.agentA],
      ],
      update: () => [`update profiles set full_name = full_name || '!'`, []],
      delete: () => ['delete from profiles', []],
    },
    lead_statuses: {
      select: () => ['select * from lead_statuses', []],
      insert: () => [`insert into lead_statuses (value, display_order) values ('Dormant', 9)`, []],
      update: () => [`update lead_statuses set description = 'x'`, []],
      delete: () => [`delete from lead_statuses where value = 'Lost'`, []],
    },
    leads: {
      select: () => ['select * from leads', []],
      insert: (fx) => [
        `insert into leads (full_name, pipeline_id, status_id) values ('Walk-in', $1, $2)`,
        [fx.pipeline, fx.newStatus],
      ],
      update: () => [`update leads set notes = 'called'`, []],
      delete: () => ['delete from leads', []],
    },
    pipelines: {
      select: () => ['select * from pipelines', []],
      insert: () => [`insert into pipelines (name, display_order) values ('Life', 3)`, []],
      update: () => [`update pipelines set description = 'x'`, []],
      delete: (fx) => ['delete from pipelines where id = $1', [fx.spare]],
    },
    pipeline_statuses: {
      select: () => ['select * from pipeline_statuses', []],
      insert: (fx) => [
        `insert into pipeline_statuses (pipeline_id, name, display_order) values ($1, 'Closed', 2)`,
        [fx.spare],
      ],
      update: () => [`update pipeline_statuses set description = 'x'`, []],
      delete: (fx) => ['delete from pipeline_statuses where id = $1', [fx.spareStatus]],
    },
    lead_status_history: {
      select: () => ['select * from lead_status_history', []],
      insert: (fx) => [
        `insert into lead_status_history (lead_id, to_status_name) values ($1, 'Forged')`,
        [fx.leadA],
      ],
      update: () => [`update lead_status_history set to_status_name = 'Forged'`, []],
      delete: () => ['delete from lead_status_history', []],
    },
    schema_versions: {
      select: () => ['select * from schema_versions', []],
      insert: () => [`insert into schema_versions (version) values ('forged')`, []],
      update: () => [`update schema_versions set is_active = false`, []],
      delete: () => ['delete from schema_versions', []],
    },
  };

  // anon: denied everything. Agents: their leads + the pool (2 of 3); read-only elsewhere.
  // Manager: everything; only the own profile is editable by anyone. History and
  // schema_versions are never written over the API.
  const D = 'denied';
  const expected: Record<string, Record<Verb, Record<Who, Expected>>> = {
    profiles: {
      select: { anon: D, agentA: 3, agentB: 3, manager: 3 },
      insert: { anon: D, agentA: D, agentB: D, manager: D },
      update: { anon: D, agentA: 1, agentB: 1, manager: 1 },
      delete: { anon: D, agentA: D, agentB: D, manager: D },
    },
    lead_statuses: {
      select: { anon: D, agentA: 6, agentB: 6, manager: 6 },
      insert: { anon: D, agentA: D, agentB: D, manager: 1 },
      update: { anon: D, agentA: 0, agentB: 0, manager: 6 },
      delete: { anon: D, agentA: 0, agentB: 0, manager: 1 },
    },
    leads: {
      select: { anon: D, agentA: 2, agentB: 2, manager: 3 },
      insert: { anon: D, agentA: 1, agentB: 1, manager: 1 },
      update: { anon: D, agentA: 2, agentB: 2, manager: 3 },
      delete: { anon: D, agentA: 0, agentB: 0, manager: 3 },
    },
    pipelines: {
      select: { anon: D, agentA: 2, agentB: 2, manager: 2 },
      insert: { anon: D, agentA: D, agentB: D, manager: 1 },
      update: { anon: D, agentA: 0, agentB: 0, manager: 2 },
      delete: { anon: D, agentA: 0, agentB: 0, manager: 1 },
    },
    pipeline_statuses: {
      select: { anon: D, agentA: 7, agentB: 7, manager: 7 },
      insert: { anon: D, agentA: D, agentB: D, manager: 1 },
      update: { anon: D, agentA: 0, agentB: 0, manager: 7 },
      delete: { anon: D, agentA: 0, agentB: 0, manager: 1 },
    },
    lead_status_history: {
      select: { anon: D, agentA: 2, agentB: 2, manager: 3 },
      insert: { anon: D, agentA: D, agentB: D, manager: D },
      update: { anon: D, agentA: D, agentB: D, manager: D },
      delete: { anon: D, agentA: D, agentB: D, manager: D },
    },
    schema_versions: {
      select: { anon: D, agentA: 0, agentB: 0, manager: MIGRATIONS.length },
      insert: { anon: D, agentA: D, agentB: D, manager: D },
      update: { anon: D, agentA: D, agentB: D, manager: D },
      delete: { anon: D, agentA: D, agentB: D, manager: D },
    },
  };

  for (const [table, verbs] of Object.entries(expected)) {
    it(`${table}: select / insert / update / delete for anon, agent A, agent B, manager`, async () => {
      const actual: Record<string, Record<Who, Expected>> = {};
      for (const verb of Object.keys(verbs) as Verb[]) {
        const row = {} as Record<Who, Expected>;
        for (const who of ['anon', 'agentA', 'agentB', 'manager'] as const) {
          const make = statements[table]?.[verb];
          if (!make) throw new Error(`no statement for ${table}.${verb}`);
          const [sql, params] = make(f);
          row[who] = count(await tryAs(t.db, actor(who), sql, params));
        }
        actual[verb] = row;
      }
      expect(actual).toEqual(verbs);
    });
  }

  it('agents see exactly their own leads and the pool', async () => {
    const { rows } = await asActor(t.db, actor('agentA'), (tx) =>
      tx.query<{ id: string }>('select id from leads order by full_name'),
    );
    expect(rows.map((r) => r.id).sort()).toEqual([f.leadA, f.leadPool].sort());
  });

  it("an agent cannot give a lead to someone else, nor take another agent's lead", async () => {
    const give = await tryAs(
      t.db,
      actor('agentA'),
      'update leads set assigned_to = $1 where id = $2',
      [f.users.agentB, f.leadA],
    );
    expect(give).toMatchObject({ ok: false, code: '42501' });
    const insertForOther = await tryAs(
      t.db,
      actor('agentA'),
      `insert into leads (full_name, pipeline_id, status_id, assigned_to) values ('x', $1, $2, $3)`,
      [f.pipeline, f.newStatus, f.users.agentB],
    );
    expect(insertForOther).toMatchObject({ ok: false, code: '42501' });
    const take = await tryAs(
      t.db,
      actor('agentA'),
      'update leads set assigned_to = $1 where id = $2',
      [f.users.agentA, f.leadB],
    );
    expect(take).toMatchObject({ ok: true, affectedRows: 0 });
    const claimPool = await tryAs(
      t.db,
      actor('agentA'),
      'update leads set assigned_to = $1 where id = $2',
      [f.users.agentA, f.leadPool],
    );
    expect(claimPool).toMatchObject({ ok: true, affectedRows: 1 });
  });

  it('a lead cannot point at a status outside its pipeline', async () => {
    const outcome = await tryAs(
      t.db,
      actor('agentA'),
      'update leads set status_id = $1 where id = $2',
      [f.spareStatus, f.leadA],
    );
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(['23503', '42501']).toContain(outcome.code);
  });

  it('an agent cannot promote themselves to manager', async () => {
    const outcome = await tryAs(
      t.db,
      actor('agentA'),
      `update profiles set role = 'manager' where id = $1`,
      [f.users.agentA],
    );
    expect(outcome).toMatchObject({ ok: false, code: '42501' });
  });
});
