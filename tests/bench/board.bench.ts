import { bench, describe } from 'vitest';
import { groupColumns } from '../../src/features/board/lib/group-columns.ts';
import { leadFilter } from '../../src/features/board/lib/filter-leads.ts';
import { makeLeads, makeStatuses } from './fixtures.ts';

// Target: the board regroups 10,000 leads (counts and premium sums per column) well inside one
// frame budget after every change, so a drop or a keystroke in search never stutters.
const statuses = makeStatuses(6);
const leads = makeLeads(10_000, statuses);
const noFilters = {
  search: '',
  agentId: null,
  product: null,
  onlyMine: false,
  changedWhileAway: null,
};

describe('board columns with 10,000 leads', () => {
  bench('group into columns (no filters)', () => {
    groupColumns(statuses, leads.filter(leadFilter(noFilters, null)));
  });
  bench('search by name + group', () => {
    groupColumns(statuses, leads.filter(leadFilter({ ...noFilters, search: 'lead 12' }, null)));
  });
  bench('filter by product and agent + group', () => {
    const filters = {
      ...noFilters,
      product: 'home' as const,
      agentId: 'a0000000-0000-4000-8000-000000000001',
    };
    groupColumns(statuses, leads.filter(leadFilter(filters, null)));
  });
});
