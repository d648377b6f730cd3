import { expect, test } from '@playwright/test';
import { card, cardName, DESKTOP, list, openSyncedBoard } from './board-support.ts';
import { quickAdd } from './offline-support.ts';
import { DEMO } from './pipelines-support.ts';

test.use({ viewport: DESKTOP });

// The drag library keeps indexes into the lists a drag began with: a card that arrives meanwhile
// (a pull, another tab) must not shift them. The board holds its columns until the drop.
test('a card another tab adds during a keyboard drag waits for the drop, which lands where it was made', async ({
  page,
  context,
}) => {
  await openSyncedBoard(page, DEMO.agent.name);
  const other = await context.newPage();
  await other.goto('/dashboard/leads');
  await expect(list(other, 'Contacted')).toBeVisible();

  const name = await cardName(page, 'New');
  const firstInContacted = await cardName(page, 'Contacted');
  await page.getByRole('button', { name, exact: true }).focus();
  await page.keyboard.press('Space');
  await page.keyboard.press('ArrowRight');

  // The other tab adds a lead at the top of the column the card is held over.
  const added = `Arrived mid-drag ${Date.now()}`;
  await quickAdd(other, 'Contacted', added);
  // Without the hold this tab shows it within a few hundred ms (the stores' change events
  // reach it on a BroadcastChannel); with it, not while the drag is on.
  await page.waitForTimeout(1_000);
  await expect(card(page, 'Contacted', added)).toHaveCount(0);

  await page.keyboard.press('Space');
  await expect(card(page, 'Contacted', name)).toBeVisible();
  await expect(card(page, 'Contacted', added)).toBeVisible();
  await expect(card(page, 'New', name)).toHaveCount(0);
  // Dropped at the top, above the card that was first when the drag began.
  const names = await list(page, 'Contacted')
    .getByRole('listitem')
    .evaluateAll((items) => items.map((item) => item.getAttribute('aria-label')));
  expect(names.indexOf(name)).toBeGreaterThanOrEqual(0);
  expect(names.indexOf(name)).toBeLessThan(names.indexOf(firstInContacted));
  await other.close();
});
