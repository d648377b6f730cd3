import pg from 'pg';
import type { Database, SqlExecutor } from './database.ts';
import { poolSizeFromEnv } from './pool-size.ts';
import { toQueryResult } from './query-result.ts';

// node-postgres returns int8 (count(*), bigint ids) as strings and dates as local midnight;
// PGlite returns numbers and UTC dates. Parse the same way so code behaves alike on both engines.
const INT8_OID = 20;
const DATE_OID = 1082;

function parseInt8(value: string): number | bigint {
  const big = BigInt(value);
  const safe = big >= BigInt(Number.MIN_SAFE_INTEGER) && big <= BigInt(Number.MAX_SAFE_INTEGER);
  return safe ? Number(big) : big;
}

const typeOverrides: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (oid === INT8_OID) return parseInt8;
    if (oid === DATE_OID) return (value: string) => new Date(value);
    return pg.types.getTypeParser(oid, format ?? 'text') as (value: string) => unknown;
  }) as pg.CustomTypesConfig['getTypeParser'], // the typings model it as an overloaded generic
};

type Queryable = Pick<pg.Pool | pg.PoolClient, 'query'>;

function executor(client: Queryable): SqlExecutor {
  return {
    query: async <Row>(sql: string, params?: unknown[]) => {
      const result = await client.query(sql, params ?? []);
      return toQueryResult(result.rows as Row[], result.command, result.rowCount);
    },
    exec: async (sql: string) => {
      // No parameters: node-postgres uses the simple query protocol, which accepts many statements.
      await client.query(sql);
    },
  };
}

// A checked-out client has no 'error' listener of the pool's: the server ending the connection
// (pg_terminate_backend, restart, failover) was an unhandled 'error' event that ended the
// process. The query in flight rejects on its own; the error is kept so the connection is
// destroyed instead of going back to the pool. One listener per client, for its whole life
// (an error may also arrive after release, while the client is being ended).
const watched = new WeakMap<pg.PoolClient, { lost: Error | undefined }>();

function watchConnection(client: pg.PoolClient): { lost: Error | undefined } {
  let state = watched.get(client);
  if (state === undefined) {
    const created: { lost: Error | undefined } = { lost: undefined };
    client.on('error', (error: Error) => {
      created.lost ??= error;
    });
    watched.set(client, created);
    state = created;
  }
  return state;
}

export function openPostgresDatabase(
  databaseUrl: string,
  poolSize: number = poolSizeFromEnv(),
): Database {
  const pool = new pg.Pool({ connectionString: databaseUrl, types: typeOverrides, max: poolSize });
  // An idle client losing its connection (server restart) must not crash the process.
  pool.on('error', () => undefined);
  const direct = executor(pool);

  return {
    engine: 'postgres',
    poolSize,
    query: (sql, params) => direct.query(sql, params),
    exec: (sql) => direct.exec(sql),
    async transaction(fn) {
      const client = await pool.connect();
      const connection = watchConnection(client);
      const release = (error?: Error): void => client.release(error ?? connection.lost);
      try {
        await client.query('begin');
        const result = await fn(executor(client));
        await client.query('commit');
        release();
        return result;
      } catch (error) {
        // If the rollback itself fails the connection is unusable: destroy it instead of reusing it.
        const rollbackError = connection.lost
          ? connection.lost
          : await client.query('rollback').then(
              () => undefined,
              (e: unknown) => (e instanceof Error ? e : new Error(String(e))),
            );
        release(rollbackError);
        throw error;
      }
    },
    async batch(sql) {
      // No parameters: node-postgres sends one simple Query message and hands back one result
      // per statement (a lone statement comes back unwrapped).
      const result = (await pool.query(sql)) as pg.QueryResult | pg.QueryResult[];
      return (Array.isArray(result) ? result : [result]).map((r) =>
        toQueryResult(r.rows as Record<string, unknown>[], r.command, r.rowCount),
      );
    },
    close: () => pool.end(),
  };
}
