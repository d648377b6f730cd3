import { join } from 'node:path';
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { cardName, DESKTOP, list } from './board-support.ts';
import { DEFAULT_PIPELINE, DEMO, openPipelines, pipelineRow, signIn } from './pipelines-support.ts';

// The README's screenshots (board light and dark, a drawer, the pipelines page), taken from the real app at 1440×900 so they never go stale:
// `npm run screenshots` (SCREENSHOTS=1) writes them to docs/images/; a normal run still walks
// the same screens, checks them and keeps the pictures with the test results.

test.use({ viewport: DESKTOP, colorScheme: 'light' });

function target(info: TestInfo, file: string): string {
  return process.env.SCREENSHOTS === '1'
    ? join(process.cwd(), 'docs', 'images', file)
    : info.outputPath(file);
}

async function shoot(page: Page, info: TestInfo, file: string) {
  // No blinking caret or hover effects in the picture.
  await page.mouse.move(DESKTOP.width - 1, DESKTOP.height - 1);
  await page.screenshot({ path: target(info, file), animations: 'disabled', caret: 'hide' });
}

test('README screenshots: the board, a card’s drawer, the pipelines page', async ({
  page,
}, info) => {
  // Earlier specs leave ~20,000 rows (10k-lead pipeline, 200 × 30 statuses): a new sign-in's first
  // sync of them must finish before the board is photographed. A wait for a state, not a speed bar.
  test.setTimeout(240_000);
  await signIn(page, DEMO.agent.name);
  await expect(list(page, 'New')).toBeVisible();
  await expect(page.getByRole('group', { name: 'Sync status' })).toContainText(
    'All changes saved',
    {
      timeout: 180_000,
    },
  );
  await shoot(page, info, 'board.png');
  // The same board with the system set to dark.
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(page.locator('html')).toHaveCSS('background-color', 'rgb(11, 17, 32)');
  await shoot(page, info, 'board-dark.png');
  await page.emulateMedia({ colorScheme: 'light' });

  const name = await cardName(page, 'Contacted');
  await page.getByRole('button', { name, exact: true }).click();
  const drawer = page.getByRole('dialog', { name });
  // After other specs the lead may have no synced history yet; the section is there either way.
  await expect(drawer.getByRole('heading', { name: 'Status history' })).toBeVisible();
  await expect(drawer.getByRole('textbox', { name: 'Full name' })).toHaveValue(name);
  await shoot(page, info, 'lead-drawer.png');
  await page.keyboard.press('Escape');
  await expect(drawer).toHaveCount(0);

  await page.getByRole('button', { name: 'Sign out' }).click();
  await signIn(page, DEMO.manager.name);
  await openPipelines(page);
  await expect(pipelineRow(page, DEFAULT_PIPELINE)).toContainText('Default');
  await shoot(page, info, 'pipelines.png');
});
