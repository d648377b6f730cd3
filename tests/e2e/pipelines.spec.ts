import { expect, test } from '@playwright/test';
import {
  addStatus,
  DEFAULT_PIPELINE,
  DEMO,
  expectAllSaved,
  openPipelines,
  pipelineList,
  pipelineRow,
  pushAs,
  signIn,
  statusList,
} from './pipelines-support.ts';

// The spec's "Test Application Features" and "Test Edge Cases" (pipeline-migration-process.md),
// walked by a manager in Chromium against the local backend with demo data.

test('a manager creates a pipeline with statuses and uses it on the board', async ({ page }) => {
  const name = `Commercial ${Date.now()}`;
  await signIn(page, DEMO.manager.name);

  // 1–2. /dashboard/pipelines shows the default pipeline, marked as such.
  await openPipelines(page);
  await expect(pipelineRow(page, DEFAULT_PIPELINE)).toContainText('Default');
  await expect(pipelineRow(page, DEFAULT_PIPELINE)).toContainText(/\d+ leads · 6 statuses/);

  // 3 + edge case 1. Create a pipeline with no statuses: allowed, and it prompts for the first.
  await page.getByRole('button', { name: 'New pipeline' }).click();
  const create = page.getByRole('dialog', { name: 'New pipeline' });
  await create.getByRole('textbox', { name: 'Pipeline name' }).fill(name);
  await create.getByRole('button', { name: 'Create pipeline' }).click();
  await expect(pipelineRow(page, name)).toContainText('0 leads · 0 statuses');
  await expect(page.getByText(`${name} has no statuses yet.`)).toBeVisible();

  // 4. Add statuses (with a color and an icon from the picker).
  await page.getByRole('button', { name: 'Add the first status' }).click();
  await addStatus(page, 'New', { color: '#0EA5E9', icon: 'phone' });
  await page.getByRole('button', { name: 'New status' }).click();
  await addStatus(page, 'Signed');
  await expect(statusList(page, name).getByRole('listitem')).toHaveText([/New/, /Signed/]);

  // Reorder with the keyboard through the drag handle: lift, up, drop; then back with a button.
  await page.getByRole('button', { name: 'Reorder Signed' }).focus();
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Space');
  await expect(statusList(page, name).getByRole('listitem')).toHaveText([/Signed/, /New/]);
  await page.getByRole('button', { name: 'Move Signed down' }).click();
  await expect(statusList(page, name).getByRole('listitem')).toHaveText([/New/, /Signed/]);

  // Edge case 2. The same name again (any case) gets a clear inline error and is not added.
  await page.getByRole('button', { name: 'New status' }).click();
  const duplicate = page.getByRole('dialog', { name: /^Add a status to/ });
  await duplicate.getByRole('textbox', { name: 'Status name' }).fill('signed');
  await expect(duplicate.getByRole('alert')).toHaveText(
    'This pipeline already has a status called “Signed” (names are compared ignoring case)',
  );
  await duplicate.getByRole('button', { name: 'Add status' }).click();
  await expect(duplicate).toBeVisible();
  await duplicate.getByRole('button', { name: 'Cancel' }).click();
  await expect(pipelineRow(page, name)).toContainText('2 statuses');

  // 5–7. The board's selector offers the new pipeline; switching shows its columns and back.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Board' }).click();
  await expect(page).toHaveURL(/\/dashboard\/leads/);
  const selector = page.getByRole('combobox', { name: 'Pipeline' });
  await selector.selectOption({ label: name });
  // An empty column has no height: attached is what "shown" means for it.
  await expect(page.getByRole('list', { name: 'Signed', exact: true })).toBeAttached();
  await selector.selectOption({ label: `${DEFAULT_PIPELINE} (default)` });
  await expect(page.getByRole('list', { name: 'Quote sent', exact: true })).toBeVisible();
  await expect(page.getByRole('list', { name: 'Signed', exact: true })).toHaveCount(0);

  // Everything reached the server, and survives a reload.
  await expectAllSaved(page);
  await page.reload();
  await openPipelines(page);
  await expect(pipelineRow(page, name)).toContainText('2 statuses');
});

