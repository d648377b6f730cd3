import { AlertTriangle, Cloud, CloudOff, RefreshCw } from 'lucide-react';
import { useId, useState, useSyncExternalStore } from 'react';
import { describeSyncStatus, type SyncLine } from '../../../sync/describe-sync-status.ts';
import { localWritesInFlight, subscribeLocalWrites } from '../../../sync/local-writes.ts';
import { useNow } from '../../../lib/use-now.ts';
import { useSyncStatus, type SyncStatusSource } from '../hooks/use-sync-state.ts';

const ICONS: Record<SyncLine['state'], typeof Cloud> = {
  'first-sync': RefreshCw,
  offline: CloudOff,
  retrying: AlertTriangle,
  syncing: RefreshCw,
  waiting: Cloud,
  saved: Cloud,
};

/** The sync line: one state in plain words (src/sync/describe-sync-status.ts), details on demand. */
export function SyncStatusIndicator({ engine }: { engine: SyncStatusSource }) {
  const status = useSyncStatus(engine);
  // Every second while counting down to a retry; twice a minute for "synced 2 min ago".
  const now = useNow(status.retryAt ? 1000 : 30_000);
  // The engine re-emits its status on the browser's online/offline events, so this stays fresh.
  const writing = useSyncExternalStore(subscribeLocalWrites, localWritesInFlight);
  const line = describeSyncStatus(status, now, navigator.onLine, writing);
  const Icon = ICONS[line.state];
  return (
    // A group, not a live region: it changes on every sync and would keep interrupting.
    <div className="sync-status" role="group" aria-label="Sync status" data-state={line.state}>
      <Icon aria-hidden="true" size={16} />
      <span>{line.text}</span>
      {line.progress && (
        <progress
          aria-label="First sync progress"
          value={line.progress.done}
          max={line.progress.total}
        />
      )}
      {line.detail && <SyncErrorDetails detail={line.detail} />}
    </div>
  );
}

function SyncErrorDetails({ detail }: { detail: string }) {
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <>
      <button
        type="button"
        className="sync-status__details"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((o) => !o)}
      >
        Details
      </button>
      <span id={id} className="sync-error" hidden={!open}>
        {detail}
      </span>
    </>
  );
}
