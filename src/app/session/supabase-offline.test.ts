// @vitest-environment node
import { createClient } from '@supabase/supabase-js';
import WebSocket from 'ws';
import { describe, expect, it, vi } from 'vitest';
import { watchSupabaseSession } from './watch-supabase-session.ts';

// Supabase mode with the real supabase-js: what it does with an expired session when the
// refresh gets no answer, gets a new token, or is refused — the behaviour watch-supabase-session
// relies on. Only fetch is replaced (the network), never supabase-js itself.

const KEY = 'sb-offline-test-auth-token';
const b64url = (value: object) =>
  btoa(JSON.stringify(value)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const now = () => Math.floor(Date.now() / 1000);
const jwt = (exp: number) => `${b64url({ alg: 'HS256' })}.${b64url({ sub: 'ana', exp })}.sig`;
const user = { id: 'ana', aud: 'authenticated', role: 'authenticated', email: 'ana@x.test' };
const session = (exp: number, refresh: string) => ({
  access_token: jwt(exp),
  refresh_token: refresh,
  token_type: 'bearer',
  expires_in: 3600,
  expires_at: exp,
  user,
});

function clientWith(network: typeof fetch) {
  const storage = new Map<string, string>([[KEY, JSON.stringify(session(now() - 600, 'r1'))]]);
  const client = createClient('http://supabase.test', 'anon-key', {
    auth: {
      storageKey: KEY,
      storage: {
        getItem: (k) => storage.get(k) ?? null,
        setItem: (k, v) => void storage.set(k, v),
        removeItem: (k) => void storage.delete(k),
      },
      autoRefreshToken: false,
      detectSessionInUrl: false,
    },
    global: { fetch: network },
    // Node 20 has no WebSocket; realtime is never connected here anyway.
    realtime: { transport: WebSocket as never },
  });
  return { client, storage };
}

const json = (body: object, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

describe('supabase-js sessions across an offline spell', () => {
  it('no network: the expired session stays stored and nothing is refused', async () => {
    // supabase-js retries a refresh that got no answer for a while; skip its waiting.
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    const { client, storage } = clientWith(() => Promise.reject(new TypeError('Failed to fetch')));
    const onRefused = vi.fn();
    const stop = watchSupabaseSession(client.auth, 'ana', onRefused, new EventTarget());
    const pending = client.auth.getSession();
    await vi.runAllTimersAsync();
    const { error } = await pending;
    vi.useRealTimers();
    expect(error).not.toBeNull();
    expect(storage.has(KEY)).toBe(true);
    expect(onRefused).not.toHaveBeenCalled();
    stop();
  });

  it('network back: supabase-js refreshes the expired session itself', async () => {
    const { client } = clientWith(() => Promise.resolve(json(session(now() + 3600, 'r2'))));
    const onRefused = vi.fn();
    watchSupabaseSession(client.auth, 'ana', onRefused, new EventTarget());
    const fresh = await client.auth.getSession();
    expect(fresh.data.session?.refresh_token).toBe('r2');
    expect(onRefused).not.toHaveBeenCalled();
  });

  it('the server refuses the refresh token: the session is dropped and the watcher asks to sign in', async () => {
    const refusal = {
      error: 'invalid_grant',
      error_description: 'Invalid Refresh Token',
      code: 'refresh_token_not_found',
    };
    const { client, storage } = clientWith(() => Promise.resolve(json(refusal, 400)));
    const onRefused = vi.fn();
    watchSupabaseSession(client.auth, 'ana', onRefused, new EventTarget());
    await client.auth.getSession();
    await vi.waitFor(() => expect(onRefused).toHaveBeenCalled());
    expect(storage.has(KEY)).toBe(false);
  });
});
