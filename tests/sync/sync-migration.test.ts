import { generateKeyBetween } from 'fractional-indexing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rollbackMigration } from '../../server/db/rollback-migration.ts';
import { createUsers } from '../db/support/crm-fixtures.ts';
import { migrateTo, versionOf } from '../db/support/migration-steps.ts';
import { FINGERPRINT_SCHEMAS, schemaFingerprint } from '../db/support/schema-fingerprint.ts';
import type { TestDatabase } from '../db/support/test-database.ts';
import { createTestDatabase, engineName } from '../db/support/test-database.ts';

const SCHEMAS = [...FINGERPRINT_SCHEMAS, 'sync_mutations'];

describe(`the sync migration (${engineName})`, () => {
  let t: TestDatabase;
  let before: string[];
  let updatedBefore: unknown[];

  beforeAll(async () => {
    t = await createTestDatabase();
    await migrateTo(t.db, versionOf('enable_row_level_security'));
    // What hosted Supabase has: Realtime's publication (empty until the sync migration).
    await t.db.exec(`do $$ begin
      if not exists (select from pg_publication where pubname = 'supabase_realtime') then
        create publication supabase_realtime;
      end if;
    end $$`);
    // Leads that exist before sync: they need positions (in creation order) and status times.
    const users = await createUsers(t.db);
    await t.db.query(
      `insert into leads (full_name, assigned_to, pipeline_id, status_id, created_at)
       select 'Lead ' || g, $1, s.pipeline_id, s.id, timestamptz '2025-01-01' + (20 - g) * interval '1 hour'
       from generate_series(1, 20) g,
            (select id, pipeline_id from pipeline_statuses order by display_order limit 1) s`,
      [users.agentA],
    );
    before = await schemaFingerprint(t.db, SCHEMAS);
    updatedBefore = (await t.db.query(`select id, updated_at from leads order by id`)).rows;
    // Only this migration: later ones build on it and would have to be rolled back first.
    await migrateTo(t.db, versionOf('add_sync'));
  });
  afterAll(() => t.drop());

  async function publishedTables(): Promise<string[]> {
    const { rows } = await t.db.query<{ tablename: string }>(
      `select tablename from pg_publication_tables where pubname = 'supabase_realtime' order by 1`,
    );
    return rows.map((r) => r.tablename);
  }

  it('gives existing leads keys in creation order and a status time, without touching updated_at', async () => {
    const { rows } = await t.db.query<{ full_name: string; position: string; changed: boolean }>(
      `select full_name, position, status_changed_at is not null as changed from leads order by position`,
    );
    expect(rows.map((r) => r.full_name)).toEqual(
      Array.from({ length: 20 }, (_, i) => `Lead ${20 - i}`),
    );
    expect(rows.every((r) => r.changed)).toBe(true);
    const { rows: after } = await t.db.query(`select id, updated_at from leads order by id`);
    expect(after).toEqual(updatedBefore);
  });

  it('computes "the key after" exactly as the fractional-indexing package does', async () => {
    const keys = ['a0', 'a1', 'az', 'aU', 'a0V3x', 'b00', 'bzz', 'Zz', 'Yzz', 'Z0', 'azzz'];
    for (const key of keys) {
      const { rows } = await t.db.query<{ k: string }>(
        `select private.fractional_key_after($1) as k`,
        [key],
      );
      expect(rows[0]?.k, key).toBe(generateKeyBetween(key, null));
    }
    const { rows } = await t.db.query<{ k: string }>(
      `select private.fractional_key_after(null) as k`,
    );
    expect(rows[0]?.k).toBe(generateKeyBetween(null, null));
  });

  it('puts a lead inserted without a position at the end of its column', async () => {
    const { rows } = await t.db.query<{ position: string; max: string }>(
      `with col as (select pipeline_id, status_id, max(position) as max from leads group by 1, 2 limit 1),
            ins as (insert into leads (full_name, pipeline_id, status_id)
                    select 'Late', pipeline_id, status_id from col returning position)
       select ins.position, col.max from ins, col`,
    );
    expect(rows[0]?.position).toBe(generateKeyBetween(rows[0]?.max ?? null, null));
  });

  it('rolls back to exactly the schema it started from, and applies again', async () => {
    expect(await publishedTables()).toEqual([
      'lead_status_history',
      'leads',
      'pipeline_statuses',
      'pipelines',
      'profiles',
    ]);
    await rollbackMigration(t.db, versionOf('add_sync'));
    expect(await schemaFingerprint(t.db, SCHEMAS)).toEqual(before);
    expect(await publishedTables()).toEqual([]);
    expect(await migrateTo(t.db, versionOf('add_sync'))).toEqual(['20250601000000_add_sync.sql']);
  });
});
