import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createServer } from 'vite';
import type { ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SECRET_FILE, REPO_ROOT } from '../../server/paths.ts';
import { rawRequest } from './support/raw-http.ts';

// `npm run dev` for real (vite.config.ts, the local backend plugin), asked for its secrets by
// every route Vite has to files: plain, ?raw/?import/?url, /@fs/, encoded and dotted spellings.
const probe = `probe-${randomBytes(4).toString('hex')}`;
const dataDir = join(REPO_ROOT, '.data', probe);
const backupFile = join(REPO_ROOT, 'backups', `${probe}.sql`);
let server: ViteDevServer;
let base: string;
let secret: string;

beforeAll(async () => {
  mkdirSync(join(REPO_ROOT, 'backups'), { recursive: true });
  writeFileSync(backupFile, '-- PostgreSQL database dump\nBACKUP-CONTENT\n');
  process.env.LEADLANES_DATA_DIR = dataDir;
  server = await createServer({
    configFile: join(REPO_ROOT, 'vite.config.ts'),
    root: REPO_ROOT,
    logLevel: 'silent',
    server: { port: 0, host: '127.0.0.1', strictPort: false, hmr: false, watch: null },
  });
  await server.listen();
  base = `http://127.0.0.1:${(server.httpServer?.address() as AddressInfo).port}`;
  // The first backend request starts the backend: PGlite's files now exist in dataDir.
  expect((await fetch(`${base}/auth/v1/local/config`)).status).toBe(200);
  secret = readFileSync(DEFAULT_SECRET_FILE, 'utf8').trim();
});
afterAll(async () => {
  await server.close();
  delete process.env.LEADLANES_DATA_DIR;
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(backupFile, { force: true });
});

const get = (path: string) =>
  rawRequest(base, `GET ${path} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`);

describe('the dev server keeps .data/ and backups/ to itself', () => {
  it('does serve ordinary repository files (so a 404 below means refused, not absent)', async () => {
    expect((await get('/package.json')).status).toBe(200);
    expect((await get('/package.json?raw')).status).toBe(200);
    expect((await get(`/@fs${REPO_ROOT}package.json`)).status).toBe(200);
  });

  const secretRoutes = (abs: string, rel: string): string[] => [
    `/${rel}`,
    `/${rel}?raw`,
    `/${rel}?import&raw`,
    `/${rel}?url`,
    `/${rel}?inline`,
    `/${rel}?import`,
    `/@fs${abs}`,
    `/@fs${abs}?raw`,
    `/@fs${abs}?import&raw`,
    `/${rel.replace('.', '%2e')}`,
    `/${rel.replace('.', '%252e')}`,
    `/${rel.replace(/\//g, '%2f')}`,
    `/${rel.replace(/\//g, '%5c')}`,
    `/./${rel}`,
    `/src/../${rel}`,
    `/rest/v1/../${rel}`,
    `/auth/v1/%2e%2e/%2e%2e/${rel}`,
    `//${rel}`,
    `/${rel.toUpperCase()}`,
    `/@id/${rel}`,
  ];

  it.each([
    ['the JWT secret', DEFAULT_SECRET_FILE, '.data/jwt-secret'],
    ['a PGlite file', join(dataDir, 'PG_VERSION'), `.data/${probe}/PG_VERSION`],
    ['a backup', backupFile, `backups/${probe}.sql`],
  ])('refuses %s by every route', async (_, abs, rel) => {
    for (const route of secretRoutes(abs, rel)) {
      const res = await get(route);
      expect([403, 404, 400], route).toContain(res.status);
      expect(res.text, route).not.toContain(secret);
      expect(res.text, route).not.toContain('BACKUP-CONTENT');
    }
  });
});
