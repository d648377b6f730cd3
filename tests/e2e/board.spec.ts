import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { storedPosition } from './board-support.ts';

// The board journey against the local backend with demo data (supabase/seed.sql): Ana (agent)
// works the default pipeline by mouse and by keyboard; every change must survive a reload.

const RENEWALS_ID = '5e1e0000-0000-4000-8000-000000000001';

function list(page: Page, status: string): Locator {
  return page.getByRole('list', { name: status, exact: true });
}

function card(page: Page, status: string, name: string): Locator {
  return list(page, status).getByRole('listitem', { name, exact: true });
}

async function cardNames(page: Page, status: string, count: number): Promise<string[]> {
  const items = list(page, status).getByRole('listitem');
  const names: string[] = [];
  for (let i = 0; i < count; i++) names.push((await items.nth(i).getAttribute('aria-label')) ?? '');
  return names;
}

/** A real mouse drag: press, move past the library's 5px threshold, glide, release. */
async function dragWithMouse(page: Page, source: Locator, target: Locator) {
  const from = await source.boundingBox();
  const to = await target.boundingBox();
  if (!from || !to) throw new Error('drag source or target is not visible');
  await page.mouse.move(from.x + from.width / 2, from.y + 20);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 2, from.y + 40, { steps: 5 });
  await page.mouse.move(to.x + to.width / 2, to.y + 30, { steps: 20 });
  await page.mouse.move(to.x + to.width / 2, to.y + 25, { steps: 5 });
  await page.mouse.up();
}

test('an agent works the board by mouse and keyboard, and every change is kept', async ({
  page,
}) => {
  const name = `E2E Lead ${Date.now()}`;

  await page.goto('/');
  await page.getByRole('button', { name: 'Sign in as Ana Alvarez' }).click();
  await expect(page).toHaveURL(/\/dashboard\/leads/);
  await expect(list(page, 'New')).toBeVisible();
  await expect(page).toHaveURL(/\?pipeline=/);

  // Switch pipelines: instant, and kept in the URL.
  const selector = page.getByRole('combobox', { name: 'Pipeline' });
  await selector.selectOption({ label: 'Renewals' });
  await expect(list(page, 'Renewal due')).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`pipeline=${RENEWALS_ID}`));
  await selector.selectOption({ index: 0 });
  await expect(list(page, 'New')).toBeVisible();

  // Quick add at the top of "New".
  await page.getByRole('button', { name: 'Add lead to New' }).click();
  const quickAdd = page.getByRole('form', { name: 'Add lead to New' });
  await quickAdd.getByLabel('Full name').fill(name);
  await quickAdd.getByLabel('Product').selectOption('life');
  await quickAdd.getByRole('button', { name: 'Add' }).click();
  await expect(card(page, 'New', name)).toBeVisible();
  expect((await cardNames(page, 'New', 1))[0]).toBe(name);
  await quickAdd.getByRole('button', { name: 'Cancel' }).click();

  // Drag it across columns with the mouse.
  await dragWithMouse(page, card(page, 'New', name), list(page, 'Contacted'));
  await expect(card(page, 'Contacted', name)).toBeVisible();
  await expect(card(page, 'New', name)).toHaveCount(0);

  // Ctrl+Z undoes the move (itself a mutation).
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await expect(card(page, 'New', name)).toBeVisible();
  await expect(page.getByText(`Undid the move of ${name}`)).toBeVisible();

  // Reorder within "New" with the keyboard: lift, one down, drop.
  const handle = page.getByRole('button', { name, exact: true });
  await handle.focus();
  const undonePosition = await storedPosition(page, name);
  await page.keyboard.press('Space');
  // A keyboard drag leaves the body's inherited styles as they were (keyboard-drag-body.ts): the
  // library's dragging style (no text selection) does not reach it.
  const body = page.locator('body');
  await expect(body).toHaveClass(/\bis-keyboard-drag\b/);
  await expect(body).toHaveCSS('user-select', 'auto');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Space');
  await expect.poll(() => cardNames(page, 'New', 2).then((n) => n[1])).toBe(name);
  await expect(body).not.toHaveClass(/\bis-keyboard-drag\b/);
  // Shown at once, written a moment later: the reload below must come after the write.
  await expect.poll(() => storedPosition(page, name)).not.toBe(undonePosition);

  // Reload: the order is kept (local store), and the lead is still where it was put.
  await page.reload();
  await expect(list(page, 'New')).toBeVisible();
  await expect.poll(() => cardNames(page, 'New', 2).then((n) => n[1])).toBe(name);

  // Edit in the drawer: an invalid email is refused inline, a valid one saved.
  await page.getByRole('button', { name, exact: true }).click();
  const drawer = page.getByRole('dialog', { name });
  await expect(drawer).toBeVisible();
  await drawer.getByLabel('Email').fill('not-an-email');
  await drawer.getByRole('button', { name: 'Save' }).click();
  await expect(drawer.getByText('Enter a valid email address')).toBeVisible();
  await expect(drawer.getByLabel('Email')).toHaveAttribute('aria-invalid', 'true');
  await drawer.getByLabel('Email').fill('e2e.lead@example.com');
  await drawer.getByRole('button', { name: 'Save' }).click();
  await expect(drawer).toHaveCount(0);

  // Every change reached the server and was accepted.
  const sync = page.getByRole('group', { name: 'Sync status' });
  await expect(sync).toContainText('All changes saved', { timeout: 30_000 });
  await expect(sync).toHaveText(/^All changes saved · synced /);
  await expect(page.getByRole('button', { name: /Rejected changes/ })).toHaveCount(0);

  // No serious or critical accessibility violations on the board (with the drawer open too).
  const boardScan = await new AxeBuilder({ page }).analyze();
  const serious = (scan: typeof boardScan) =>
    scan.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(serious(boardScan)).toEqual([]);
  await page.getByRole('button', { name, exact: true }).click();
  await expect(page.getByRole('dialog', { name })).toBeVisible();
  expect(serious(await new AxeBuilder({ page }).analyze())).toEqual([]);
});
