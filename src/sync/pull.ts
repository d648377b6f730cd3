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
 * Rows per page, and for the first page of a pull (see pullAll). Each page is one write
 * transaction and one round of the board's patching and of every live query, so a first sync
 * goes faster with fewer, larger pages; a read or local write made meanwhile waits behind the
 * page's write (0.4–0.6 s on the bench machine at this size). The server allows up to 5,000.
 */
export const PAGE_SIZE = 4000;
export const FIRST_PAGE_SIZE = 200;

/**
 * Pulls every page of changes since the stored cursor, reporting progress per page. Page n + 1
 * is requested as soon as page n arrives (its token is in page n), before page n is written:
 * the server's read and the local write overlap. Pages are still written in order, each in its
 * own transaction, and the cursor moves only with the last.
 *
 * A first sync starts with small pages and doubles them up to `pageSize` (firstPageSize, twice
 * that, …): the first holds the pipelines, the statuses and the first leads, and while the
 * board reads them (the pipeline list, then the board model: each read waits for the page write
 * begun before it) the writes in its way are short, so a new device paints its first cards
 * after a few small pages instead of behind full ones.
 */
export async function pullAll(
  db: LocalDb,
  supabase: SupabaseClient,
  options: {
    pageSize?: number;
    firstPageSize?: number;
    onProgress?: (p: PullProgress) => void;
  } = {},
): Promise<void> {
  const pageSize = options.pageSize ?? PAGE_SIZE;
  const firstPageSize = Math.min(options.firstPageSize ?? FIRST_PAGE_SIZE, pageSize);
  const clientId = await getClientId(db);
  const stored = (await db.meta.get(META_KEYS.cursor))?.value;
  let since = typeof stored === 'string' ? stored : null;
  let page: unknown = null;
  let resets = 0;
  let size = since === null ? firstPageSize : pageSize;
  const request = () => {
    const asked = pullPage(supabase, { clientId, since, page, pageSize: size });
    size = Math.min(2 * size, pageSize);
    return asked;
  };
  let next = request();
  for (;;) {
    const res = await next;
    if (res.reset) {
      // Visibility changed wholesale (role change): start from nothing; the queue survives.
      if (++resets > 1) throw new Error('sync_pull asked to reset twice in one pull');
      await resetReplica(db);
      since = null;
      page = null;
      size = firstPageSize;
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
