import type { LocalDb } from '../local-db.ts';
import { META_KEYS } from '../local-db.ts';
import type { AwaySummary } from './away-changes.ts';

/**
 * Notes that the device went offline (the engine calls it when a sync finds no network or the
 * browser says so). Only the first time counts: the summary speaks of the whole time away. The
 * next pull that gets through gathers what changed (record-conflicts.ts) and clears the mark.
 */
export async function markAway(db: LocalDb, at: string): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    if (!(await db.meta.get(META_KEYS.awaySince))) {
      await db.meta.put({ key: META_KEYS.awaySince, value: at });
    }
  });
}

/** The device went offline and no pull has got through since. */
export async function isAway(db: LocalDb): Promise<boolean> {
  return (await db.meta.get(META_KEYS.awaySince)) !== undefined;
}

/** The stored "since you were away" summary, or null. */
export async function readAwaySummary(db: LocalDb): Promise<AwaySummary | null> {
  const entry = await db.meta.get(META_KEYS.awaySummary);
  const value = entry?.value as Partial<AwaySummary> | undefined;
  if (!value || !Array.isArray(value.changed) || !Array.isArray(value.mine)) return null;
  if (typeof value.since !== 'string' || typeof value.until !== 'string') return null;
  return { since: value.since, until: value.until, changed: value.changed, mine: value.mine };
}

export async function dismissAwaySummary(db: LocalDb): Promise<void> {
  await db.meta.delete(META_KEYS.awaySummary);
}

/** The UI's "dismiss" on a notice: kept as dismissed, so the same overlap never comes back. */
export async function dismissConflict(db: LocalDb, id: string, at: string): Promise<void> {
  await db.conflicts.update(id, { dismissed_at: at });
}
