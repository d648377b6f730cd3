import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { DESKTOP, openMoveMenu, storedPosition } from './board-support.ts';
import { card, quickAdd, removeLeads, syncLine } from './offline-support.ts';
import { DEMO, signIn } from './pipelines-support.ts';

// Issue 15 part 3: two people move the same lead, one of them offline. The one who was away
// comes back to her move applied after his (today's merge), and is told so on the card, in the
// header's list, and by a "Since you were away" summary that narrows the board.

const added: string[] = [];
test.afterEach(async ({ request }) => removeLeads(request, added.splice(0)));

async function search(page: Page, text: string) {
  await page.getByRole('searchbox', { name: 'Search' }).fill(text);
}

async function moveTo(page: Page, from: string, name: string, to: string) {
  const menu = await openMoveMenu(page, from, name);
  await menu.getByRole('menuitem', { name: to, exact: true }).click();
  await expect(card(page, to, name)).toBeVisible();
}

test('a move made offline meets a manager’s move of the same lead: the agent is told, in words', async ({
  page,
  context,
  browser,
}) => {
  test.setTimeout(120_000);
  const stamp = Date.now().toString(36);
  const noah = `Noah Away${stamp}`;
  const mia = `Mia Away${stamp}`;
  const liam = `Liam Away${stamp}`;
  added.push(noah, mia, liam);

  // Ana (agent) adds three leads of her own and syncs them.
  await page.setViewportSize(DESKTOP);
  await signIn(page, DEMO.agent.name);
  for (const name of [noah, mia, liam]) await quickAdd(page, 'New', name);
  await expect(syncLine(page)).toContainText('All changes saved', { timeout: 30_000 });
  await search(page, stamp);

  // Maya (manager) sees them on her own device.
  const other = await browser.newContext({ viewport: DESKTOP });
  try {
    const maya = await other.newPage();
    await signIn(maya, DEMO.manager.name);
    await search(maya, stamp);
    await expect(card(maya, 'New', noah)).toBeVisible({ timeout: 30_000 });

    // Ana goes offline and moves Noah to Negotiation; meanwhile Maya moves him to Won, and Mia on.
    await context.setOffline(true);
    await moveTo(page, 'New', noah, 'Negotiation');
    await expect(syncLine(page)).toHaveText("Offline — 1 change will sync when you're back online");
    const miaBefore = await storedPosition(maya, mia);
    await moveTo(maya, 'New', noah, 'Won');
    await moveTo(maya, 'New', mia, 'Contacted');
    // A move shows at once and reaches the store a moment later (and only then the queue), so
    // "All changes saved" counts only once Mia's move is written: else Ana could pull before it.
    await expect.poll(() => storedPosition(maya, mia)).not.toBe(miaBefore);
    await expect(syncLine(maya)).toContainText('All changes saved', { timeout: 30_000 });

    // Ana comes back: her move reaches the server after Maya's, so it stands (today's merge)…
    await context.setOffline(false);
    await expect(syncLine(page)).toContainText('All changes saved', { timeout: 30_000 });
    await expect(card(page, 'Contacted', mia)).toBeVisible();
    const message = `${DEMO.manager.name} moved ${noah} to Won while you were offline; your move to Negotiation was applied after it.`;

    // … and she is told: on the card,
    const noahCard = card(page, 'Negotiation', noah);
    await expect(noahCard.getByRole('note', { name: message })).toBeVisible();
    // politely (said when it arrived, while her move was still on its way),
    await expect(page.locator('.board-notice')).toContainText(
      `Changed while you were away: ${DEMO.manager.name} moved ${noah} to Won while you were offline; your move to Negotiation`,
    );
    // and in the header's list, which opens the lead.
    const toggle = page.getByRole('button', { name: '1 change while you were away' });
    await toggle.focus();
    await page.keyboard.press('Enter');
    const list = page.getByRole('list', { name: 'Changes while you were away' });
    await expect(list.getByRole('listitem')).toHaveText(new RegExp(escape(message)));
    const axe = await new AxeBuilder({ page }).analyze();
    expect(
      axe.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
    ).toEqual([]);
    await list.getByRole('button', { name: `Show ${noah}` }).click();
    await expect(page.getByRole('dialog', { name: noah })).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog', { name: noah })).toHaveCount(0);

    // Maya had nothing queued on those leads: nothing to tell her.
    await expect(
      maya.getByRole('button', { name: /^\d+ changes? while you were away$/ }),
    ).toHaveCount(0);
  } finally {
    await other.close();
  }

  // "Since you were away": Noah and Mia changed, both hers; a click narrows the board to them.
  const summary = page.getByRole('button', {
    name: 'Since you were away: 2 leads changed, 2 of yours',
  });
  await summary.click();
  await expect(card(page, 'New', liam)).toHaveCount(0);
  await expect(card(page, 'Negotiation', noah)).toBeVisible();
  await expect(card(page, 'Contacted', mia)).toBeVisible();
  await page.getByRole('button', { name: 'Clear the filter: changed while you were away' }).click();
  await expect(card(page, 'New', liam)).toBeVisible();

  // The notice survives a reload, and dismissing it on the card is for good.
  await page.reload();
  await search(page, stamp);
  const note = card(page, 'Negotiation', noah).getByRole('note');
  await expect(note).toBeVisible();
  await card(page, 'Negotiation', noah)
    .getByRole('button', { name: `Dismiss the notice about ${noah}` })
    .click();
  await expect(note).toHaveCount(0);
  await expect(
    page.getByRole('button', { name: /^\d+ changes? while you were away$/ }),
  ).toHaveCount(0);
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
