// What the board suites share: the browser, the figure helper, and waiting on the board's
// sync line and columns.
import { chromium, type Browser, type Page } from '@playwright/test';
import type { BenchPipeline } from './app-server.ts';
import { emit, round, say, type Figure } from './figure.ts';

export const MANAGER = 'Maya Lindqvist';

export function skipped(suite: string, what: string, why: string): void {
  emit({
    suite,
    what: `${what} (skipped: ${why})`,
    size: '—',
    value: null,
    unit: '',
    baseline: null,
    baseline_what: null,
    ratio: null,
    target: '—',
    met: null,
  });
}

/** Emits a figure with its ratio (baseline / value when smaller is better). */
export function figure(
  suite: string,
  f: Omit<Figure, 'suite' | 'ratio'> & { smallerIsBetter: boolean },
): void {
  const { smallerIsBetter, ...rest } = f;
  const ratio =
    rest.value === null || rest.baseline === null || rest.value === 0
      ? null
      : round(smallerIsBetter ? rest.baseline / rest.value : rest.value / rest.baseline);
  emit({ suite, ...rest, ratio });
  say(`  ${rest.what} @ ${rest.size}: ${rest.value} ${rest.unit} (baseline ${rest.baseline})`);
}

export function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export const leadCount = (n: number) => `${n.toLocaleString('en-US')} lead${n === 1 ? '' : 's'}`;

/** Resolves (in page time, ms since navigation) once every column shows its count and a card. */
export async function boardReady(page: Page, p: BenchPipeline, timeoutMs: number): Promise<number> {
  const handle = await page.waitForFunction(
    ({ names, counts }) => {
      for (const [i, name] of names.entries()) {
        const region = [...document.querySelectorAll('section, [role="region"]')].find(
          (r) =>
            r.getAttribute('aria-label') === name || r.querySelector('h2')?.textContent === name,
        );
        if (!region?.textContent?.includes(counts[i] ?? '')) return false;
        if (!region.querySelector('[role="listitem"], li')) return false;
      }
      return performance.now();
    },
    { names: p.statusNames, counts: p.counts.map(leadCount) },
    { polling: 'raf', timeout: timeoutMs },
  );
  return (await handle.jsonValue()) as number;
}

export async function allSaved(page: Page, timeoutMs: number): Promise<void> {
  await page
    .getByRole('group', { name: 'Sync status' })
    .filter({ hasText: 'All changes saved' })
    .waitFor({ timeout: timeoutMs });
}
