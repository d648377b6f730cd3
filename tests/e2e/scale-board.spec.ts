import { expect, test } from '@playwright/test';
import { DEMO, pushAs, signIn } from './pipelines-support.ts';

// Issue 5's bar: a pipeline of 10,000 leads loads, shows exact counts without rendering every
// card, and a keyboard move into another column is kept across a reload and synced.
// Named to run last (files run in name order against one shared backend): its 10,000 leads
// would slow the other journeys' first sync.

const LEADS = 10_000;
const STATUSES = ['Inbound', 'Working', 'Closed'] as const;

test('a pipeline of 10,000 leads: exact counts, few cards in the DOM, moves kept and synced', async ({
  page,
  request,
}) => {
  test.setTimeout(300_000);
  const pipelineId = crypto.randomUUID();
  const statusIds = STATUSES.map(() => crypto.randomUUID());
  const [pipeline] = await pushAs(request, DEMO.manager.email, [
    {
      name: 'create_pipeline',
      args: {
        id: pipelineId,
        name: 'Scale test',
        description: '10,000 leads',
        statuses: STATUSES.map((name, i) => ({ id: statusIds[i], name })),
      },
    },
  ]);
  expect(pipeline?.status).toBe('applied');

  const leads = Array.from({ length: LEADS }, (_, i) => ({
    name: 'create_lead',
    args: {
      id: crypto.randomUUID(),
      full_name: `Scale Lead ${String(i + 1).padStart(5, '0')}`,
      product: 'auto',
      estimated_premium: 100,
      pipeline_id: pipelineId,
      status_id: statusIds[i % STATUSES.length],
    },
  }));
  const results = await pushAs(request, DEMO.manager.email, leads, 500);
  expect(results.filter((r) => r.status !== 'applied')).toEqual([]);

  await signIn(page, DEMO.manager.name);
  await page.goto(`/dashboard/leads?pipeline=${pipelineId}`);
  const inbound = page.getByRole('region', { name: 'Inbound' });
  const working = page.getByRole('region', { name: 'Working' });
  // 10,000 over three columns: 3,334 / 3,333 / 3,333, each lead $100.
  await expect(inbound).toContainText('3,334 leads', { timeout: 120_000 });
  await expect(inbound).toContainText('$333,400');
  await expect(working).toContainText('3,333 leads');

  // Virtualized: only a window of cards is in the DOM, not thousands.
  const rendered = await page
    .getByRole('list', { name: 'Inbound', exact: true })
    .getByRole('listitem')
    .count();
  expect(rendered).toBeGreaterThan(0);
  expect(rendered).toBeLessThan(100);

  // Keyboard move of the first card from Inbound to Working: lift, right, drop.
  const first = page
    .getByRole('list', { name: 'Inbound', exact: true })
    .getByRole('listitem')
    .first();
  const name = (await first.getAttribute('aria-label')) ?? '';
  expect(name).toMatch(/^Scale Lead/);
  await page.getByRole('button', { name, exact: true }).focus();
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Space');
  await expect(inbound).toContainText('3,333 leads');
  await expect(working).toContainText('3,334 leads');

  const sync = page.getByRole('group', { name: 'Sync status' });
  await expect(sync).toContainText('All changes saved', { timeout: 60_000 });
  await page.reload();
  await expect(working).toContainText('3,334 leads', { timeout: 60_000 });
  await expect(
    page
      .getByRole('list', { name: 'Working', exact: true })
      .getByRole('listitem', { name, exact: true }),
  ).toHaveCount(1);
});
