import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawRequest } from './support/raw-http.ts';
import { createTestFunctions } from './support/test-functions.ts';
import { DEMO, createTestLocation, engineName, startTestBackend } from './support/test-backend.ts';
import type { TestBackend, TestDatabaseLocation } from './support/test-backend.ts';

// A hostile page, a hostile neighbour and garbage on the wire, against the real backend.
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

const EVIL = 'https://evil.example';
const json = { 'Content-Type': 'application/json' };

describe(`a page on another origin (${engineName})`, () => {
  it('cannot sign in with a simple text/plain POST, and gets no CORS grant', async () => {
    const res = await fetch(`${t.url}/auth/v1/local/sign-in`, {
      method: 'POST',
      headers: { Origin: EVIL, 'Content-Type': 'text/plain' },
      body: JSON.stringify({ email: DEMO.maya.email }),
    });
    expect(res.status).toBe(403);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(await res.text()).not.toContain('access_token');
  });

  it('is refused on every route, preflight included, even with a JSON body', async () => {
    const token = await t.signIn(DEMO.maya.email);
    const attempts = [
      fetch(`${t.url}/auth/v1/local/users`, { headers: { Origin: EVIL } }),
      fetch(`${t.url}/auth/v1/local/sign-in`, {
        method: 'POST',
        headers: { ...json, Origin: EVIL },
        body: JSON.stringify({ email: DEMO.maya.email }),
      }),
      fetch(`${t.url}/rest/v1/rpc/test_count_leads`, {
        method: 'POST',
        headers: {
          ...json,
          Origin: EVIL,
          apikey: t.backend.anonKey,
          Authorization: `Bearer ${token}`,
        },
        body: '{}',
      }),
      fetch(`${t.url}/rest/v1/rpc/test_count_leads`, {
        method: 'OPTIONS',
        headers: { Origin: EVIL, 'Access-Control-Request-Method': 'POST' },
      }),
      fetch(`${t.url}/rest/v1/rpc/test_count_leads`, { headers: { Origin: 'null' } }),
    ];
    for (const res of await Promise.all(attempts)) {
      expect(res.status).toBe(403);
      expect(res.headers.get('access-control-allow-origin')).toBeNull();
    }
  });

  it('the server’s own origin is granted by name, never `*`', async () => {
    const own = new URL(t.url).origin;
    const res = await fetch(`${t.url}/auth/v1/local/config`, { headers: { Origin: own } });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(own);
    expect(res.headers.get('vary')).toContain('Origin');
  });
});

describe(`bodies, keys and tokens (${engineName})`, () => {
  it.each([
    'text/plain',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    '',
  ])('answers a %s body with 415 as PostgREST does', async (type) => {
    const token = await t.signIn(DEMO.maya.email);
    const headers: Record<string, string> = {
      apikey: t.backend.anonKey,
      Authorization: `Bearer ${token}`,
    };
    if (type !== '') headers['Content-Type'] = type;
    const rpc = await fetch(`${t.url}/rest/v1/rpc/test_add_item`, {
      method: 'POST',
      headers,
      body: type === '' ? new Uint8Array(Buffer.from('{"item_id":9}')) : '{"item_id":9}',
    });
    expect(rpc.status).toBe(415);
    expect(((await rpc.json()) as { code: string }).code).toBe('PGRST107');
    const signIn = await fetch(`${t.url}/auth/v1/local/sign-in`, {
      method: 'POST',
      headers: type === '' ? {} : { 'Content-Type': type },
      body:
        type === ''
          ? new Uint8Array(Buffer.from(`{"email":"${DEMO.maya.email}"}`))
          : `{"email":"${DEMO.maya.email}"}`,
    });
    expect(signIn.status).toBe(415);
  });

  it('takes only the anon (or service) key as apikey, never a user token', async () => {
    const token = await t.signIn(DEMO.maya.email);
    const asKey = await fetch(`${t.url}/rest/v1/rpc/test_count_leads`, {
      method: 'POST',
      headers: { ...json, apikey: token },
      body: '{}',
    });
    expect(asKey.status).toBe(401);
    const anon = await fetch(`${t.url}/rest/v1/rpc/whoami`, {
      method: 'POST',
      headers: { ...json, apikey: t.backend.anonKey },
      body: '{}',
    });
    expect(anon.status).toBe(200);
    // The service key is a key (not 401); what service_role may call is the database's grant.
    const service = await fetch(`${t.url}/rest/v1/rpc/whoami`, {
      method: 'POST',
      headers: { ...json, apikey: t.backend.serviceRoleKey },
      body: '{}',
    });
    // Plain PostgreSQL: whoami is not granted to service_role (403); a hosted project's default
    // privileges grant it (200). Either way the key was accepted as a key.
    const { rows } = await t.backend.db.query<{ granted: boolean }>(
      `select has_function_privilege('service_role', 'public.whoami()', 'EXECUTE') as granted`,
    );
    expect(service.status).toBe(rows[0]?.granted ? 200 : 403);
  });

  it('takes no key from the query string except on the change stream', async () => {
    const token = await t.signIn(DEMO.maya.email);
    for (const key of [t.backend.anonKey, token]) {
      const get = await fetch(`${t.url}/rest/v1/rpc/test_count_leads?apikey=${key}`, {
        headers: { Authorization: `Bearer ${token}` },
      });
      expect(get.status).toBe(401);
      const post = await fetch(`${t.url}/rest/v1/rpc/test_count_leads?apikey=${key}`, {
        method: 'POST',
        headers: json,
        body: '{}',
      });
      expect(post.status).toBe(401);
    }
  });
});

describe(`malformed request targets (${engineName})`, () => {
  it.each(['//', '//[', 'http://[', '/rest/v1/rpc/%E0%A4%A', '*', '/%'])(
    'answers %s with 400 and keeps serving',
    async (target) => {
      const res = await rawRequest(
        t.url,
        `GET ${target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`,
      );
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
      const after = await fetch(`${t.url}/auth/v1/local/config`);
      expect(after.status).toBe(200);
    },
  );

  it('answers // and http://[ with 400 exactly', async () => {
    for (const target of ['//', 'http://[']) {
      const res = await rawRequest(
        t.url,
        `GET ${target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`,
      );
      expect(res.status).toBe(400);
    }
  });
});
