import type { SupabaseClient } from '@supabase/supabase-js';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { signInLocally } from '../../features/auth/api/local-auth.ts';
import { PasswordSignInForm } from '../../features/auth/components/password-sign-in-form.tsx';
import { useAuthSession, type SignedInUser } from '../../features/auth/store/auth-session-store.ts';
import type { BackendConfig } from '../../lib/backend-config.ts';
import type { LocalDb } from '../../sync/local-db.ts';

interface SignInAgainProps {
  config: BackendConfig;
  /** Null while supabase-js loads (Supabase mode's password form needs it). */
  supabase: SupabaseClient | null;
  user: SignedInUser;
  db: LocalDb;
  /** Sync right away once signed in again, instead of at the next retry. */
  onSignedIn: () => void;
}

/**
 * The server refused the session: ask for a new sign-in without leaving the board. The queue
 * stays in this user's local store; signing in as somebody else opens that person's own store,
 * and this queue waits for this user (it is never sent under another account).
 */
export function SignInAgain({ config, supabase, user, db, onSignedIn }: SignInAgainProps) {
  const refused = useAuthSession((s) => s.refused);
  const pending = useLiveQuery(() => db.outbox.count(), [db]) ?? 0;
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!refused) return null;

  async function signInLocal() {
    setBusy(true);
    setError(null);
    try {
      const fresh = await signInLocally(config.url, user.email);
      if (fresh.user.id !== user.id) throw new Error('The server signed in a different user.');
      useAuthSession.getState().signIn(fresh);
      onSignedIn();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="sign-in-again" aria-labelledby="sign-in-again-heading">
      <h2 id="sign-in-again-heading">Sign in again to sync</h2>
      <p>
        The server no longer accepts your sign-in.{' '}
        {pending > 0
          ? `Your ${pending} ${pending === 1 ? 'change stays' : 'changes stay'} on this device and will sync once you sign in again as ${user.full_name}.`
          : `Keep working; your changes will sync once you sign in again as ${user.full_name}.`}
      </p>
      {config.mode === 'local' ? (
        <button type="button" disabled={busy} onClick={() => void signInLocal()}>
          Sign in again as {user.full_name}
        </button>
      ) : supabase ? (
        <PasswordSignInForm supabase={supabase} />
      ) : (
        <p role="status">Loading the sign-in form…</p>
      )}
      {error && <p role="alert">Could not sign in: {error}</p>}
    </section>
  );
}
