import pg from 'pg';
import type { Database, SqlExecutor } from './database.ts';
import { isLostConnection } from './lost-connection.ts';
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

type Queryable = Pick<pg.PoolClient, 'query'>;

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
interface Watched {
  lost: Error | undefined;
  /** It has carried work before: only such a client can have died while it sat in the pool. */
  used: boolean;
  /** The pool's loss count when it was last released (see `onConnection`). */
  idleSince: number;
}
const watched = new WeakMap<pg.PoolClient, Watched>();

function watchConnection(client: pg.PoolClient): Watched {
  let state = watched.get(client);
  if (state === undefined) {
    const created: Watched = { lost: undefined, used: false, idleSince: 0 };
    client.on('error', (error: Error) => {
      created.lost ??= error;
    });
    watched.set(client, created);
    state = created;
  }
  return state;
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

/**
 * Runs `work` on a pooled connection. A connection the server ended while it sat idle in the
 * pool (a restart, pg_terminate_backend) is only found out when used; the work then goes to
 * another connection if that cannot repeat a write: the connection was known dead before
 * anything was sent, or `mayRepeat` says so. Otherwise the lost-connection error is thrown
 * (the API answers 503). Every lost connection is destroyed, never pooled again; and since what
 * ends one idle connection (a restart, a failover) has usually ended them all, every connection
 * that was idle when a loss was found is retired unused, so one loss costs one failed request,
 * not one per pooled connection.
 */
async function onConnection<T>(
  pool: pg.Pool,
  losses: { count: number },
  work: (client: pg.PoolClient, connection: Watched) => Promise<T>,
  mayRepeat: () => boolean,
): Promise<T> {
  for (let retired = 0; ;) {
    const client = await pool.connect();
    const connection = watchConnection(client);
    if (connection.used && connection.idleSince < losses.count && retired < pool.options.max) {
      retired++;
      client.release(new Error('retired: idle when another pooled connection was found lost'));
      continue;
    }
    const wasUsed = connection.used;
    connection.used = true;
    const deadOnArrival = connection.lost !== undefined;
    const release = (lost?: Error): void => {
      connection.idleSince = losses.count;
      client.release(lost);
    };
    try {
      if (connection.lost !== undefined) throw connection.lost;
      const result = await work(client, connection);
      release(connection.lost);
      return result;
    } catch (error) {
      const lost = connection.lost ?? (isLostConnection(error) ? error : undefined);
      if (lost !== undefined) losses.count++;
      release(lost);
      // A stale pooled connection may be replaced; a brand-new one failing is a real outage.
      if (lost !== undefined && wasUsed && (deadOnArrival || mayRepeat())) continue;
      throw error;
    }
  }
}

const never = (): boolean => false;

export function openPostgresDatabase(
  databaseUrl: string,
  poolSize: number = poolSizeFromEnv(),
): Database {
  const pool = new pg.Pool({ connectionString: databaseUrl, types: typeOverrides, max: poolSize });
  // An idle client losing its connection (server restart) must not crash the process.
  pool.on('error', () => undefined);
  const losses = { count: 0 };
  const run = <T>(
    work: (client: pg.PoolClient, connection: Watched) => Promise<T>,
    mayRepeat: () => boolean = never,
  ): Promise<T> => onConnection(pool, losses, work, mayRepeat);

  return {
    engine: 'postgres',
    poolSize,
    query: (sql, params) => run((client) => executor(client).query(sql, params)),
    exec: (sql) => run((client) => executor(client).exec(sql)),
    async transaction(fn) {
      // Until BEGIN has been answered nothing of `fn` has run: a lost connection there is safe
      // to retry whatever `fn` does.
      let begun = false;
      return run(
        async (client, connection) => {
          begun = false;
          await client.query('begin');
          begun = true;
          try {
            const result = await fn(executor(client));
            await client.query('commit');
            return result;
          } catch (error) {
            // If the rollback itself fails the connection is unusable: destroy it, not reuse it.
            if (connection.lost === undefined) {
              await client.query('rollback').catch((e: unknown) => {
                connection.lost ??= asError(e);
              });
            }
            throw error;
          }
        },
        () => !begun,
      );
    },
    async batch(sql, options) {
      // No parameters: node-postgres sends one simple Query message and hands back one result
      // per statement (a lone statement comes back unwrapped).
      const result = await run(
        (client) => client.query(sql) as Promise<pg.QueryResult | pg.QueryResult[]>,
        () => options?.repeatable === true,
      );
      return (Array.isArray(result) ? result : [result]).map((r) =>
        toQueryResult(r.rows as Record<string, unknown>[], r.command, r.rowCount),
      );
    },
    close: () => pool.end(),
  };
}
