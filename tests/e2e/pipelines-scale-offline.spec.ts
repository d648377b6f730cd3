import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import {
  addStatus,
  DEFAULT_PIPELINE,
  DEMO,
  openPipelines,
  pipelineList,
  pipelineRow,
  pushAs,
  signIn,
  statusList,
} from './pipelines-support.ts';

// The spec's last edge case (a large number of pipelines and statuses), offline use with a
// refusal after sync, and an accessibility scan of the pipeline management page.

test('many pipelines and statuses: 200 pipelines × 30 statuses stay usable', async ({
  page,
  request,
}) => {
  test.setTimeout(180_000);
  const ids = Array.from({ length: 200 }, () => crypto.randomUUID());
  const created = await pushAs(
    request,
    DEMO.manager.email,
    ids.map((id, i) => ({
      name: 'create_pipeline',
      args: {
        id,
        name: `Bulk ${String(i + 1).padStart(3, '0')}`,
        description: null,
        statuses: Array.from({ length: 30 }, (_, j) => ({
          id: crypto.randomUUID(),
          name: `Step ${j + 1}`,
        })),
      },
    })),
  );
  expect(created.every((r) => r.status === 'applied')).toBe(true);

  try {
    await signIn(page, DEMO.manager.name);
    await openPipelines(page);
    await expect(page.getByRole('heading', { name: /^All pipelines \((\d{3})\)$/ })).toBeVisible({
      timeout: 60_000,
    });
    // The first sync pulls 6,000 statuses page by page; the counts fill in as they arrive.
    await expect(pipelineRow(page, 'Bulk 200')).toContainText('0 leads · 30 statuses', {
      timeout: 90_000,
    });
    await pipelineRow(page, 'Bulk 200')
      .getByRole('button', { name: /^Bulk 200/ })
      .click();
    await expect(statusList(page, 'Bulk 200').getByRole('listitem')).toHaveCount(30);
    const order = () =>
      pipelineList(page)
        .getByRole('listitem')
        .evaluateAll((rows) => rows.map((row) => row.getAttribute('aria-label')));
    const gap = async () => {
      const names = await order();
      return names.indexOf('Bulk 199') - names.indexOf('Bulk 200');
    };
    expect(await gap()).toBe(-1);
    await page.getByRole('button', { name: 'Move Bulk 200 up' }).click();
    await expect.poll(gap).toBe(1);
  } finally {
    // Leave the shared demo backend as it was for the other journeys.
    const removed = await pushAs(
      request,
      DEMO.manager.email,
      ids.map((id) => ({ name: 'delete_pipeline', args: { id } })),
    );
    expect(removed.every((r) => r.status === 'applied')).toBe(true);
  }
});

test('offline changes queue and sync; a duplicate made meanwhile elsewhere is refused visibly', async ({
  page,
  context,
  request,
}) => {
  const name = `Offline ${Date.now()}`;
  const pipelineId = crypto.randomUUID();
  await pushAs(request, DEMO.manager.email, [
    {
      name: 'create_pipeline',
      args: { id: pipelineId, name, statuses: [{ id: crypto.randomUUID(), name: 'Open' }] },
    },
  ]);
  await signIn(page, DEMO.manager.name);
  await openPipelines(page);
  await pipelineList(page)
    .getByRole('button', { name: new RegExp(`^${name}`) })
    .click();
  await expect(statusList(page, name).getByRole('listitem')).toHaveCount(1);

  // Offline: the edits apply at once on this device and wait in the queue.
  await context.setOffline(true);
  // Meanwhile another device of a manager adds "Quoted" to the same pipeline.
  await pushAs(request, DEMO.manager.email, [
    {
      name: 'create_pipeline_status',
      args: { id: crypto.randomUUID(), pipeline_id: pipelineId, name: 'Quoted' },
    },
  ]);
  await page.getByRole('button', { name: 'Edit pipeline' }).click();
  const edit = page.getByRole('dialog', { name: `Edit pipeline ${name}` });
  await edit.getByRole('textbox', { name: /Pipeline description/ }).fill('Edited offline');
  await edit.getByRole('button', { name: 'Save pipeline' }).click();
  await page.getByRole('button', { name: 'New status' }).click();
  await addStatus(page, 'quoted');
  await expect(statusList(page, name).getByRole('listitem')).toHaveText([/Open/, /quoted/]);
  await expect(page.getByText('Edited offline')).toBeVisible();

  // Back online: the description is accepted; the duplicate is refused, rolled back and said.
  await context.setOffline(false);
  const refused = page.getByRole('region', { name: 'Changes the server refused' });
  await expect(refused).toContainText(
    'Adding status “quoted”: This pipeline already has a status with that name',
    { timeout: 30_000 },
  );
  await expect(statusList(page, name).getByRole('listitem')).toHaveText([/Open/, /Quoted/]);
  await expect(page.getByText('Edited offline')).toBeVisible();
  await refused.getByRole('button', { name: 'Dismiss: Adding status “quoted”' }).click();
  await expect(refused).toHaveCount(0);
});

test('the page, the status editor and the guided delete have no serious accessibility issues', async ({
  page,
}) => {
  const serious = async () =>
    (await new AxeBuilder({ page }).analyze()).violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  await signIn(page, DEMO.manager.name);
  await openPipelines(page);
  await expect(statusList(page, DEFAULT_PIPELINE).getByRole('listitem')).toHaveCount(6);
  expect(await serious()).toEqual([]);

  await page.getByRole('button', { name: 'Edit status Quote sent' }).click();
  await page.getByRole('combobox', { name: 'Icon' }).fill('file');
  await expect(page.getByRole('listbox', { name: 'Icons' })).toBeVisible();
  expect(await serious()).toEqual([]);
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);

  await pipelineList(page)
    .getByRole('button', { name: /^Renewals/ })
    .click();
  await page.getByRole('button', { name: 'Delete pipeline' }).click();
  await expect(page.getByRole('table', { name: 'Status mapping' })).toBeVisible();
  expect(await serious()).toEqual([]);
  await page.getByRole('button', { name: 'Cancel' }).click();
});
