import { expect, test, type Page } from '@playwright/test';
import { DEMO, signIn } from './pipelines-support.ts';
import {
  card,
  expectShellCached,
  quickAdd,
  removeLeads,
  serverCount,
  syncLine,
} from './offline-support.ts';
import { deploy, releaseAssets, releaseFiles } from './releases.ts';
import type { Release } from './releases.ts';

// Issue 13: a new deployment while a tab is open. The tab keeps running the build it started
// with (no mixed files), says "A new version is ready — Reload", and takes it only when the user
// says so; the new build's local-store schema upgrade keeps the changes queued offline.

const build = (page: Page) => page.locator('html').getAttribute('data-build');

/** Every script (modulepreloads included) and stylesheet the page loaded from /assets/. */
const loadedAssets = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('script[src], link[rel="modulepreload"], link[rel="stylesheet"]')]
      .map((el) => new URL((el as HTMLScriptElement).src || (el as HTMLLinkElement).href).pathname)
      .filter((path) => path.startsWith('/assets/')),
  );

/** The page runs one release only: its index.html's files, plus lazy chunks of that release. */
function expectOnlyRelease(loaded: string[], release: Release): void {
  expect(loaded).toEqual(expect.arrayContaining(releaseAssets(release)));
  const files = releaseFiles(release);
  for (const path of loaded) expect(files, `${path} is from release ${release}`).toContain(path);
}

const storeVersion = (page: Page) =>
  page.evaluate(async () => {
    const dbs = await indexedDB.databases();
    return dbs.find((d) => d.name?.startsWith('leadlanes-'))?.version ?? null;
  });

const added: string[] = [];
test.afterEach(async ({ request }) => {
  deploy('current');
  await removeLeads(request, added.splice(0));
});

test('a new build while a tab is open: prompt, no mixed files, schema upgrade keeps the queue', async ({
  page,
  context,
  request,
}) => {
  const name = `Across versions ${Date.now()}`;
  added.push(name);
  await signIn(page, DEMO.agent.name);
  await expect(syncLine(page)).toHaveText(/^All changes saved/, { timeout: 30_000 });
  await expectShellCached(page);
  expect(await build(page)).toBe('e2e-current');
  const oldAssets = await loadedAssets(page);
  expectOnlyRelease(oldAssets, 'current');
  const oldVersion = await storeVersion(page);
  const prompt = page.getByRole('status').filter({ hasText: 'A new version is ready' });
  await expect(prompt).toHaveCount(0);

  deploy('next');
  // The network coming back is one of the moments the app checks for a new build.
  await context.setOffline(true);
  await context.setOffline(false);
  await expect(prompt).toBeVisible();
  await expect(prompt.getByRole('button', { name: 'Reload' })).toBeVisible();

  // Nothing changed under the open tab: same build, and its files still load although the
  // server now has only the new ones.
  expect(await build(page)).toBe('e2e-current');
  const oldScript = oldAssets.find((path) => path.endsWith('.js')) ?? '';
  const fromServer = await request.get(oldScript);
  // (The server answers unknown paths with the new index.html, never the old script.)
  expect(fromServer.headers()['content-type']).not.toContain('javascript');
  const fromTab = await page.evaluate(async (path) => {
    const response = await fetch(path);
    return { type: response.headers.get('content-type') ?? '', body: await response.text() };
  }, oldScript);
  expect(fromTab.type).toContain('javascript');
  expect(fromTab.body).toContain('e2e-current');

  // A tab opened now also gets the whole old build (the new one waits) and the same prompt.
  const other = await context.newPage();
  await other.goto('/dashboard/leads');
  await expect(other.getByRole('list', { name: 'New', exact: true })).toBeVisible();
  expect(await build(other)).toBe('e2e-current');
  expectOnlyRelease(await loadedAssets(other), 'current');
  await expect(
    other.getByRole('status').filter({ hasText: 'A new version is ready' }),
  ).toBeVisible();

  // Offline, queue a change, then take the new version — still offline.
  await context.setOffline(true);
  await quickAdd(page, 'New', name);
  await expect(syncLine(page)).toHaveText("Offline — 1 change will sync when you're back online");
  await prompt.getByRole('button', { name: 'Reload' }).click();
  await expect.poll(() => build(page)).toBe('e2e-next');
  expectOnlyRelease(await loadedAssets(page), 'next');

  // The new build upgraded the store (one schema version up) and the queued change survived.
  await expect(card(page, 'New', name)).toBeVisible();
  await expect(syncLine(page)).toHaveText("Offline — 1 change will sync when you're back online");
  expect(await storeVersion(page)).toBeGreaterThan(oldVersion ?? 0);

  await context.setOffline(false);
  await expect(syncLine(page)).toHaveText(/^All changes saved · synced /, { timeout: 30_000 });
  expect(await serverCount(request, DEMO.agent.email, name)).toBe(1);
  await other.close();
});
