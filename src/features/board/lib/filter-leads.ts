import type { Lead } from '../../../sync/types.ts';
import type { BoardFilters } from '../store/board-ui-store.ts';

function normalise(text: string): string {
  return text.toLocaleLowerCase().normalize('NFKD').replace(/\p{M}/gu, '');
}

// Phone numbers are typed with all kinds of separators: compare digits only when the query has some.
function digits(text: string): string {
  return text.replace(/\D/g, '');
}

/** A predicate for the board's search and filters; `userId` is the signed-in user ("only mine"). */
export function leadFilter(filters: BoardFilters, userId: string | null): (lead: Lead) => boolean {
  const query = normalise(filters.search.trim());
  const queryDigits = digits(query);
  const changed = filters.changedWhileAway ? new Set(filters.changedWhileAway) : null;
  return (lead) => {
    if (changed && !changed.has(lead.id)) return false;
    if (filters.onlyMine && lead.assigned_to !== userId) return false;
    if (filters.agentId !== null && lead.assigned_to !== filters.agentId) return false;
    if (filters.product !== null && lead.product !== filters.product) return false;
    if (query === '') return true;
    if (normalise(lead.full_name).includes(query)) return true;
    if (lead.email && normalise(lead.email).includes(query)) return true;
    return queryDigits.length >= 3 && !!lead.phone && digits(lead.phone).includes(queryDigits);
  };
}

export function hasActiveFilters(filters: BoardFilters): boolean {
  return (
    filters.search.trim() !== '' ||
    filters.agentId !== null ||
    filters.product !== null ||
    filters.onlyMine ||
    filters.changedWhileAway !== null
  );
}
