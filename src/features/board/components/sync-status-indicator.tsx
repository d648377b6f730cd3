import { CloudOff, RefreshCw, Cloud, AlertTriangle } from 'lucide-react';
import { useSyncStatus, type SyncStatusSource } from '../hooks/use-sync-state.ts';
import { formatSince } from '../lib/format.ts';

/** Online/offline, syncing, unsent changes, last sync and the last error, as one status line. */
export function SyncStatusIndicator({ engine }: { engine: SyncStatusSource }) {
  const status = useSyncStatus(engine);
  const Icon = !status.online ? CloudOff : status.syncing ? RefreshCw : Cloud;
  const state = !status.online ? 'Offline' : status.syncing ? 'Syncing…' : 'Online';
  return (
    // A group, not a live region: it changes on every sync and would keep interrupting.
    <div className="sync-status" role="group" aria-label="Sync status">
      <Icon aria-hidden="true" size={16} />
      <span>{state}</span>
      <span>
        {status.pendingCount === 0
          ? 'All changes saved'
          : `${status.pendingCount} ${status.pendingCount === 1 ? 'change' : 'changes'} not synced`}
      </span>
      <span>
        {status.lastSyncedAt ? `Last synced ${formatSince(status.lastSyncedAt)}` : 'Not synced yet'}
      </span>
      {status.progress && status.progress.total > 0 && (
        <span>
          Loading {status.progress.done.toLocaleString('en-US')} of{' '}
          {status.progress.total.toLocaleString('en-US')} rows
        </span>
      )}
      {status.lastError && (
        <span className="sync-error">
          <AlertTriangle aria-hidden="true" size={16} /> {status.lastError}
        </span>
      )}
    </div>
  );
}
