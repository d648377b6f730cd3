import { REALTIME_SUBSCRIBE_STATES } from '@supabase/supabase-js';
import type { SupabaseClient } from '@supabase/supabase-js';
import type { ChangeSignal } from './change-signal.ts';

/**
 * Hosted Supabase: Realtime's postgres_changes on public.sync_nudges, the payload-free rows the
 * server writes for everyone who could see a change (20250701000000_harden_supabase_security).
 * RLS lets each user receive only their own, their role's and everybody's nudges — including one
 * for a lead that has just left their view, which a row-change event on leads could not deliver.
 * Payloads are ignored: the pull's RLS-filtered, commit-ordered feed is the single source of rows.
 */
export function supabaseRealtimeSignal(supabase: SupabaseClient, userId: string): ChangeSignal {
  return (onChange) => {
    const channel = supabase
      .channel(`leadlanes-sync-${userId}`)
      .on('postgres_changes', { event: 'INSERT', schema: 'public', table: 'sync_nudges' }, () =>
        onChange(),
      )
      .subscribe((status) => {
        if (status === REALTIME_SUBSCRIBE_STATES.SUBSCRIBED) onChange();
      });
    return () => {
      void supabase.removeChannel(channel);
    };
  };
}
