import { act, render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { INITIAL_STATUS, type SyncStatus } from '../../../sync/sync-status.ts';
import { SyncStatusIndicator } from './sync-status-indicator.tsx';

/** A tiny engine with the status API's shape: subscribe + getStatus (kept as a class on purpose). */
class FakeStatusEngine {
  private status: SyncStatus = INITIAL_STATUS;
  private listeners = new Set<(status: SyncStatus) => void>();
  subscribe(listener: (status: SyncStatus) => void) {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }
  getStatus() {
    return this.status;
  }
  set(patch: Partial<SyncStatus>) {
    this.status = { ...this.status, ...patch };
    for (const l of this.listeners) l(this.status);
  }
}

describe('SyncStatusIndicator', () => {
  it('follows the engine: offline, pending changes, syncing, last sync and last error', () => {
    const engine = new FakeStatusEngine();
    render(<SyncStatusIndicator engine={engine} />);
    const status = screen.getByRole('group', { name: 'Sync status' });
    expect(status).toHaveTextContent('Online');
    expect(status).toHaveTextContent('All changes saved');
    expect(status).toHaveTextContent('Not synced yet');

    act(() => engine.set({ online: false, pendingCount: 3 }));
    expect(status).toHaveTextContent('Offline');
    expect(status).toHaveTextContent('3 changes not synced');

    act(() =>
      engine.set({
        online: true,
        syncing: true,
        lastSyncedAt: new Date(Date.now() - 5 * 60_000).toISOString(),
        lastError: 'Server unreachable',
        progress: { done: 1200, total: 10000 },
      }),
    );
    expect(status).toHaveTextContent('Loading 1,200 of 10,000 rows');
    expect(status).toHaveTextContent('Syncing…');
    expect(status).toHaveTextContent('Last synced 5 minutes ago');
    expect(status).toHaveTextContent('Server unreachable');
  });
});
