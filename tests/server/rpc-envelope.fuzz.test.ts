import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawRequest } from './support/raw-http.ts';
import { createTestFunctions } from './support/test-functions.ts';
import { DEMO, createTestLocation, engineName, startTestBackend } from './support/test-backend.ts';
import type { TestBackend, TestDatabaseLocation } from './support/test-backend.ts';

// Whatever arrives on the wire, the backend answers that request (a status, a PostgREST-shaped
// error body) and never fails inside itself (500 XX000 is "a bug of ours") or stops serving.
let location: TestDatabaseLocation;
let t: TestBackend;
let token: string;

beforeAll(async () => {
  location = await createTestLocation();
  t = await startTestBackend(location);
  await createTestFunctions(t.backend.db);
  token = await t.signIn(DEMO.maya.email);
});
afterAll(async () => {
  await t.stop();
  await location.drop();
});

const jsonValue = fc.jsonValue({ maxDepth: 4 });
const body = fc.oneof(
  jsonValue.map((v) => JSON.stringify(v)),
  fc
    .record({ client_id: fc.oneof(fc.uuid(), fc.string()), mutations: jsonValue })
    .map((v) => JSON.stringify(v)),
  fc
    .record({
      client_id: fc.uuid(),
      mutations: fc.array(
        fc.record({
          mutation_id: fc.oneof(fc.integer(), fc.double(), fc.constant('1e400'), fc.string()),
          name: fc.oneof(fc.constantFrom('create_lead', 'move_lead', 'delete_lead'), fc.string()),
          args: jsonValue,
        }),
        { maxLength: 4 },
      ),
    })
    .map((v) => JSON.stringify(v).replace('"1e400"', '1e400')),
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.constantFrom(
    '',
    '{',
    '[]',
    'null',
    '"\\u0000"',
    '{"a":"\\ud800"}',
    '1e400',
    '{"item_id":1e400}',
    `{"client_id":"${'0'.repeat(8)}-0000-4000-8000-000000000000","mutations":${'['.repeat(20_000)}${']'.repeat(20_000)}}`,
  ),
);
const fnName = fc.oneof(
  fc.constantFrom(
    'sync_push',
    'sync_pull',
    'test_add_item',
    'whoami',
    'test_echo',
    'nope',
    '%2e%2e',
    '%E0%A4%A',
    '',
  ),
  fc.string({ maxLength: 20 }).map(encodeURIComponent),
);
const contentType = fc.constantFrom(
  'application/json',
  'application/json; charset=utf-8',
  'text/plain',
  '',
  'application/vnd.pgrst.object+json',
);
const auth = fc.constantFrom('user', 'anon', 'none', 'forged');
const method = fc.constantFrom('POST', 'GET', 'PUT', 'DELETE', 'OPTIONS', 'PATCH');
const query = fc.oneof(
  fc.constant(''),
  fc
    .dictionary(fc.string({ maxLength: 6 }), fc.string({ maxLength: 10 }), { maxKeys: 3 })
    .map((d) => `?${new URLSearchParams(d).toString()}`),
);
const prefer = fc.constantFrom(undefined, 'params=single-object', 'return=minimal');
const profile = fc.constantFrom(undefined, 'public', 'private', 'auth');

describe(`the RPC envelope under fuzz (${engineName})`, () => {
  it('answers every request without an internal error, and keeps serving', async () => {
    await fc.assert(
      fc.asyncProperty(
        method,
        fnName,
        query,
        contentType,
        auth,
        prefer,
        profile,
        body,
        async (m, fn, q, type, who, pref, prof, text) => {
          const headers: string[] = ['Host: localhost', 'Connection: close'];
          if (type !== '') headers.push(`Content-Type: ${type}`);
          if (who !== 'none')
            headers.push(`apikey: ${who === 'forged' ? 'x.y.z' : t.backend.anonKey}`);
          if (who === 'user') headers.push(`Authorization: Bearer ${token}`);
          if (pref !== undefined) headers.push(`Prefer: ${pref}`);
          if (prof !== undefined)
            headers.push(`Content-Profile: ${prof}`, `Accept-Profile: ${prof}`);
          const bytes = Buffer.from(text, 'utf8');
          headers.push(`Content-Length: ${bytes.length}`);
          const head = `${m} /rest/v1/rpc/${fn}${q} HTTP/1.1\r\n${headers.join('\r\n')}\r\n\r\n`;
          const res = await rawRequest(t.url, Buffer.concat([Buffer.from(head, 'latin1'), bytes]));
          expect(res.status, head).toBeGreaterThanOrEqual(200);
          expect(res.status, head).toBeLessThan(600);
          const payload = res.text.split('\r\n\r\n').slice(1).join('\r\n\r\n');
          if (res.status >= 400) {
            const error = JSON.parse(payload) as Record<string, unknown>;
            expect(Object.keys(error).sort(), head).toEqual(['code', 'details', 'hint', 'message']);
            expect(error.code, `${head}${text}`).not.toBe('XX000');
          }
        },
      ),
      { numRuns: 500 },
    );
    const after = await fetch(`${t.url}/auth/v1/local/config`);
    expect(after.status).toBe(200);
  });
});
