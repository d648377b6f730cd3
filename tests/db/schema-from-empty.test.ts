import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations } from '../../server/db/apply-migrations.ts';
import { listMigrationFiles } from '../../server/db/migration-files.ts';
import { DEFAULT_MIGRATIONS_DIR } from '../../server/db/migration-paths.ts';
import type { TestDatabase } from './support/test-database.ts';
import { createTestDatabase, engineName } from './support/test-database.ts';

describe(`all migrations on an empty database (${engineName})`, () => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase();
  });
  afterAll(() => t.drop());

  it('applies every migration file, in order', async () => {
    const files = listMigrationFiles(DEFAULT_MIGRATIONS_DIR).map((f) => f.fileName);
    expect(files.length).toBeGreaterThanOrEqual(3);
    expect((await applyMigrations(t.db)).applied).toEqual(files);
  });

  // The spec's "Verify Database Changes" queries, with the answers they must give.
  it('SELECT * FROM pipelines: one default pipeline', async () => {
    const { rows } = await t.db.query<{ name: string; is_default: boolean; id: string }>(
      'select * from pipelines',
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ name: 'Default Sales Pipeline', is_default: true });
    expect(rows[0]?.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('SELECT * FROM pipeline_statuses: the legacy statuses, in the default pipeline', async () => {
    const { rows } = await t.db.query<{ name: string; display_order: number; is_final: boolean }>(
      'select * from pipeline_statuses order by display_order',
    );
    const legacy = await t.db.query<{ value: string; display_order: number; is_final: boolean }>(
      'select value, display_order, is_final from lead_statuses order by display_order',
    );
    expect(rows.map((r) => [r.name, r.display_order, r.is_final])).toEqual(
      legacy.rows.map((r) => [r.value, r.display_order, r.is_final]),
    );
    expect(rows.map((r) => r.name)).toEqual([
      'New',
      'Contacted',
      'Quote sent',
      'Negotiation',
      'Won',
      'Lost',
    ]);
  });

  it('SELECT COUNT(*) FROM leads WHERE pipeline_id IS NULL: 0', async () => {
    const { rows } = await t.db.query<{ count: number }>(
      'select count(*) from leads where pipeline_id is null',
    );
    expect(rows[0]?.count).toBe(0);
  });

  it('has the spec indexes, row-level security on every public table, and its schema_versions rows', async () => {
    const indexes = await t.db.query<{ indexname: string }>(
      `select indexname from pg_indexes where schemaname = 'public' and indexname like 'idx_%' order by 1`,
    );
    expect(indexes.rows.map((r) => r.indexname)).toEqual(
      expect.arrayContaining(['idx_leads_pipeline_id', 'idx_pipeline_statuses_pipeline_id']),
    );
    const withoutRls = await t.db.query<{ relname: string }>(
      `select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind = 'r' and not c.relrowsecurity`,
    );
    expect(withoutRls.rows).toEqual([]);
    const versions = await t.db.query<{ version: string; is_active: boolean }>(
      'select version, is_active from schema_versions order by version',
    );
    // Each migration records itself, so the application can tell which features are active.
    expect(versions.rows).toEqual(
      listMigrationFiles(DEFAULT_MIGRATIONS_DIR).map((f) => ({
        version: `${f.version}_${f.name}`,
        is_active: true,
      })),
    );
  });
});
