import type { BoardFilters } from '../store/board-ui-store.ts';
import { formatCount } from './format.ts';

/**
 * The active filters in words, in the order of the controls: what the board is narrowed to, so
 * a user who comes back to an emptier board sees why ("Only mine" left on, a search typed).
 */
export function describeFilters(
  filters: BoardFilters,
  agentName: (id: string) => string | null,
): string[] {
  const parts: string[] = [];
  const search = filters.search.trim();
  if (search) parts.push(`“${search}”`);
  if (filters.agentId !== null) parts.push(`agent ${agentName(filters.agentId) ?? 'unknown'}`);
  if (filters.product !== null) parts.push(`product ${filters.product}`);
  if (filters.onlyMine) parts.push('only mine');
  if (filters.changedWhileAway !== null) parts.push('changed while you were away');
  return parts;
}

/** "Showing 12 of 300 leads: “jane”, product auto." — null when nothing is filtered. */
export function filterSummary(
  filters: BoardFilters,
  counts: { shown: number; total: number },
  agentName: (id: string) => string | null,
): string | null {
  const parts = describeFilters(filters, agentName);
  if (parts.length === 0) return null;
  const total = `${formatCount(counts.total)} ${counts.total === 1 ? 'lead' : 'leads'}`;
  return `Showing ${formatCount(counts.shown)} of ${total}: ${parts.join(', ')}.`;
}
