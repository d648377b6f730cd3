import { request } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../server/db/open-database.ts';
import { freePort, startBackendProcess } from './support/backend-process.ts';
import type { BackendProcess } from './support/backend-process.ts';
import { createLeadText, defaultColumn } from './support/raw-push.ts';
import type { Column } from './support/raw-push.ts';
import { DEMO, TEST_JWT_SECRET, createTestLocation, engineName } from './support/test-backend.ts';
import type { TestDatabaseLocation } from './support/test-backend.ts';

// `npm run server` killed with SIGKILL while a push is in flight (no shutdown, no flush), then
// started again on the same data: the client resends the same push and every mutation is
// applied exactly once.
let dataDir: string;
let location: TestDatabaseLocation;
let env: Record<string, string>;
let port: number;
let running: BackendProcess | undefined;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'leadlanes-sigkill-'));
  location = await createTestLocation(dataDir);
  env = {
    LEADLANES_JWT_SECRET: TEST_JWT_SECRET,
    ...(location.databaseUrl === undefined
      ? { LEADLANES_DATA_DIR: dataDir }
      : { DATABASE_URL: location.databaseUrl }),
  };
  port = await freePort();
});
afterAll(async () => {
  if (running) {
    running.child.kill('SIGTERM');
    await running.exited;
  }
  await location.drop();
  rmSync(dataDir, { recursive: true, force: true });
});

async function signIn(url: string): Promise<{ token: string; anonKey: string }> {
  const res = await fetch(`${url}/auth/v1/local/sign-in`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: DEMO.maya.email }),
  });
  const { access_token: token } = (await res.json()) as { access_token: string };
  const config = await fetch(`${url}/auth/v1/local/config`);
  const { anon_key: anonKey } = (await config.json()) as { anon_key: string };
  return { token, anonKey };
}

/** Sends the push and SIGKILLs the server the moment the whole body has been written. */
function pushThenKill(
  server: BackendProcess,
  auth: { token: string; anonKey: string },
  body: string,
) {
  return new Promise<void>((resolve) => {
    const req = request(`${server.url}/rest/v1/rpc/sync_push`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        apikey: auth.anonKey,
        Authorization: `Bearer ${auth.token}`,
      },
    });
    req.on('error', () => resolve()); // the server died: no answer, as expected
    req.on('response', (res) => {
      res.resume();
      res.on('end', resolve);
    });
    req.on('finish', () => server.child.kill('SIGKILL'));
    req.end(body);
  });
}

describe(`SIGKILL mid-push, then restart (${engineName})`, () => {
  it('applies every mutation of the resent push exactly once', async () => {
    let column: Column;
    {
      // Read the board's default column straight from the database (first start migrates it).
      running = await startBackendProcess(port, env);
      running.child.kill('SIGTERM');
      expect(await running.exited).toBe(0);
      const db = await openDatabase({ databaseUrl: location.databaseUrl, dataDir });
      column = await defaultColumn(db);
      await db.close();
    }
    const clientId = crypto.randomUUID();
    const ids = Array.from({ length: 200 }, () => crypto.randomUUID());
    const body = `{"client_id":"${clientId}","mutations":[${ids
      .map((id, i) => createLeadText(String(i + 1), id, column))
      .join(',')}]}`;

    running = await startBackendProcess(port, env);
    await pushThenKill(running, await signIn(running.url), body);
    expect(await running.exited).toBeNull(); // killed by the signal, not exited

    running = await startBackendProcess(port, env);
    const auth = await signIn(running.url);
    for (let attempt = 0; attempt < 2; attempt++) {
      const res = await fetch(`${running.url}/rest/v1/rpc/sync_push`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          apikey: auth.anonKey,
          Authorization: `Bearer ${auth.token}`,
        },
        body,
      });
      expect(res.status).toBe(200);
      const { results } = (await res.json()) as { results: { status: string }[] };
      expect(results).toHaveLength(200);
      expect(results.every((r) => r.status === 'applied')).toBe(true);
    }
    running.child.kill('SIGTERM');
    expect(await running.exited).toBe(0);
    running = undefined;

    const db = await openDatabase({ databaseUrl: location.databaseUrl, dataDir });
    try {
      const leads = await db.query<{ n: number }>(
        'select count(*)::int as n from public.leads where id = any($1)',
        [ids],
      );
      expect(leads.rows[0]?.n).toBe(200);
      const ledger = await db.query<{ n: number }>(
        'select count(*)::int as n from private.sync_client_mutations where client_id = $1',
        [clientId],
      );
      expect(ledger.rows[0]?.n).toBe(200);
    } finally {
      await db.close();
    }
  });
});
