import { Workbox } from 'workbox-window';
import { useUpdateState } from './update-store.ts';

const HOURLY = 60 * 60 * 1000;

/**
 * Registers the build's service worker (vite.app-shell.ts) and watches for new deployments.
 * Production builds only: in `npm run dev` a worker would serve stale modules.
 *
 * A new build is noticed when the browser re-fetches sw.js: on registration, when the tab
 * becomes visible, when the network comes back, and hourly. Its worker installs next to the
 * running one and waits; this tab keeps using the old files until the user picks "Reload".
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return;
  const wb = new Workbox('/sw.js', { scope: '/' });
  // Set once the first worker controls the page: any later controller change is a new version.
  let controlled = Boolean(navigator.serviceWorker.controller);

  const takeWaitingWorker = (): void => {
    // Reload once the new worker controls this tab, so every file comes from the new build.
    navigator.serviceWorker.addEventListener('controllerchange', () => window.location.reload());
    wb.messageSkipWaiting();
  };
  wb.addEventListener('waiting', () => useUpdateState.getState().offer(takeWaitingWorker));
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    // Another tab took the new version: this one still runs the old files, whose cache entries
    // the new worker has just dropped. Offer the reload rather than fail on the next request.
    if (controlled) useUpdateState.getState().offer(() => window.location.reload());
    controlled = true;
  });

  const check = (): void => {
    wb.update().catch(() => undefined);
  };
  window.addEventListener('online', check);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') check();
  });
  setInterval(check, HOURLY);
  wb.register().catch((error: unknown) => {
    // No worker means no offline start, but the app itself works: say so in the console only.
    console.warn('Leadlanes: service worker registration failed', error);
  });
}
