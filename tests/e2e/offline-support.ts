import { expect, type APIRequestContext, type Page } from '@playwright/test';
import { DEMO, pushAs } from './pipelines-support.ts';

// Helpers for the offline journeys: the shell's service worker, the sync line, quick add, and
// what the server really holds (read through the sync RPC, the way a fresh device would).

export const syncLine = (page: Page) => page.getByRole('group', { name: 'Sync status' });

/** The page is served by an active service worker that has precached the whole build. */
export async function expectShellCached(page: Page) {
  await expect
    .poll(() => page.evaluate(async () => Boolean((await navigator.serviceWorker.ready).active)))
    .toBe(true);
}

export async function quickAdd(page: Page, status: string, fullName: string) {
  await page.getByRole('button', { name: `Add lead to ${status}` }).click();
  const form = page.getByRole('form', { name: `Add lead to ${status}` });
  await form.getByLabel('Full name').fill(fullName);
  await form.getByRole('button', { name: 'Add' }).click();
  await expect(
    page.getByRole('list', { name: status, exact: true }).getByRole('listitem', { name: fullName }),
  ).toBeVisible();
  await form.getByRole('button', { name: 'Cancel' }).click();
}

export const card = (page: Page, status: string, name: string) =>
  page
    .getByRole('list', { name: status, exact: true })
    .getByRole('listitem', { name, exact: true });

async function tokenFor(request: APIRequestContext, email: string) {
  const config = (await (await request.get('/auth/v1/local/config')).json()) as {
    anon_key: string;
  };
  const session = (await (
    await request.post('/auth/v1/local/sign-in', { data: { email } })
  ).json()) as { access_token: string };
  return { apikey: config.anon_key, authorization: `Bearer ${session.access_token}` };
}

type ServerLead = { id: string; full_name: string; status_id: string; assigned_to: string | null };

/** Every lead `email` can see on the server, pulled page by page from the start. */
export async function serverLeads(
  request: APIRequestContext,
  email: string,
): Promise<ServerLead[]> {
  const headers = await tokenFor(request, email);
  const leads: ServerLead[] = [];
  let page: unknown = null;
  for (;;) {
    const response = await request.post('/rest/v1/rpc/sync_pull', {
      headers,
      data: { client_id: crypto.randomUUID(), since: null, page, page_size: 1000 },
    });
    expect(response.ok()).toBe(true);
    const body = (await response.json()) as {
      rows: { leads?: ServerLead[] };
      has_more: boolean;
      page: unknown;
    };
    leads.push(...(body.rows.leads ?? []));
    if (!body.has_more) return leads;
    page = body.page;
  }
}

/** How many leads the server holds under exactly this name (a duplicate push would show). */
export async function serverCount(request: APIRequestContext, email: string, fullName: string) {
  return (await serverLeads(request, email)).filter((l) => l.full_name === fullName).length;
}

/**
 * Deletes the leads a journey added (as the manager, who sees them all), so the shared demo
 * backend's columns look the same to the journeys that run after it.
 */
export async function removeLeads(request: APIRequestContext, names: readonly string[]) {
  const doomed = (await serverLeads(request, DEMO.manager.email)).filter((l) =>
    names.includes(l.full_name),
  );
  if (doomed.length === 0) return;
  const results = await pushAs(
    request,
    DEMO.manager.email,
    doomed.map((l) => ({ name: 'delete_lead', args: { id: l.id } })),
  );
  expect(results.every((r) => r.status === 'applied')).toBe(true);
}
