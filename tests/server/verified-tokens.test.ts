import { SignJWT } from 'jose';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { TokenError, verifyToken } from '../../server/auth/tokens.ts';

// The cache of verified tokens must answer exactly what a fresh verification would: the clock
// is moved (fake timers drive both jose and the cache), no test waits for real time to pass.

const SECRET = 'verified-tokens-test-secret-0123456789abcdef';
const OTHER = 'another-secret-for-the-same-token-0123456789';
const T0 = new Date('2026-06-01T12:00:00Z');
const t0 = Math.floor(T0.getTime() / 1000);

function sign(claims: Record<string, unknown>, secret = SECRET): Promise<string> {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .sign(new TextEncoder().encode(secret));
}

async function refusal(secret: string, token: string): Promise<TokenError> {
  const error: unknown = await verifyToken(secret, token).catch((e: unknown) => e);
  if (!(error instanceof TokenError))
    throw new Error(`expected a TokenError, got ${String(error)}`);
  return error;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('verified token cache', () => {
  it('answers a repeated token with the same claims until exp, then "JWT expired"', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(T0);
    const token = await sign({ sub: 'u1', role: 'authenticated', exp: t0 + 60 });
    const first = await verifyToken(SECRET, token);
    const again = await verifyToken(SECRET, token);
    expect(again).toEqual({ sub: 'u1', role: 'authenticated', exp: t0 + 60 });
    expect(again).toBe(first);

    vi.setSystemTime(new Date((t0 + 59) * 1000));
    expect((await verifyToken(SECRET, token)).sub).toBe('u1');
    // jose counts a token expired at exp itself; so does the cache.
    vi.setSystemTime(new Date((t0 + 60) * 1000));
    const error = await refusal(SECRET, token);
    expect([error.code, error.message]).toEqual(['PGRST303', 'JWT expired']);
  });

  it('never answers from the cache for another secret', async () => {
    const token = await sign({ sub: 'u2', role: 'authenticated' });
    expect((await verifyToken(SECRET, token)).sub).toBe('u2');
    const error = await refusal(OTHER, token);
    expect([error.code, error.message]).toEqual(['PGRST301', 'JWSError JWSInvalidSignature']);
  });

  it('does not remember refusals: a not-yet-valid token passes once its nbf has come', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(T0);
    const token = await sign({ sub: 'u3', role: 'authenticated', nbf: t0 + 30 });
    expect((await refusal(SECRET, token)).code).toBe('PGRST303');
    vi.setSystemTime(new Date((t0 + 30) * 1000));
    expect((await verifyToken(SECRET, token)).sub).toBe('u3');
  });

  it('shares claims read-only, so one request cannot change what the next one sees', async () => {
    const token = await sign({ sub: 'u4', role: 'authenticated', app_metadata: { team: 'a' } });
    const claims = await verifyToken(SECRET, token);
    expect(Object.isFrozen(claims)).toBe(true);
    expect(Object.isFrozen(claims.app_metadata)).toBe(true);
    expect(() => {
      (claims as { role: string }).role = 'service_role';
    }).toThrow(TypeError);
    expect((await verifyToken(SECRET, token)).role).toBe('authenticated');
  });

  it('still refuses a tampered copy of a cached token', async () => {
    const token = await sign({ sub: 'u5', role: 'authenticated' });
    await verifyToken(SECRET, token);
    const [header, , signature] = token.split('.');
    const payload = Buffer.from(JSON.stringify({ sub: 'u5', role: 'service_role' })).toString(
      'base64url',
    );
    const error = await refusal(SECRET, `${header}.${payload}.${signature}`);
    expect(error.code).toBe('PGRST301');
  });
});
