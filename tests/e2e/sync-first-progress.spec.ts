import { expect, test } from '@playwright/test';
import { DEMO, pushAs, signIn } from './pipelines-support.ts';
import { syncLine } from './offline-support.ts';

// Issue 13: a long first sync shows a real, labelled progress bar. The second page of the pull
// is held back until the bar has been checked, so nothing depends on how fast the pages arrive.
// Named to run after the other journeys (its 1,500 extra leads would slow their first syncs).
// No service worker: it takes over the tab during the first sync, and requests that pass through
// it are not reliably routed by Playwright (offline.spec.ts met that in CI), so the held page
// could slip past the hold.
test.use({ serviceWorkers: 'block' });

test('a first sync of several pages: "Syncing N of M" and a progress bar with a name', async ({
  page,
  request,
}) => {
  const pipelineId = crypto.randomUUID();
  const statusId = crypto.randomUUID();
  await pushAs(request, DEMO.manager.email, [
    {
      name: 'create_pipeline',
      args: { id: pipelineId, name: 'Progress', statuses: [{ id: statusId, name: 'Open' }] },
    },
  ]);
  const leads = Array.from({ length: 1500 }, (_, i) => ({
    name: 'create_lead',
    args: {
      id: crypto.randomUUID(),
      full_name: `Progress Lead ${i + 1}`,
      pipeline_id: pipelineId,
      status_id: statusId,
    },
  }));
  const results = await pushAs(request, DEMO.manager.email, leads, 500);
  expect(results.filter((r) => r.status !== 'applied')).toEqual([]);

  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  let pulls = 0;
  await page.route('**/rest/v1/rpc/sync_pull', async (route) => {
    pulls++;
    if (pulls === 2) await held;
    await route.continue();
  });

  await signIn(page, DEMO.manager.name);
  const bar = page.getByRole('progressbar', { name: 'First sync progress' });
  await expect(bar).toBeVisible();
  await expect(syncLine(page)).toContainText(/^Syncing [\d,]+ of [\d,]+$/);
  const max = Number(await bar.getAttribute('max'));
  const value = Number(await bar.getAttribute('value'));
  expect(max).toBeGreaterThan(1500);
  expect(value).toBeGreaterThan(0);
  expect(value).toBeLessThan(max);

  release();
  await expect(bar).toHaveCount(0, { timeout: 60_000 });
  await expect(syncLine(page)).toHaveText(/^All changes saved · synced /);
});
