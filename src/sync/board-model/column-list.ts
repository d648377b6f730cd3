import { compareByPosition, insertionIndex, sortedIndexOf } from '../ordering.ts';
import type { Lead } from '../types.ts';

// A column's leads in board order, (position, id). Copy-on-write: a change returns a new array
// (the published snapshot keeps the old one), found by binary search, so a move costs one copy
// of the two columns it touches and never a sort.

/** Index of `lead` (as it is stored in `list`, same id and position), or -1. */
export function indexOfLead(list: readonly Lead[], lead: Lead): number {
  const i = sortedIndexOf(list, lead);
  if (i >= 0) return i;
  // Not where its key says (should not happen): fall back to a scan rather than corrupt.
  return list.findIndex((l) => l.id === lead.id);
}

export function withLead(list: readonly Lead[], lead: Lead): Lead[] {
  const next = list.slice();
  next.splice(insertionIndex(list, lead), 0, lead);
  return next;
}

export function withoutLead(list: readonly Lead[], lead: Lead): Lead[] {
  const i = indexOfLead(list, lead);
  if (i < 0) return list.slice();
  const next = list.slice();
  next.splice(i, 1);
  return next;
}

/** Whether `lead` sorts before the last of `list` (it belongs inside a partly loaded column). */
export function sortsWithin(list: readonly Lead[], lead: Lead): boolean {
  const last = list[list.length - 1];
  return last !== undefined && compareByPosition(lead, last) < 0;
}

/**
 * `list` without the leads whose ids are in `removed`, with `added` (already in board order)
 * merged in: one pass and one copy however many leads change, where withLead / withoutLead
 * would copy the column once per lead (a pull page of 1,000 into a 30,000-lead column).
 */
export function withChanges(
  list: readonly Lead[],
  removed: ReadonlySet<string>,
  added: readonly Lead[],
): Lead[] {
  const rest = removed.size > 0 ? list.filter((l) => !removed.has(l.id)) : list;
  const merged: Lead[] = [];
  let i = 0;
  let j = 0;
  while (i < rest.length || j < added.length) {
    const a = rest[i];
    const b = added[j];
    if (b === undefined || (a !== undefined && compareByPosition(a, b) <= 0)) {
      if (a !== undefined) merged.push(a);
      i++;
    } else {
      merged.push(b);
      j++;
    }
  }
  return merged;
}

/**
 * Which of `incoming` (in board order) a partly loaded column takes: the rule replaceShown applies
 * to one lead, for many. A column showing its first screenful takes leads that sort inside what
 * it shows, and any while it holds fewer than `screenful`; a lead it already showed (moved within
 * or into it) always. `gone`: the ids leaving the column in the same batch.
 */
export function joiningPartial(
  list: readonly Lead[],
  gone: ReadonlySet<string>,
  incoming: readonly { lead: Lead; wasShown: boolean }[],
  screenful: number,
): Lead[] {
  const rest = gone.size > 0 ? list.filter((l) => !gone.has(l.id)) : list;
  let last = rest[rest.length - 1];
  let length = rest.length;
  const out: Lead[] = [];
  for (const { lead, wasShown } of incoming) {
    const inside = last !== undefined && compareByPosition(lead, last) < 0;
    if (!wasShown && length >= screenful && !inside) continue;
    out.push(lead);
    length++;
    if (!inside) last = lead;
  }
  return out;
}
