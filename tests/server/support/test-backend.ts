import { randomBytes } from 'node:crypto';
import { createClient } from '@supabase/supabase-js';
import type { SupabaseClient, SupabaseClientOptions } from '@supabase/supabase-js';
import pg from 'pg';
import ws from 'ws';
import { listen } from '../../../server/listen.ts';
import type { RunningServer } from '../../../server/listen.ts';
import { startBackend } from '../../../server/start-backend.ts';
import { prepareDatabase } from '../../support/database-flavor.ts';
import type { Backend } from '../../../server/start-backend.ts';

// A real local backend for one test file, on a free port: PGlite (in memory, or in `dataDir`),
// or — with TEST_DATABASE_URL — a fresh database created on that server and dropped afterwards.

export const TEST_JWT_SECRET = 'test-secret-for-the-local-backend-0123456789';
export { engineName } from '../../support/database-flavor.ts';

export const DEMO = {
  ana: { id: '0a0a0a0a-0000-4000-8000-000000000001', email: 'ana.agent@leadlanes.test' },
  ben: { id: '0b0b0b0b-0000-4000-8000-000000000002', email: 'ben.agent@leadlanes.test' },
  maya: { id: '0c0c0c0c-0000-4000-8000-000000000003', email: 'maya.manager@leadlanes.test' },
} as const;

export interface TestDatabaseLocation {
  databaseUrl: string | undefined;
  dataDir: string | null;
  drop(): Promise<void>;
}

/** Where the test's data lives; `dataDir` only matters on PGlite (null = in memory). */
export async function createTestLocation(
  dataDir: string | null = null,
): Promise<TestDatabaseLocation> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) return { databaseUrl: undefined, dataDir, drop: () => Promise.resolve() };
  const name = `leadlanes_server_test_${Date.now()}_${randomBytes(4).toString('hex')}`;
  await withAdmin(serverUrl, (c) => c.query(`create database ${name}`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  await prepareDatabase(url.toString());
  return {
    databaseUrl: url.toString(),
    dataDir: null,
    drop: () =>
      withAdmin(serverUrl, (c) => c.query(`drop database if exists ${name} with (force)`)).then(
        () => undefined,
      ),
  };
}

// `ws` lacks the index signature realtime-js declares; it is the transport Node 20 needs.
type RealtimeTransport = NonNullable<
  NonNullable<SupabaseClientOptions<'public'>['realtime']>['transport']
>;

export interface TestBackend {
  backend: Backend;
  server: RunningServer;
  url: string;
  signIn(email: string): Promise<string>;
  /** supabase-js as the app uses it: the local token through `accessToken` (anon when null). */
  client(token: string | null): SupabaseClient;
  /** Stops the HTTP server and closes the database (the data stays). */
  stop(): Promise<void>;
}

/** The local backend on a test database, with the test secret, not yet listening. */
export function openTestBackend(
  location: TestDatabaseLocation,
  options: { poolSize?: number } = {},
): Promise<Backend> {
  return startBackend({
    databaseUrl: location.databaseUrl,
    dataDir: location.dataDir,
    jwtSecret: TEST_JWT_SECRET,
    poolSize: options.poolSize,
  });
}

export async function startTestBackend(
  location: TestDatabaseLocation,
  options: { poolSize?: number } = {},
): Promise<TestBackend> {
  const backend = await openTestBackend(location, options);
  const server = await listen(backend, 0);
  const url = server.url;
  return {
    backend,
    server,
    url,
    async signIn(email) {
      const res = await fetch(`${url}/auth/v1/local/sign-in`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email }),
      });
      if (!res.ok) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
      return ((await res.json()) as { access_token: string }).access_token;
    },
    client(token) {
      return createClient(url, backend.anonKey, {
        accessToken: () => Promise.resolve(token),
        realtime: { transport: ws as unknown as RealtimeTransport },
      });
    },
    async stop() {
      await server.close();
      await backend.close();
    },
  };
}

async function withAdmin<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
