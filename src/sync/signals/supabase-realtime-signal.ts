import type { SupabaseClient } from '@supabase/supabase-js';
import type { ChangeSignal } from './change-signal.ts';

/**
 * Hosted Supabase: Realtime's postgres_changes on public.sync_nudges, the payload-free rows the
 * server writes for everyone who could see a change (20250701000000_harden_supabase_security).
 * RLS lets each user receive only their own, their role's and everybody's nudges — including one
 * for a lead that has just left their view, which a row-change event on leads could not deliver.
 * Payloads are ignored: the pull's RLS-filtered, commit-ordered feed is the single source of rows.
 */
export function supabaseRealtimeSignal(
  supabase: SupabaseClient | (() => Promise<SupabaseClient>),
  userId: string,
): ChangeSignal {
  return (onChange) => {
    let stopped = false;
    let stop = () => {
      stopped = true;
    };
    // The client may still be loading (backend-client.ts loads supabase-js on demand).
    void Promise.resolve(typeof supabase === 'function' ? supabase() : supabase).then(
      (client) => {
        if (stopped) return;
        const channel = client
          .channel(`leadlanes-sync-${userId}`)
          .on('postgres_changes', { event: 'INSERT', schema: 'public', table: 'sync_nudges' }, () =>
            onChange(),
          )
          .subscribe((status) => {
            // REALTIME_SUBSCRIBE_STATES.SUBSCRIBED, as a literal: a value import would put
            // supabase-js back into the board's first chunk.
            if (String(status) === 'SUBSCRIBED') onChange();
          });
        stop = () => {
          void client.removeChannel(channel);
        };
      },
      () => undefined,
    );
    return () => stop();
  };
}
