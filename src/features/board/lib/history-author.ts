import type { Profile } from '../../../sync/types.ts';

type HistoryEntry = { changed_by: string | null; from_status_id: string | null };

/**
 * Who made a status change. Rows without an author were written by the database itself: a
 * first entry (no previous status) came with the lead from an import or the demo seed; a later
 * one from a server-side rule (a status deleted and its leads moved, a removed user).
 */
export function historyAuthor(entry: HistoryEntry, profiles: ReadonlyMap<string, Profile>): string {
  if (entry.changed_by === null) return entry.from_status_id === null ? 'Imported' : 'System';
  // Profiles replicate beside history; one may not have arrived yet, or no longer be visible.
  return profiles.get(entry.changed_by)?.full_name ?? 'Another user';
}
