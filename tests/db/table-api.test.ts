import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations } from '../../server/db/apply-migrations.ts';
import type { Actor, Outcome } from './support/actors.ts';
import { tryAs } from './support/actors.ts';
import type { CrmUsers } from './support/crm-fixtures.ts';
import { createUsers } from './support/crm-fixtures.ts';
import type { TestDatabase } from './support/test-database.ts';
import { createTestDatabase, engineName } from './support/test-database.ts';

// The table API that hosted PostgREST serves, column by column: what `PATCH /rest/v1/<table>`
// or `POST /rest/v1/<table>` can change for anon, agent A, agent B and a manager. Statements run
// as PostgREST runs them (claims + `set local role`) and are rolled back. On the hosted-supabase
// engine the tables start with Supabase's default grants (ALL to anon and authenticated), so a
// migration that forgot to revoke shows up here as a write that should have been denied.

type Who = 'anon' | 'agentA' | 'agentB' | 'manager';
const WHO: Who[] = ['anon', 'agentA', 'agentB', 'manager'];
/** Rows changed, or 'denied' (42501: no privilege, or a policy's with-check refused the row). */
type Cell = number | 'denied';
const D = 'denied';

interface Fixture {
  users: CrmUsers;
  pipeline: string;
  status: string;
  otherStatus: string;
  spare: string;
  spareStatus: string;
  leadA: string;
}

