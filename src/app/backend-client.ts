import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { useAuthSession } from '../features/auth/store/auth-session-store.ts';
import type { Database } from '../lib/database.types.ts';
import { readBackendConfig, type BackendConfig } from '../lib/backend-config.ts';
import { sameUserFetch } from './session/same-user-fetch.ts';

// The one place the app builds its supabase-js client. Local mode hands supabase-js the local
// backend's token through `accessToken` (supabase.auth is then unused); Supabase mode lets
// supabase-js own the session (persisted, refreshed).

export const backendConfig: BackendConfig = readBackendConfig(
  import.meta.env as Record<string, string | undefined>,
  window.location.origin,
);

/** The local backend's public anon key (the Vite plugin defines it at build time). */
export const localAnonKey =
  (import.meta.env.VITE_LOCAL_SUPABASE_ANON_KEY as string | undefined) ?? 'local';

/** Typed by the generated schema: table and RPC names, columns and arguments are checked. */
export type BackendClient = SupabaseClient<Database>;

export function createBackendClient(
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
