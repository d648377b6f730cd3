import { expect, type Locator, type Page } from '@playwright/test';

// Board helpers shared by the board specs: columns and cards found by their accessible names.

export const DESKTOP = { width: 1440, height: 900 } as const;

export function column(page: Page, status: string): Locator {
  return page.getByRole('region', { name: status, exact: true });
}

/** A column's heading: always at the top of the board area (columns can be taller than it). */
export function columnHeading(page: Page, status: string): Locator {
  return column(page, status).getByRole('heading', { level: 2 });
}

/** The board's own scroll area (the page never scrolls sideways). */
export function boardArea(page: Page): Locator {
  return page.getByRole('region', { name: 'Board', exact: true });
}

export function list(page: Page, status: string): Locator {
  return page.getByRole('list', { name: status, exact: true });
}

export function card(page: Page, status: string, name: string): Locator {
  return list(page, status).getByRole('listitem', { name, exact: true });
}

/** The accessible name of the card at `index` in a status's list. */
export async function cardName(page: Page, status: string, index = 0): Promise<string> {
  const name = await list(page, status).getByRole('listitem').nth(index).getAttribute('aria-label');
  if (!name) throw new Error(`no card at ${index} in ${status}`);
  return name;
}

/** Column names as the board shows them, left to right. */
export async function columnNames(page: Page): Promise<string[]> {
  const headings = page.getByRole('main').getByRole('heading', { level: 2 });
  await expect(headings.first()).toBeVisible();
  return (await headings.allTextContents()).map((t) => t.trim());
}

/** Opens a card's "Move to…" menu (the button shows on hover) and returns the menu. */
export async function openMoveMenu(page: Page, status: string, name: string): Promise<Locator> {
  await card(page, status, name).hover();
  await page.getByRole('button', { name: `Move ${name} to…`, exact: true }).click();
  const menu = page.getByRole('menu', { name: `Move ${name} to`, exact: true });
  await expect(menu).toBeVisible();
  return menu;
}

export function syncLine(page: Page): Locator {
  return page.getByRole('group', { name: 'Sync status' });
}
