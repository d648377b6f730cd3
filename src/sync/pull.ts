import type { SupabaseClient } from '@supabase/supabase-js';
import { applyPullPage } from './apply-pull.ts';
import type { LocalDb } from './local-db.ts';
import { META_KEYS, getClientId, resetReplica } from './local-db.ts';
import { pullPage } from './sync-api.ts';

export interface PullProgress {
  done: number;
  total: number;
}

/**
 * Pulls every page of changes since the stored cursor, reporting progress per page. Page n + 1
 * is requested as soon as page n arrives (its token is in page n), before page n is written:
 * the server's read and the local write overlap. Pages are still written in order, each in its
 * own transaction, and the cursor moves only with the last.
 */
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
  const request = () =>
    pullPage(supabase, { clientId, since, page, pageSize: options.pageSize ?? 1000 });
  let next = request();
  for (;;) {
    const res = await next;
    if (res.reset) {
      // Visibility changed wholesale (role change): start from nothing; the queue survives.
      if (++resets > 1) throw new Error('sync_pull asked to reset twice in one pull');
      await resetReplica(db);
      since = null;
      page = null;
      next = request();
      continue;
    }
    if (res.has_more) {
      // The next page is asked for now, so the server reads it while this one is written.
      page = res.page;
      next = request();
      // Settled below if this page's write throws first (no unhandled rejection).
      next.catch(() => undefined);
    }
    await applyPullPage(db, res);
    options.onProgress?.(res.progress);
    if (!res.has_more) return;
    // One task between pages: the reads this page's commit sets off (the board's, which Dexie
    // schedules for the next task) then start before the next page's write transaction instead
    // of queueing behind it, so a first sync shows its first cards while it is still pulling.
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}
