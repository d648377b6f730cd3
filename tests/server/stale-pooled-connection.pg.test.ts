import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isLostConnection } from '../../server/db/lost-connection.ts';
import { openPostgresDatabase } from '../../server/db/postgres-database.ts';
import type { Database } from '../../server/db/database.ts';
import { createLeadText, defaultColumn, rawPush } from './support/raw-push.ts';
import { TcpCutter } from './support/tcp-cutter.ts';
import { DEMO, createTestLocation, startTestBackend } from './support/test-backend.ts';
import type { TestBackend, TestDatabaseLocation } from './support/test-backend.ts';

// PostgreSQL only. A restart or failover leaves the pool holding connections that look alive
// and are not: it only finds out by using one. What was never sent may go to a fresh
// connection; a write whose fate is unknown must not be repeated behind the caller's back.
let location: TestDatabaseLocation;
let cutter: TcpCutter;
let db: Database;

beforeAll(async () => {
  location = await createTestLocation();
  if (location.databaseUrl === undefined) throw new Error('needs TEST_DATABASE_URL');
  cutter = await TcpCutter.start(location.databaseUrl);
  db = openPostgresDatabase(cutter.urlFor(location.databaseUrl), 3);
  await db.exec('create table probe (id text primary key)');
});
afterAll(async () => {
  await db.close();
  await cutter.close();
  await location.drop();
});

/** Puts three connections in the pool (three at once), then loses them all silently. */
async function poolOfStaleConnections(): Promise<void> {
  await Promise.all([1, 2, 3].map(() => db.query('select pg_sleep(0.05)')));
  expect(cutter.cutSilently()).toBe(3);
}

async function probeIds(): Promise<string[]> {
  const { rows } = await db.query<{ id: string }>('select id from probe order by id');
  return rows.map((r) => r.id);
}

describe('a pool whose connections were all lost while idle (postgres)', () => {
  it('runs a transaction on a fresh connection: BEGIN failing means nothing of it ran', async () => {
    await poolOfStaleConnections();
    const id = randomUUID();
    await db.transaction((tx) => tx.query('insert into probe values ($1)', [id]));
    expect(await probeIds()).toContain(id);
  });

  it('sends a read-only batch again on a fresh connection', async () => {
    await poolOfStaleConnections();
    const [answer] = await db.batch('select 41 + 1 as n', { repeatable: true });
    expect(answer?.rows).toEqual([{ n: 42 }]);
  });

  it('does not repeat a write batch: it fails as a lost connection; what follows works', async () => {
    await poolOfStaleConnections();
    const lost = randomUUID();
    const failure = await db.batch(`insert into probe values ('${lost}')`).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(isLostConnection(failure)).toBe(true);
    // The hop never forwarded it: nothing was written, and it was not sent twice.
    expect(await probeIds()).not.toContain(lost);

    // The dead connection was dropped, and the other two (idle when it was found) retired
    // unused: the next statements, even unrepeatable ones, go to fresh connections.
    const kept = randomUUID();
    await db.batch(`insert into probe values ('${kept}')`);
    expect(await probeIds()).toContain(kept);
  });
});

describe('the API over a pool that lost its connections (postgres)', () => {
  let t: TestBackend;
  let viaCutter: TestDatabaseLocation;

  beforeAll(async () => {
    if (location.databaseUrl === undefined) throw new Error('needs TEST_DATABASE_URL');
    viaCutter = { ...location, databaseUrl: cutter.urlFor(location.databaseUrl) };
    t = await startTestBackend(viaCutter, { poolSize: 2 });
  });
  afterAll(async () => {
    await t.stop();
  });

  it('answers a lost write with a retryable 503; sent again, it applies exactly once', async () => {
    const token = await t.signIn(DEMO.maya.email);
    const column = await defaultColumn(t.backend.db);
    // One push first, so the function is cached and the next push is a single batch.
    const warm = `{"client_id":"${randomUUID()}","mutations":[${createLeadText('1', randomUUID(), column)}]}`;
    expect((await rawPush(t, token, warm)).status).toBe(200);
    await Promise.all([1, 2].map(() => t.backend.db.query('select pg_sleep(0.05)')));
    expect(cutter.cutSilently()).toBeGreaterThanOrEqual(2);

    const lead = randomUUID();
    const body = `{"client_id":"${randomUUID()}","mutations":[${createLeadText('1', lead, column)}]}`;
    const first = await rawPush(t, token, body);
    expect(first.status).toBe(503);
    expect(JSON.parse(first.text)).toMatchObject({ code: 'PGRST001' });

    const resent = await rawPush(t, token, body);
    expect(resent.status).toBe(200);
    expect(resent.text).toContain('"applied"');
    const { rows } = await t.backend.db.query('select id from public.leads where id = $1', [lead]);
    expect(rows).toHaveLength(1);
  });
});
