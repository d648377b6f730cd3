import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app.tsx';

const root = document.getElementById('root');
if (!root) throw new Error('Missing #root element in index.html');
createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);

// Which build this page runs (tests and bug reports read it; see vite.config.ts).
document.documentElement.dataset.build =
  (import.meta.env.VITE_BUILD_ID as string | undefined) ?? 'dev';
// workbox-window is not needed to paint: its chunk loads right after (and is precached too).
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  void import('./app/update/register-service-worker.ts').then(
    ({ registerServiceWorker }) => registerServiceWorker(),
    (error: unknown) => console.warn('Leadlanes: service worker code did not load', error),
  );
}
