import type { SupabaseClient } from '@supabase/supabase-js';

type Auth = Pick<SupabaseClient['auth'], 'onAuthStateChange' | 'getSession'>;

/**
 * Supabase mode: supabase-js owns the session and refreshes it itself, and keeps it when a
 * refresh only failed for lack of network. This watches for the two ways the session really
 * ends — supabase-js dropping it (SIGNED_OUT: the refresh token was refused or revoked) or
 * holding a session for another account (signed in elsewhere in this browser) — and reports a
 * refusal. It never signs the app out: the user keeps the board and the queue, and signs in again.
 *
 * When the network returns it asks supabase-js for the session, which refreshes an expired one
 * at once instead of at its next timer tick.
 */
export function watchSupabaseSession(
  auth: Auth,
  expectedUserId: string,
  onRefused: () => void,
  target: Pick<Window, 'addEventListener' | 'removeEventListener'> = window,
): () => void {
  const { data } = auth.onAuthStateChange((event, session) => {
    if (event === 'SIGNED_OUT' || (session && session.user.id !== expectedUserId)) onRefused();
  });
  const check = (): void => {
    void auth.getSession().then(({ data: current, error }) => {
      // An error here is a refresh that got no answer: keep waiting, do not refuse.
      if (!error && !current.session) onRefused();
    });
  };
  check();
  target.addEventListener('online', check);
  return () => {
    data.subscription.unsubscribe();
    target.removeEventListener('online', check);
  };
}
