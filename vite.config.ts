import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { localBackend } from './server/vite-plugin.ts';
import { appShell } from './vite.app-shell.ts';

// Every build is stamped (VITE_BUILD_ID, default: the build's time) so the page, the tests and
// a bug report can tell which deployment is running; the service worker's update check is what
// actually notices a new one (src/app/update/).
process.env.VITE_BUILD_ID ??= new Date().toISOString();

export default defineConfig({
  plugins: [react(), localBackend(), appShell()],
});
