import { expect, test } from '@playwright/test';
import { DEMO, signIn } from './pipelines-support.ts';

// The spec's UI rollback path: built with VITE_FEATURE_PIPELINE_MANAGEMENT=false, the app has
// no pipeline management route or link and no pipeline selector; the board shows the default
// pipeline. (Runs in the "flag-off" Playwright project against its own build.)

test('with pipeline management off, only the default pipeline board remains', async ({ page }) => {
  await signIn(page, DEMO.manager.name);

  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link', { name: 'Board' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Pipelines' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: /pipelines/i })).toHaveCount(0);

  // The board: the default pipeline's columns (not Renewals'), no selector to leave it.
  await expect(page.getByRole('list', { name: 'Quote sent', exact: true })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Pipeline' })).toHaveCount(0);
  await expect(page.getByRole('list', { name: 'Renewal due', exact: true })).toHaveCount(0);

  // The management route does not exist.
  await page.goto('/dashboard/pipelines');
  await expect(page.getByRole('heading', { level: 1, name: 'Pipelines' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'New pipeline' })).toHaveCount(0);
  // Either a not-found page or a redirect away from the route.
  await expect
    .poll(async () =>
      new URL(page.url()).pathname === '/dashboard/pipelines'
        ? page.getByRole('heading', { name: /not found/i }).count()
        : 1,
    )
    .toBe(1);
});
