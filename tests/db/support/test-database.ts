import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { Database } from '../../../server/db/database.ts';
import { openDatabase } from '../../../server/db/open-database.ts';
import { openPgliteDatabase } from '../../../server/db/pglite-database.ts';
import type { BackupSource } from '../../../scripts/db/backup-database.ts';
import { prepareDatabase } from '../../support/database-flavor.ts';

export interface TestDatabase {
  db: Database;
  /** The connection string of the temporary database (PostgreSQL only). */
  url: string | undefined;
  /** What db:backup would dump for this database (pg_dump or PGlite's pgDump). */
  backupSource: BackupSource;
  /** Opens another, independent connection to the same database (PostgreSQL only). */
  openAnother(): Promise<Database>;
  drop(): Promise<void>;
}

/**
 * A fresh, empty database for one test file: PGlite in memory by default; with TEST_DATABASE_URL
 * set, a uniquely named database created on that server and dropped afterwards.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const db = await openPgliteDatabase(undefined);
    return {
      db,
      url: undefined,
      backupSource: { kind: 'pglite', db },
      openAnother: () => Promise.reject(new Error('PGlite in memory has one connection only')),
      drop: () => db.close(),
    };
  }

  const name = `leadlanes_test_${Date.now()}_${randomBytes(4).toString('hex')}`;
  await withAdmin(serverUrl, (admin) => admin.query(`create database ${name}`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  await prepareDatabase(url.toString());
  const others: Database[] = [];
  const db = await openDatabase({ databaseUrl: url.toString() });
  return {
    db,
    url: url.toString(),
    backupSource: { kind: 'postgres', url: url.toString(), db },
    async openAnother() {
      const other = await openDatabase({ databaseUrl: url.toString() });
      others.push(other);
      return other;
    },
    async drop() {
      await Promise.all([db, ...others].map((d) => d.close()));
      await withAdmin(serverUrl, (admin) =>
        admin.query(`drop database if exists ${name} with (force)`),
      );
    },
  };
}

export { engineName } from '../../support/database-flavor.ts';

async function withAdmin<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
