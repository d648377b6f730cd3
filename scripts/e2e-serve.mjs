#!/usr/bin/env node
// Serves a production build of the app with the local backend on a fresh embedded database,
// for Playwright: `node scripts/e2e-serve.mjs --port 4310 --out <dist dir> --data <pglite dir> [--flag-off]`.
import { spawn, spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    port: { type: 'string' },
    out: { type: 'string' },
    data: { type: 'string' },
    'flag-off': { type: 'boolean', default: false },
  },
});
if (!values.port || !values.out || !values.data) {
  console.error('usage: e2e-serve.mjs --port N --out DIR --data DIR [--flag-off]');
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
const build = spawnSync(
  'npx',
  ['vite', 'build', '--outDir', values.out, '--emptyOutDir', '--logLevel', 'warn'],
  {
    env,
    stdio: 'inherit',
  },
);
if (build.status !== 0) process.exit(build.status ?? 1);

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
