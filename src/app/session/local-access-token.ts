import { LocalAuthError, signInLocally } from '../../features/auth/api/local-auth.ts';
import { useAuthSession } from '../../features/auth/store/auth-session-store.ts';

const RENEW_MARGIN_S = 60;

/**
 * Local mode: the token supabase-js sends. An expired one is renewed from the local backend
 * (demo users need no password). Renewal that gets no answer (offline, laptop just woke) keeps
 * the old token and the user signed in: the sync engine retries, the board works from the local
 * store, and the next request once the network is back renews it. Only a refusal (a 4xx, or a
 * token for somebody else) marks the session refused, which asks the user to sign in again —
 * still without signing out or touching the queue.
 */
export function localAccessTokenGetter(
  baseUrl: string,
  renew: typeof signInLocally = signInLocally,
): () => Promise<string | null> {
  let renewing: Promise<string | null> | null = null;
  return async () => {
    const { session, refused } = useAuthSession.getState();
    if (!session?.accessToken) return null;
    const now = Date.now() / 1000;
    if ((session.expiresAt ?? 0) - RENEW_MARGIN_S > now) return session.accessToken;
    // Refused already: asking again every request would only repeat the refusal.
    if (refused) return session.accessToken;
    renewing ??= renew(baseUrl, session.user.email)
      .then((fresh) => {
        const current = useAuthSession.getState();
        if (fresh.user.id !== session.user.id) {
          // Never carry this user's queue under another account's token.
          current.markRefused();
          return session.accessToken ?? null;
        }
        current.signIn(fresh);
        return fresh.accessToken ?? null;
      })
      .catch((error: unknown) => {
        if (error instanceof LocalAuthError && error.refused) {
          useAuthSession.getState().markRefused();
        }
        return session.accessToken ?? null;
      })
      .finally(() => {
        renewing = null;
      });
    return renewing;
  };
}
