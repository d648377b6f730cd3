import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations } from '../../server/db/apply-migrations.ts';
import { rollbackMigration } from '../../server/db/rollback-migration.ts';
import { asActor, tryAs } from './support/actors.ts';
import type { CrmUsers } from './support/crm-fixtures.ts';
import { createUsers } from './support/crm-fixtures.ts';
import { migrateTo, versionOf } from './support/migration-steps.ts';
import type { TestDatabase } from './support/test-database.ts';
import { createTestDatabase, engineName } from './support/test-database.ts';

// 20251001000000_add_stage_forecast over data that was there before it: the outcome backfill
// (won/lost only where the name says so), the runbook's verification queries, the checks, the
// two mutations, and a rollback that removes the new columns and nothing else.

const VERSION = '20251001000000_add_stage_forecast';

/** Final statuses by name, and the outcome the backfill must give each. */
const FINAL_NAMES: Record<string, 'open' | 'won' | 'lost'> = {
  'Closed - Won': 'won',
  'CLOSED LOST': 'lost',
  Gagné: 'won',
  Verloren: 'lost',
  'deal_won\u200b': 'won',
  "Won't buy": 'open',
  Renewed: 'open',
  Wonderful: 'open',
};

// The runbook's queries (docs/migration-runbook.md, "The stage forecast migration").
const VERIFY_COLUMNS = `select table_name, column_name from information_schema.columns
  where table_schema = 'public'
    and (table_name, column_name) in (('pipeline_statuses', 'outcome'),
      ('pipeline_statuses', 'win_probability'), ('pipeline_statuses', 'wip_limit'),
      ('leads', 'lost_reason'), ('lead_status_history', 'lost_reason'))
  order by 1, 2`;
const VERIFY_CONSISTENT = `select count(*)::int as n from public.pipeline_statuses
  where (outcome = 'won' and win_probability <> 100) or (outcome = 'lost' and win_probability <> 0)`;
const REVIEW_FINAL_OPEN = `select p.name as pipeline, s.name as status
  from public.pipeline_statuses s join public.pipelines p on p.id = s.pipeline_id
  where s.is_final and s.outcome = 'open' order by 1, 2`;

type Snapshot = Record<string, unknown>[];

