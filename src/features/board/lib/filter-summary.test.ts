import { describe, expect, it } from 'vitest';
import { EMPTY_FILTERS } from '../store/board-ui-store.ts';
import { describeFilters, filterSummary } from './filter-summary.ts';

const names = (id: string) => (id === 'ana' ? 'Ana Alvarez' : null);

describe('filterSummary', () => {
  it('says nothing when no filter is on', () => {
    expect(filterSummary(EMPTY_FILTERS, { shown: 3, total: 3 }, names)).toBeNull();
    expect(describeFilters({ ...EMPTY_FILTERS, search: '   ' }, names)).toEqual([]);
  });

  it('names every active filter, in the order of the controls, with the counts', () => {
    const filters = {
      search: ' jane ',
      agentId: 'ana',
      product: 'auto' as const,
      onlyMine: true,
      changedWhileAway: ['l1'],
    };
    expect(filterSummary(filters, { shown: 12, total: 1300 }, names)).toBe(
      'Showing 12 of 1,300 leads: “jane”, agent Ana Alvarez, product auto, only mine, changed while you were away.',
    );
  });

  it('still says an agent filter is on when the agent is not known here', () => {
    expect(describeFilters({ ...EMPTY_FILTERS, agentId: 'gone' }, names)).toEqual([
      'agent unknown',
    ]);
  });
});
