#!/usr/bin/env node
// Serves a production build of the app with the local backend on a fresh embedded database,
// for Playwright: `node scripts/e2e-serve.mjs --port 4310 --out <dist dir> --data <pglite dir>
// [--flag-off] [--releases <dir>]`.
//
// --releases also builds two releases, <dir>/current (what --out starts with) and <dir>/next
// (another build id, plus the local store's upgrade rehearsal: one more Dexie schema version),
// so tests/e2e/offline-update.spec.ts can "deploy" by copying one of them over --out while a
// tab is open. `vite preview` reads files per request, so a copied release is live at once.
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    out: { type: 'string' },
    data: { type: 'string' },
    releases: { type: 'string' },
    'flag-off': { type: 'boolean', default: false },
  },
});
if (!values.port || !values.out || !values.data) {
  console.error('usage: e2e-serve.mjs --port N --out DIR --data DIR [--flag-off] [--releases DIR]');
  process.exit(2);
}

const env = {
  ...process.env,
  VITE_FEATURE_PIPELINE_MANAGEMENT: values['flag-off'] ? 'false' : 'true',
  LEADLANES_DATA_DIR: values.data,
  // `vite preview` is a production server: the demo sign-in is off there unless opted in.
  // The browser tests sign in as demo users, from this machine only.
  LEADLANES_DEMO_SIGN_IN: 'loopback',
};

function build(outDir, extraEnv) {
  const result = spawnSync(
    'npx',
    ['vite', 'build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'],
    { env: { ...env, ...extraEnv }, stdio: 'inherit' },
  );
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (values.releases) {
  const current = join(values.releases, 'current');
  build(current, { VITE_BUILD_ID: 'e2e-current' });
  build(join(values.releases, 'next'), {
    VITE_BUILD_ID: 'e2e-next',
    VITE_LOCAL_DB_UPGRADE_REHEARSAL: 'true',
  });
  rmSync(values.out, { recursive: true, force: true });
  cpSync(current, values.out, { recursive: true });
} else {
  build(values.out, {});
}

const preview = spawn(
  'npx',
  [
    'vite',
    'preview',
    '--outDir',
    values.out,
    '--port',
    values.port,
    '--strictPort',
    '--host',
    '127.0.0.1',
  ],
  { env, stdio: 'inherit' },
);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => preview.kill(signal));
preview.on('exit', (code) => process.exit(code ?? 0));
