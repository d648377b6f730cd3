import { useMemo } from 'react';
import type { BoardSnapshot } from '../../../sync/board-model/board-model.ts';
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
    if (!hasActiveFilters(filters)) {
      return snapshot.columns.map((c) => ({
        status: c.status,
        leads: c.leads,
        count: c.summary.count,
        premiumSum: c.summary.premiumSum,
      }));
    }
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
