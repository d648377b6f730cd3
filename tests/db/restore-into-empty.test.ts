import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyMigrations } from '../../server/db/apply-migrations.ts';
import { openDatabase } from '../../server/db/open-database.ts';
import type { PgliteDatabase } from '../../server/db/pglite-database.ts';
import { dumpDatabase, schemasToBackUp } from '../../scripts/db/backup-database.ts';
import { restoreDatabase } from '../../scripts/db/restore-database.ts';
import { migrationStatus } from '../../server/db/migration-status.ts';
import type { MutationResult } from '../../src/sync/sync-api.ts';
import { defaultColumn } from '../server/support/raw-push.ts';
import {
  DEMO,
  createTestLocation,
  engineName,
  startTestBackend,
} from '../server/support/test-backend.ts';
import type { TestBackend, TestDatabaseLocation } from '../server/support/test-backend.ts';
import { createTestDatabase } from './support/test-database.ts';

// db:backup of a database in use, restored into a new, empty database (a new machine, or the
// "undo this rollback" restore): the app must work there, sync included.
const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'leadlanes-restore-'));
  dirs.push(dir);
  return dir;
};
let source: TestDatabaseLocation;
let target: TestDatabaseLocation;
let dump: string;

async function pushLead(t: TestBackend, mutationId: number): Promise<MutationResult | undefined> {
  const maya = t.client(await t.signIn(DEMO.maya.email));
  const column = await defaultColumn(t.backend.db);
  const response = await maya.rpc('sync_push', {
    client_id: '0c0c0c0c-0000-4000-8000-0000000000cc',
    mutations: [
      {
        mutation_id: mutationId,
        name: 'create_lead',
        args: { id: crypto.randomUUID(), full_name: `Restored ${mutationId}`, ...column },
      },
    ],
  });
  expect(response.error).toBeNull();
  return (response.data as { results: MutationResult[] }).results[0];
}

beforeAll(async () => {
  source = await createTestLocation(tempDir());
  const t = await startTestBackend(source);
  expect(await pushLead(t, 1)).toMatchObject({ status: 'applied' });
  const db = t.backend.db;
  dump = await dumpDatabase(
    db.engine === 'postgres'
      ? { kind: 'postgres', url: source.databaseUrl ?? '', db }
      : { kind: 'pglite', db: db as PgliteDatabase },
  );
  await t.stop();
  target = await createTestLocation(tempDir());
});
afterAll(async () => {
  await source.drop();
  await target.drop();
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe(`restore into an empty database (${engineName})`, () => {
  it('backs up every schema the migrations create (sync_mutations included)', async () => {
    const t = await createTestDatabase();
    try {
      await applyMigrations(t.db);
      const { rows } = await t.db.query<{ nspname: string }>(
        `select nspname from pg_catalog.pg_namespace
          where nspname !~ '^pg_' and nspname not in ('information_schema', 'extensions')`,
      );
      const backedUp = await schemasToBackUp(t.db);
      expect(backedUp).toContain('sync_mutations');
      expect(backedUp.sort()).toEqual(expect.arrayContaining(rows.map((r) => r.nspname).sort()));
    } finally {
      await t.drop();
    }
  });

  it('gives a database where db:status is clean and a pushed mutation is applied', async () => {
    const db = await openDatabase({
      databaseUrl: target.databaseUrl,
      dataDir: target.dataDir ?? undefined,
    });
    try {
      await restoreDatabase(db, dump);
      expect((await migrationStatus(db)).pending).toEqual([]);
    } finally {
      await db.close();
    }
    const t = await startTestBackend(target);
    try {
      expect(t.backend.startup.migrated).toEqual([]);
      expect(await pushLead(t, 2)).toMatchObject({ status: 'applied' });
      const { rows } = await t.backend.db.query<{ full_name: string }>(
        `select full_name from public.leads where full_name like 'Restored %' order by 1`,
      );
      expect(rows.map((r) => r.full_name)).toEqual(['Restored 1', 'Restored 2']);
    } finally {
      await t.stop();
    }
  });
});
