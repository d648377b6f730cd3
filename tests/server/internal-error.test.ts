import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import type { Database } from '../../server/db/database.ts';
import { listen, type RunningServer } from '../../server/listen.ts';
import type { Backend } from '../../server/start-backend.ts';
import { DEMO, createTestLocation, engineName, openTestBackend } from './support/test-backend.ts';
import type { TestDatabaseLocation } from './support/test-backend.ts';

// A bug of ours (not a SQL error, not a lost connection) met after the request body was read:
// the caller gets a 500 with a body, and the bug goes to onError. Node marks a request whose body
// has been read as destroyed, which the error handler once took for "the client went away" and
// answered by closing the socket: the caller saw a dropped connection instead of a 500.

let location: TestDatabaseLocation;
let backend: Backend;
let server: RunningServer;
const bugs: unknown[] = [];

beforeAll(async () => {
  location = await createTestLocation();
  backend = await openTestBackend(location);
  // The real database, except that the RPC route's one-message call throws a plain Error.
  const broken: Database = Object.assign(Object.create(backend.db) as Database, {
    batch: () => Promise.reject(new Error('a bug in the local backend')),
  });
  const handler = createApp({
    ...backend,
    db: broken,
    apiKeys: [backend.anonKey, backend.serviceRoleKey],
    onError: (error) => bugs.push(error),
  });
  server = await listen({ ...backend, handler }, 0);
});
afterAll(async () => {
  await server.close();
  await backend.close();
  await location.drop();
});

describe(`an internal error after the body was read (${engineName})`, () => {
  it('is answered 500 with a JSON body, and reported', async () => {
    const signIn = await fetch(`${server.url}/auth/v1/local/sign-in`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: DEMO.maya.email }),
    });
    const { access_token: token } = (await signIn.json()) as { access_token: string };

    const res = await fetch(`${server.url}/rest/v1/rpc/sync_pull`, {
      method: 'POST',
      headers: {
        apikey: backend.anonKey,
        Authorization: `Bearer ${token}`,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({ client_id: crypto.randomUUID(), since: null }),
    });
    expect(res.status).toBe(500);
    const body = (await res.json()) as { message?: unknown };
    expect(typeof body.message).toBe('string');
    expect(JSON.stringify(body)).not.toContain('a bug in the local backend');
    expect(bugs).toHaveLength(1);
  });
});
