import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations } from '../../server/db/apply-migrations.ts';
import { rollbackMigration } from '../../server/db/rollback-migration.ts';
import { createUsers } from './support/crm-fixtures.ts';
import { legacyLeadSnapshot, seedLegacyData } from './support/legacy-data.ts';
import { MIGRATIONS, migrateTo } from './support/migration-steps.ts';
import { schemaFingerprint } from './support/schema-fingerprint.ts';
import type { TestDatabase } from './support/test-database.ts';
import { createTestDatabase, engineName } from './support/test-database.ts';

// Every migration, up then down then up, over data: each rollback returns the schema to exactly
// what it was before that migration, and the second up gives the same schema as the first.
describe(`up → down → up for every migration (${engineName})`, () => {
  let t: TestDatabase;
  /** Schema fingerprint before each migration, by version; 'all' = after the last one. */
  const before = new Map<string, string[]>();
  let afterAll_: string[];
  let leadsAfterBase: unknown[];

  beforeAll(async () => {
    t = await createTestDatabase();
    await migrateTo(t.db, undefined); // the Supabase compat bootstrap only
    for (const [index, file] of MIGRATIONS.entries()) {
      before.set(file.version, await schemaFingerprint(t.db));
      await migrateTo(t.db, file.version);
      if (index === 0) {
        await seedLegacyData(t.db, await createUsers(t.db), 500);
        leadsAfterBase = await legacyLeadSnapshot(t.db);
      }
    }
    afterAll_ = await schemaFingerprint(t.db);
  });
  afterAll(() => t.drop());

  it('every migration has a rollback file', async () => {
    const { migrationStatus } = await import('../../server/db/migration-status.ts');
    const status = await migrationStatus(t.db);
    expect(status.migrations.filter((m) => !m.hasRollback).map((m) => m.fileName)).toEqual([]);
  });

  it('each rollback, newest first, restores the schema as it was before that migration', async () => {
    for (const file of [...MIGRATIONS].reverse().slice(0, -1)) {
      await rollbackMigration(t.db, file.version);
      expect({ after: file.fileName, schema: await schemaFingerprint(t.db) }).toEqual({
        after: file.fileName,
        schema: before.get(file.version),
      });
    }
    // Back at the CRM base: the legacy data is exactly as it was.
    expect(await legacyLeadSnapshot(t.db)).toEqual(leadsAfterBase);
  });

  it('the second up gives the same schema as the first', async () => {
    await applyMigrations(t.db);
    expect(await schemaFingerprint(t.db)).toEqual(afterAll_);
  });

  it('all the way down to nothing and up again', async () => {
    for (const file of [...MIGRATIONS].reverse()) await rollbackMigration(t.db, file.version);
    expect(await schemaFingerprint(t.db)).toEqual(before.get(MIGRATIONS[0]?.version ?? ''));
    const history = await t.db.query<{ n: number }>(
      'select count(*) as n from supabase_migrations.schema_migrations',
    );
    expect(history.rows[0]?.n).toBe(0);
    await applyMigrations(t.db);
    expect(await schemaFingerprint(t.db)).toEqual(afterAll_);
  });
});
