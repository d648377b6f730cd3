import type { SupabaseClient } from '@supabase/supabase-js';
import { liveQuery } from 'dexie';
import { retryDelay } from './backoff.ts';
import type * as SyncOnce from './sync-once.ts';
import { markAway } from './conflicts/away.ts';
import type { LocalDb } from './local-db.ts';
import { META_KEYS } from './local-db.ts';
import type { ChangeSignal } from './signals/change-signal.ts';
import { SyncRequestError } from './sync-api.ts';
import type { SyncStatus } from './sync-status.ts';
import { INITIAL_STATUS } from './sync-status.ts';

export interface SyncEngineOptions {
  /** The client, or a loader for it (the app loads supabase-js on demand, off first paint). */
  supabase: SupabaseClient | (() => Promise<SupabaseClient>);
  db: LocalDb;
  userId: string;
  /** Aborting stops the engine (e.g. on sign-out). */
  signal?: AbortSignal;
  /** Server change nudges: localSseSignal (local backend) and/or supabaseRealtimeSignal. */
  changeSignals?: ChangeSignal[];
  /** Periodic sync as a safety net (default 30 s; 0 disables). */
  intervalMs?: number;
  pageSize?: number;
  /** Web Locks (default navigator.locks when present): one tab of this user syncs at a time. */
  locks?: LockManager | null;
  retry?: { baseMs?: number; maxMs?: number; random?: () => number };
  /**
   * How long a local change waits for more before the push (default 25 ms): a burst of moves
   * goes out in one request (push.ts sends up to PUSH_BATCH_SIZE per request).
   */
  coalesceMs?: number;
}

export interface SyncEngine {
  start(): void;
  /** Stops timers and signals, and waits for a running sync to finish. */
  stop(): Promise<void>;
  /** Syncs now (push, then pull every page); rejects with the error if that sync failed. */
  syncNow(): Promise<void>;
  getStatus(): SyncStatus;
  subscribe(listener: (status: SyncStatus) => void): () => void;
}

