import { expect, test, type Page } from '@playwright/test';
import { DEMO, signIn } from './pipelines-support.ts';
import {
  card,
  expectShellCached,
  quickAdd,
  removeLeads,
  serverCount,
  serverLeads,
  syncLine,
} from './offline-support.ts';

// Issue 13, local mode: a token that expired while the laptop slept, with no network, never
// signs the user out or drops the queue; it is renewed when the network returns. When the
// server finally refuses the session, the user signs in again and the queue goes out as them.

type Persisted = {
  state: { session: { user: { id: string }; accessToken: string; expiresAt: number } };
};

/** Replace the stored token with one the server will not accept, already past its expiry. */
async function expireToken(page: Page) {
  await page.evaluate(() => {
    const stored = JSON.parse(localStorage.getItem('leadlanes.auth') ?? '{}') as Persisted;
    stored.state.session.accessToken = 'expired.token.value';
    stored.state.session.expiresAt = 1;
    localStorage.setItem('leadlanes.auth', JSON.stringify(stored));
  });
}

const storedSession = (page: Page) =>
  page.evaluate(
    () => (JSON.parse(localStorage.getItem('leadlanes.auth') ?? '{}') as Persisted).state.session,
  );

const added: string[] = [];
test.afterEach(async ({ request }) => removeLeads(request, added.splice(0)));

const signInAgain = (page: Page) => page.getByRole('region', { name: 'Sign in again to sync' });

test('an expired token offline keeps the user and queue; renewed online; a refusal asks to sign in again', async ({
  page,
  context,
  request,
}) => {
  const offlineLead = `Expired offline ${Date.now()}`;
  const refusedLead = `Refused session ${Date.now()}`;
  added.push(offlineLead, refusedLead);
  await signIn(page, DEMO.agent.name);
  await expect(syncLine(page)).toHaveText(/^All changes saved/, { timeout: 30_000 });
  await expectShellCached(page);
  const anaId = (await storedSession(page)).user.id;

  // The laptop slept past the token's expiry and woke up with no network.
  await expireToken(page);
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
  await quickAdd(page, 'New', offlineLead);
  await expect(syncLine(page)).toHaveText("Offline — 1 change will sync when you're back online");
  await expect(signInAgain(page)).toHaveCount(0);

  // Network back: the token is renewed (the demo sign-in) and the queue goes out once.
  await context.setOffline(false);
  await expect(syncLine(page)).toHaveText(/^All changes saved · synced /, { timeout: 30_000 });
  const renewed = await storedSession(page);
  expect(renewed.accessToken).not.toBe('expired.token.value');
  expect(renewed.expiresAt).toBeGreaterThan(Date.now() / 1000);
  expect(await serverCount(request, DEMO.agent.email, offlineLead)).toBe(1);

  // Now the server refuses to renew the session (the demo sign-in answers 403).
  await page.route('**/auth/v1/local/sign-in', (route) =>
    route.fulfill({
      status: 403,
      contentType: 'application/json',
      body: JSON.stringify({ message: 'Sign-in refused' }),
    }),
  );
  await expireToken(page);
  await page.reload();
  await quickAdd(page, 'New', refusedLead);
  await expect(signInAgain(page)).toContainText(
    'Your 1 change stays on this device and will sync once you sign in again as Ana Alvarez',
  );
  await expect(syncLine(page)).toHaveText(/^The server did not accept your sign-in — retrying/);
  // Still on the board, still signed in, the change still queued and not sent.
  await expect(card(page, 'New', refusedLead)).toBeVisible();
  expect(await serverCount(request, DEMO.agent.email, refusedLead)).toBe(0);

  // Sign in again (the same user): the queue is pushed, as that user.
  await page.unroute('**/auth/v1/local/sign-in');
  await signInAgain(page).getByRole('button', { name: 'Sign in again as Ana Alvarez' }).click();
  await expect(signInAgain(page)).toHaveCount(0);
  await expect(syncLine(page)).toHaveText(/^All changes saved · synced /, { timeout: 30_000 });
  const pushed = (await serverLeads(request, DEMO.agent.email)).filter(
    (l) => l.full_name === refusedLead,
  );
  expect(pushed).toHaveLength(1);
  expect(pushed[0]?.assigned_to).toBe(anaId);
});
