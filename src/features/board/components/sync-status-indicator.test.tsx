import type { SupabaseClient } from '@supabase/supabase-js';
import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSyncEngine, type SyncEngine } from '../../../sync/engine.ts';
import { mutate } from '../../../sync/mutate.ts';
import { INITIAL_STATUS, type SyncStatus } from '../../../sync/sync-status.ts';
import { pipeline, seedDb, status as statusRow } from '../testing/board-fixtures.tsx';
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

const inSeconds = (s: number) => new Date(Date.now() + s * 1000).toISOString();
const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();

function renderLine(patch: Partial<SyncStatus>) {
  const engine = new FakeStatusEngine();
  engine.set(patch);
  render(<SyncStatusIndicator engine={engine} />);
  return { engine, line: screen.getByRole('group', { name: 'Sync status' }) };
}

describe('SyncStatusIndicator', () => {
  // A frozen clock (Date only; timers stay real) so "retrying in 20 s" is exact, not timed.
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-03-02T10:00:00.000Z'));
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it('all saved: says when it last synced', () => {
    const { line } = renderLine({ lastSyncedAt: minutesAgo(2) });
    expect(line).toHaveTextContent(/^All changes saved · synced 2 min ago$/);
    expect(screen.queryByRole('button', { name: 'Details' })).not.toBeInTheDocument();
  });

  it('offline: how many changes wait, and nothing about the failed request', () => {
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    const { line, engine } = renderLine({
      online: false,
      pendingCount: 3,
      lastError: 'TypeError: Failed to fetch',
      lastErrorStatus: 0,
      retryAt: inSeconds(20),
    });
    expect(line).toHaveTextContent(/^Offline — 3 changes will sync when you're back online$/);
    act(() => engine.set({ pendingCount: 1 }));
    expect(line).toHaveTextContent(/^Offline — 1 change will sync when you're back online$/);
    act(() => engine.set({ pendingCount: 0 }));
    expect(line).toHaveTextContent(
      /^Offline — changes you make will sync when you're back online$/,
    );
  });

  it('first sync: a labelled progress bar and the row counts', () => {
    const { line } = renderLine({ syncing: true, progress: { done: 11_000, total: 20_830 } });
    expect(line).toHaveTextContent(/^Syncing 11,000 of 20,830$/);
    const bar = screen.getByRole('progressbar', { name: 'First sync progress' });
    expect(bar).toHaveAttribute('value', '11000');
    expect(bar).toHaveAttribute('max', '20830');
  });

  it("can't reach the server: counts down to the retry; the error only under Details", async () => {
    const { line } = renderLine({
      lastError: 'TypeError: Failed to fetch',
      lastErrorStatus: 0,
      retryAt: inSeconds(20),
      pendingCount: 2,
    });
    expect(within(line).getByText(/^Can't reach the server — retrying in 20 s$/)).toBeVisible();
    const error = screen.getByText('TypeError: Failed to fetch');
    expect(error).not.toBeVisible();
    const details = screen.getByRole('button', { name: 'Details' });
    expect(details).toHaveAttribute('aria-expanded', 'false');
    await userEvent.click(details);
    expect(details).toHaveAttribute('aria-expanded', 'true');
    expect(error).toBeVisible();
  });

  it('a refused sign-in and a server failure are told apart', () => {
    const { line, engine } = renderLine({
      lastError: 'JWT expired',
      lastErrorStatus: 401,
      retryAt: inSeconds(5),
    });
    expect(line).toHaveTextContent(/^The server did not accept your sign-in — retrying in 5 s/);
    act(() => engine.set({ lastError: 'boom', lastErrorStatus: 500, retryAt: inSeconds(40) }));
    expect(line).toHaveTextContent(/^Sync failed — retrying in 40 s/);
    act(() => engine.set({ syncing: true }));
    expect(line).toHaveTextContent(/^Sync failed — retrying now/);
  });

  it('syncing and waiting changes', () => {
    const { line, engine } = renderLine({ syncing: true, pendingCount: 4 });
    expect(line).toHaveTextContent(/^Saving 4 changes…$/);
    act(() => engine.set({ syncing: false }));
    expect(line).toHaveTextContent(/^4 changes waiting to sync$/);
    act(() => engine.set({ pendingCount: 0, syncing: true, lastSyncedAt: null }));
    expect(line).toHaveTextContent(/^Syncing…$/);
    // A background pull after an earlier sync does not flicker the line.
    act(() => engine.set({ lastSyncedAt: minutesAgo(0) }));
    expect(line).toHaveTextContent(/^All changes saved · synced just now$/);
  });
});

describe('SyncStatusIndicator with the real engine and store', () => {
  let engine: SyncEngine | null = null;
  afterEach(async () => {
    await engine?.stop();
    engine = null;
  });

  it("no answer from the server: can't reach it; the device offline: offline, with the count", async () => {
    const p = pipeline({ name: 'Sales' });
    const s = statusRow({ name: 'New', pipeline_id: p.id });
    const db = await seedDb({ pipelines: [p], statuses: [s] });
    // Every request fails the way fetch does with no network.
    const unreachable = {
      rpc: () => Promise.reject(new TypeError('Failed to fetch')),
    } as unknown as SupabaseClient;
    engine = createSyncEngine({ supabase: unreachable, db, userId: 'u1', locks: null });
    render(<SyncStatusIndicator engine={engine} />);
    engine.start();
    await mutate(db, 'create_lead', {
      id: crypto.randomUUID(),
      full_name: 'Jane Doe',
      pipeline_id: p.id,
      status_id: s.id,
    });
    const line = screen.getByRole('group', { name: 'Sync status' });
    await screen.findByText(/^Can't reach the server — retrying (in \d+ s|now)$/);
    expect(engine.getStatus().retryAt).not.toBeNull();
    expect(screen.getByText('Failed to fetch')).not.toBeVisible();

    // The browser loses its network: the engine hears "offline" and the line says so.
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    act(() => {
      window.dispatchEvent(new Event('offline'));
    });
    await screen.findByText("Offline — 1 change will sync when you're back online");
    expect(line).not.toHaveTextContent('Failed to fetch');
    vi.restoreAllMocks();
  });
});
