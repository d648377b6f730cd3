import { REALTIME_SUBSCRIBE_STATES } from '@supabase/supabase-js';
import type { SupabaseClient } from '@supabase/supabase-js';
import type { ChangeSignal } from './change-signal.ts';

/**
 * Hosted Supabase: Realtime's postgres_changes on the replicated tables (the migration adds them
 * to the supabase_realtime publication). Used only as a nudge to pull; payloads are ignored, so
 * the pull's RLS-filtered, commit-ordered feed stays the single source of rows.
 */
export function supabaseRealtimeSignal(supabase: SupabaseClient, userId: string): ChangeSignal {
  return (onChange) => {
    const channel = supabase
      .channel(`leadlanes-sync-${userId}`)
      .on('postgres_changes', { event: '*', schema: 'public' }, () => onChange())
      .subscribe((status) => {
        if (status === REALTIME_SUBSCRIBE_STATES.SUBSCRIBED) onChange();
      });
    return () => {
      void supabase.removeChannel(channel);
    };
  };
}
