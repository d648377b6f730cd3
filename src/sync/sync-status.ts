import type { PullProgress } from './pull.ts';

/** What the UI shows about sync. */
export interface SyncStatus {
  /** False after a request got no answer, or when the browser says so; true again on success. */
  online: boolean;
  syncing: boolean;
  /** Queued mutations not yet confirmed by a pull. */
  pendingCount: number;
  lastSyncedAt: string | null;
  lastError: string | null;
  /** Rows pulled so far in the current pull (first sync of a large data set), or null. */
  progress: PullProgress | null;
}

export const INITIAL_STATUS: SyncStatus = {
  online: true,
  syncing: false,
  pendingCount: 0,
  lastSyncedAt: null,
  lastError: null,
  progress: null,
};
