import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { card, list } from './board-support.ts';
import { quickAdd, removeLeads, serverLeads, syncLine } from './offline-support.ts';
import { DEMO, pushAs, signIn } from './pipelines-support.ts';

// Issue 15, part 2: select several cards and move (or, as a manager, reassign) them together,
// by mouse and by keyboard, offline, with one undo step and a partial refusal named in words.

const BEN_ID = '0b0b0b0b-0000-4000-8000-000000000002';
const ANA_ID = '0a0a0a0a-0000-4000-8000-000000000001';

const added: string[] = [];
test.afterEach(async ({ request }) => removeLeads(request, added.splice(0)));

/** Three fresh leads at the top of New (quick add puts each on top: shown c, b, a). */
async function threeLeads(page: Page, label: string): Promise<[string, string, string]> {
  const stamp = Date.now();
  const names: [string, string, string] = [
    `Bulk ${label} A ${stamp}`,
    `Bulk ${label} B ${stamp}`,
    `Bulk ${label} C ${stamp}`,
  ];
  added.push(...names);
  for (const name of names) await quickAdd(page, 'New', name);
  return names;
}

const handle = (page: Page, name: string) => page.getByRole('button', { name, exact: true });
const bar = (page: Page) => page.getByRole('region', { name: 'Selected leads' });
const status = (page: Page, text: string | RegExp) =>
  page.getByRole('status').filter({ hasText: text });

/** A real mouse drag: press, move past the library's 5px threshold, glide, release. */
async function dragWithMouse(page: Page, source: Locator, target: Locator) {
  const from = await source.boundingBox();
  const to = await target.boundingBox();
  if (!from || !to) throw new Error('drag source or target is not visible');
  await page.mouse.move(from.x + from.width / 3, from.y + 20);
  await page.mouse.down();
  await page.mouse.move(from.x + from.width / 3, from.y + 40, { steps: 5 });
  await page.mouse.move(to.x + to.width / 2, to.y + 30, { steps: 20 });
  await page.mouse.move(to.x + to.width / 2, to.y + 25, { steps: 5 });
  await page.mouse.up();
}

async function expectSaved(page: Page) {
  await expect(syncLine(page)).toContainText('All changes saved', { timeout: 30_000 });
}

test('bulk move by mouse: Ctrl+click three, drag one, all land; one undo brings all back', async ({
  page,
}) => {
  await signIn(page, DEMO.agent.name);
  await expect(list(page, 'New')).toBeVisible();
  const [a, b, c] = await threeLeads(page, 'Mouse');

  // Ctrl+click selects (and does not open the drawer); the card says so in words and the tick.
  for (const name of [a, b, c]) await handle(page, name).click({ modifiers: ['ControlOrMeta'] });
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(bar(page)).toContainText('3 selected');
  for (const name of [a, b, c]) {
    await expect(page.getByRole('checkbox', { name: `Select ${name}` })).toBeChecked();
    await expect(card(page, 'New', name)).toHaveClass(/is-selected/);
  }
  // Ctrl+click again takes one out, and puts it back.
  await handle(page, b).click({ modifiers: ['ControlOrMeta'] });
  await expect(bar(page)).toContainText('2 selected');
  await handle(page, b).click({ modifiers: ['ControlOrMeta'] });
  await expect(bar(page)).toContainText('3 selected');

  // Dragging one selected card carries the other two.
  await dragWithMouse(page, card(page, 'New', b), list(page, 'Contacted'));
  for (const name of [a, b, c]) await expect(card(page, 'Contacted', name)).toBeVisible();
  for (const name of [a, b, c]) await expect(card(page, 'New', name)).toHaveCount(0);
  await expect(status(page, /Moved 3 leads to Contacted/)).toBeVisible();
  await expect(bar(page)).toHaveCount(0);
  // They keep their order (board order, c b a) inside Contacted.
  const names = await list(page, 'Contacted')
    .getByRole('listitem')
    .evaluateAll((items) => items.map((i) => i.getAttribute('aria-label')));
  expect(names.filter((n) => n === a || n === b || n === c)).toEqual([c, b, a]);

  // One Ctrl+Z: all three are back in New.
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  for (const name of [a, b, c]) await expect(card(page, 'New', name)).toBeVisible();
  for (const name of [a, b, c]) await expect(card(page, 'Contacted', name)).toHaveCount(0);
  await expect(status(page, /Undid the move of 3 leads/)).toBeVisible();
  await expectSaved(page);
});

test('bulk move by keyboard only: X, Shift+X, a keyboard drag, "Move 3 leads to…", Escape', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await signIn(page, DEMO.agent.name);
  await expect(list(page, 'New')).toBeVisible();
  const [a, b, c] = await threeLeads(page, 'Keys');

  // X toggles the focused card; Shift+X adds the range from it (shown order: c, b, a).
  await handle(page, c).focus();
  await page.keyboard.press('x');
  await expect(bar(page)).toContainText('1 selected');
  await handle(page, a).focus();
  await page.keyboard.press('Shift+X');
  await expect(bar(page)).toContainText('3 selected');
  // Agents never see the reassign action (the server would refuse it anyway).
  await expect(bar(page).getByRole('button', { name: /Reassign/ })).toHaveCount(0);
  expect(
    (await new AxeBuilder({ page }).include('.board-page').analyze()).violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => v.id),
  ).toEqual([]);

  // Space lifts as before; the other selected cards ride along to the drop.
  await handle(page, b).focus();
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Space');
  for (const name of [a, b, c]) await expect(card(page, 'Contacted', name)).toBeVisible();
  await expect(handle(page, b)).toBeFocused();

  // Select them again and use the bar's menu, by keyboard, into Lost: the reason is asked once.
  for (const name of [a, b, c]) {
    await handle(page, name).focus();
    await page.keyboard.press('x');
  }
  await expect(bar(page)).toContainText('3 selected');
  await bar(page).getByRole('button', { name: 'Move 3 leads to…' }).focus();
  await page.keyboard.press('Enter');
  const menu = page.getByRole('menu', { name: 'Move 3 leads to' });
  await expect(menu).toBeVisible();
  // Lost is the last status: End, then Enter.
  await page.keyboard.press('End');
  await expect(menu.getByRole('menuitem', { name: 'Lost' })).toBeFocused();
  await page.keyboard.press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Why were 3 leads lost?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Skip' }).focus();
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  for (const name of [a, b, c]) await expect(card(page, 'Lost', name)).toBeVisible();
  await expect(status(page, /Moved 3 leads to Lost/)).toBeVisible();

  // Escape clears a selection.
  await handle(page, a).focus();
  await page.keyboard.press('x');
  await expect(bar(page)).toContainText('1 selected');
  await page.keyboard.press('Escape');
  await expect(bar(page)).toHaveCount(0);
  await expect(page.getByRole('checkbox', { name: `Select ${a}` })).not.toBeChecked();
  await expectSaved(page);
});

