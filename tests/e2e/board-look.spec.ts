import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import {
  card,
  cardName,
  column,
  columnNames,
  DESKTOP,
  list,
  openMoveMenu,
} from './board-support.ts';
import { DEMO, signIn } from './pipelines-support.ts';

// How the board looks and reads at 1440×900 (issue 14, "Look the part"), light and dark.

test.use({ viewport: DESKTOP });

async function seriousViolations(page: Page): Promise<string[]> {
  const scan = await new AxeBuilder({ page }).analyze();
  return scan.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Cards of a column wholly visible inside its scrolling list and the window. */
function fullyVisibleCards(page: Page, status: string): Promise<number> {
  return list(page, status).evaluate((ul) => {
    const scroller = ul.parentElement?.getBoundingClientRect();
    if (!scroller) return 0;
    return [...ul.querySelectorAll(':scope > li')].filter((li) => {
      const r = li.getBoundingClientRect();
      return r.top >= scroller.top && r.bottom <= scroller.bottom && r.bottom <= window.innerHeight;
    }).length;
  });
}

test('dense cards: at least six per column on screen, the move action on hover and focus', async ({
  page,
}) => {
  await signIn(page, DEMO.agent.name);
  await expect(list(page, 'New')).toBeVisible();
  for (const status of (await columnNames(page)).slice(0, 4)) {
    expect(await fullyVisibleCards(page, status), status).toBeGreaterThanOrEqual(6);
  }

  const name = await cardName(page, 'New', 1);
  const move = page.getByRole('button', { name: `Move ${name} to…` });
  // The button fades with its wrapper (opacity, so it stays in the tab order and for readers).
  const shown = move.locator('xpath=..');
  await expect(shown).toHaveCSS('opacity', '0');
  await card(page, 'New', name).hover();
  await expect(shown).toHaveCSS('opacity', '1');
  // Keyboard: Tab from the card reaches its move button, which shows while focused.
  await page.mouse.move(0, DESKTOP.height - 2);
  await page.getByRole('button', { name, exact: true }).focus();
  await page.keyboard.press('Tab');
  await expect(move).toBeFocused();
  await expect(shown).toHaveCSS('opacity', '1');
  // The card shows the agent's initials beside the name, and the premium.
  await expect(card(page, 'New', name)).toContainText(/\$[\d,]+/);
});

test('columns: aligned headers, collapsible with count and sum, remembered, empty ones take drops', async ({
  page,
}) => {
  await signIn(page, DEMO.agent.name);
  await expect(list(page, 'New')).toBeVisible();
  const names = await columnNames(page);
  const headers = await Promise.all(
    names.map((n) => column(page, n).locator('header').first().boundingBox()),
  );
  const tops = new Set(headers.map((h) => h?.y));
  const heights = new Set(headers.map((h) => h?.height));
  expect([...tops]).toHaveLength(1);
  expect([...heights]).toHaveLength(1);

  const won = names.at(-2) ?? '';
  const stats = (await column(page, won).locator('header').innerText()).replace(/\s+/g, ' ');
  const [count] = stats.match(/\d+ leads?/) ?? [''];
  const [sum] = stats.match(/\$[\d,]+/) ?? [''];
  await page.getByRole('button', { name: `Collapse ${won}` }).click();
  await expect(list(page, won)).toHaveCount(0);
  await expect(column(page, won)).toContainText(count);
  await expect(column(page, won)).toContainText(sum);
  await page.reload();
  await expect(list(page, 'New')).toBeVisible();
  await expect(page.getByRole('button', { name: `Expand ${won}` })).toHaveAttribute(
    'aria-expanded',
    'false',
  );
  expect(await seriousViolations(page)).toEqual([]);

  // Narrow the board to one lead: the other columns say they take drops, the summary says why.
  const name = await cardName(page, 'New');
  await page.getByRole('searchbox', { name: 'Search' }).fill(name);
  const summary = page.getByRole('search').getByRole('status');
  await expect(summary).toContainText(`“${name}”`);
  await expect(summary).toContainText(/Showing \d+ of \d+ leads/);
  await expect(column(page, 'Contacted')).toContainText('No leads here. Drag one in.');
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(page.getByRole('searchbox', { name: 'Search' })).toHaveValue('');
  await expect(page.getByRole('button', { name: 'Clear filters' })).toHaveCount(0);
  await page.getByRole('button', { name: `Expand ${won}` }).click();
});

test('axe finds nothing serious with the "Move to…" menu open, and in dark mode', async ({
  page,
}) => {
  // Four full-board scans (light, dark, menu open): each card carries a Move button and a select
  // checkbox, and on a shared 2-core machine one scan alone can take tens of seconds.
  test.setTimeout(240_000);
  await signIn(page, DEMO.agent.name);
  await expect(list(page, 'New')).toBeVisible();
  const name = await cardName(page, 'New');
  await openMoveMenu(page, 'New', name);
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');

  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('html')).toHaveCSS('background-color', 'rgb(11, 17, 32)');
  expect(await seriousViolations(page)).toEqual([]);
  await openMoveMenu(page, 'New', name);
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name, exact: true }).click();
  await expect(page.getByRole('dialog', { name })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');

  await page
    .getByRole('navigation', { name: 'Main' })
    .getByRole('link', { name: 'Pipelines' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: 'Pipelines' })).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});
