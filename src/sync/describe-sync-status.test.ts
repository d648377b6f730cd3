import { describe, expect, it } from 'vitest';
import { describeSyncStatus, formatAgo } from './describe-sync-status.ts';
import { INITIAL_STATUS, type SyncStatus } from './sync-status.ts';

const NOW = Date.parse('2026-03-02T10:00:00.000Z');
const at = (offsetS: number) => new Date(NOW + offsetS * 1000).toISOString();
const line = (patch: Partial<SyncStatus>) =>
  describeSyncStatus({ ...INITIAL_STATUS, ...patch }, NOW);

describe('describeSyncStatus', () => {
  it('picks one state, most urgent first: first sync, offline, failure, syncing, waiting, saved', () => {
    const failing = { lastError: 'x', lastErrorStatus: 0, retryAt: at(20), pendingCount: 2 };
    expect(line({ ...failing, syncing: true, progress: { done: 5, total: 10 } }).state).toBe(
      'first-sync',
    );
    const offline = { ...INITIAL_STATUS, ...failing, online: false };
    expect(describeSyncStatus(offline, NOW, false).state).toBe('offline');
    // No answer while the browser has a network: the server is out of reach, not the device.
    expect(describeSyncStatus(offline, NOW, true).text).toBe(
      "Can't reach the server — retrying in 20 s",
    );
    expect(line(failing).state).toBe('retrying');
    expect(line({ syncing: true, pendingCount: 2 }).state).toBe('syncing');
    expect(line({ pendingCount: 2 }).state).toBe('waiting');
    expect(line({ lastSyncedAt: at(-5) }).state).toBe('saved');
  });

  it('says "Saving…", never "All changes saved", while a local write is not yet stored', () => {
    const saved = { ...INITIAL_STATUS, lastSyncedAt: at(-5) };
    expect(describeSyncStatus(saved, NOW, true, 1)).toMatchObject({
      state: 'syncing',
      text: 'Saving…',
    });
    expect(describeSyncStatus(saved, NOW, true, 0).state).toBe('saved');
    // The more urgent states still win: offline is told even while writing.
    expect(describeSyncStatus({ ...saved, online: false }, NOW, false, 1).state).toBe('offline');
  });

  it('never puts the raw error in the text; it is the detail', () => {
    const described = line({ lastError: 'TypeError: Failed to fetch', lastErrorStatus: 0 });
    expect(described.text).toBe("Can't reach the server");
    expect(described.detail).toBe('TypeError: Failed to fetch');
    expect(line({ online: false, lastError: 'TypeError: Failed to fetch' }).detail).toBeNull();
  });

  it('clamps progress to the total and ignores an empty total', () => {
    expect(line({ syncing: true, progress: { done: 12, total: 10 } }).progress).toEqual({
      done: 10,
      total: 10,
    });
    expect(line({ syncing: true, progress: { done: 0, total: 0 } }).state).toBe('syncing');
  });
});

describe('formatAgo', () => {
  it('is short: just now, minutes, hours, days', () => {
    expect(formatAgo(at(-30), NOW)).toBe('just now');
    expect(formatAgo(at(-125), NOW)).toBe('2 min ago');
    expect(formatAgo(at(-3 * 3600), NOW)).toBe('3 h ago');
    expect(formatAgo(at(-86_400), NOW)).toBe('1 day ago');
    expect(formatAgo(at(-4 * 86_400), NOW)).toBe('4 days ago');
    expect(formatAgo(at(60), NOW)).toBe('just now');
  });
});
