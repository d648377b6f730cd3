import { useState, type FormEvent } from 'react';
import type { SupabaseClient } from '@supabase/supabase-js';
import { useAuthSession } from '../store/auth-session-store.ts';

interface PasswordSignInFormProps {
  supabase: SupabaseClient;
}

/** Supabase mode: email + password through Supabase Auth (supabase-js keeps and refreshes it). */
export function PasswordSignInForm({ supabase }: PasswordSignInFormProps) {
  const signIn = useAuthSession((s) => s.signIn);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const emailValue = form.get('email');
    const passwordValue = form.get('password');
    const email = typeof emailValue === 'string' ? emailValue.trim() : '';
    const password = typeof passwordValue === 'string' ? passwordValue : '';
    if (!email || !password) {
      setError('Enter your email and password.');
      return;
    }
    setBusy(true);
    setError(null);
    const { data, error: authError } = await supabase.auth.signInWithPassword({ email, password });
    setBusy(false);
    if (authError || !data.user) {
      setError(authError?.message ?? 'Sign-in failed.');
      return;
    }
    const meta = data.user.user_metadata as { full_name?: unknown };
    // The role only ever comes from app_metadata (set by an administrator); user_metadata is
    // whatever the user typed at sign-up.
    const app = data.user.app_metadata as { role?: unknown };
    signIn({
      user: {
        id: data.user.id,
        email: data.user.email ?? email,
        full_name: typeof meta.full_name === 'string' ? meta.full_name : email,
        // Shown until the synced profile says otherwise; RLS enforces the real role.
        role: app.role === 'manager' ? 'manager' : 'agent',
      },
    });
  }

  return (
    <form
      onSubmit={(e) => void submit(e)}
      noValidate
      aria-describedby={error ? 'sign-in-error' : undefined}
    >
      <label>
        Email
        <input name="email" type="email" autoComplete="email" required />
      </label>
      <label>
        Password
        <input name="password" type="password" autoComplete="current-password" required />
      </label>
      {error && (
        <p id="sign-in-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" disabled={busy}>
        {busy ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}
