import { expect, test, type CDPSession, type Locator } from '@playwright/test';
import { boardArea, card, cardName, list, openSyncedBoard } from './board-support.ts';
import { DEMO } from './pipelines-support.ts';

// Trip 7: a touch screen. Playwright's touchscreen only taps: the swipe goes through the DevTools
// protocol (real touch input, so the browser's own scrolling answers it), the drag as DOM touch
// events (see below).

test.use({ hasTouch: true, isMobile: false, viewport: { width: 1440, height: 900 } });

async function centre(locator: Locator) {
  const box = await locator.boundingBox();
  if (!box) throw new Error('not visible');
  return { x: box.x + box.width / 2, y: box.y + Math.min(30, box.height / 2) };
}

function touch(cdp: CDPSession, type: 'touchStart' | 'touchMove' | 'touchEnd', x = 0, y = 0) {
  return cdp.send('Input.dispatchTouchEvent', {
    type,
    touchPoints: type === 'touchEnd' ? [] : [{ x, y }],
  });
}

/** A DOM touch event at (x, y) on `target`, as a finger on the card would produce. */
async function fire(handle: Locator, type: string, x: number, y: number) {
  await handle.evaluate(
    (el, { type, x, y }) => {
      const touch = new Touch({ identifier: 1, target: el, clientX: x, clientY: y });
      const touches = type === 'touchend' ? [] : [touch];
      el.dispatchEvent(
        new TouchEvent(type, {
          bubbles: true,
          cancelable: true,
          touches,
          targetTouches: touches,
          changedTouches: [touch],
        }),
      );
    },
    { type, x, y },
  );
}

test('7. a long press lifts a card and a finger carries it to another column', async ({ page }) => {
  await openSyncedBoard(page, DEMO.agent.name);
  const name = await cardName(page, 'New');
  const handle = page.getByRole('button', { name, exact: true });
  const from = await centre(card(page, 'New', name));
  const to = await centre(list(page, 'Contacted'));

  // Chromium's DevTools touch input does not deliver touchmove after a held press, so the
  // finger's moves are dispatched as DOM touch events (what the drag library listens to).
  await fire(handle, 'touchstart', from.x, from.y);
  // Held still, the press becomes a lift (the library announces it).
  await expect(page.getByText(`Picked up ${name} in New`)).toBeAttached();
  const steps = 12;
  for (let i = 1; i <= steps; i++) {
    await fire(
      handle,
      'touchmove',
      from.x + ((to.x - from.x) * i) / steps,
      from.y + ((to.y - from.y) * i) / steps,
    );
  }
  await expect(page.getByText(`${name} moved from New to Contacted`)).toBeAttached();
  await fire(handle, 'touchend', to.x, to.y);
  await expect(card(page, 'Contacted', name)).toBeVisible();
  await expect(card(page, 'New', name)).toHaveCount(0);
});

test('7. a quick swipe over the cards scrolls the column instead of dragging', async ({ page }) => {
  await openSyncedBoard(page, DEMO.agent.name);
  const cdp = await page.context().newCDPSession(page);
  const name = await cardName(page, 'New', 2);
  const from = await centre(card(page, 'New', name));

  await touch(cdp, 'touchStart', from.x, from.y);
  for (let i = 1; i <= 10; i++) await touch(cdp, 'touchMove', from.x, from.y - i * 30);
  await touch(cdp, 'touchEnd');

  // Nothing was lifted: the card is where it was, and no move was announced.
  await expect(card(page, 'New', name)).toBeVisible();
  await expect(page.getByText(`Picked up ${name}`)).toHaveCount(0);
  // The board area scrolled (columns scroll down together in it), not the page.
  expect(await boardArea(page).evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
});

test('7. a sideways swipe scrolls the board to the columns off screen, and lifts nothing', async ({
  page,
}) => {
  await openSyncedBoard(page, DEMO.agent.name);
  const cdp = await page.context().newCDPSession(page);
  const name = await cardName(page, 'Contacted');
  const from = await centre(card(page, 'Contacted', name));

  await touch(cdp, 'touchStart', from.x, from.y);
  for (let i = 1; i <= 10; i++) await touch(cdp, 'touchMove', from.x - i * 40, from.y);
  await touch(cdp, 'touchEnd');

  await expect(page.getByText(`Picked up ${name}`)).toHaveCount(0);
  await expect(card(page, 'Contacted', name)).toBeVisible();
  expect(await boardArea(page).evaluate((el) => el.scrollLeft)).toBeGreaterThan(0);
  expect(await page.evaluate(() => window.scrollX)).toBe(0);
});

test('7. real touch input: hold a card, then slide it to the next column', async ({ page }) => {
  await openSyncedBoard(page, DEMO.agent.name);
  const cdp = await page.context().newCDPSession(page);
  const name = await cardName(page, 'New');
  const from = await centre(card(page, 'New', name));
  const to = await centre(list(page, 'Contacted'));

  await touch(cdp, 'touchStart', from.x, from.y);
  // Held still, the press becomes a lift (the library announces it) …
  await expect(page.getByText(`Picked up ${name} in New`, { exact: false })).toBeAttached();
  // … and the finger, not the page's scrolling, now owns the gesture.
  const steps = 12;
  for (let i = 1; i <= steps; i++) {
    await touch(
      cdp,
      'touchMove',
      from.x + ((to.x - from.x) * i) / steps,
      from.y + ((to.y - from.y) * i) / steps,
    );
  }
  await expect(page.getByText(`${name} moved from New to Contacted`)).toBeAttached();
  await touch(cdp, 'touchEnd');
  await expect(card(page, 'Contacted', name)).toBeVisible();
  await expect(card(page, 'New', name)).toHaveCount(0);
});
