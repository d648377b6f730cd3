import type { Lead } from '../../../sync/types.ts';

/** The leads of a board's columns by id, for the moments that need one (a drag, a selection). */
export interface LeadLookup {
  get(id: string): Lead | undefined;
  has(id: string): boolean;
}

/**
 * Indexes `columns` the first time it is asked, not when made: the board makes one per render
 * of new columns (every move), and a map of every lead built each time cost a pass over the
 * whole pipeline per move, mostly for nothing (no drag, nothing selected).
 */
export function lazyLeadLookup(columns: readonly { leads: readonly Lead[] }[]): LeadLookup {
  let index: Map<string, Lead> | null = null;
  const byId = () => {
    if (index) return index;
    index = new Map();
    for (const column of columns) for (const lead of column.leads) index.set(lead.id, lead);
    return index;
  };
  return {
    get: (id) => byId().get(id),
    has: (id) => byId().has(id),
  };
}
