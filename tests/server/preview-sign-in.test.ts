import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { preview } from 'vite';
import type { PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../server/paths.ts';

// `vite preview` (a production server) with the real vite.config.ts: the passwordless sign-in
// is off unless opted in, and a build pointed at a Supabase project mounts no local backend.
let root: string;
let outDir: string;
const servers: PreviewServer[] = [];

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'leadlanes-preview-'));
  outDir = join(root, 'dist');
  mkdirSync(outDir);
  writeFileSync(join(outDir, 'index.html'), '<!doctype html><title>built</title>');
});
afterAll(async () => {
  for (const server of servers) await server.close();
  rmSync(root, { recursive: true, force: true });
});

async function startPreview(env: Record<string, string>): Promise<string> {
  const saved = { ...process.env };
  Object.assign(process.env, { LEADLANES_DATA_DIR: join(root, `db-${servers.length}`), ...env });
  try {
    const server = await preview({
      configFile: join(REPO_ROOT, 'vite.config.ts'),
      root: REPO_ROOT,
      logLevel: 'silent',
      build: { outDir },
      preview: { port: 0, host: '127.0.0.1', strictPort: false },
    });
    servers.push(server);
    return `http://127.0.0.1:${(server.httpServer.address() as AddressInfo).port}`;
  } finally {
    process.env = saved;
  }
}

async function signIn(base: string): Promise<number> {
  const res = await fetch(`${base}/auth/v1/local/sign-in`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: 'maya.manager@leadlanes.test' }),
  });
  await res.arrayBuffer();
  return res.status;
}

describe('the demo sign-in under vite preview', () => {
  it('is off by default (production), with the backend itself up', async () => {
    const base = await startPreview({});
    expect((await fetch(`${base}/auth/v1/local/config`)).status).toBe(200);
    expect(await signIn(base)).toBe(403);
  });

  it('answers on loopback when opted in (as the end-to-end tests do)', async () => {
    const base = await startPreview({ LEADLANES_DEMO_SIGN_IN: 'loopback' });
    expect(await signIn(base)).toBe(200);
  });

  it('does not exist in a build pointed at Supabase, even when opted in', async () => {
    const base = await startPreview({
      VITE_SUPABASE_URL: 'https://example.supabase.co',
      VITE_SUPABASE_ANON_KEY: 'public-anon-key',
      LEADLANES_DEMO_SIGN_IN: 'anywhere',
    });
    expect(await signIn(base)).not.toBe(200);
    const config = await fetch(`${base}/auth/v1/local/config`);
    expect(config.headers.get('content-type') ?? '').not.toContain('application/json');
  });
});