export function createSyncEngine(options: SyncEngineOptions): SyncEngine {
  const { db, userId } = options;
  async function client(): Promise<SupabaseClient> {
    if (typeof options.supabase !== 'function') return options.supabase;
    return fetchedOrOffline(options.supabase());
  }
  const locks =
    options.locks !== undefined
      ? options.locks
      : typeof navigator !== 'undefined' && 'locks' in navigator
        ? navigator.locks
        : null;
  const listeners = new Set<(status: SyncStatus) => void>();
  const cleanups: (() => void)[] = [];
  let status: SyncStatus = { ...INITIAL_STATUS, online: browserOnline() };
  let started = false;
  let stopped = false;
  let attempts = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let coalesceTimer: ReturnType<typeof setTimeout> | undefined;
  // At most one sync running and one queued behind it; callers share the queued one.
  let chain: Promise<void> = Promise.resolve();
  let queued: Promise<void> | null = null;

  function setStatus(patch: Partial<SyncStatus>): void {
    status = { ...status, ...patch };
    for (const listener of listeners) listener(status);
  }

  async function withLock(fn: () => Promise<void>): Promise<void> {
    if (!locks) return fn();
    // The lock is held until fn settles (request resolves with fn's promise, flattened by await).
    await locks.request(`leadlanes-sync:${userId}`, fn);
  }

  async function runCycle(): Promise<void> {
    if (stopped) return;
    clearTimeout(retryTimer);
    setStatus({ syncing: true, retryAt: null });
    let succeeded = false;
    try {
      const [supabase, { syncOnce }] = await Promise.all([client(), loadSyncOnce()]);
      await withLock(async () => {
        await syncOnce(db, supabase, {
          ...(options.pageSize !== undefined ? { pageSize: options.pageSize } : {}),
          onProgress: (progress) => setStatus({ progress }),
        });
      });
      attempts = 0;
      const synced = await db.meta.get(META_KEYS.lastSyncedAt);
      setStatus({
        online: true,
        lastError: null,
        lastErrorStatus: null,
        progress: null,
        lastSyncedAt: typeof synced?.value === 'string' ? synced.value : status.lastSyncedAt,
      });
      succeeded = true;
    } catch (error) {
      attempts++;
      const offline = error instanceof SyncRequestError && error.offline;
      // The next sync that gets through tells what changed meanwhile (conflicts/away.ts).
      if (offline) await markAway(db, new Date().toISOString()).catch(() => undefined);
      const delay = retryDelay(attempts, options.retry);
      setStatus({
        online: !offline && browserOnline(),
        lastError: error instanceof Error ? error.message : String(error),
        lastErrorStatus: error instanceof SyncRequestError ? error.status : null,
        // The sync line counts down to it ("retrying in 20 s").
        retryAt: stopped ? null : new Date(Date.now() + delay).toISOString(),
        progress: null,
      });
      if (!stopped) retryTimer = setTimeout(() => background(), delay);
      throw error;
    } finally {
      setStatus({ syncing: false });
    }
    // A change queued while this sync ran (after its push) goes out now, not at the next nudge.
    // Counted only once `syncing` is false: the outbox watcher leaves to a running sync what it
    // sees meanwhile, and from here on it sends what it sees itself, so nothing falls between.
    // (A store closed meanwhile, by a sign-out, has nothing left to send: not a failed sync.)
    if (!succeeded) return;
    const unsent = await db.outbox
      .where('state')
      .equals('pending')
      .count()
      .catch(() => 0);
    if (unsent > 0) background();
  }

  function syncNow(): Promise<void> {
    if (queued) return queued;
    const next = chain.then(() => {
      queued = null;
      return runCycle();
    });
    queued = next;
    chain = next.catch(() => undefined);
    return next;
  }

  /** A sync nobody awaits: its failure is already in the status and schedules a retry. */
  function background(): void {
    syncNow().catch(() => undefined);
  }

  /** A push soon, sharing one request with whatever else is queued in the next moments. */
  function pushSoon(): void {
    if (coalesceTimer !== undefined || stopped) return;
    coalesceTimer = setTimeout(() => {
      coalesceTimer = undefined;
      background();
    }, options.coalesceMs ?? 25);
  }

  function watchLocalStore(): () => void {
    // Pending rows and refusals are not copied into the status: the UI reads them with its own
    // live queries (pending-rows.ts, db.rejected), so every tab agrees. Two counts,
    // one request each: reading the entries, or even their `state` index keys (a cursor step per
    // entry), would cost every local write a walk of the whole queue.
    const subscription = liveQuery(async () => {
      const total = await db.outbox.count();
      const unsent = await db.outbox.where('state').equals('pending').count();
      return { total, unsent };
    }).subscribe({
      next: ({ total, unsent }) => {
        setStatus({ pendingCount: total });
        // A change made in any tab is sent promptly, not at the next periodic sync.
        if (unsent > 0 && !status.syncing && attempts === 0) pushSoon();
      },
      error: (error: unknown) => setStatus({ lastError: String(error) }),
    });
    return () => subscription.unsubscribe();
  }

  function start(): void {
    if (started || stopped) return;
    started = true;
    cleanups.push(watchLocalStore());
    // The last sync of an earlier session, so a reload (online or not) can say how fresh the
    // board is before this session's first sync finishes.
    void db.meta.get(META_KEYS.lastSyncedAt).then((synced) => {
      if (typeof synced?.value === 'string' && !status.lastSyncedAt) {
        setStatus({ lastSyncedAt: synced.value });
      }
    });
    for (const changeSignal of options.changeSignals ?? []) cleanups.push(changeSignal(background));
    const intervalMs = options.intervalMs ?? 30_000;
    if (intervalMs > 0) {
      const timer = setInterval(background, intervalMs);
      cleanups.push(() => clearInterval(timer));
    }
    if (typeof window !== 'undefined') {
      const onOnline = (): void => {
        attempts = 0;
        setStatus({ online: true });
        background();
      };
      const onOffline = (): void => {
        setStatus({ online: false });
        void markAway(db, new Date().toISOString()).catch(() => undefined);
      };
      window.addEventListener('online', onOnline);
      window.addEventListener('offline', onOffline);
      cleanups.push(() => {
        window.removeEventListener('online', onOnline);
        window.removeEventListener('offline', onOffline);
      });
    }
    if (options.signal?.aborted) {
      void stop();
      return;
    }
    options.signal?.addEventListener('abort', () => void stop(), { once: true });
    background();
  }

  async function stop(): Promise<void> {
    stopped = true;
    clearTimeout(retryTimer);
    clearTimeout(coalesceTimer);
    for (const cleanup of cleanups.splice(0)) cleanup();
    await chain;
  }

  return {
    start,
    stop,
    syncNow,
    getStatus: () => status,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

function browserOnline(): boolean {
  return typeof navigator === 'undefined' || navigator.onLine !== false;
}

// Push, pull, rebase and the conflict check (sync-once.ts and what it imports) are needed only
// once a sync runs, after the board has painted from the local store: a chunk of their own,
// fetched with supabase-js, off the board's first paint (docs/performance.md, bundle).
type SyncOnceModule = typeof SyncOnce;
let syncOnceModule: Promise<SyncOnceModule> | null = null;
function loadSyncOnce(): Promise<SyncOnceModule> {
  syncOnceModule ??= import('./sync-once.ts').catch((error: unknown) => {
    syncOnceModule = null; // not fetched (offline before the worker cached it): try again later
    throw error;
  });
  return fetchedOrOffline(syncOnceModule);
}

/**
 * Starts fetching the sync code ahead of the first sync (the sign-in page calls it), so signing
 * in does not wait for it. A failure is left for the first sync to meet and retry.
 */
export function preloadSyncCode(): void {
  loadSyncOnce().catch(() => undefined);
}

/** Code that could not be fetched is like a request with no answer: retried with backoff. */
async function fetchedOrOffline<T>(loading: Promise<T>): Promise<T> {
  try {
    return await loading;
  } catch (error) {
    throw new SyncRequestError(
      error instanceof Error ? error.message : String(error),
      0,
      undefined,
    );
  }
}
