import type { createClient as CreateClient, SupabaseClient } from '@supabase/supabase-js';
import { useAuthSession } from '../features/auth/store/auth-session-store.ts';
import type { Database } from '../lib/database.types.ts';
import { readBackendConfig, type BackendConfig } from '../lib/backend-config.ts';
import { sameUserFetch } from './session/same-user-fetch.ts';

// The one place the app builds its supabase-js client. Local mode hands supabase-js the local
// backend's token through `accessToken` (supabase.auth is then unused); Supabase mode lets
// supabase-js own the session (persisted, refreshed).
//
// supabase-js (≈ 50 KB gzip: auth, realtime, storage, functions, postgrest) is loaded with a
// dynamic import, off the board's first paint: the board paints from IndexedDB and never calls
// the network itself; only sync (and, in Supabase mode, the sign-in form and session keeper)
// need the client, and they wait for it.

export const backendConfig: BackendConfig = readBackendConfig(
  import.meta.env as Record<string, string | undefined>,
  window.location.origin,
);

/** The local backend's public anon key (the Vite plugin defines it at build time). */
export const localAnonKey =
  (import.meta.env.VITE_LOCAL_SUPABASE_ANON_KEY as string | undefined) ?? 'local';

/** Typed by the generated schema: table and RPC names, columns and arguments are checked. */
export type BackendClient = SupabaseClient<Database>;

/** The one client, created on first call (the import resolves once; every caller shares it). */
export type BackendClientLoader = () => Promise<BackendClient>;

export function backendClientLoader(
  config: BackendConfig,
  getLocalAccessToken: () => Promise<string | null>,
): BackendClientLoader {
  let loading: Promise<BackendClient> | null = null;
  return () =>
    (loading ??= import('@supabase/supabase-js').then(
      ({ createClient }) => createBackendClient(createClient, config, getLocalAccessToken),
      (error: unknown) => {
        // Not fetched (offline before the worker cached it): the next caller tries again.
        loading = null;
        throw error;
      },
    ));
}

function createBackendClient(
  createClient: typeof CreateClient,
  config: BackendConfig,
  getLocalAccessToken: () => Promise<string | null>,
): BackendClient {
  const state = () => useAuthSession.getState();
  // Data requests only ever go out as the user whose store is open (src/app/session/).
  const global = {
    fetch: sameUserFetch(
      () => state().session?.user.id ?? null,
      () => state().markRefused(),
    ),
  };
  if (config.mode === 'supabase')
    return createClient<Database>(config.url, config.anonKey, { global });
  return createClient<Database>(config.url, localAnonKey, {
    accessToken: getLocalAccessToken,
    global,
  });
}
