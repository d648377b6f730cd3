import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rollbackMigration } from '../../server/db/rollback-migration.ts';
import { createUsers } from './support/crm-fixtures.ts';
import { legacyLeadSnapshot, seedLegacyData } from './support/legacy-data.ts';
import { migrateTo, versionOf } from './support/migration-steps.ts';
import { schemaFingerprint } from './support/schema-fingerprint.ts';
import type { TestDatabase } from './support/test-database.ts';
import { createTestDatabase, engineName } from './support/test-database.ts';

interface LegacyLead {
  id: string;
  status: string | null;
  updated_at: string;
}

// The pipeline feature rolled back after people used it: the spec's "Verify Rollback" queries,
// and no agent's work lost (leads moved after migrating carry their new status back).
describe(`rolling back the pipeline feature after use (${engineName})`, () => {
  let t: TestDatabase;
  let beforeFeature: string[];
  let afterFeature: string[];
  let leadsBefore: LegacyLead[];
  const moved: Record<string, string> = {};
  let newLeadId = '';

  beforeAll(async () => {
    t = await createTestDatabase();
    await migrateTo(t.db, versionOf('create_crm_base'));
    const users = await createUsers(t.db);
    await seedLegacyData(t.db, users, 400);
    leadsBefore = (await legacyLeadSnapshot(t.db)) as LegacyLead[];
    beforeFeature = await schemaFingerprint(t.db);
    await migrateTo(t.db, versionOf('enable_row_level_security'));
    afterFeature = await schemaFingerprint(t.db);

    // Use the feature: a new status, leads moved (one to the new status, one to an existing
    // one, one moved and moved back), a lead created after migrating.
    const pipeline = (await t.db.query<{ id: string }>('select id from pipelines where is_default'))
      .rows[0]?.id;
    const qualified = (
      await t.db.query<{ id: string }>(
        `insert into pipeline_statuses (pipeline_id, name, display_order, color_hex)
         values ($1, 'Qualified', 3, '#0EA5E9') returning id`,
        [pipeline],
      )
    ).rows[0]?.id;
    const first = leadsBefore
      .filter((l) => l.status === 'New')
      .slice(0, 3)
      .map((l) => l.id);
    await t.db.query('update leads set status_id = $1 where id = $2', [qualified, first[0]]);
    await t.db.query(
      `update leads set status_id = (select id from pipeline_statuses where pipeline_id = $1 and name = 'Won') where id = $2`,
      [pipeline, first[1]],
    );
    await t.db.query(
      `update leads set status_id = (select id from pipeline_statuses where pipeline_id = $1 and name = 'Lost') where id = $2`,
      [pipeline, first[2]],
    );
    await t.db.query(
      `update leads set status_id = (select id from pipeline_statuses where pipeline_id = $1 and name = 'New') where id = $2`,
      [pipeline, first[2]],
    );
    moved[first[0] ?? ''] = 'Qualified';
    moved[first[1] ?? ''] = 'Won';
    moved[first[2] ?? ''] = 'New';
    newLeadId =
      (
        await t.db.query<{ id: string }>(
          `insert into leads (full_name, pipeline_id, status_id) values ('After Migration', $1, $2) returning id`,
          [pipeline, qualified],
        )
      ).rows[0]?.id ?? '';

    await rollbackMigration(t.db, versionOf('enable_row_level_security'));
    await rollbackMigration(t.db, versionOf('add_pipelines'));
  });
  afterAll(() => t.drop());

  it('the schema is exactly as before the feature', async () => {
    expect(await schemaFingerprint(t.db)).toEqual(beforeFeature);
  });

  it("the spec's Verify Rollback queries: no pipelines, no pipeline_statuses, no leads.pipeline_id", async () => {
    const pipelines = await t.db.query<{ exists: boolean }>(
      `SELECT EXISTS (SELECT FROM information_schema.tables WHERE table_schema = 'public' AND table_name = 'pipelines')`,
    );
    expect(pipelines.rows[0]?.exists).toBe(false);
    const statuses = await t.db.query<{ exists: boolean }>(
      `SELECT EXISTS (SELECT FROM information_schema.tables WHERE table_schema = 'public' AND table_name = 'pipeline_statuses')`,
    );
    expect(statuses.rows[0]?.exists).toBe(false);
    const column = await t.db.query(
      `SELECT column_name FROM information_schema.columns
       WHERE table_schema = 'public' AND table_name = 'leads' AND column_name = 'pipeline_id'`,
    );
    expect(column.rows).toEqual([]);
  });

  it('marks the feature rolled back in schema_versions and removes its history rows', async () => {
    const { rows } = await t.db.query<{
      version: string;
      is_active: boolean;
      rolled_back: boolean;
    }>(
      `select version, is_active, rolled_back_at is not null as rolled_back from schema_versions order by version`,
    );
    expect(rows).toEqual([
      { version: '20250401000000_create_crm_base', is_active: true, rolled_back: false },
      { version: '20250501000000_add_pipelines', is_active: false, rolled_back: true },
      { version: '20250502000000_enable_row_level_security', is_active: false, rolled_back: true },
    ]);
    const history = await t.db.query<{ version: string }>(
      'select version from supabase_migrations.schema_migrations',
    );
    expect(history.rows.map((r) => r.version)).toEqual([versionOf('create_crm_base')]);
  });

  it('gives moved leads their new status name and leaves every other lead untouched', async () => {
    const after = (await legacyLeadSnapshot(t.db)) as LegacyLead[];
    const byId = new Map(after.map((l) => [l.id, l]));
    for (const lead of leadsBefore) {
      const now = byId.get(lead.id);
      if (lead.id in moved) expect(now?.status).toBe(moved[lead.id]);
      else expect(now).toEqual(lead);
    }
    expect(byId.get(newLeadId)?.status).toBe('Qualified');
    expect(after).toHaveLength(leadsBefore.length + 1);
    const legacy = await t.db.query<{ value: string }>(
      `select value from lead_statuses where value = 'Qualified'`,
    );
    expect(legacy.rows).toHaveLength(1);
  });

  it('re-applies cleanly: same schema as the first time, leads back in their statuses', async () => {
    await migrateTo(t.db, versionOf('enable_row_level_security'));
    expect(await schemaFingerprint(t.db)).toEqual(afterFeature);
    const { rows } = await t.db.query<{ name: string }>(
      `select s.name from leads l join pipeline_statuses s on s.id = l.status_id where l.id = $1`,
      [newLeadId],
    );
    expect(rows[0]?.name).toBe('Qualified');
    const versions = await t.db.query<{ n: number }>(
      'select count(*) as n from schema_versions where is_active and rolled_back_at is null',
    );
    expect(versions.rows[0]?.n).toBe(3);
  });
});
