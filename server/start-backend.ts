import { applyMigrations } from './db/apply-migrations.ts';
import type { Database } from './db/database.ts';
import { openDatabase } from './db/open-database.ts';
import { createApp } from './app.ts';
import type { Handler } from './app.ts';
import { loadJwtSecret } from './auth/jwt-secret.ts';
import { demoSignInFromEnv } from './auth/sign-in-policy.ts';
import type { DemoSignIn } from './auth/sign-in-policy.ts';
import { OriginPolicy, originsFromEnv } from './http/origin-policy.ts';
import { signApiKey } from './auth/tokens.ts';
import type { Logger } from './http/request-log.ts';
import { DEFAULT_DATA_DIR, DEFAULT_SECRET_FILE } from './paths.ts';
import { ChangeFeed } from './realtime/change-feed.ts';
import { seedIfNew } from './seed.ts';

export interface BackendOptions {
  /** postgres://… ; when unset, embedded PGlite in `dataDir`. */
  databaseUrl?: string | undefined;
  /** PGlite data directory; `null` for in-memory (tests). Defaults to LEADLANES_DATA_DIR, else .data/pglite. */
  dataDir?: string | null | undefined;
  /** Defaults to LEADLANES_JWT_SECRET, else the secret kept in .data/jwt-secret. */
  jwtSecret?: string | undefined;
  /** PostgreSQL connections; defaults to LEADLANES_DB_POOL_SIZE, else sized for the machine. */
  poolSize?: number | undefined;
  /** Defaults to supabase/migrations. */
  migrationsDir?: string | undefined;
  /** Load supabase/seed.sql when the database is new (default true). */
  seed?: boolean | undefined;
  /** One line per request and per startup step. */
  log?: Logger | undefined;
  /** Browser origins allowed besides the server's own; defaults to LEADLANES_CORS_ORIGINS. */
  corsOrigins?: string[] | undefined;
  /** Who may use the demo sign-in; defaults to LEADLANES_DEMO_SIGN_IN / NODE_ENV. */
  demoSignIn?: DemoSignIn | undefined;
}

export interface Backend {
  handler: Handler;
  db: Database;
  secret: string;
  anonKey: string;
  serviceRoleKey: string;
  changes: ChangeFeed;
  /** Add the server's own origin once it listens (listen(), the Vite plugin). */
  origins: OriginPolicy;
  demoSignIn: DemoSignIn;
  /** What startup did, for the banner. */
  startup: { engine: Database['engine']; location: string; migrated: string[]; seeded: boolean };
  close(): Promise<void>;
}

/** Opens the database, brings it up to date, seeds a new one, and builds the HTTP handler. */
export async function startBackend(options: BackendOptions = {}): Promise<Backend> {
  const dataDir =
    options.dataDir === null
      ? undefined
      : (options.dataDir ?? (process.env.LEADLANES_DATA_DIR || DEFAULT_DATA_DIR));
  const db = await openDatabase({
    databaseUrl: options.databaseUrl,
    dataDir,
    poolSize: options.poolSize,
  });
  try {
    const { applied } = await applyMigrations(db, {
      ...(options.migrationsDir === undefined ? {} : { dir: options.migrationsDir }),
      onApply: (file) => options.log?.(`applying migration ${file.fileName}`),
    });
    const seeded = options.seed === false ? false : await seedIfNew(db);
    const secret = options.jwtSecret ?? loadJwtSecret(DEFAULT_SECRET_FILE);
    const changes = new ChangeFeed();
    const anonKey = await signApiKey(secret, 'anon');
    const serviceRoleKey = await signApiKey(secret, 'service_role');
    const origins = new OriginPolicy(
      options.corsOrigins ?? originsFromEnv(process.env.LEADLANES_CORS_ORIGINS),
    );
    const demoSignIn = options.demoSignIn ?? demoSignInFromEnv();
    const app = { db, secret, anonKey, apiKeys: [anonKey, serviceRoleKey], changes, origins };
    return {
      handler: createApp({ ...app, demoSignIn, log: options.log }),
      db,
      secret,
      anonKey,
      serviceRoleKey,
      changes,
      origins,
      demoSignIn,
      startup: {
        engine: db.engine,
        location: options.databaseUrl ? redact(options.databaseUrl) : (dataDir ?? 'memory'),
        migrated: applied,
        seeded,
      },
      close: () => db.close(),
    };
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
}

function redact(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return 'DATABASE_URL';
  }
}
