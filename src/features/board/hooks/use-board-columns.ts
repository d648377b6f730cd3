import { useMemo } from 'react';
import type { BoardSnapshot, ModelColumn } from '../../../sync/board-model/board-model.ts';
import type { Lead } from '../../../sync/types.ts';
import { useBoardUiStore } from '../store/board-ui-store.ts';
import { hasActiveFilters, leadFilter } from '../lib/filter-leads.ts';
import type { BoardColumn } from '../lib/group-columns.ts';

/**
 * The selected pipeline's columns after search and filters. Without filters, counts and sums
 * are the model's (kept on write, right from the first paint). With filters they are taken over
 * every lead of the pipeline in memory, so the board waits for the model to hold all of them.
 */
export function useBoardColumns(
  snapshot: BoardSnapshot | null,
  userId: string,
): BoardColumn[] | undefined {
  const filters = useBoardUiStore((s) => s.filters);
  return useMemo(() => {
    if (!snapshot?.ready) return undefined;
    if (!hasActiveFilters(filters)) return snapshot.columns.map(unfiltered);
    if (!snapshot.complete) return undefined;
    const keep = leadFilter(filters, userId);
    return snapshot.columns.map((c) => {
      const leads = c.leads.filter(keep);
      let premiumSum = 0;
      for (const lead of leads) premiumSum += lead.estimated_premium ?? 0;
      return { status: c.status, leads, count: leads.length, premiumSum };
    });
  }, [snapshot, filters, userId]);
}

// The same column object for as long as the model's column is the same (its leads array is
// replaced on every change, copy-on-write): memoised columns then re-render only when theirs
// changed, so a move repaints the two columns it touches (board-column.tsx).
const shown = new WeakMap<readonly Lead[], BoardColumn>();

function unfiltered(c: ModelColumn): BoardColumn {
  const known = shown.get(c.leads);
  if (
    known?.status === c.status &&
    known.count === c.summary.count &&
    known.premiumSum === c.summary.premiumSum
  ) {
    return known;
  }
  const column = {
    status: c.status,
    leads: c.leads,
    count: c.summary.count,
    premiumSum: c.summary.premiumSum,
  };
  shown.set(c.leads, column);
  return column;
}
