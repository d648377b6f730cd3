import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestFunctions } from './support/test-functions.ts';
import {
  DEMO,
  TEST_JWT_SECRET,
  createTestLocation,
  engineName,
  startTestBackend,
} from './support/test-backend.ts';
import type { TestBackend, TestDatabaseLocation } from './support/test-backend.ts';

let location: TestDatabaseLocation;
let t: TestBackend;

beforeAll(async () => {
  location = await createTestLocation();
  t = await startTestBackend(location);
  await createTestFunctions(t.backend.db);
});
afterAll(async () => {
  await t.stop();
  await location.drop();
});

function sign(claims: Record<string, unknown>, secret = TEST_JWT_SECRET): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .sign(new TextEncoder().encode(secret));
}

function unsigned(claims: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part(claims)}.`;
}

async function rawRpc(fn: string, headers: Record<string, string>, body = '{}'): Promise<Response> {
  return fetch(`${t.url}/rest/v1/rpc/${fn}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body,
  });
}

describe(`local sign-in and JWT checks (${engineName})`, () => {
  it('lists the three demo users with their CRM roles', async () => {
    const res = await fetch(`${t.url}/auth/v1/local/users`);
    expect(res.status).toBe(200);
    const users = (await res.json()) as { email: string; role: string; full_name: string }[];
    expect(users.map((u) => [u.email, u.role]).sort()).toEqual([
      [DEMO.ana.email, 'agent'],
      [DEMO.ben.email, 'agent'],
      [DEMO.maya.email, 'manager'],
    ]);
  });

  it.each(Object.entries(DEMO))(
    'signs in %s with Supabase claims, and auth.uid() is theirs',
    async (_, user) => {
      const res = await fetch(`${t.url}/auth/v1/local/sign-in`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: user.email }),
      });
      const session = (await res.json()) as {
        access_token: string;
        token_type: string;
        expires_at: number;
        user: { id: string; email: string };
      };
      expect(session.token_type).toBe('bearer');
      expect(session.user).toMatchObject({ id: user.id, email: user.email });

      const client = t.client(session.access_token);
      const who = await client.rpc('whoami');
      expect(who.error).toBeNull();
      expect(who.data).toBe(user.id);

      const facts: unknown = (await client.rpc('test_session_facts')).data;
      expect(facts).toMatchObject({
        current_user: 'authenticated',
        claims: { sub: user.id, role: 'authenticated', aud: 'authenticated', email: user.email },
        method: 'POST',
        path: '/rest/v1/rpc/test_session_facts',
      });
      expect(facts).toMatchObject({ claims: { exp: session.expires_at } });
    },
  );

  it('signs in by user id too, and refuses an unknown user', async () => {
    const byId = await fetch(`${t.url}/auth/v1/local/sign-in`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ user_id: DEMO.ben.id }),
    });
    expect(((await byId.json()) as { user: { email: string } }).user.email).toBe(DEMO.ben.email);
    const unknown = await fetch(`${t.url}/auth/v1/local/sign-in`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'nobody@leadlanes.test' }),
    });
    expect(unknown.status).toBe(400);
  });

  it('uses the anon role when only the API key is sent', async () => {
    const anon = t.client(null);
    const facts: unknown = (await anon.rpc('test_session_facts')).data;
    expect(facts).toMatchObject({
      current_user: 'anon',
      claims: { role: 'anon' },
      superuser: false,
    });
    expect((await anon.rpc('whoami')).data).toBeNull();
  });

  it('refuses a request without an API key, or with a forged one', async () => {
    const none = await rawRpc('whoami', {});
    expect(none.status).toBe(401);
    const forged = await rawRpc('whoami', { apikey: await sign({ role: 'anon' }, 'x'.repeat(40)) });
    expect(forged.status).toBe(401);
    expect(await forged.json()).toMatchObject({ code: 'PGRST301', details: null, hint: null });
  });

  const claims = { sub: DEMO.ana.id, role: 'authenticated', aud: 'authenticated' };
  const badTokens: [string, () => Promise<string>, string][] = [
    ['alg none (unsigned)', () => Promise.resolve(unsigned(claims)), 'PGRST301'],
    [
      'signed with another secret',
      () => sign(claims, 'another-secret-that-is-long-enough-000000'),
      'PGRST301',
    ],
    ['expired', () => sign({ ...claims, exp: Math.floor(Date.now() / 1000) - 60 }), 'PGRST303'],
    ['not a JWT at all', () => Promise.resolve('not-a-token'), 'PGRST301'],
    ['a role the API does not allow', () => sign({ ...claims, role: 'postgres' }), 'PGRST303'],
  ];
  it.each(badTokens)('refuses a bearer token that is %s with 401', async (_, make, code) => {
    const token = await make();
    const { error, status, ...rest } = await t.client(token).rpc('whoami');
    expect(status).toBe(401);
    expect(rest.data).toBeNull();
    expect(error).toMatchObject({ code, details: null, hint: null });
    expect(error?.message).toEqual(expect.any(String));
  });
});
