import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type APIRequestContext } from '@playwright/test';

// A hostile page on another origin (another port on the same machine, as a page a developer
// visits while `npm run dev` runs) tries to use the local backend from real Chromium.

const MAYA = 'maya.manager@leadlanes.test';
let foreign: Server;
let foreignUrl: string;

test.beforeAll(async () => {
  foreign = createServer((_, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end('<!doctype html><title>Elsewhere</title><h1>Another site</h1>');
  });
  await new Promise<void>((resolve) => foreign.listen(0, '127.0.0.1', resolve));
  foreignUrl = `http://127.0.0.1:${(foreign.address() as AddressInfo).port}/`;
});
test.afterAll(async () => {
  await new Promise((resolve) => foreign.close(resolve));
});

/** The default pipeline's first column, from a pull as the app does it. */
async function defaultColumn(
  request: APIRequestContext,
  api: string,
  headers: Record<string, string>,
): Promise<{ pipeline_id: string; status_id: string }> {
  const res = await request.post(`${api}/rest/v1/rpc/sync_pull`, {
    headers,
    data: { client_id: crypto.randomUUID(), since: null, page: null, page_size: 1000 },
  });
  const { rows } = (await res.json()) as {
    rows: {
      pipelines?: { id: string; is_default: boolean }[];
      pipeline_statuses?: { id: string; pipeline_id: string; display_order: number }[];
    };
  };
  const pipeline = rows.pipelines?.find((p) => p.is_default);
  const status = rows.pipeline_statuses
    ?.filter((s) => s.pipeline_id === pipeline?.id)
    .sort((a, b) => a.display_order - b.display_order)[0];
  if (!pipeline || !status) throw new Error('no default pipeline in the first pull page');
  return { pipeline_id: pipeline.id, status_id: status.id };
}

test('another origin can neither sign in nor read anything, even with simple requests', async ({
  page,
  baseURL,
  request,
}) => {
  const api = baseURL ?? '';
  const config = await request.get(`${api}/auth/v1/local/config`);
  const { anon_key: anonKey } = (await config.json()) as { anon_key: string };
  const signedIn = await request.post(`${api}/auth/v1/local/sign-in`, { data: { email: MAYA } });
  const { access_token: token } = (await signedIn.json()) as { access_token: string };
  await page.goto(foreignUrl);

  // The passwordless sign-in as a "simple" request (text/plain, no preflight).
  const signIn = await page.evaluate(
    async ([url, email]) => {
      try {
        const res = await fetch(`${url}/auth/v1/local/sign-in`, {
          method: 'POST',
          headers: { 'Content-Type': 'text/plain' },
          body: JSON.stringify({ email }),
        });
        return { read: true, status: res.status, text: await res.text() } as const;
      } catch {
        return { read: false } as const;
      }
    },
    [api, MAYA] as const,
  );
  expect(signIn).toEqual({ read: false });

  // A blind (no-cors) write with a leaked user token as ?apikey=: the page never sees the
  // answer, so what counts is whether the server acted. It must not have.
  const headers = { apikey: anonKey, Authorization: `Bearer ${token}` };
  const column = await defaultColumn(request, api, headers);
  const clientId = crypto.randomUUID();
  const mutation = {
    mutation_id: 1,
    name: 'create_lead',
    args: { id: crypto.randomUUID(), full_name: 'Planted by another site', ...column },
  };
  // The opaque response resolves once the server has answered, so the probe comes after it.
  await page.evaluate(
    async ([url, leaked, body]) => {
      await fetch(`${url}/rest/v1/rpc/sync_push?apikey=${leaked}`, {
        method: 'POST',
        mode: 'no-cors',
        headers: { 'Content-Type': 'text/plain' },
        body,
      });
    },
    [api, token, JSON.stringify({ client_id: clientId, mutations: [mutation] })] as const,
  );
  // The ledger answers a known (client, mutation id) with its stored outcome; an unknown one
  // is processed afresh. So this probe is "rejected" only if the planted write never ran.
  const probe = await request.post(`${api}/rest/v1/rpc/sync_push`, {
    headers,
    data: { client_id: clientId, mutations: [{ mutation_id: 1, name: 'no_such_mutation' }] },
  });
  expect(((await probe.json()) as { results: { status: string }[] }).results).toMatchObject([
    { status: 'rejected' },
  ]);

  // Reading the user list (emails, roles) fails as well.
  const users = await page.evaluate(async (url) => {
    try {
      const res = await fetch(`${url}/auth/v1/local/users`);
      return { read: true, status: res.status, text: await res.text() } as const;
    } catch {
      return { read: false } as const;
    }
  }, api);
  expect(users).toEqual({ read: false });
});

test('the app’s own origin still signs in from the page (the same request, same browser)', async ({
  page,
  baseURL,
}) => {
  await page.goto(baseURL ?? '/');
  const signIn = await page.evaluate(async (email) => {
    const res = await fetch('/auth/v1/local/sign-in', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email }),
    });
    return { status: res.status, hasToken: 'access_token' in ((await res.json()) as object) };
  }, MAYA);
  expect(signIn).toEqual({ status: 200, hasToken: true });
});