describe(`stage forecast migration (${engineName})`, () => {
  let t: TestDatabase;
  let users: CrmUsers;
  let pipeline = '';
  let other = '';
  let lostStatus = '';
  let openStatus = '';
  let leadId = '';
  const snapshots: { statuses?: Snapshot; leads?: Snapshot; history?: Snapshot } = {};

  const one = async (sql: string, params: unknown[] = []) =>
    (await t.db.query<{ id: string }>(sql, params)).rows[0]?.id ?? '';
  // Stages' updated_at is left out: the backfill is a write (it also bumps _txid, so devices
  // pull the new outcome), and so is a manager's edit of the new columns.
  const snapshot = async () => ({
    statuses: (
      await t.db.query(
        `select id, pipeline_id, name, description, is_final, display_order, color_hex, icon_name,
                ai_action_template, created_at from pipeline_statuses order by id`,
      )
    ).rows,
    leads: (
      await t.db.query(
        `select id, full_name, pipeline_id, status_id, position, estimated_premium, assigned_to,
                updated_at from leads order by id`,
      )
    ).rows,
    history: (
      await t.db.query(
        `select id, lead_id, from_status_id, to_status_id, to_status_name, changed_at
           from lead_status_history order by id`,
      )
    ).rows,
  });

  beforeAll(async () => {
    t = await createTestDatabase();
    await migrateTo(t.db, versionOf('discover_sync_mutations'));
    users = await createUsers(t.db);
    pipeline = await one('select id from pipelines where is_default');
    other = await one(
      `insert into pipelines (name, display_order) values ('Other', 2) returning id`,
    );
    let order = 1;
    for (const name of Object.keys(FINAL_NAMES)) {
      await t.db.query(
        `insert into pipeline_statuses (pipeline_id, name, display_order, is_final) values ($1, $2, $3, true)`,
        [other, name, order++],
      );
    }
    // Not final: never backfilled, whatever its name.
    await t.db.query(
      `insert into pipeline_statuses (pipeline_id, name, display_order) values ($1, 'Lost', $2)`,
      [other, order],
    );
    openStatus = await one(
      `select id from pipeline_statuses where pipeline_id = $1 and name = 'New'`,
      [pipeline],
    );
    leadId = await one(
      `insert into leads (full_name, pipeline_id, status_id, estimated_premium)
       values ('Noah Harris', $1, $2, 1200) returning id`,
      [pipeline, openStatus],
    );
    const before = await snapshot();
    Object.assign(snapshots, before);
    // Up to this migration only: a later one (20251101000000_cheaper_sync_push, …) would have to
    // be rolled back before this one can be.
    await migrateTo(t.db, versionOf('add_stage_forecast'));
    lostStatus = await one(
      `select id from pipeline_statuses where pipeline_id = $1 and name = 'Lost'`,
      [pipeline],
    );
  });
  afterAll(() => t.drop());

  it('gives final statuses won or lost only where the name says so, and never guesses', async () => {
    const { rows } = await t.db.query<{ name: string; outcome: string; win_probability: number }>(
      `select name, outcome, win_probability from pipeline_statuses where pipeline_id = $1`,
      [other],
    );
    const got = Object.fromEntries(rows.map((r) => [r.name, r.outcome]));
    expect(got).toEqual({ ...FINAL_NAMES, Lost: 'open' });
    for (const r of rows) {
      expect(r.win_probability).toBe(r.outcome === 'won' ? 100 : 0);
    }
    // The default pipeline's own Won and Lost (from the legacy statuses).
    const defaults = await t.db.query<{ name: string; outcome: string }>(
      `select name, outcome from pipeline_statuses where pipeline_id = $1 and is_final order by name`,
      [pipeline],
    );
    expect(defaults.rows).toEqual([
      { name: 'Lost', outcome: 'lost' },
      { name: 'Won', outcome: 'won' },
    ]);
  });

  it("passes the runbook's verification queries and lists the final statuses to review", async () => {
    expect((await t.db.query(VERIFY_COLUMNS)).rows).toEqual([
      { table_name: 'lead_status_history', column_name: 'lost_reason' },
      { table_name: 'leads', column_name: 'lost_reason' },
      { table_name: 'pipeline_statuses', column_name: 'outcome' },
      { table_name: 'pipeline_statuses', column_name: 'win_probability' },
      { table_name: 'pipeline_statuses', column_name: 'wip_limit' },
    ]);
    expect((await t.db.query<{ n: number }>(VERIFY_CONSISTENT)).rows[0]?.n).toBe(0);
    const review = (await t.db.query<{ pipeline: string; status: string }>(REVIEW_FINAL_OPEN)).rows;
    expect(review.map((r) => `${r.pipeline}: ${r.status}`).sort()).toEqual([
      'Other: Renewed',
      "Other: Won't buy",
      'Other: Wonderful',
    ]);
  });

  it('refuses an outcome, probability, WIP limit or lost reason that breaks the rules', async () => {
    const refused = async (sql: string, params: unknown[]) => {
      const error = await t.db.query(sql, params).then(
        () => null,
        (e: unknown) => e as { code?: string },
      );
      return error?.code;
    };
    const set = (cols: string) => `update pipeline_statuses set ${cols} where id = $1`;
    expect(await refused(set(`outcome = 'maybe'`), [openStatus])).toBe('23514');
    expect(await refused(set(`win_probability = 101`), [openStatus])).toBe('23514');
    expect(await refused(set(`win_probability = -1`), [openStatus])).toBe('23514');
    expect(await refused(set(`outcome = 'won', win_probability = 50`), [openStatus])).toBe('23514');
    expect(await refused(set(`outcome = 'lost', win_probability = 10`), [openStatus])).toBe(
      '23514',
    );
    expect(await refused(set(`wip_limit = 0`), [openStatus])).toBe('23514');
    const reason = `update leads set lost_reason = $2 where id = $1`;
    expect(await refused(reason, [leadId, 'x'.repeat(501)])).toBe('23514');
    expect(await refused(reason, [leadId, 'Price \u202Ehidden'])).toBe('23514');
    expect(await refused(reason, [leadId, '\u200b '])).toBe('23514');
    expect(await refused(reason, [leadId, 'two\nlines'])).toBe('23514');
  });

  it('move_lead keeps a lost reason on the lead and in the history of that move', async () => {
    const manager = { role: 'authenticated' as const, userId: users.manager };
    const result = await asActor(t.db, manager, async (tx) => {
      await tx.query('select sync_mutations.move_lead($1::jsonb)', [
        JSON.stringify({
          id: leadId,
          pipeline_id: pipeline,
          status_id: lostStatus,
          position: 'a0',
          lost_reason: '  Went with a cheaper insurer ',
        }),
      ]);
      const lead = (await tx.query('select lost_reason from leads where id = $1', [leadId]))
        .rows[0];
      // A reorder within the column keeps it; moving out clears it, and the history keeps it.
      await tx.query('select sync_mutations.move_lead($1::jsonb)', [
        JSON.stringify({
          id: leadId,
          pipeline_id: pipeline,
          status_id: lostStatus,
          position: 'a1',
        }),
      ]);
      const kept = (await tx.query('select lost_reason from leads where id = $1', [leadId]))
        .rows[0];
      await tx.query('select sync_mutations.move_lead($1::jsonb)', [
        JSON.stringify({
          id: leadId,
          pipeline_id: pipeline,
          status_id: openStatus,
          position: 'a2',
        }),
      ]);
      const cleared = (await tx.query('select lost_reason from leads where id = $1', [leadId]))
        .rows[0];
      const history = (
        await tx.query(
          `select to_status_name, lost_reason from lead_status_history
            where lead_id = $1 order by changed_at, id`,
          [leadId],
        )
      ).rows;
      return { lead, kept, cleared, history };
    });
    expect(result.lead).toEqual({ lost_reason: 'Went with a cheaper insurer' });
    expect(result.kept).toEqual({ lost_reason: 'Went with a cheaper insurer' });
    expect(result.cleared).toEqual({ lost_reason: null });
    expect(result.history.slice(-2)).toEqual([
      { to_status_name: 'Lost', lost_reason: 'Went with a cheaper insurer' },
      { to_status_name: 'New', lost_reason: null },
    ]);
  });

  it('move_lead refuses a lost reason for a status that is not lost', async () => {
    const outcome = await tryAs(
      t.db,
      { role: 'authenticated', userId: users.manager },
      'select sync_mutations.move_lead($1::jsonb)',
      [
        JSON.stringify({
          id: leadId,
          pipeline_id: pipeline,
          status_id: openStatus,
          position: 'a0',
          lost_reason: 'Too expensive',
        }),
      ],
    );
    expect(outcome).toMatchObject({ ok: false, code: '22023' });
  });

  it('update_pipeline_status_forecast: managers only; won sets 100; contradictions refused', async () => {
    const agent = await tryAs(
      t.db,
      { role: 'authenticated', userId: users.agentA },
      'select sync_mutations.update_pipeline_status_forecast($1::jsonb)',
      [JSON.stringify({ id: openStatus, patch: { wip_limit: 5 } })],
    );
    expect(agent).toMatchObject({ ok: false, code: '42501' });
    const manager = async (args: unknown) => {
      return asActor(t.db, { role: 'authenticated', userId: users.manager }, async (tx) => {
        await tx.query('select sync_mutations.update_pipeline_status_forecast($1::jsonb)', [
          JSON.stringify(args),
        ]);
        return (
          await tx.query(
            'select outcome, win_probability, wip_limit from pipeline_statuses where id = $1',
            [openStatus],
          )
        ).rows[0];
      }).catch((e: unknown) => ({ code: (e as { code?: string }).code }));
    };
    expect(await manager({ id: openStatus, patch: { outcome: 'won' } })).toEqual({
      outcome: 'won',
      win_probability: 100,
      wip_limit: null,
    });
    expect(
      await manager({ id: openStatus, patch: { win_probability: 40, wip_limit: 12 } }),
    ).toEqual({ outcome: 'open', win_probability: 40, wip_limit: 12 });
    expect(
      await manager({ id: openStatus, patch: { outcome: 'won', win_probability: 50 } }),
    ).toEqual({ code: '23514' });
    expect(await manager({ id: openStatus, patch: { win_probability: 12.5 } })).toEqual({
      code: '22023',
    });
    expect(await manager({ id: openStatus, patch: { wip_limit: 0 } })).toEqual({ code: '22023' });
    expect(await manager({ id: openStatus, patch: { outcome: 'maybe' } })).toEqual({
      code: '22023',
    });
    expect(await manager({ id: openStatus, patch: { color_hex: '#000000' } })).toEqual({
      code: '22023',
    });
  });

  it('rolls back to the columns it added and nothing else, and applies again', async () => {
    await t.db.query(
      `update pipeline_statuses set wip_limit = 3, win_probability = 30 where id = $1`,
      [openStatus],
    );
    await rollbackMigration(t.db, VERSION);
    expect((await t.db.query(VERIFY_COLUMNS)).rows).toEqual([]);
    expect(
      (
        await t.db.query<{ is_active: boolean }>(
          'select is_active from schema_versions where version = $1',
          [VERSION],
        )
      ).rows,
    ).toEqual([{ is_active: false }]);
    expect(await snapshot()).toEqual(snapshots);
    await applyMigrations(t.db);
    expect((await t.db.query(VERIFY_COLUMNS)).rows).toHaveLength(5);
    expect(
      (
        await t.db.query<{ is_active: boolean }>(
          'select is_active from schema_versions where version = $1',
          [VERSION],
        )
      ).rows,
    ).toEqual([{ is_active: true }]);
    expect((await t.db.query(REVIEW_FINAL_OPEN)).rows).toHaveLength(3);
  });
});
