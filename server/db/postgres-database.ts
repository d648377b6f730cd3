import pg from 'pg';
import type { Database, SqlExecutor } from './database.ts';
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

export function openPostgresDatabase(databaseUrl: string): Database {
  const pool = new pg.Pool({ connectionString: databaseUrl, types: typeOverrides, max: 5 });
  // An idle client losing its connection (server restart) must not crash the process.
  pool.on('error', () => undefined);
  const direct = executor(pool);

  return {
    engine: 'postgres',
    query: (sql, params) => direct.query(sql, params),
    exec: (sql) => direct.exec(sql),
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('begin');
        const result = await fn(executor(client));
        await client.query('commit');
        client.release();
        return result;
      } catch (error) {
        // If the rollback itself fails the connection is unusable: destroy it instead of reusing it.
        const rollbackError = await client.query('rollback').then(
          () => undefined,
          (e: unknown) => (e instanceof Error ? e : new Error(String(e))),
        );
        client.release(rollbackError);
        throw error;
      }
    },
    close: () => pool.end(),
  };
}
