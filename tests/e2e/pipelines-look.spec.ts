import { expect, test, type Locator } from '@playwright/test';
import { DESKTOP } from './board-support.ts';
import {
  DEFAULT_PIPELINE,
  DEMO,
  openPipelines,
  pipelineRow,
  signIn,
  statusList,
} from './pipelines-support.ts';

// The pipelines page's layout at 1440×900 (issue 14): what a new user saw as broken.

test.use({ viewport: DESKTOP });

async function box(locator: Locator) {
  const b = await locator.boundingBox();
  if (!b) throw new Error('not visible');
  return b;
}

test('a manager sees tidy rows: spaced buttons, a one-line Default badge, reorder beside the row', async ({
  page,
}) => {
  await signIn(page, DEMO.manager.name);
  await openPipelines(page);

  const badge = await box(
    pipelineRow(page, DEFAULT_PIPELINE).getByText('Default', { exact: true }),
  );
  expect(badge.height).toBeLessThan(24);

  const statuses = statusList(page, DEFAULT_PIPELINE);
  const row = statuses.getByRole('listitem').first();
  const name = (await row.getAttribute('aria-label')) ?? '';
  const edit = await box(row.getByRole('button', { name: `Edit status ${name}` }));
  const del = await box(row.getByRole('button', { name: `Delete status ${name}` }));
  expect(del.x - (edit.x + edit.width)).toBeGreaterThanOrEqual(6);
  // The reorder buttons sit right after Delete, not at the far edge of a wide page.
  const down = await box(row.getByRole('button', { name: `Move ${name} down` }));
  expect(down.x - (del.x + del.width)).toBeLessThan(64);
  expect(down.x + down.width).toBeLessThan(DESKTOP.width - 200);

  // A long dialog keeps its title and Close in view while it scrolls.
  await page.setViewportSize({ width: DESKTOP.width, height: 500 });
  await row.getByRole('button', { name: `Edit status ${name}` }).click();
  const dialog = page.getByRole('dialog', { name: `Edit status ${name}` });
  await expect(dialog).toBeVisible();
  await dialog.evaluate((el) => el.scrollTo(0, el.scrollHeight));
  await expect(dialog.getByRole('heading', { name: `Edit status ${name}` })).toBeInViewport();
  await expect(dialog.getByRole('button', { name: 'Close' })).toBeInViewport();
  await page.keyboard.press('Escape');
});

test('an agent sees read-only status rows of one even height', async ({ page }) => {
  await signIn(page, DEMO.agent.name);
  await openPipelines(page);
  const rows = statusList(page, DEFAULT_PIPELINE).getByRole('listitem');
  await expect(rows.first()).toBeVisible();
  const heights = new Set<number>();
  for (const row of await rows.all()) heights.add(Math.round((await box(row)).height));
  expect([...heights]).toHaveLength(1);
  expect([...heights][0]).toBeGreaterThanOrEqual(40);
});
