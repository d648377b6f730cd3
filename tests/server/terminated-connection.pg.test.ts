import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLeadText, defaultColumn, rawPush } from './support/raw-push.ts';
import type { Column } from './support/raw-push.ts';
import { DEMO, createTestLocation, startTestBackend } from './support/test-backend.ts';
import type { TestBackend, TestDatabaseLocation } from './support/test-backend.ts';

// PostgreSQL only (PGlite has no connections to lose): the server ends the backend's
// connection while a push is running on it (pg_terminate_backend, as a restart, failover or
// idle timeout would). It used to be an unhandled 'error' event that ended the process.
let location: TestDatabaseLocation;
let t: TestBackend;
let admin: pg.Client;
let token: string;
let column: Column;

beforeAll(async () => {
  location = await createTestLocation();
  if (location.databaseUrl === undefined) throw new Error('needs TEST_DATABASE_URL');
  t = await startTestBackend(location);
  admin = new pg.Client({ connectionString: location.databaseUrl });
  await admin.connect();
  token = await t.signIn(DEMO.maya.email);
  column = await defaultColumn(t.backend.db);
});
afterAll(async () => {
  await admin.end();
  await t.stop();
  await location.drop();
});

/** The backend's connections that are waiting for a lock (our push, held up mid-transaction). */
async function blockedPids(): Promise<number[]> {
  for (;;) {
    const { rows } = await admin.query<{ pid: number }>(
      `select pid from pg_stat_activity
        where datname = current_database() and pid <> pg_backend_pid() and wait_event_type = 'Lock'`,
    );
    if (rows.length > 0) return rows.map((r) => r.pid);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

describe('a connection terminated mid-push (postgres)', () => {
  it('fails that request with a 5xx; the pool recovers and the same push then applies once', async () => {
    const clientId = randomUUID();
    const lead = randomUUID();
    const body = `{"client_id":"${clientId}","mutations":[${createLeadText('1', lead, column)}]}`;

    await admin.query('begin');
    await admin.query('lock table public.leads in access exclusive mode');
    const inFlight = rawPush(t, token, body);
    const pids = await blockedPids();
    await admin.query('select pg_terminate_backend(pid) from unnest($1::int[]) pid', [pids]);
    const failed = await inFlight;
    await admin.query('rollback');

    expect(failed.status).toBeGreaterThanOrEqual(500);
    expect(failed.status).toBeLessThan(600);

    // The next requests work, on fresh connections; the lost push had committed nothing.
    const retried = await rawPush(t, token, body);
    expect(retried.status).toBe(200);
    expect(retried.text).toContain('"applied"');
    const again = await rawPush(t, token, body);
    expect(again.status).toBe(200);
    const { rows } = await admin.query('select id from public.leads where id = $1', [lead]);
    expect(rows).toHaveLength(1);
  });

  it('survives every pooled connection being terminated between requests', async () => {
    await admin.query(
      `select pg_terminate_backend(pid) from pg_stat_activity
        where datname = current_database() and pid <> pg_backend_pid()`,
    );
    const lead = randomUUID();
    const body = `{"client_id":"${randomUUID()}","mutations":[${createLeadText('1', lead, column)}]}`;
    // The pool may not have heard yet that its connections are gone: then the write's fate is
    // unknown and it is answered 503 (never repeated behind the caller's back, never a 500).
    const first = await rawPush(t, token, body);
    if (first.status !== 200) {
      expect(first.status).toBe(503);
      expect(JSON.parse(first.text)).toMatchObject({ code: 'PGRST001' });
    }
    const resent = await rawPush(t, token, body);
    expect(resent.status).toBe(200);
    const { rows } = await admin.query('select id from public.leads where id = $1', [lead]);
    expect(rows).toHaveLength(1);
  });
});
