// Which browser origins may call the backend. A page on any other origin (a hostile site, a
// DNS-rebinding page that resolves to 127.0.0.1) is refused outright, not merely denied the
// response: "simple" cross-origin requests need no preflight, so hiding the answer is not enough.

/** LEADLANES_CORS_ORIGINS: comma-separated origins, e.g. `http://localhost:5173,https://crm.lan`. */
export function originsFromEnv(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter((origin) => origin !== '')
    .map(normalizeOrigin);
}

/** `http://LOCALHOST:5173/` → `http://localhost:5173`; throws on anything that is not an origin. */
export function normalizeOrigin(origin: string): string {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    throw new Error(
      `Not an origin: ${JSON.stringify(origin)} (expected e.g. http://localhost:5173)`,
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`Not an http(s) origin: ${JSON.stringify(origin)}`);
  }
  return url.origin;
}

const LOOPBACK_NAMES = ['localhost', '127.0.0.1', '[::1]'];

/** A URL the server listens on, as every loopback spelling a browser may use for it. */
export function ownOrigins(serverUrl: string): string[] {
  const url = new URL(serverUrl);
  if (!LOOPBACK_NAMES.includes(url.hostname)) return [url.origin];
  return LOOPBACK_NAMES.map((name) => `${url.protocol}//${name}${url.port ? `:${url.port}` : ''}`);
}

export class OriginPolicy {
  readonly #origins = new Set<string>();

  constructor(origins: string[] = []) {
    this.allow(...origins);
  }

  allow(...origins: string[]): void {
    for (const origin of origins) this.#origins.add(normalizeOrigin(origin));
  }

  /** No Origin header: not a browser page (curl, supabase-js in Node), which CORS cannot stop anyway. */
  allows(origin: string | undefined): boolean {
    return origin === undefined || this.#origins.has(origin);
  }

  list(): string[] {
    return [...this.#origins];
  }
}
