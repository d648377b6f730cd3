import { signInLocally } from '../features/auth/api/local-auth.ts';
import { useAuthSession } from '../features/auth/store/auth-session-store.ts';

const RENEW_MARGIN_S = 60;

/**
 * Local mode: the token supabase-js sends. An expired one is renewed from the local backend
 * (demo users need no password); if that fails (offline) the old one is returned and the sync
 * engine simply retries later — the board keeps working from the local store meanwhile.
 */
export function localAccessTokenGetter(baseUrl: string): () => Promise<string | null> {
  let renewing: Promise<string | null> | null = null;
  return async () => {
    const session = useAuthSession.getState().session;
    if (!session?.accessToken) return null;
    const now = Date.now() / 1000;
    if ((session.expiresAt ?? 0) - RENEW_MARGIN_S > now) return session.accessToken;
    renewing ??= signInLocally(baseUrl, session.user.email)
      .then((fresh) => {
        useAuthSession.getState().signIn(fresh);
        return fresh.accessToken ?? null;
      })
      .catch(() => session.accessToken ?? null)
      .finally(() => {
        renewing = null;
      });
    return renewing;
  };
}
