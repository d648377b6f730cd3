import type { SupabaseClient } from '@supabase/supabase-js';
import { useEffect } from 'react';
import { useAuthSession } from '../../features/auth/store/auth-session-store.ts';
import type { BackendConfig } from '../../lib/backend-config.ts';
import { watchSupabaseSession } from './watch-supabase-session.ts';

/**
 * Keeps the signed-in user's session alive across offline spells (Supabase mode; local mode
 * renews in local-access-token.ts on the first request that needs it).
 */
export function useSessionKeeper(
  config: BackendConfig,
  /** Null while supabase-js loads (it owns the session, so there is nothing to keep before). */
  supabase: SupabaseClient | null,
  userId: string,
): void {
  useEffect(() => {
    if (config.mode !== 'supabase' || !supabase) return undefined;
    return watchSupabaseSession(supabase.auth, userId, () =>
      useAuthSession.getState().markRefused(),
    );
  }, [config, supabase, userId]);
}
