import { expect, type APIRequestContext, type Page } from '@playwright/test';

// Helpers for the pipeline-management journeys: sign-in through the demo-user buttons, and
// direct calls to the sync RPC (what a client sends) for bulk data and for permission checks.

export const DEFAULT_PIPELINE = 'Default Sales Pipeline';
export const DEMO = {
  manager: { name: 'Maya Lindqvist', email: 'maya.manager@leadlanes.test' },
  agent: { name: 'Ana Alvarez', email: 'ana.agent@leadlanes.test' },
} as const;

export async function signIn(page: Page, fullName: string) {
  await page.goto('/');
  await page.getByRole('button', { name: `Sign in as ${fullName}` }).click();
  await expect(page).toHaveURL(/\/dashboard\/leads/);
}

export async function openPipelines(page: Page) {
  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Pipelines' })
    .click();
  await expect(page).toHaveURL(/\/dashboard\/pipelines$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Pipelines' })).toBeVisible();
}

/** The board's sync line says every queued change reached the server. */
export async function expectAllSaved(page: Page) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Board' }).click();
  await expect(page.getByRole('group', { name: 'Sync status' })).toContainText(
    'All changes saved',
    {
      timeout: 30_000,
    },
  );
}

export type PushedMutation = { name: string; args: Record<string, unknown> };
export type PushResult = {
  mutation_id: number;
  status: 'applied' | 'rejected';
  code: string | null;
};

/** Sends mutations to sync_push as `email`, the way the app's sync engine does. */
export async function pushAs(
  request: APIRequestContext,
  email: string,
  mutations: PushedMutation[],
  batchSize = 50,
): Promise<PushResult[]> {
  const config = (await (await request.get('/auth/v1/local/config')).json()) as {
    anon_key: string;
  };
  const session = (await (
    await request.post('/auth/v1/local/sign-in', { data: { email } })
  ).json()) as { access_token: string };
  const headers = { apikey: config.anon_key, authorization: `Bearer ${session.access_token}` };
  const clientId = crypto.randomUUID();
  const results: PushResult[] = [];
  for (let i = 0; i < mutations.length; i += batchSize) {
    const batch = mutations
      .slice(i, i + batchSize)
      .map((m, j) => ({ mutation_id: i + j + 1, ...m }));
    const response = await request.post('/rest/v1/rpc/sync_push', {
      headers,
      data: { client_id: clientId, mutations: batch },
    });
    expect(response.ok()).toBe(true);
    results.push(...((await response.json()) as { results: PushResult[] }).results);
  }
  return results;
}

export const pipelineList = (page: Page) =>
  page.getByRole('list', { name: 'Pipelines', exact: true });
export const pipelineRow = (page: Page, name: string) =>
  pipelineList(page).getByRole('listitem', { name, exact: true });
export const statusList = (page: Page, pipeline: string) =>
  page.getByRole('list', { name: `Statuses of ${pipeline}`, exact: true });

export async function addStatus(
  page: Page,
  name: string,
  options: { color?: string; icon?: string } = {},
) {
  const dialog = page.getByRole('dialog', { name: /^Add a status to/ });
  await dialog.getByRole('textbox', { name: 'Status name' }).fill(name);
  if (options.color) await dialog.getByRole('textbox', { name: 'Color hex' }).fill(options.color);
  if (options.icon) {
    const icon = dialog.getByRole('combobox', { name: 'Icon' });
    await icon.fill(options.icon);
    await dialog.getByRole('option', { name: options.icon, exact: true }).click();
  }
  await dialog.getByRole('button', { name: 'Add status' }).click();
  await expect(dialog).toHaveCount(0);
}
