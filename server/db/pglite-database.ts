import { mkdirSync } from 'node:fs';
import { Mutex, PGlite } from '@electric-sql/pglite';
import { pgcrypto } from '@electric-sql/pglite/contrib/pgcrypto';
import type { Transaction } from '@electric-sql/pglite';
import { lockDataDir } from './data-dir-lock.ts';
import type { Database, SqlExecutor } from './database.ts';
import { toQueryResult } from './query-result.ts';

// PGlite is one single-user Postgres backend: statements from overlapping async callers would
// interleave inside each other's transactions. One mutex turns every call into a queue entry.
// Do not call `db.query` from inside `db.transaction` (use the `tx` argument): it would wait forever.

/** The PGlite engine, with a way to run PGlite-only tools (pgDump) inside the same queue. */
export interface PgliteDatabase extends Database {
  readonly engine: 'pglite';
  withPglite<T>(fn: (pg: PGlite) => Promise<T>): Promise<T>;
}

type PgliteExecutor = Pick<PGlite | Transaction, 'query' | 'exec'>;

function executor(pg: PgliteExecutor): SqlExecutor {
  return {
    async query<Row>(sql: string, params?: unknown[]) {
      const result = await pg.query<Row>(sql, params ?? []);
      return toQueryResult(result.rows, result.command, result.rowCount ?? result.affectedRows);
    },
    async exec(sql: string) {
      await pg.exec(sql);
    },
  };
}

export async function openPgliteDatabase(dataDir: string | undefined): Promise<PgliteDatabase> {
  let release = () => {};
  if (dataDir !== undefined) {
    mkdirSync(dataDir, { recursive: true });
    release = lockDataDir(dataDir);
  }
  let pg: PGlite;
  try {
    // pgcrypto: the seed hashes demo passwords with crypt(), as on Supabase.
    const extensions = { pgcrypto };
    pg = await PGlite.create(dataDir === undefined ? { extensions } : { dataDir, extensions });
  } catch (error) {
    release();
    throw error;
  }
  const mutex = new Mutex();
  const direct = executor(pg);

  return {
    engine: 'pglite',
    poolSize: 1,
    query: (sql, params) => mutex.runExclusive(() => direct.query(sql, params)),
    exec: (sql) => mutex.runExclusive(() => direct.exec(sql)),
    transaction: (fn) => mutex.runExclusive(() => pg.transaction((tx) => fn(executor(tx)))),
    batch: (sql) =>
      mutex.runExclusive(async () =>
        // exec sends one simple Query message: one implicit transaction, one result per statement.
        (await pg.exec(sql)).map((r) =>
          toQueryResult(r.rows as Record<string, unknown>[], undefined, r.affectedRows),
        ),
      ),
    withPglite: (fn) => mutex.runExclusive(() => fn(pg)),
    close: () => mutex.runExclusive(() => pg.close().finally(release)),
  };
}
