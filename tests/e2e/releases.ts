import { cpSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

// The two builds scripts/e2e-serve.mjs made for the update journey, and a "deploy" that swaps
// the served files the way a static host does: every old file gone, every new one in place.

export type Release = 'current' | 'next';

function runDir(): string {
  const dir = process.env.E2E_RUN_DIR;
  if (!dir) throw new Error('E2E_RUN_DIR is not set (playwright.config.ts sets it)');
  return dir;
}

export function deploy(release: Release): void {
  const served = join(runDir(), 'dist');
  for (const entry of readdirSync(served)) rmSync(join(served, entry), { recursive: true });
  cpSync(join(runDir(), 'releases', release), served, { recursive: true });
}

/** The hashed /assets/ files a release's index.html loads. */
export function releaseAssets(release: Release): string[] {
  const html = readFileSync(join(runDir(), 'releases', release, 'index.html'), 'utf8');
  return [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1] ?? '');
}

/** Every /assets/ file a release has: its index.html's, and the chunks its routes load lazily. */
export function releaseFiles(release: Release): string[] {
  return readdirSync(join(runDir(), 'releases', release, 'assets')).map((f) => `/assets/${f}`);
}
