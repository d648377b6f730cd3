import { compareByPosition } from '../../../sync/ordering.ts';
import { compareStatuses } from '../../../sync/read-models/status-order.ts';
import type { Lead, PipelineStatus } from '../../../sync/types.ts';

export type BoardColumn = {
  status: PipelineStatus;
  /** The column's leads after filters, in board order. */
  leads: readonly Lead[];
  count: number;
  /** Sum of estimated premium over every (filtered) lead in the column, not only rendered ones. */
  premiumSum: number;
};

/**
 * Groups a pipeline's (already filtered) leads into its status columns. One pass over the leads,
 * so counts and sums are exact for 10,000 leads while only the visible cards are rendered.
 */
export function groupColumns(
  statuses: readonly PipelineStatus[],
  leads: readonly Lead[],
): BoardColumn[] {
  const byStatus = new Map<string, Lead[]>();
  for (const status of statuses) byStatus.set(status.id, []);
  for (const lead of leads) byStatus.get(lead.status_id)?.push(lead);
  return [...statuses].sort(compareStatuses).map((status) => {
    const columnLeads = (byStatus.get(status.id) ?? []).sort(compareByPosition);
    let premiumSum = 0;
    for (const lead of columnLeads) premiumSum += lead.estimated_premium ?? 0;
    return { status, leads: columnLeads, count: columnLeads.length, premiumSum };
  });
}
