import { describe, expect, it, vi } from 'vitest';
import { sameUserFetch } from './same-user-fetch.ts';
import { tokenSubject } from './token-subject.ts';

const b64url = (value: object) =>
  btoa(JSON.stringify(value)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
const tokenFor = (sub?: string) =>
  `${b64url({ alg: 'HS256' })}.${b64url(sub ? { sub, role: 'authenticated' } : { role: 'anon' })}.sig`;

describe('tokenSubject', () => {
  it('reads the user id of a bearer token, and nothing from anything else', () => {
    expect(tokenSubject(`Bearer ${tokenFor('user-a')}`)).toBe('user-a');
    expect(tokenSubject(`Bearer ${tokenFor()}`)).toBeNull();
    expect(tokenSubject('Bearer not-a-jwt')).toBeNull();
    expect(tokenSubject('Bearer a.%%%.c')).toBeNull();
    expect(tokenSubject(null)).toBeNull();
  });
});

describe('sameUserFetch', () => {
  const ok = () => Promise.resolve(new Response('{}', { status: 200 }));

  it("sends data requests with the open store's user token", async () => {
    const network = vi.fn(ok);
    const onMismatch = vi.fn();
    const guarded = sameUserFetch(() => 'user-a', onMismatch, network);
    const response = await guarded('http://x/rest/v1/rpc/sync_push', {
      method: 'POST',
      headers: { authorization: `Bearer ${tokenFor('user-a')}` },
      body: '{}',
    });
    expect(response.status).toBe(200);
    expect(network).toHaveBeenCalledTimes(1);
    expect(onMismatch).not.toHaveBeenCalled();
  });

  it("never sends this user's queue under another user's token", async () => {
    const network = vi.fn(ok);
    const onMismatch = vi.fn();
    const guarded = sameUserFetch(() => 'user-a', onMismatch, network);
    const response = await guarded('http://x/rest/v1/rpc/sync_push', {
      method: 'POST',
      headers: { authorization: `Bearer ${tokenFor('user-b')}` },
      body: '{"mutations":[]}',
    });
    expect(response.status).toBe(401);
    expect(network).not.toHaveBeenCalled();
    expect(onMismatch).toHaveBeenCalledTimes(1);
  });

  it('leaves auth calls and anon requests alone', async () => {
    const network = vi.fn(ok);
    const guarded = sameUserFetch(() => 'user-a', vi.fn(), network);
    await guarded('http://x/auth/v1/token?grant_type=refresh_token', {
      headers: { authorization: `Bearer ${tokenFor('user-b')}` },
    });
    await guarded('http://x/rest/v1/rpc/sync_pull', {
      headers: { authorization: `Bearer ${tokenFor()}` },
    });
    expect(network).toHaveBeenCalledTimes(2);
  });
});
