import type { PullProgress } from './pull.ts';

/** What the UI shows about sync. */
export interface SyncStatus {
  /** False after a request got no answer, or when the browser says so; true again on success. */
  online: boolean;
  syncing: boolean;
  /** Queued mutations not yet confirmed by a pull. */
  pendingCount: number;
  lastSyncedAt: string | null;
  /** The last failure's technical message: for the "Details" disclosure, never the line itself. */
  lastError: string | null;
  /** HTTP status of the last failed request (0: no answer at all), or null. */
  lastErrorStatus: number | null;
  /** When the automatic retry after a failure is due (ISO time), or null when none is planned. */
  retryAt: string | null;
  /** Rows pulled so far in the current pull (first sync of a large data set), or null. */
  progress: PullProgress | null;
}

export const INITIAL_STATUS: SyncStatus = {
  online: true,
  syncing: false,
  pendingCount: 0,
  lastSyncedAt: null,
  lastError: null,
  lastErrorStatus: null,
  retryAt: null,
  progress: null,
};
