import { SignJWT, errors, jwtVerify } from 'jose';
import type { JWTPayload } from 'jose';
import { cachedClaims, rememberClaims } from './verified-tokens.ts';

// Tokens as Supabase issues them: HS256 with the project secret. The API keys are long-lived
// JWTs carrying only a role; user tokens carry Supabase's session claims.

export const API_ROLES = ['anon', 'authenticated', 'service_role'] as const;
export type ApiRole = (typeof API_ROLES)[number];

export interface Claims extends JWTPayload {
  role: ApiRole;
}

/** Fixed issue time so the same secret always gives the same API keys (they are printed once). */
const API_KEY_ISSUED_AT = 1_735_689_600; // 2025-01-01T00:00:00Z
const API_KEY_LIFETIME_S = 10 * 365 * 24 * 3600;

export class TokenError extends Error {
  constructor(
    message: string,
    /** PostgREST's code: PGRST301 for a token it cannot verify, PGRST303 for failed claims. */
    readonly code: 'PGRST301' | 'PGRST303',
  ) {
    super(message);
  }
}

function key(secret: string): Uint8Array {
  return new TextEncoder().encode(secret);
}

// Importing the secret is most of what verifying an HS256 token costs, and every request
// verifies one: import it once per secret and keep the CryptoKey (verify only).
const verifyKeys = new Map<string, Promise<CryptoKey>>();

function verifyKey(secret: string): Promise<CryptoKey> {
  let cached = verifyKeys.get(secret);
  if (cached === undefined) {
    cached = crypto.subtle.importKey(
      'raw',
      new TextEncoder().encode(secret),
      { name: 'HMAC', hash: 'SHA-256' },
      false,
      ['verify'],
    );
    verifyKeys.set(secret, cached);
  }
  return cached;
}

export async function signApiKey(secret: string, role: 'anon' | 'service_role'): Promise<string> {
  return new SignJWT({ role, iss: 'supabase-local' })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuedAt(API_KEY_ISSUED_AT)
    .setExpirationTime(API_KEY_ISSUED_AT + API_KEY_LIFETIME_S)
    .sign(key(secret));
}

export async function signClaims(secret: string, claims: JWTPayload): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(key(secret));
}

/**
 * Verifies signature (HS256 only: `none` and every other alg are refused), expiry and role.
 * A token that passed before and would pass now is answered from verified-tokens.ts; the claims
 * are then frozen and shared, so treat them as read-only.
 */
export async function verifyToken(secret: string, token: string): Promise<Readonly<Claims>> {
  return (
    cachedClaims(secret, token) ?? rememberClaims(secret, token, await verifyFresh(secret, token))
  );
}

async function verifyFresh(secret: string, token: string): Promise<Claims> {
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, await verifyKey(secret), { algorithms: ['HS256'] }));
  } catch (error) {
    if (error instanceof errors.JWTExpired) throw new TokenError('JWT expired', 'PGRST303');
    if (error instanceof errors.JWTClaimValidationFailed) {
      throw new TokenError(error.message, 'PGRST303');
    }
    if (error instanceof errors.JWSSignatureVerificationFailed) {
      throw new TokenError('JWSError JWSInvalidSignature', 'PGRST301');
    }
    if (error instanceof errors.JOSEAlgNotAllowed) {
      throw new TokenError('Wrong or unsupported encoding algorithm', 'PGRST301');
    }
    throw new TokenError('Invalid JWT: it could not be decoded', 'PGRST301');
  }
  const role = payload.role ?? 'anon';
  if (!isApiRole(role))
    throw new TokenError(`role ${JSON.stringify(role)} is not allowed`, 'PGRST303');
  return { ...payload, role };
}

function isApiRole(value: unknown): value is ApiRole {
  return typeof value === 'string' && (API_ROLES as readonly string[]).includes(value);
}
