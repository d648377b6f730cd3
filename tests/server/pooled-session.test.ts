import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestFunctions } from './support/test-functions.ts';
import { DEMO, createTestLocation, engineName, startTestBackend } from './support/test-backend.ts';
import type { TestBackend, TestDatabaseLocation } from './support/test-backend.ts';

// A request's role, claims, search_path and read-only flag are set with set_config(…, true) in
// the same simple-protocol message as the call, so they end with its implicit transaction. With
// ONE pooled connection every request below runs on the same Postgres session: nothing one user
// set may still be there for the next user, nor for the backend's own queries.

let location: TestDatabaseLocation;
let t: TestBackend;
let anaToken: string;
let benToken: string;

beforeAll(async () => {
  location = await createTestLocation();
  t = await startTestBackend(location, { poolSize: 1 });
  await createTestFunctions(t.backend.db);
  anaToken = await t.signIn(DEMO.ana.email);
  benToken = await t.signIn(DEMO.ben.email);
});
afterAll(async () => {
  await t.stop();
  await location.drop();
});

function call(fn: string, token: string | null, init: { method?: string; body?: string } = {}) {
  return fetch(`${t.url}/rest/v1/rpc/${fn}`, {
    method: init.method ?? 'POST',
    headers: {
      apikey: t.backend.anonKey,
      ...(token === null ? {} : { Authorization: `Bearer ${token}` }),
      'Content-Type': 'application/json',
    },
    ...(init.body === undefined ? {} : { body: init.body }),
  });
}

interface SessionFacts {
  current_user: string;
  claims: { sub?: string; role: string } | null;
  read_only: string;
}

async function facts(token: string | null, method = 'POST'): Promise<SessionFacts> {
  const res = await call(
    'test_session_facts',
    token,
    method === 'GET' ? { method } : { body: '{}' },
  );
  expect(res.status).toBe(200);
  return (await res.json()) as SessionFacts;
}

/** What the pooled session holds between requests, read by the backend itself (superuser). */
async function leftover() {
  const { rows } = await t.backend.db.query<Record<string, string | null>>(
    `select current_user as "user",
            current_setting('role') as role,
            coalesce(current_setting('request.jwt.claims', true), '') as claims,
            coalesce(current_setting('request.headers', true), '') as headers,
            current_setting('search_path') as search_path,
            current_setting('transaction_read_only') as read_only`,
  );
  return rows[0];
}

describe(`one pooled connection, two users (${engineName})`, () => {
  it('really has a single connection to share', () => {
    expect(t.backend.db.poolSize).toBe(1);
  });

  it('gives each request its own user, and leaves nothing behind', async () => {
    const before = await leftover();
    const ana = await facts(anaToken);
    const ben = await facts(benToken);
    const anon = await facts(null);
    expect(ana).toMatchObject({ current_user: 'authenticated', claims: { sub: DEMO.ana.id } });
    expect(ben).toMatchObject({ current_user: 'authenticated', claims: { sub: DEMO.ben.id } });
    expect(anon.current_user).toBe('anon');
    expect(anon.claims?.sub).toBeUndefined();
    expect(await leftover()).toEqual(before);
    expect(before).toMatchObject({ role: 'none', claims: '', headers: '', read_only: 'off' });
  });

  it('does not carry a read-only GET into the next write', async () => {
    expect((await facts(anaToken, 'GET')).read_only).toBe('on');
    const write = await call('test_add_item', benToken, { body: '{"item_id": 41, "qty": 2}' });
    expect(write.status).toBe(200);
    expect(await write.json()).toEqual({ id: 41, qty: 2 });
    expect((await leftover())?.read_only).toBe('off');
  });

  it('recovers the session after a request that fails mid-transaction', async () => {
    const refused = await call('test_refuse', anaToken, { body: '{"reason": "no"}' });
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ code: 'P0001', message: 'Refused: no' });
    const ben = await facts(benToken);
    expect(ben.claims?.sub).toBe(DEMO.ben.id);
    expect((await leftover())?.role).toBe('none');
  });

  it('keeps a quote-laden body a value, never SQL', async () => {
    const text = `it's \\"x\\" \\\\ $1 $$ '); select 1; --`;
    const res = await call('test_echo', anaToken, {
      body: JSON.stringify({ tags: [text, 'ünïcödé ✓'], meta: { q: "'" } }),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ tags: [text, 'ünïcödé ✓'], meta: { q: "'" }, n: null });
  });
});