test('deleting a pipeline that has leads moves them first, in one step', async ({ page }) => {
  const name = `Short-lived ${Date.now()}`;
  await signIn(page, DEMO.manager.name);
  await openPipelines(page);
  await page.getByRole('button', { name: 'New pipeline' }).click();
  const create = page.getByRole('dialog', { name: 'New pipeline' });
  await create.getByRole('textbox', { name: 'Pipeline name' }).fill(name);
  await create.getByRole('button', { name: 'Create pipeline' }).click();
  await page.getByRole('button', { name: 'Add the first status' }).click();
  await addStatus(page, 'New');
  await page.getByRole('button', { name: 'New status' }).click();
  await addStatus(page, 'Signed');

  // Two leads in it, added on the board.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Board' }).click();
  await page.getByRole('combobox', { name: 'Pipeline' }).selectOption({ label: name });
  // The default pipeline has a "New" column too: wait for this pipeline's board before adding.
  await expect(page.getByRole('region', { name: 'Signed' })).toBeVisible();
  const leads = [`Moved Lead A ${Date.now()}`, `Moved Lead B ${Date.now()}`];
  for (const lead of leads) {
    await page.getByRole('button', { name: 'Add lead to New' }).click();
    const form = page.getByRole('form', { name: 'Add lead to New' });
    await form.getByLabel('Full name').fill(lead);
    await form.getByRole('button', { name: 'Add' }).click();
    await expect(page.getByRole('listitem', { name: lead, exact: true })).toBeVisible();
    await form.getByRole('button', { name: 'Cancel' }).click();
  }

  // Delete: a guided move, pre-filled by name, with the number of leads that will move.
  await openPipelines(page);
  await pipelineList(page)
    .getByRole('button', { name: new RegExp(`^${name}`) })
    .click();
  await page.getByRole('button', { name: 'Delete pipeline' }).click();
  const dialog = page.getByRole('dialog', { name: `Delete pipeline ${name}` });
  await expect(dialog.getByRole('combobox', { name: 'Move leads to pipeline' })).toHaveValue(/.+/);
  await expect(
    dialog.getByRole('combobox', { name: 'Move leads to pipeline' }).locator('option:checked'),
  ).toHaveText(DEFAULT_PIPELINE);
  await expect(
    dialog.getByRole('combobox', { name: 'Move leads in New to' }).locator('option:checked'),
  ).toHaveText('New');
  await expect(dialog.getByRole('row', { name: /Signed/ })).toContainText('No leads to move');
  await expect(dialog).toContainText('2 leads will move to Default Sales Pipeline.');
  await dialog.getByRole('button', { name: `Move 2 leads and delete ${name}` }).click();

  // Outcome: the pipeline is gone, its leads are in the default pipeline's "New" column.
  await expect(pipelineRow(page, name)).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Changes the server refused' })).toHaveCount(0);
  await expectAllSaved(page);
  await page
    .getByRole('combobox', { name: 'Pipeline' })
    .selectOption({ label: `${DEFAULT_PIPELINE} (default)` });
  for (const lead of leads) {
    await expect(
      page.getByRole('list', { name: 'New', exact: true }).getByRole('listitem', { name: lead }),
    ).toBeVisible();
  }
  await page.reload();
  await openPipelines(page);
  await expect(pipelineRow(page, DEFAULT_PIPELINE)).toBeVisible();
  await expect(pipelineRow(page, name)).toHaveCount(0);
});

test('the default pipeline cannot be deleted, and the page says how to change it', async ({
  page,
}) => {
  await signIn(page, DEMO.manager.name);
  await openPipelines(page);
  const remove = page.getByRole('button', { name: 'Delete pipeline' });
  await expect(remove).toBeDisabled();
  await expect(
    page.getByText(/This is the default pipeline, so it cannot be deleted/),
  ).toBeVisible();
});

test('an agent sees pipelines read-only and cannot change them even through the sync RPC', async ({
  page,
  request,
}) => {
  await signIn(page, DEMO.agent.name);
  await openPipelines(page);
  await expect(page.getByText(/only a manager can change them/)).toBeVisible();
  await expect(pipelineRow(page, DEFAULT_PIPELINE)).toBeVisible();
  await expect(statusList(page, DEFAULT_PIPELINE).getByRole('listitem')).toHaveCount(6);
  for (const control of ['New pipeline', 'Edit pipeline', 'Delete pipeline', 'New status']) {
    await expect(page.getByRole('button', { name: control })).toHaveCount(0);
  }
  await expect(page.getByRole('button', { name: /^(Edit|Delete) status / })).toHaveCount(0);

  const results = await pushAs(request, DEMO.agent.email, [
    {
      name: 'create_pipeline',
      args: { id: crypto.randomUUID(), name: 'Agent pipeline', statuses: [] },
    },
  ]);
  expect(results).toEqual([expect.objectContaining({ status: 'rejected', code: '42501' })]);
});
