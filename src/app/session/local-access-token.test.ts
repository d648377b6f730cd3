import { beforeEach, describe, expect, it, vi } from 'vitest';
import { LocalAuthError } from '../../features/auth/api/local-auth.ts';
import {
  useAuthSession,
  type StoredSession,
} from '../../features/auth/store/auth-session-store.ts';
import { localAccessTokenGetter } from './local-access-token.ts';

const ANA = { id: 'ana', email: 'ana@x.test', full_name: 'Ana', role: 'agent' as const };
const now = () => Math.floor(Date.now() / 1000);
const expired: StoredSession = { user: ANA, accessToken: 'old', expiresAt: now() - 10 };

describe('localAccessTokenGetter', () => {
  beforeEach(() => useAuthSession.setState({ session: expired, refused: false }));

  it('offline: keeps the old token and the user signed in, without a refusal', async () => {
    const renew = vi.fn(() => Promise.reject(new TypeError('Failed to fetch')));
    await expect(localAccessTokenGetter('http://x', renew)()).resolves.toBe('old');
    expect(useAuthSession.getState()).toMatchObject({ session: expired, refused: false });
  });

  it('back online: renews the expired token for the same user', async () => {
    const fresh = { user: ANA, accessToken: 'new', expiresAt: now() + 3600 };
    const renew = vi.fn(() => Promise.resolve(fresh));
    await expect(localAccessTokenGetter('http://x', renew)()).resolves.toBe('new');
    expect(useAuthSession.getState().session).toEqual(fresh);
  });

  it('a server error (5xx) or "slow down" (429) is not a refusal', async () => {
    for (const status of [503, 429]) {
      const renew = vi.fn(() => Promise.reject(new LocalAuthError('later', status)));
      await localAccessTokenGetter('http://x', renew)();
      expect(useAuthSession.getState().refused).toBe(false);
    }
  });

  it('refused (4xx): marks it, keeps the session and stops asking', async () => {
    const renew = vi.fn(() => Promise.reject(new LocalAuthError('Demo sign-in is off', 403)));
    const getToken = localAccessTokenGetter('http://x', renew);
    await expect(getToken()).resolves.toBe('old');
    expect(useAuthSession.getState()).toMatchObject({ session: expired, refused: true });
    await getToken();
    expect(renew).toHaveBeenCalledTimes(1);
  });

  it('a token for somebody else is never stored', async () => {
    const other = { user: { ...ANA, id: 'ben' }, accessToken: 'ben', expiresAt: now() + 3600 };
    const renew = vi.fn(() => Promise.resolve(other));
    await expect(localAccessTokenGetter('http://x', renew)()).resolves.toBe('old');
    expect(useAuthSession.getState()).toMatchObject({ session: expired, refused: true });
  });

  it('a fresh token is used as is', async () => {
    const session = { user: ANA, accessToken: 'valid', expiresAt: now() + 3600 };
    useAuthSession.setState({ session });
    const renew = vi.fn();
    await expect(localAccessTokenGetter('http://x', renew)()).resolves.toBe('valid');
    expect(renew).not.toHaveBeenCalled();
  });
});
