import type { SupabaseClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '../../server/http/read-body.ts';
import { createTestFunctions } from './support/test-functions.ts';
import { DEMO, createTestLocation, engineName, startTestBackend } from './support/test-backend.ts';
import type { TestBackend, TestDatabaseLocation } from './support/test-backend.ts';

let location: TestDatabaseLocation;
let t: TestBackend;
let ana: SupabaseClient;
let ben: SupabaseClient;
let maya: SupabaseClient;
let anon: SupabaseClient;
let anaToken: string;

beforeAll(async () => {
  location = await createTestLocation();
  t = await startTestBackend(location);
  await createTestFunctions(t.backend.db);
  anaToken = await t.signIn(DEMO.ana.email);
  ana = t.client(anaToken);
  ben = t.client(await t.signIn(DEMO.ben.email));
  maya = t.client(await t.signIn(DEMO.maya.email));
  anon = t.client(null);
});
afterAll(async () => {
  await t.stop();
  await location.drop();
});

async function leadOf(userId: string): Promise<string> {
  const { rows } = await t.backend.db.query<{ id: string }>(
    'select id from public.leads where assigned_to = $1 order by id limit 1',
    [userId],
  );
  const id = rows[0]?.id;
  if (id === undefined) throw new Error(`the seed gave ${userId} no lead`);
  return id;
}

function post(fn: string, body: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${t.url}/rest/v1/rpc/${fn}`, {
    method: 'POST',
    headers: {
      apikey: t.backend.anonKey,
      Authorization: `Bearer ${anaToken}`,
      'Content-Type': 'application/json',
      ...headers,
    },
    body,
  });
}

describe(`RLS through RPC (${engineName})`, () => {
  it('runs as the authenticated role, which cannot bypass RLS', async () => {
    const facts: unknown = (await ana.rpc('test_session_facts')).data;
    expect(facts).toMatchObject({
      current_user: 'authenticated',
      bypassrls: false,
      superuser: false,
    });
  });

  it("lets an agent read their own lead but not another agent's", async () => {
    const anasLead = await leadOf(DEMO.ana.id);
    const bensLead = await leadOf(DEMO.ben.id);
    const own = await ana.rpc('test_read_lead', { lead_id: anasLead });
    expect(own.error).toBeNull();
    expect(own.data).toEqual([expect.objectContaining({ id: anasLead, assigned_to: DEMO.ana.id })]);

    const other = await ana.rpc('test_read_lead', { lead_id: bensLead });
    expect(other.error).toBeNull();
    expect(other.data).toEqual([]);
    // The lead exists: Ben and the manager see it.
    expect((await ben.rpc('test_read_lead', { lead_id: bensLead })).data).toHaveLength(1);
    expect((await maya.rpc('test_read_lead', { lead_id: bensLead })).data).toHaveLength(1);
  });

  it('shows the manager every lead and an agent only theirs and the pool', async () => {
    const { rows } = await t.backend.db.query<{ total: number; mine_or_pool: number }>(
      `select count(*)::int as total,
              count(*) filter (where assigned_to = $1 or assigned_to is null)::int as mine_or_pool
         from public.leads`,
      [DEMO.ana.id],
    );
    const counts = rows[0];
    expect((await maya.rpc('test_count_leads')).data).toBe(counts?.total);
    expect((await ana.rpc('test_count_leads')).data).toBe(counts?.mine_or_pool);
    expect(counts?.mine_or_pool).toBeLessThan(counts?.total ?? 0);
  });
});

describe(`results in PostgREST's shapes (${engineName})`, () => {
  it('returns a scalar as the value, a set as an array, a table as objects', async () => {
    expect((await ana.rpc('test_divide', { a: 7, b: 2 })).data).toBe(3);
    expect((await ana.rpc('test_series', { n: 3 })).data).toEqual([1, 2, 3]);
    expect((await ana.rpc('test_series', { n: 0 })).data).toEqual([]);
    await ana.rpc('test_add_item', { item_id: 1, qty: 5 });
    expect((await ana.rpc('test_items_list')).data).toEqual([{ id: 1, qty: 5 }]);
  });

  it('returns a composite row as an object, and uses parameter defaults', async () => {
    const added = await ana.rpc('test_add_item', { item_id: 2 });
    expect(added.error).toBeNull();
    expect(added.data).toEqual({ id: 2, qty: 1 });
  });

  it('casts arrays, json and numbers to the declared types', async () => {
    const echoed: unknown = (
      await ana.rpc('test_echo', {
        tags: ['a', 'b "c"'],
        meta: { x: [1, { y: null }] },
        n: 12.5,
      })
    ).data;
    expect(echoed).toEqual({ tags: ['a', 'b "c"'], meta: { x: [1, { y: null }] }, n: 12.5 });
  });

  it('answers a void function with 204 and no data', async () => {
    const res = await ana.rpc('test_nothing');
    expect(res.error).toBeNull();
    expect(res.status).toBe(204);
    expect(res.data).toBeNull();
  });

  it('gives .single() one object, or PGRST116 when the set is not one row', async () => {
    expect((await ana.rpc('test_series', { n: 1 }).single()).data).toBe(1);
    const many = await ana.rpc('test_series', { n: 2 }).single();
    expect(many.error).toMatchObject({ code: 'PGRST116' });
  });

  it('serves GET for read-only calls, with query parameters as arguments', async () => {
    const viaGet = await ana.rpc('test_divide', { a: 9, b: 3 }, { get: true });
    expect(viaGet.error).toBeNull();
    expect(viaGet.data).toBe(3);
  });

  it('passes the whole body to a single unnamed jsonb parameter', async () => {
    expect((await ana.rpc('test_whole_body', { any: ['thing'] })).data).toEqual({ any: ['thing'] });
  });

  it('passes the whole body to a single named json parameter with Prefer: params=single-object', async () => {
    const res = await post('test_single', '{"a": 1, "b": [true]}', {
      Prefer: 'params=single-object',
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ a: 1, b: [true] });
  });

  it('runs GET read-only even for a volatile function (a write is refused with 405)', async () => {
    const { error, status } = await ana.rpc('test_add_item', { item_id: 77 }, { get: true });
    expect(status).toBe(405);
    expect(error).toMatchObject({ code: '25006' });
  });

  it('runs stable functions read-only (a write inside one is refused with 405)', async () => {
    const { error, status } = await ana.rpc('test_write_in_stable');
    expect(status).toBe(405);
    expect(error).toMatchObject({ code: '25006' });
  });
});

