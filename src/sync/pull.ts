import type { SupabaseClient } from '@supabase/supabase-js';
import { applyPullPage } from './apply-pull.ts';
import type { LocalDb } from './local-db.ts';
import { META_KEYS, getClientId, resetReplica } from './local-db.ts';
import { pullPage } from './sync-api.ts';

export interface PullProgress {
  done: number;
  total: number;
}

/** Pulls every page of changes since the stored cursor, reporting progress per page. */
export async function pullAll(
  db: LocalDb,
  supabase: SupabaseClient,
  options: { pageSize?: number; onProgress?: (p: PullProgress) => void } = {},
): Promise<void> {
  const clientId = await getClientId(db);
  const stored = (await db.meta.get(META_KEYS.cursor))?.value;
  let since = typeof stored === 'string' ? stored : null;
  let page: unknown = null;
  let resets = 0;
  for (;;) {
    const res = await pullPage(supabase, {
      clientId,
      since,
      page,
      pageSize: options.pageSize ?? 1000,
    });
    if (res.reset) {
      // Visibility changed wholesale (role change): start from nothing; the queue survives.
      if (++resets > 1) throw new Error('sync_pull asked to reset twice in one pull');
      await resetReplica(db);
      since = null;
      page = null;
      continue;
    }
    await applyPullPage(db, res);
    options.onProgress?.(res.progress);
    if (!res.has_more) return;
    page = res.page;
  }
}
