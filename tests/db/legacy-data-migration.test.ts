import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUsers } from './support/crm-fixtures.ts';
import {
  AWKWARD_STATUSES,
  legacyLeadSnapshot,
  seedLegacyData,
  tableSnapshot,
} from './support/legacy-data.ts';
import { migrateTo, versionOf } from './support/migration-steps.ts';
import type { TestDatabase } from './support/test-database.ts';
import { createTestDatabase, engineName } from './support/test-database.ts';

const LEADS = 3000;

// A CRM that has been in use before the pipeline feature, then migrated.
describe(`pipeline migration over realistic legacy data (${engineName})`, () => {
  let t: TestDatabase;
  let leadsBefore: unknown[];
  let statusesBefore: unknown[];
  let profilesBefore: unknown[];

  beforeAll(async () => {
    t = await createTestDatabase();
    await migrateTo(t.db, versionOf('create_crm_base'));
    const users = await createUsers(t.db);
    await seedLegacyData(t.db, users, LEADS);
    leadsBefore = await legacyLeadSnapshot(t.db);
    statusesBefore = await tableSnapshot(t.db, 'lead_statuses');
    profilesBefore = await tableSnapshot(t.db, 'profiles');
    // The pipeline feature (and its RLS); later features have their own tests.
    await migrateTo(t.db, versionOf('enable_row_level_security'));
  });
  afterAll(() => t.drop());

  it('covers every legacy status and leads with no status', async () => {
    const { rows } = await t.db.query<{ statuses: number; used: number; without: number }>(
      `select (select count(*) from lead_statuses) as statuses,
              (select count(distinct status) from leads) as used,
              (select count(*) from leads where status is null) as without`,
    );
    expect(rows[0]?.statuses).toBe(6 + AWKWARD_STATUSES.length);
    expect(rows[0]?.used).toBe(rows[0]?.statuses);
    expect(rows[0]?.without).toBeGreaterThan(0);
  });

  it('puts every lead in the default pipeline', async () => {
    const { rows } = await t.db.query<{ total: number; in_default: number }>(
      `select count(*) as total,
              count(*) filter (where pipeline_id = (select id from pipelines where is_default)) as in_default
       from leads`,
    );
    expect(rows[0]).toEqual({ total: LEADS, in_default: LEADS });
  });

  it('gives every lead the status copied from its legacy value (NULL → the first open status)', async () => {
    const { rows } = await t.db.query<{
      status: string | null;
      legacy_value: string | null;
      name: string;
    }>(
      `select distinct l.status, s.legacy_value, s.name
       from leads l join pipeline_statuses s on s.id = l.status_id and s.pipeline_id = l.pipeline_id`,
    );
    for (const row of rows) {
      if (row.status === null) expect(row.name).toBe('New');
      else expect(row.legacy_value).toBe(row.status);
    }
    const mismatched = await t.db.query<{ n: number }>(
      `select count(*) as n from leads l left join pipeline_statuses s on s.id = l.status_id
       where s.id is null or s.pipeline_id <> l.pipeline_id
          or (l.status is not null and s.legacy_value is distinct from l.status)`,
    );
    expect(mismatched.rows[0]?.n).toBe(0);
  });

  it('copies awkward legacy statuses into valid, distinct, recognisable pipeline statuses', async () => {
    const { rows } = await t.db.query<{
      legacy_value: string;
      name: string;
      color_hex: string | null;
    }>(
      `select legacy_value, name, color_hex from pipeline_statuses where legacy_value = any($1::text[])`,
      [AWKWARD_STATUSES.map((s) => s.value)],
    );
    const byLegacy = Object.fromEntries(rows.map((r) => [r.legacy_value, r]));
    expect(byLegacy['Follow up ']).toMatchObject({ name: 'Follow up', color_hex: null });
    expect(byLegacy[`Customer's "VIP" list`]).toMatchObject({
      name: `Customer's "VIP" list`,
      color_hex: '#FFFFFF',
    });
    expect(byLegacy['Résumé envoyé ✓ 日本']).toMatchObject({
      name: 'Résumé envoyé ✓ 日本',
      color_hex: '#A1B2C3',
    });
    expect(byLegacy['won']?.name).toBe('won (2)');
    expect(byLegacy['   ']?.name).toBe('Unnamed status');
    expect(rows).toHaveLength(AWKWARD_STATUSES.length);
  });

  it('changes nothing else: legacy lead columns, lead_statuses and profiles are as they were', async () => {
    expect(await legacyLeadSnapshot(t.db)).toEqual(leadsBefore);
    expect(await tableSnapshot(t.db, 'lead_statuses')).toEqual(statusesBefore);
    expect(await tableSnapshot(t.db, 'profiles')).toEqual(profilesBefore);
  });

  it('records no status history for the migration itself', async () => {
    const { rows } = await t.db.query<{ n: number }>(
      'select count(*) as n from lead_status_history',
    );
    expect(rows[0]?.n).toBe(0);
  });
});
