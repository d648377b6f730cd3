import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations } from '../../server/db/apply-migrations.ts';
import { rollbackMigration } from '../../server/db/rollback-migration.ts';
import { dumpDatabase } from '../../scripts/db/backup-database.ts';
import { assertCompleteDump } from '../../scripts/db/backup-file.ts';
import { restoreDatabase } from '../../scripts/db/restore-database.ts';
import { asActor } from './support/actors.ts';
import { createUsers } from './support/crm-fixtures.ts';
import { legacyLeadSnapshot, seedLegacyData } from './support/legacy-data.ts';
import { MIGRATIONS } from './support/migration-steps.ts';
import { schemaFingerprint } from './support/schema-fingerprint.ts';
import type { TestDatabase } from './support/test-database.ts';
import { createTestDatabase, engineName } from './support/test-database.ts';

// The spec's "Emergency Restore", with a real backup: db:backup's dump, then db:restore's restore.
describe(`backup and emergency restore (${engineName})`, () => {
  let t: TestDatabase;
  let dump: string;
  let schema: string[];
  let leads: unknown[];

  beforeAll(async () => {
    t = await createTestDatabase();
    await applyMigrations(t.db);
    await seedLegacyData(t.db, await createUsers(t.db), 0);
    await t.db.query(
      `insert into leads (full_name, pipeline_id, status_id, notes)
       select 'Backed up ' || g, p.id, s.id, 'it''s "quoted" — ✓'
       from generate_series(1, 50) g, pipelines p
       join pipeline_statuses s on s.pipeline_id = p.id and s.name = 'Won' where p.is_default`,
    );
    schema = await schemaFingerprint(t.db);
    leads = await legacyLeadSnapshot(t.db);
    dump = await dumpDatabase(t.backupSource);
  });
  afterAll(() => t.drop());

  it('writes a complete pg_dump with schema and data', () => {
    expect(() => assertCompleteDump(dump, 'dump')).not.toThrow();
    expect(dump).toContain('CREATE TABLE public.pipelines');
    expect(dump).toMatch(/INSERT INTO public\.leads/);
    expect(dump).toContain('CREATE TABLE supabase_migrations.schema_migrations');
  });

  it('restores schema, data and migration history after a rollback and lost data', async () => {
    await t.db.query('delete from leads');
    for (const file of [...MIGRATIONS].reverse().slice(0, -2))
      await rollbackMigration(t.db, file.version);
    expect(await schemaFingerprint(t.db)).not.toEqual(schema);

    const { schemas } = await restoreDatabase(t.db, dump);
    expect(schemas).toEqual(expect.arrayContaining(['public', 'private', 'supabase_migrations']));
    expect(await schemaFingerprint(t.db)).toEqual(schema);
    expect(await legacyLeadSnapshot(t.db)).toEqual(leads);
    const history = await t.db.query<{ version: string }>(
      'select version from supabase_migrations.schema_migrations order by version',
    );
    expect(history.rows.map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version));
    expect((await applyMigrations(t.db)).applied).toEqual([]);
  });

  it('makes every device pull again after a restore, and after a cluster counter restart', async () => {
    const { rows: users } = await t.db.query<{ id: string }>('select id from auth.users');
    const pull = (userId: string, since: string) =>
      asActor(t.db, { role: 'authenticated', userId }, async (tx) => {
        const { rows } = await tx.query<{ result: { reset?: boolean } }>(
          'select public.sync_pull(since => $1) as result',
          [since],
        );
        return rows[0]?.result.reset === true;
      });
    const { rows: before } = await t.db.query<{ cursor: string }>(
      'select pg_snapshot_xmin(pg_current_snapshot())::text as cursor',
    );
    const cursor = before[0]?.cursor ?? '';
    const user = users[0]?.id ?? '';
    expect(await pull(user, cursor)).toBe(false);

    await restoreDatabase(t.db, dump);
    for (const u of users) expect(await pull(u.id, cursor)).toBe(true);
    // A device whose cursor is beyond every id this database has issued (restored into a new
    // cluster): its rows would be missed, so it starts over too.
    expect(await pull(user, '9000000000000')).toBe(true);
  });

  it('refuses an empty, foreign or truncated file and changes nothing', async () => {
    await expect(restoreDatabase(t.db, '')).rejects.toThrow(/not a pg_dump/);
    await expect(restoreDatabase(t.db, 'drop table leads;')).rejects.toThrow(/not a pg_dump/);
    const truncated = dump.slice(0, Math.floor(dump.length / 2));
    await expect(restoreDatabase(t.db, truncated)).rejects.toThrow(/incomplete/);
    expect(await legacyLeadSnapshot(t.db)).toEqual(leads);
  });
});
