// The contract between the local backend, the db:* tools and the database tests:
// one small interface over embedded PGlite and a real PostgreSQL (node-postgres pool).
// Implementations live beside this file (open-database.ts); this file only names the shape.

export interface QueryResult<Row> {
  rows: Row[];
  /** Rows affected by INSERT/UPDATE/DELETE, when the engine reports it. */
  affectedRows?: number;
}

export interface SqlExecutor {
  /** One parameterised statement ($1, $2 … placeholders). Never interpolate input into `sql`. */
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<QueryResult<Row>>;
  /** A script of several statements with no parameters (migrations, seed). */
  exec(sql: string): Promise<void>;
}

export interface Database extends SqlExecutor {
  readonly engine: 'pglite' | 'postgres';
  /**
   * Runs `fn` in one transaction on one connection: commit when it resolves, roll back when it
   * throws. On PGlite calls are serialised (one connection); on PostgreSQL they are pooled.
   */
  transaction<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  /**
   * Several statements sent as ONE simple-protocol message (one round trip): Postgres runs them
   * in one implicit transaction, so `set_config(…, true)` ends with it and an error anywhere
   * rolls all of them back. No parameters: every value must already be an escaped literal
   * (`sqlLiteral`). Resolves with each statement's result, in order.
   * `repeatable`: running it twice is harmless (read-only), so on PostgreSQL it is sent again on
   * a fresh connection if the pooled one turns out to have been lost while it waited.
   */
  batch(
    sql: string,
    options?: { repeatable?: boolean },
  ): Promise<QueryResult<Record<string, unknown>>[]>;
  /** How many connections it may hold at once (1 on PGlite). */
  readonly poolSize: number;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  /** postgres://… — when set, a real PostgreSQL is used. */
  databaseUrl?: string | undefined;
  /** PGlite data directory; undefined means in-memory (tests). Ignored with databaseUrl. */
  dataDir?: string | undefined;
  /** PostgreSQL pool size; defaults to LEADLANES_DB_POOL_SIZE, else sized for the machine. */
  poolSize?: number | undefined;
}
