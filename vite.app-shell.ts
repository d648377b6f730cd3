import { VitePWA } from 'vite-plugin-pwa';

// The offline app shell (docs/offline.md): a Workbox service worker generated at build time
// precaches the built files, so a reload, a new tab or a cold start with no network still opens
// the app, which then reads the board from IndexedDB. Nothing else is cached: API calls
// (/rest/v1, /auth/v1, /realtime/v1, a Supabase project's URL) always go to the network, and the
// sync engine owns what happens when they fail.

/** Backend paths on the app's own origin (local mode); navigations there are never the shell. */
const API_PATHS = /^\/(rest|auth|realtime|storage|functions)\/v1(\/|$)/;

export function appShell() {
  return VitePWA({
    // The user chooses when a new version takes over ("A new version is ready — Reload").
    registerType: 'prompt',
    // src/app/update/register-service-worker.ts registers it (and only in a production build).
    injectRegister: false,
    // globPatterns below already lists the icons; listing them twice would precache them twice.
    includeManifestIcons: false,
    manifest: {
      id: '/',
      name: 'Leadlanes',
      short_name: 'Leadlanes',
      description: 'Insurance leads on a Kanban board that keeps working offline.',
      start_url: '/dashboard/leads',
      scope: '/',
      display: 'standalone',
      theme_color: '#1d4ed8',
      background_color: '#f4f6fa',
      icons: [
        { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
        { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
        {
          src: '/icons/icon-maskable-512.png',
          sizes: '512x512',
          type: 'image/png',
          purpose: 'maskable',
        },
        { src: '/favicon.svg', sizes: 'any', type: 'image/svg+xml' },
      ],
    },
    workbox: {
      globPatterns: ['**/*.{html,js,css,svg,png,ico,woff,woff2,webmanifest}'],
      // Every in-app address opens the cached shell; the router takes it from there.
      navigateFallback: '/index.html',
      navigateFallbackDenylist: [API_PATHS],
      // The old version's files stay cached until the new worker takes over, so an open tab
      // never loads a file from a build it did not start with; then they are dropped.
      cleanupOutdatedCaches: true,
      // The very first worker takes over the tab that installed it: otherwise that tab is
      // uncontrolled, and a deploy made while it is open would activate silently instead of
      // waiting for the user's "Reload". Later workers wait (no skipWaiting) until asked.
      clientsClaim: true,
      // Deliberately no runtimeCaching: only the precached shell is ever answered from cache.
      runtimeCaching: [],
      // The main bundle is large (Supabase client, Dexie, React); it must still be precached.
      maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
    },
  });
}
