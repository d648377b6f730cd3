import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bumpSchemaEpoch } from '../../server/db/schema-epoch.ts';
import { cachedFunctions } from '../../server/rest/function-cache.ts';
import { DEMO, createTestLocation, engineName, startTestBackend } from './support/test-backend.ts';
import type { TestBackend, TestDatabaseLocation } from './support/test-backend.ts';

// The RPC route caches what pg_catalog says about a function. Whatever changes the function
// behind its back (here: plain SQL on the backend's own connection, which no migration runner
// sees), a request must behave exactly as if it had read the catalog afresh — and a call held
// back by the stale-cache guard must not have run.

let location: TestDatabaseLocation;
let t: TestBackend;
let token: string;

beforeAll(async () => {
  location = await createTestLocation();
  t = await startTestBackend(location);
  token = await t.signIn(DEMO.ana.email);
  await t.backend.db.exec(`
    create table public.cache_probe (id serial primary key, note text not null);
    grant select, insert on public.cache_probe to authenticated;
    grant usage on sequence public.cache_probe_id_seq to authenticated;`);
});
afterAll(async () => {
  await t.stop();
  await location.drop();
});

const exec = (sql: string) => t.backend.db.exec(sql);

async function post(fn: string, body: unknown): Promise<{ status: number; json: unknown }> {
  const res = await fetch(`${t.url}/rest/v1/rpc/${fn}`, {
    method: 'POST',
    headers: {
      apikey: t.backend.anonKey,
      Authorization: `Bearer ${token}`,
      'Content-Type': 'application/json',
    },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, json: text === '' ? null : (JSON.parse(text) as unknown) };
}

async function probeNotes(): Promise<string[]> {
  const { rows } = await t.backend.db.query<{ note: string }>(
    'select note from public.cache_probe order by id',
  );
  return rows.map((r) => r.note);
}

describe(`function metadata cache (${engineName})`, () => {
  it('keeps what it read, and a schema epoch bump (migration in this process) drops it', async () => {
    await exec(`create function public.cache_a() returns int language sql stable as 'select 1';
                grant execute on function public.cache_a() to authenticated;`);
    expect(await post('cache_a', {})).toEqual({ status: 200, json: 1 });
    expect(cachedFunctions(t.backend.db, 'public', 'cache_a')).toBeDefined();
    bumpSchemaEpoch(t.backend.db);
    expect(cachedFunctions(t.backend.db, 'public', 'cache_a')).toBeUndefined();
    expect(await post('cache_a', {})).toEqual({ status: 200, json: 1 });
  });

  it('notices a void function that now returns a value, and runs the new one once', async () => {
    await exec(`create function public.cache_b() returns void language sql volatile
                  as $$ insert into public.cache_probe (note) values ('v1') $$;
                grant execute on function public.cache_b() to authenticated;`);
    expect(await post('cache_b', {})).toEqual({ status: 204, json: null });
    await exec(`drop function public.cache_b();
                create function public.cache_b() returns text language sql volatile
                  as $$ insert into public.cache_probe (note) values ('v2') returning note $$;
                grant execute on function public.cache_b() to authenticated;`);
    expect(await post('cache_b', {})).toEqual({ status: 200, json: 'v2' });
    // The attempt on stale facts was held back by the guard: v2 ran once, not twice.
    expect(await probeNotes()).toEqual(['v1', 'v2']);
  });

  it('notices a stable function that became volatile (no read-only refusal)', async () => {
    await exec(`create function public.cache_c() returns int language sql stable as 'select 3';
                grant execute on function public.cache_c() to authenticated;`);
    expect(await post('cache_c', {})).toEqual({ status: 200, json: 3 });
    await exec(`create or replace function public.cache_c() returns int language sql volatile
                  as $$ insert into public.cache_probe (note) values ('c') returning id $$;`);
    const res = await post('cache_c', {});
    expect(res.status).toBe(200);
    expect((await probeNotes()).filter((n) => n === 'c')).toHaveLength(1);
  });

  it('follows renamed parameters, and answers a gone function as a fresh lookup would', async () => {
    await exec(`create function public.cache_d(a int) returns int language sql immutable as 'select a';
                grant execute on function public.cache_d(int) to authenticated;`);
    expect(await post('cache_d', { a: 4 })).toEqual({ status: 200, json: 4 });
    await exec(`drop function public.cache_d(int);
                create function public.cache_d(b int) returns int language sql immutable as 'select b * 10';
                grant execute on function public.cache_d(int) to authenticated;`);
    expect(await post('cache_d', { b: 4 })).toEqual({ status: 200, json: 40 });
    const old = await post('cache_d', { a: 4 });
    expect(old.status).toBe(404);
    expect(old.json).toMatchObject({ code: 'PGRST202' });

    await exec(`drop function public.cache_d(int);`);
    const gone = await post('cache_d', { b: 4 });
    expect(gone.status).toBe(404);
    expect(gone.json).toMatchObject({
      code: 'PGRST202',
      message: 'Could not find the function public.cache_d(b) in the schema cache',
    });
  });

  it('finds a function created after a request for it was answered 404', async () => {
    expect((await post('cache_e', {})).status).toBe(404);
    await exec(`create function public.cache_e() returns int language sql immutable as 'select 5';
                grant execute on function public.cache_e() to authenticated;`);
    expect(await post('cache_e', {})).toEqual({ status: 200, json: 5 });
  });

  it('notices a revoked grant (privileges live in pg_proc too)', async () => {
    await exec(`create function public.cache_f() returns int language sql immutable as 'select 6';
                grant execute on function public.cache_f() to authenticated;`);
    expect(await post('cache_f', {})).toEqual({ status: 200, json: 6 });
    await exec(`revoke all on function public.cache_f() from public, authenticated;`);
    const refused = await post('cache_f', {});
    expect(refused.status).toBe(403);
    expect(refused.json).toMatchObject({ code: '42501' });
  });
});
