import type { Lead } from '../types.ts';

/**
 * What a person sees of a lead on the board. Timestamps are left out: the server stamps its
 * own `updated_at` and `status_changed_at`, so the user's own confirmed change would otherwise
 * look like someone else's.
 */
const VISIBLE_FIELDS = [
  'full_name',
  'email',
  'phone',
  'product',
  'estimated_premium',
  'source',
  'assigned_to',
  'pipeline_id',
  'status_id',
  'position',
  'notes',
  'lost_reason',
] as const satisfies readonly (keyof Lead)[];

/**
 * Leads a pull page changed for this device: brought with a visible difference from what the
 * device showed before the page (its own queued changes included, so confirming them is no
 * change), or new to the device. A lead the page only confirms is not counted.
 */
export function changedLeadIds(
  shownBefore: ReadonlyMap<string, Lead>,
  pulled: readonly Lead[],
): string[] {
  const changed: string[] = [];
  for (const lead of pulled) {
    const before = shownBefore.get(lead.id);
    if (!before || VISIBLE_FIELDS.some((f) => (before[f] ?? null) !== (lead[f] ?? null))) {
      changed.push(lead.id);
    }
  }
  return changed;
}

/** The "since you were away" summary kept in the local store's meta table. */
export interface AwaySummary {
  /** When this device went offline (its own clock). */
  since: string;
  /** When the first sync after it finished. */
  until: string;
  /** Leads that changed while away and are still on this device. */
  changed: string[];
  /** Of those, the user's: assigned to them, or ones they had changes queued on. */
  mine: string[];
}

/** Adds one page's changes to the summary being built, keeping each lead once. */
export function mergeAwayChanges(
  draft: { changed: string[]; mine: string[] },
  page: { changed: readonly string[]; mine: readonly string[] },
): { changed: string[]; mine: string[] } {
  return {
    changed: [...new Set([...draft.changed, ...page.changed])],
    mine: [...new Set([...draft.mine, ...page.mine])],
  };
}
