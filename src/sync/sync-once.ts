import type { SupabaseClient } from '@supabase/supabase-js';
import { isAway } from './conflicts/away.ts';
import type { LocalDb } from './local-db.ts';
import { pullAll, type PullProgress } from './pull.ts';
import { pushPending } from './push.ts';

/**
 * One sync: push everything queued, then pull every page. Back from being offline, it pulls
 * once first, so what others changed meanwhile arrives under the queued changes and the
 * overlaps can be told (src/sync/conflicts/). The server's merge is the same either way: a pull
 * writes nothing there, and the queue is still pushed after it.
 */
export async function syncOnce(
  db: LocalDb,
  supabase: SupabaseClient,
  options: { pageSize?: number; onProgress?: (p: PullProgress) => void } = {},
): Promise<void> {
  if (await isAway(db)) await pullAll(db, supabase, options);
  await pushPending(db, supabase);
  await pullAll(db, supabase, options);
}
