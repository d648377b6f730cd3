import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';

// Browser tests drive Debian's Chromium (never a downloaded browser): CHROMIUM_PATH, or
// `chromium` on PATH. Each run serves the built app with a fresh local backend and demo data.

function findChromium(): string {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  try {
    return execFileSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], {
      encoding: 'utf8',
    }).trim();
  } catch {
    throw new Error('Chromium not found: `apt-get install chromium`, or set CHROMIUM_PATH.');
  }
}

// E2E_PORT lets parallel checkouts on one machine run their suites side by side.
const PORT = Number(process.env.E2E_PORT ?? 4310);
const FLAG_OFF_PORT = PORT + 1;
// Playwright loads this file again in each worker: the run directory is made once (in the runner)
// and handed down through the environment, so tests can find the served build and its releases.
process.env.E2E_RUN_DIR ??= mkdtempSync(join(tmpdir(), 'leadlanes-e2e-'));
const runDir = process.env.E2E_RUN_DIR;

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: findChromium(),
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-quic',
        '--no-first-run',
      ],
    },
  },
  projects: [
    {
      name: 'chromium',
      testIgnore: /flag-off\.spec\.ts/,
      use: { baseURL: `http://127.0.0.1:${PORT}` },
    },
    {
      name: 'flag-off',
      testMatch: /flag-off\.spec\.ts/,
      use: { baseURL: `http://127.0.0.1:${FLAG_OFF_PORT}` },
    },
  ],
  webServer: [
    {
      command: `node scripts/e2e-serve.mjs --port ${PORT} --out ${join(runDir, 'dist')} --data ${join(runDir, 'db')} --releases ${join(runDir, 'releases')}`,
      url: `http://127.0.0.1:${PORT}/auth/v1/local/users`,
      timeout: 240_000,
      reuseExistingServer: false,
      stdout: 'pipe',
    },
    {
      command: `node scripts/e2e-serve.mjs --port ${FLAG_OFF_PORT} --out ${join(runDir, 'dist-flag-off')} --data ${join(runDir, 'db-flag-off')} --flag-off`,
      url: `http://127.0.0.1:${FLAG_OFF_PORT}/auth/v1/local/users`,
      timeout: 240_000,
      reuseExistingServer: false,
      stdout: 'pipe',
    },
  ],
});
