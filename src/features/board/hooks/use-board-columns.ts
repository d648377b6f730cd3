import { useMemo } from 'react';
import type { Lead, PipelineStatus } from '../../../sync/types.ts';
import { useBoardUiStore } from '../store/board-ui-store.ts';
import { leadFilter } from '../lib/filter-leads.ts';
import { groupColumns, type BoardColumn } from '../lib/group-columns.ts';

/**
 * The selected pipeline's columns after search and filters. Counts and sums are taken over every
 * filtered lead (in memory, one pass), independent of which cards the virtual lists render.
 */
export function useBoardColumns(
  statuses: readonly PipelineStatus[] | undefined,
  leads: readonly Lead[] | undefined,
  userId: string,
): BoardColumn[] | undefined {
  const filters = useBoardUiStore((s) => s.filters);
  return useMemo(() => {
    if (!statuses || !leads) return undefined;
    return groupColumns(statuses, leads.filter(leadFilter(filters, userId)));
  }, [statuses, leads, filters, userId]);
}
