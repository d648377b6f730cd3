import type { IncomingMessage, ServerResponse } from 'node:http';
import { resolve } from 'node:path';
import { isBackendPath } from './app.ts';

// `npm run dev` serves files from the repository root, where .data/ (the JWT secret, PGlite's
// files) and backups/ live: with the secret anyone can forge a service_role token. Two guards:
// Vite's own fs.deny (covers /@fs/, ?raw, ?import …), and this middleware in front of every
// Vite route, which refuses any URL naming those places however it is encoded.

/** Vite's default deny list plus our private folders (Vite replaces its list with ours). */
export const DEV_FS_DENY = [
  '.env',
  '.env.*',
  '*.{crt,pem}',
  '**/.git/**',
  '**/.data/**',
  '**/backups/**',
];

const PRIVATE_SEGMENTS = new Set(['.data', 'backups', 'jwt-secret']);

/** Percent-decoded until stable (double encoding), or null when it does not decode. */
function fullyDecoded(url: string): string | null {
  let current = url;
  for (let i = 0; i < 4; i++) {
    let next: string;
    try {
      next = decodeURIComponent(current);
    } catch {
      return null;
    }
    if (next === current) return current;
    current = next;
  }
  return current;
}

export function isPrivateUrl(url: string, privatePaths: readonly string[]): boolean {
  const decoded = fullyDecoded(url);
  if (decoded === null) return true;
  const normalized = decoded.replace(/\\/g, '/').toLowerCase();
  // Trailing dots and spaces are dropped by some file systems (`.data.` opens `.data`).
  const segments = normalized.split(/[/?&=#]/).map((s) => s.trim().replace(/(?<=[^.])[. ]+$/, ''));
  if (segments.some((segment) => PRIVATE_SEGMENTS.has(segment))) return true;
  return privatePaths.some((path) => normalized.includes(path.toLowerCase()));
}

/** Backend routes (after `..` is resolved) are the API, not files: an RPC may be named anything. */
function isApiRoute(url: string): boolean {
  try {
    return isBackendPath(new URL(url, 'http://localhost').pathname);
  } catch {
    return false;
  }
}

export function privateFileGuard(paths: readonly (string | undefined)[]) {
  const privatePaths = paths.filter((p): p is string => p !== undefined).map((p) => resolve(p));
  return (req: IncomingMessage, res: ServerResponse, next: () => void): void => {
    const url = req.url ?? '/';
    if (isApiRoute(url) || !isPrivateUrl(url, privatePaths)) return next();
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('Not found\n');
  };
}
