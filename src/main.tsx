import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app.tsx';
import { registerServiceWorker } from './app/update/register-service-worker.ts';

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
registerServiceWorker();