describe(`errors in PostgREST's shapes and statuses (${engineName})`, () => {
  it('maps a unique violation to 409', async () => {
    await ana.rpc('test_add_item', { item_id: 10 });
    const { error, status } = await ana.rpc('test_add_item', { item_id: 10 });
    expect(status).toBe(409);
    expect(error).toMatchObject({
      code: '23505',
      details: expect.stringContaining('(id)=(10)') as unknown,
    });
    expect(error?.message).toContain('test_items_pkey');
  });

  it('maps a check violation to 400', async () => {
    const { error, status } = await ana.rpc('test_add_item', { item_id: 11, qty: -1 });
    expect(status).toBe(400);
    expect(error).toMatchObject({ code: '23514' });
    expect(error?.message).toContain('test_items_qty_check');
  });

  it('maps a raised exception to 400 with code, message, details and hint', async () => {
    const { error, status } = await ana.rpc('test_refuse', { reason: 'no way' });
    expect(status).toBe(400);
    expect(error).toEqual({
      code: 'P0001',
      message: 'Refused: no way',
      details: 'The detail',
      hint: 'The hint',
    });
  });

  it("honours PostgREST's RAISE SQLSTATE 'PGRST' with a chosen status and body", async () => {
    const { error, status } = await ana.rpc('test_payment_required');
    expect(status).toBe(402);
    expect(error).toEqual({
      code: 'P402',
      message: 'Payment required',
      details: 'Upgrade',
      hint: null,
    });
  });

  it('maps a data exception (division by zero) to 400', async () => {
    const { error, status } = await ana.rpc('test_divide', { a: 1, b: 0 });
    expect(status).toBe(400);
    expect(error).toMatchObject({ code: '22012', details: null, hint: null });
  });

  it('refuses a function the role may not execute: 401 for anon, 403 when signed in', async () => {
    const asAnon = await anon.rpc('test_nobody_may');
    expect(asAnon.status).toBe(401);
    expect(asAnon.error).toMatchObject({ code: '42501' });
    const asAgent = await ana.rpc('test_nobody_may');
    expect(asAgent.status).toBe(403);
    expect(asAgent.error).toMatchObject({ code: '42501' });
    const anonWrite = await anon.rpc('test_add_item', { item_id: 50 });
    expect(anonWrite.status).toBe(401);
    const { rows } = await t.backend.db.query('select 1 from public.test_items where id = 50');
    expect(rows).toHaveLength(0); // nothing ran
  });

  it('answers 404 PGRST202 for an unknown function or unknown arguments', async () => {
    const unknown = await ana.rpc('no_such_function', { a: 1 });
    expect(unknown.status).toBe(404);
    expect(unknown.error).toMatchObject({ code: 'PGRST202' });
    expect(unknown.error?.message).toContain('public.no_such_function(a)');
    const wrongArgs = await ana.rpc('test_divide', { a: 1, c: 2 });
    expect(wrongArgs.status).toBe(404);
    expect(wrongArgs.error).toMatchObject({ code: 'PGRST202' });
  });

  it('does not reach functions outside the exposed schema', async () => {
    const res = await post('is_manager', '{}', { 'Content-Profile': 'private' });
    expect(res.status).toBe(406);
    expect(await res.json()).toMatchObject({ code: 'PGRST106' });
    // Nor by name tricks: the name is looked up in public only, never parsed as SQL.
    expect((await post('private.is_manager', '{}')).status).toBe(404);
    expect((await post('whoami();drop table public.leads;--', '{}')).status).toBe(404);
  });

  it('answers 400 PGRST102 for malformed JSON', async () => {
    const res = await post('whoami', '{"a":');
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({
      code: 'PGRST102',
      message: 'Empty or invalid json',
      details: null,
      hint: null,
    });
  });

  it('answers 400 for a body over 1 MB without reading it all', async () => {
    const big = `"${'a'.repeat(MAX_BODY_BYTES)}"`; // valid JSON, just too large
    const res = await post('whoami', big);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: 'PGRST102' });
  });

  it('keeps serving after requests that fail', async () => {
    await Promise.all([
      ana.rpc('test_divide', { a: 1, b: 0 }),
      post('whoami', '{"a":'),
      ana.rpc('test_refuse', { reason: 'again' }),
      post('test_echo', '{"tags": "not an array"}'),
    ]);
    expect((await ana.rpc('whoami')).data).toBe(DEMO.ana.id);
  });

  it('serializes concurrent calls safely', async () => {
    const ids = Array.from({ length: 20 }, (_, i) => 100 + i);
    const results = await Promise.all(
      ids.map((id) => ana.rpc('test_add_item', { item_id: id, qty: id })),
    );
    expect(results.map((r) => r.error)).toEqual(ids.map(() => null));
    const { rows } = await t.backend.db.query<{ n: number }>(
      'select count(*)::int as n from public.test_items where id >= 100 and id < 120',
    );
    expect(rows[0]?.n).toBe(20);
  });
});
