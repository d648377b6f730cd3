import type { SyncStatus } from './sync-status.ts';

/**
 * The sync line's one state, in plain words. Exactly one of these at a time, picked in order of
 * what the user most needs to know; the technical message is only ever `detail`, shown on demand.
 */
export interface SyncLine {
  state: 'first-sync' | 'offline' | 'retrying' | 'syncing' | 'waiting' | 'saved';
  text: string;
  /** Rows pulled of the total, during a long first sync (drives a <progress>). */
  progress: { done: number; total: number } | null;
  /** What went wrong, for the "Details" disclosure; null when nothing did. */
  detail: string | null;
}

const count = new Intl.NumberFormat('en-US');

function changes(n: number): string {
  return `${count.format(n)} ${n === 1 ? 'change' : 'changes'}`;
}

/** "just now", "2 min ago", "3 h ago", "4 days ago": short enough for a status line. */
export function formatAgo(iso: string, now: number): string {
  const seconds = Math.max(0, (now - Date.parse(iso)) / 1000);
  if (Number.isNaN(seconds) || seconds < 60) return 'just now';
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min ago`;
  if (seconds < 86_400) return `${Math.floor(seconds / 3600)} h ago`;
  const days = Math.floor(seconds / 86_400);
  return `${days} ${days === 1 ? 'day' : 'days'} ago`;
}

function failure(status: number | null): string {
  if (status === 0) return "Can't reach the server";
  if (status === 401 || status === 403) return 'The server did not accept your sign-in';
  return 'Sync failed';
}

/**
 * `browserOnline` is navigator.onLine: with it false the device has no network ("Offline");
 * with it true, requests that get no answer mean the server is out of reach (a captive portal,
 * the server down), which is a different thing to tell the user.
 */
export function describeSyncStatus(
  status: SyncStatus,
  now: number,
  browserOnline = true,
  /** Local writes not yet committed to IndexedDB (local-writes.ts): never "All changes saved". */
  writing = 0,
): SyncLine {
  const base = { progress: null, detail: null };
  const { pendingCount } = status;
  if (status.syncing && status.progress && status.progress.total > 0) {
    const { done, total } = status.progress;
    return {
      ...base,
      state: 'first-sync',
      text: `Syncing ${count.format(done)} of ${count.format(total)}`,
      progress: { done: Math.min(done, total), total },
    };
  }
  const unanswered = status.lastError !== null && status.lastErrorStatus === 0;
  if (!browserOnline || (!status.online && !unanswered)) {
    return {
      ...base,
      state: 'offline',
      text:
        pendingCount > 0
          ? `Offline — ${changes(pendingCount)} will sync when you're back online`
          : "Offline — changes you make will sync when you're back online",
    };
  }
  if (status.lastError) {
    // A retry in flight keeps the failure on screen ("retrying now") rather than flickering.
    const seconds =
      status.retryAt && !status.syncing ? Math.ceil((Date.parse(status.retryAt) - now) / 1000) : 0;
    const when =
      !status.retryAt && !status.syncing
        ? ''
        : seconds > 0
          ? ` — retrying in ${seconds} s`
          : ' — retrying now';
    return {
      ...base,
      state: 'retrying',
      text: `${failure(status.lastErrorStatus)}${when}`,
      detail: status.lastError,
    };
  }
  if (status.syncing && (pendingCount > 0 || !status.lastSyncedAt)) {
    return {
      ...base,
      state: 'syncing',
      text: pendingCount > 0 ? `Saving ${changes(pendingCount)}…` : 'Syncing…',
    };
  }
  if (pendingCount > 0) {
    return { ...base, state: 'waiting', text: `${changes(pendingCount)} waiting to sync` };
  }
  if (writing > 0) return { ...base, state: 'syncing', text: 'Saving…' };
  return {
    ...base,
    state: 'saved',
    text: status.lastSyncedAt
      ? `All changes saved · synced ${formatAgo(status.lastSyncedAt, now)}`
      : 'All changes saved',
  };
}
