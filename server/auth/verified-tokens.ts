import type { Claims } from './tokens.ts';

// Verified tokens, by exact string, until they expire. Every request carries the same two
// tokens again and again (the anon key and the user's access token), and an HS256 check
// (WebCrypto HMAC through jose) was the largest item in the server's own CPU profile. A token
// is stateless (this backend keeps no revocation list), so once its signature, algorithm and
// claims have passed, the same string passes again until `exp`; the entry is used only while
// the time checks that jose made (exp, nbf) still hold, so a cached answer is always the one a
// fresh verification would give. Failures are never cached: every refusal is verified afresh
// and answered with its own message.

/** Enough for every signed-in user of a busy local backend; the oldest entry goes first. */
const MAX_ENTRIES = 10_000;

interface Entry {
  claims: Readonly<Claims>;
  /** Seconds since the epoch, as in the token; undefined: no such claim. */
  exp: number | undefined;
  nbf: number | undefined;
}

// One map per secret: a token verified with one secret says nothing about another.
const bySecret = new Map<string, Map<string, Entry>>();

/** The claims of a token verified earlier with this secret, if it would still verify now. */
export function cachedClaims(secret: string, token: string): Readonly<Claims> | undefined {
  const entries = bySecret.get(secret);
  const entry = entries?.get(token);
  if (entry === undefined) return undefined;
  // jose: expired when exp <= now, not yet valid when nbf > now (whole seconds, no tolerance).
  const now = Math.floor(Date.now() / 1000);
  if (
    (entry.exp !== undefined && entry.exp <= now) ||
    (entry.nbf !== undefined && entry.nbf > now)
  ) {
    entries?.delete(token);
    return undefined;
  }
  return entry.claims;
}

/** Remembers a token that just verified; returns the frozen claims every later hit shares. */
export function rememberClaims(secret: string, token: string, claims: Claims): Readonly<Claims> {
  let entries = bySecret.get(secret);
  if (entries === undefined) {
    entries = new Map();
    bySecret.set(secret, entries);
  }
  if (entries.size >= MAX_ENTRIES) {
    const oldest = entries.keys().next();
    if (oldest.done !== true) entries.delete(oldest.value);
  }
  const frozen = deepFreeze(claims);
  entries.set(token, {
    claims: frozen,
    exp: typeof claims.exp === 'number' ? claims.exp : undefined,
    nbf: typeof claims.nbf === 'number' ? claims.nbf : undefined,
  });
  return frozen;
}

// Shared between requests, so nobody may change them (claims are plain JSON).
function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