test('offline bulk move with a partial refusal: two stay, the refused one is named', async ({
  page,
  context,
  request,
}) => {
  test.setTimeout(180_000);
  await signIn(page, DEMO.agent.name);
  await expect(list(page, 'New')).toBeVisible();
  const [a, b, c] = await threeLeads(page, 'Offline');
  await expectSaved(page);
  const ids = new Map(
    (await serverLeads(request, DEMO.agent.email))
      .filter((l) => [a, b, c].includes(l.full_name))
      .map((l) => [l.full_name, l]),
  );
  expect(ids.size).toBe(3);

  await context.setOffline(true);
  for (const name of [a, b, c]) await handle(page, name).click({ modifiers: ['ControlOrMeta'] });
  await bar(page).getByRole('button', { name: 'Move 3 leads to…' }).click();
  await page
    .getByRole('menu', { name: 'Move 3 leads to' })
    .getByRole('menuitem', { name: 'Quote sent' })
    .click();
  for (const name of [a, b, c]) await expect(card(page, 'Quote sent', name)).toBeVisible();
  await expect(syncLine(page)).toHaveText("Offline — 3 changes will sync when you're back online");

  // Meanwhile the manager gives B to Ben: Ana may no longer move it (RLS).
  const refused = ids.get(b);
  if (!refused) throw new Error('B is not on the server');
  const [reassigned] = await pushAs(request, DEMO.manager.email, [
    { name: 'update_lead', args: { id: refused.id, patch: { assigned_to: BEN_ID } } },
  ]);
  expect(reassigned?.status).toBe('applied');

  await context.setOffline(false);
  // The two others stay moved; B's move is refused, rolled back, and named in words.
  await expect(status(page, `The server refused 1 of the 3 moves: ${b}`)).toBeVisible({
    timeout: 30_000,
  });
  await expect(card(page, 'Quote sent', a)).toBeVisible();
  await expect(card(page, 'Quote sent', c)).toBeVisible();
  await expect(card(page, 'Quote sent', b)).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Rejected changes (1)' })).toBeVisible();
  const onServer = new Map(
    (await serverLeads(request, DEMO.manager.email)).map((l) => [l.full_name, l]),
  );
  expect(onServer.get(a)?.status_id).toBe(onServer.get(c)?.status_id);
  expect(onServer.get(b)?.status_id).toBe(refused.status_id);
  expect(onServer.get(b)?.status_id).not.toBe(onServer.get(a)?.status_id);

  // Given back to Ana, B returns where the server kept it (New), marked as refused.
  await pushAs(request, DEMO.manager.email, [
    { name: 'update_lead', args: { id: refused.id, patch: { assigned_to: ANA_ID } } },
  ]);
  await expect(card(page, 'New', b)).toBeVisible({ timeout: 30_000 });
  await expect(card(page, 'New', b)).toContainText('Change refused');
});

test('a manager reassigns three leads at once, and one undo gives them back', async ({
  page,
  request,
}) => {
  test.setTimeout(180_000);
  await signIn(page, DEMO.manager.name);
  await expect(list(page, 'New')).toBeVisible();
  const [a, b, c] = await threeLeads(page, 'Reassign');
  await handle(page, c).click({ modifiers: ['ControlOrMeta'] });
  await handle(page, a).click({ modifiers: ['Shift'] });
  await expect(bar(page)).toContainText('3 selected');

  await bar(page).getByRole('button', { name: 'Reassign 3 leads to…' }).click();
  await page
    .getByRole('menu', { name: 'Reassign 3 leads to' })
    .getByRole('menuitem', { name: 'Ben Okafor' })
    .click();
  await expect(status(page, /Reassigned 3 leads to Ben Okafor/)).toBeVisible();
  for (const name of [a, b, c]) await expect(card(page, 'New', name)).toContainText('Ben Okafor');
  await expectSaved(page);
  const assignees = async () =>
    (await serverLeads(request, DEMO.manager.email))
      .filter((l) => [a, b, c].includes(l.full_name))
      .map((l) => l.assigned_to);
  expect(await assignees()).toEqual([BEN_ID, BEN_ID, BEN_ID]);

  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await expect(status(page, /Undid the reassignment of 3 leads/)).toBeVisible();
  for (const name of [a, b, c]) {
    await expect(card(page, 'New', name)).toContainText(DEMO.manager.name);
  }
  await expectSaved(page);
  await expect.poll(assignees, { timeout: 30_000 }).not.toContain(BEN_ID);
});
