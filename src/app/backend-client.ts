import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '../lib/database.types.ts';
import { readBackendConfig, type BackendConfig } from '../lib/backend-config.ts';

// The one place the app builds its supabase-js client. Local mode hands supabase-js the local
// backend's token through `accessToken` (supabase.auth is then unused); Supabase mode lets
// supabase-js own the session (persisted, refreshed).

export const backendConfig: BackendConfig = readBackendConfig(
  import.meta.env as Record<string, string | undefined>,
  window.location.origin,
);

/** Typed by the generated schema: table and RPC names, columns and arguments are checked. */
export type BackendClient = SupabaseClient<Database>;

export function createBackendClient(
  config: BackendConfig,
  getLocalAccessToken: () => Promise<string | null>,
): BackendClient {
  if (config.mode === 'supabase') return createClient<Database>(config.url, config.anonKey);
  const anonKey = (import.meta.env.VITE_LOCAL_SUPABASE_ANON_KEY as string | undefined) ?? 'local';
  return createClient<Database>(config.url, anonKey, { accessToken: getLocalAccessToken });
}
