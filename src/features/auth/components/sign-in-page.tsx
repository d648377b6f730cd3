import type { SupabaseClient } from '@supabase/supabase-js';
import type { BackendConfig } from '../../../lib/backend-config.ts';
import { lazy, Suspense } from 'react';
import { PasswordSignInForm } from './password-sign-in-form.tsx';

// With react-query, only here: a signed-in user's board never loads either.
const LocalUserChooser = lazy(() => import('./local-user-chooser-screen.tsx'));

interface SignInPageProps {
  config: BackendConfig;
  /** Needed in Supabase mode only; null while supabase-js loads. */
  supabase: SupabaseClient | null;
}

export function SignInPage({ config, supabase }: SignInPageProps) {
  return (
    <main className="sign-in">
      <h1>Leadlanes</h1>
      {config.mode === 'local' ? (
        <section aria-labelledby="sign-in-heading">
          <h2 id="sign-in-heading">Sign in to the local demo</h2>
          <p>
            Pick a demo user. Agents work their own leads and the unassigned pool; the manager sees
            everything and shapes pipelines.
          </p>
          <Suspense fallback={<p role="status">Loading the demo users…</p>}>
            <LocalUserChooser baseUrl={config.url} />
          </Suspense>
        </section>
      ) : (
        <section aria-labelledby="sign-in-heading">
          <h2 id="sign-in-heading">Sign in</h2>
          {supabase ? (
            <PasswordSignInForm supabase={supabase} />
          ) : (
            <p role="status">Loading the sign-in form…</p>
          )}
        </section>
      )}
    </main>
  );
}
