import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLeadText, defaultColumn, rawPush } from './support/raw-push.ts';
import type { Column } from './support/raw-push.ts';
import { DEMO, createTestLocation, engineName, startTestBackend } from './support/test-backend.ts';
import type { TestBackend, TestDatabaseLocation } from './support/test-backend.ts';

// The body reaches Postgres as the client sent it: no rounding of big ids, no Infinity turned
// into null, deep nesting and characters jsonb refuses answered with a 4xx, and the backend
// carries on.
let location: TestDatabaseLocation;
let t: TestBackend;
let token: string;
let column: Column;

beforeAll(async () => {
  location = await createTestLocation();
  t = await startTestBackend(location);
  token = await t.signIn(DEMO.maya.email);
  column = await defaultColumn(t.backend.db);
});
afterAll(async () => {
  await t.stop();
  await location.drop();
});

const push = (clientId: string, mutations: string[]) =>
  rawPush(t, token, `{"client_id":"${clientId}","mutations":[${mutations.join(',')}]}`);

async function stillServing(): Promise<void> {
  const clientId = randomUUID();
  const res = await push(clientId, [createLeadText('1', randomUUID(), column)]);
  expect(res.status).toBe(200);
  expect(res.text).toContain('"applied"');
}

describe(`numbers as sent (${engineName})`, () => {
  it('keeps mutation ids above 2^53 apart (both applied, both in the ledger)', async () => {
    const clientId = randomUUID();
    const [a, b] = [randomUUID(), randomUUID()];
    // Both round to the same double, 9007199254740992.
    const res = await push(clientId, [
      createLeadText('9007199254740993', a, column),
      createLeadText('9007199254740992', b, column),
    ]);
    expect(res.status).toBe(200);
    expect(res.text.match(/"applied"/g)).toHaveLength(2);
    const { rows } = await t.backend.db.query<{ mutation_id: string }>(
      `select mutation_id::text from private.sync_client_mutations where client_id = $1
        order by mutation_id`,
      [clientId],
    );
    expect(rows.map((r) => r.mutation_id)).toEqual(['9007199254740992', '9007199254740993']);
    const leads = await t.backend.db.query('select id from public.leads where id = any($1)', [
      [a, b],
    ]);
    expect(leads.rows).toHaveLength(2);
  });

  it('never stores 1e400 as NULL: the mutation is refused', async () => {
    const id = randomUUID();
    const res = await push(randomUUID(), [
      createLeadText('1', id, column, ',"estimated_premium":1e400'),
    ]);
    if (res.status === 200) expect(res.text).toContain('"rejected"');
    else expect(res.status).toBeLessThan(500);
    const { rows } = await t.backend.db.query('select id from public.leads where id = $1', [id]);
    expect(rows).toEqual([]);
  });

  it('keeps an exact decimal exact', async () => {
    const id = randomUUID();
    const res = await push(randomUUID(), [
      createLeadText('1', id, column, ',"estimated_premium":1234567.0049999999999999999'),
    ]);
    expect(res.status).toBe(200);
    const { rows } = await t.backend.db.query<{ p: string | null }>(
      'select estimated_premium::text as p from public.leads where id = $1',
      [id],
    );
    // numeric(12, 2) rounds the exact text down; the nearest double prints as 1234567.005,
    // which would round up to .01.
    expect(rows).toEqual([{ p: '1234567.00' }]);
  });
});

describe(`malformed payloads (${engineName})`, () => {
  it('answers 20 000-deep nesting with 400, not 500', async () => {
    const deep = `${'['.repeat(20_000)}${']'.repeat(20_000)}`;
    const res = await push(randomUUID(), [`{"mutation_id":1,"name":"create_lead","args":${deep}}`]);
    expect(res.status).toBe(400);
    expect(JSON.parse(res.text)).toMatchObject({ code: 'PGRST102' });
    await stillServing();
  });

  it.each([
    ['a NUL', '\\u0000'],
    ['a lone high surrogate', '\\ud800'],
    ['a lone low surrogate', '\\udc00x'],
  ])(
    'answers %s in a notes field with a 400 naming a data error, and keeps serving',
    async (_, escape) => {
      const id = randomUUID();
      const res = await push(randomUUID(), [
        createLeadText('1', id, column, `,"notes":"bad ${escape} char"`),
      ]);
      expect(res.status).toBe(400);
      const body = JSON.parse(res.text) as { code: string; message: string };
      expect(body.code).toMatch(/^22/);
      await stillServing();
    },
  );

  it('refuses a body that is not valid UTF-8 instead of changing it', async () => {
    const res = await fetch(`${t.url}/rest/v1/rpc/sync_push`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        apikey: t.backend.anonKey,
        Authorization: `Bearer ${token}`,
      },
      body: Buffer.concat([
        Buffer.from('{"client_id":"'),
        Buffer.from([0xed, 0xa0, 0x80]),
        Buffer.from('"}'),
      ]),
    });
    expect(res.status).toBe(400);
  });
});