describe(`table API, column by column (${engineName})`, () => {
  let t: TestDatabase;
  let f: Fixture;

  beforeAll(async () => {
    t = await createTestDatabase();
    await applyMigrations(t.db);
    const users = await createUsers(t.db);
    const one = async (sql: string, params: unknown[] = []) =>
      (await t.db.query<{ id: string }>(sql, params)).rows[0]?.id ?? '';
    const pipeline = await one('select id from pipelines where is_default');
    const status = await one(
      `select id from pipeline_statuses where pipeline_id = $1 order by display_order limit 1`,
      [pipeline],
    );
    const otherStatus = await one(
      `select id from pipeline_statuses where pipeline_id = $1 order by display_order desc limit 1`,
      [pipeline],
    );
    const spare = await one(
      `insert into pipelines (name, display_order) values ('Spare', 2) returning id`,
    );
    const spareStatus = await one(
      `insert into pipeline_statuses (pipeline_id, name, display_order) values ($1, 'Open', 1) returning id`,
      [spare],
    );
    const leadA = await one(
      `insert into leads (full_name, pipeline_id, status_id, assigned_to)
       values ('Lead of A', $1, $2, $3) returning id`,
      [pipeline, status, users.agentA],
    );
    f = { users, pipeline, status, otherStatus, spare, spareStatus, leadA };
  });
  afterAll(() => t.drop());

  const actor = (who: Who): Actor =>
    who === 'anon' ? { role: 'anon' } : { role: 'authenticated', userId: f.users[who] };

  const cell = (outcome: Outcome): Cell => {
    if (!outcome.ok) {
      if (outcome.code !== '42501')
        throw new Error(`unexpected error ${outcome.code}: ${outcome.message}`);
      return D;
    }
    return outcome.affectedRows ?? outcome.rows.length;
  };

  async function row(sql: (fx: Fixture) => [string, unknown[]]): Promise<Record<Who, Cell>> {
    const result = {} as Record<Who, Cell>;
    for (const who of WHO) {
      const [text, params] = sql(f);
      result[who] = cell(await tryAs(t.db, actor(who), text, params));
    }
    return result;
  }

  it('profiles: a user renames only themselves; nobody changes a role, an id or a timestamp', async () => {
    expect({
      ownName: await row(() => [
        `update profiles set full_name = 'Renamed' where id = auth.uid()`,
        [],
      ]),
      othersName: await row((fx) => [
        `update profiles set full_name = 'Renamed' where id = $1`,
        [fx.users.agentB],
      ]),
      ownRole: await row(() => [`update profiles set role = 'manager' where id = auth.uid()`, []]),
      othersRole: await row((fx) => [
        `update profiles set role = 'manager' where id = $1`,
        [fx.users.agentA],
      ]),
      createdAt: await row(() => [
        `update profiles set created_at = now() where id = auth.uid()`,
        [],
      ]),
    }).toEqual({
      ownName: { anon: D, agentA: 1, agentB: 1, manager: 1 },
      othersName: { anon: D, agentA: 0, agentB: 1, manager: 0 },
      ownRole: { anon: D, agentA: D, agentB: D, manager: D },
      othersRole: { anon: D, agentA: D, agentB: D, manager: D },
      createdAt: { anon: D, agentA: D, agentB: D, manager: D },
    });
  });

  it('leads: people edit the fields they own; the server keeps timestamps, txid and the legacy status', async () => {
    // $1 is the lead; $2 the extra value a statement needs, if any.
    const update =
      (set: string, value: (fx: Fixture) => unknown[] = () => []) =>
      (fx: Fixture): [string, unknown[]] => [
        `update leads set ${set} where id = $1`,
        [fx.leadA, ...value(fx)],
      ];
    expect({
      notes: await row(update(`notes = 'called'`)),
      lostReason: await row(update(`lost_reason = 'Price'`)),
      reassign: await row(update(`assigned_to = $2`, (fx) => [fx.users.agentB])),
      status: await row(update(`status_id = $2`, (fx) => [fx.otherStatus])),
      pipelineOnly: await row((fx) => [
        `update leads set pipeline_id = $2 where id = $1`,
        [fx.leadA, fx.spare],
      ]),
      pipelineAndStatus: await row((fx) => [
        `update leads set pipeline_id = $2, status_id = $3 where id = $1`,
        [fx.leadA, fx.spare, fx.spareStatus],
      ]),
      statusChangedAt: await row(update(`status_changed_at = now() - interval '9 days'`)),
      createdAt: await row(update(`created_at = now()`)),
      legacyStatus: await row(update(`status = null`)),
      txid: await row(update(`_txid = '1'::xid8`)),
    }).toEqual({
      notes: { anon: D, agentA: 1, agentB: 0, manager: 1 },
      lostReason: { anon: D, agentA: 1, agentB: 0, manager: 1 },
      // Agent A may not hand their lead to B (with check); B cannot see it; a manager may.
      reassign: { anon: D, agentA: D, agentB: 0, manager: 1 },
      status: { anon: D, agentA: 1, agentB: 0, manager: 1 },
      // A lead's status must belong to its pipeline (checked as the writer: 42501).
      pipelineOnly: { anon: D, agentA: D, agentB: 0, manager: D },
      pipelineAndStatus: { anon: D, agentA: 1, agentB: 0, manager: 1 },
      statusChangedAt: { anon: D, agentA: D, agentB: D, manager: D },
      createdAt: { anon: D, agentA: D, agentB: D, manager: D },
      legacyStatus: { anon: D, agentA: D, agentB: D, manager: D },
      txid: { anon: D, agentA: D, agentB: D, manager: D },
    });
  });

  it('leads: inserts take only the editable fields', async () => {
    const insert = (columns: string, values: string) => (fx: Fixture) =>
      [
        `insert into leads (full_name, pipeline_id, status_id${columns}) values ('Walk-in', $1, $2${values})`,
        [fx.pipeline, fx.status],
      ] as [string, unknown[]];
    expect({
      plain: await row(insert('', '')),
      backdated: await row(insert(', status_changed_at', `, now() - interval '30 days'`)),
      createdAt: await row(insert(', created_at', ', now()')),
    }).toEqual({
      plain: { anon: D, agentA: 1, agentB: 1, manager: 1 },
      backdated: { anon: D, agentA: D, agentB: D, manager: D },
      createdAt: { anon: D, agentA: D, agentB: D, manager: D },
    });
  });

  it('pipelines and statuses: managers edit the fields of the editor, nothing else', async () => {
    expect({
      pipelineName: await row((fx) => [
        `update pipelines set name = 'Life' where id = $1`,
        [fx.spare],
      ]),
      pipelineCreatedAt: await row((fx) => [
        `update pipelines set created_at = now() where id = $1`,
        [fx.spare],
      ]),
      statusColor: await row((fx) => [
        `update pipeline_statuses set color_hex = '#112233' where id = $1`,
        [fx.spareStatus],
      ]),
      statusForecast: await row((fx) => [
        `update pipeline_statuses set win_probability = 40, wip_limit = 9 where id = $1`,
        [fx.spareStatus],
      ]),
      statusLegacyValue: await row((fx) => [
        `update pipeline_statuses set legacy_value = 'New' where id = $1`,
        [fx.spareStatus],
      ]),
      statusToOtherPipeline: await row((fx) => [
        `update pipeline_statuses set pipeline_id = $2 where id = $1`,
        [fx.spareStatus, fx.pipeline],
      ]),
    }).toEqual({
      pipelineName: { anon: D, agentA: 0, agentB: 0, manager: 1 },
      pipelineCreatedAt: { anon: D, agentA: D, agentB: D, manager: D },
      statusColor: { anon: D, agentA: 0, agentB: 0, manager: 1 },
      statusForecast: { anon: D, agentA: 0, agentB: 0, manager: 1 },
      statusLegacyValue: { anon: D, agentA: D, agentB: D, manager: D },
      statusToOtherPipeline: { anon: D, agentA: D, agentB: D, manager: D },
    });
  });

  it('history cannot be forged, edited or deleted; schema_versions and legacy statuses are not agents’ to write', async () => {
    expect({
      forgeHistory: await row((fx) => [
        `insert into lead_status_history (lead_id, to_status_name) values ($1, 'Won')`,
        [fx.leadA],
      ]),
      editHistory: await row(() => [`update lead_status_history set changed_at = now()`, []]),
      deleteHistory: await row(() => ['delete from lead_status_history', []]),
      forgeVersion: await row(() => [`insert into schema_versions (version) values ('x')`, []]),
      useVersionSequence: await row(() => [`select nextval('schema_versions_id_seq')`, []]),
      editLegacyStatus: await row(() => [`update lead_statuses set description = 'x'`, []]),
    }).toEqual({
      forgeHistory: { anon: D, agentA: D, agentB: D, manager: D },
      editHistory: { anon: D, agentA: D, agentB: D, manager: D },
      deleteHistory: { anon: D, agentA: D, agentB: D, manager: D },
      forgeVersion: { anon: D, agentA: D, agentB: D, manager: D },
      useVersionSequence: { anon: D, agentA: D, agentB: D, manager: D },
      editLegacyStatus: { anon: D, agentA: 0, agentB: 0, manager: 6 },
    });
  });

  it('nudges are read-only, and each user reads only the ones meant for them', async () => {
    await t.db.query(
      `insert into sync_nudges (txid, audience) values ('1', $1), ('1', $2), ('1', 'managers')`,
      [f.users.agentA, f.users.agentB],
    );
    const audiences = await row(() => [
      `select audience from sync_nudges where audience <> 'all' and txid = '1'`,
      [],
    ]);
    expect(audiences).toEqual({ anon: D, agentA: 1, agentB: 1, manager: 1 });
    expect(await row(() => [`insert into sync_nudges (audience) values ('all')`, []])).toEqual({
      anon: D,
      agentA: D,
      agentB: D,
      manager: D,
    });
    expect(await row(() => ['delete from sync_nudges', []])).toEqual({
      anon: D,
      agentA: D,
      agentB: D,
      manager: D,
    });
  });
});
