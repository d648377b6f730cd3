import { useId } from 'react';
import { PRODUCTS, type Product, type Profile } from '../../../sync/types.ts';
import { useBoardUiStore } from '../store/board-ui-store.ts';
import { filterSummary } from '../lib/filter-summary.ts';

type BoardFiltersProps = {
  /** Agents to filter by (profiles with leads or the role agent). */
  agents: readonly Profile[];
  /** Leads on the board after and before filtering, for the summary. */
  counts: { shown: number; total: number };
};

function isProduct(value: string): value is Product {
  return (PRODUCTS as readonly string[]).includes(value);
}

/** Search and filters; they live in the board's zustand store so columns recompute from them. */
export function BoardFilters({ agents, counts }: BoardFiltersProps) {
  const filters = useBoardUiStore((s) => s.filters);
  const setFilters = useBoardUiStore((s) => s.setFilters);
  const resetFilters = useBoardUiStore((s) => s.resetFilters);
  const ids = { search: useId(), agent: useId(), product: useId(), mine: useId() };
  const summary = filterSummary(
    filters,
    counts,
    (id) => agents.find((a) => a.id === id)?.full_name ?? null,
  );

  return (
    <div role="search" className="board-filters" aria-label="Search and filter leads">
      <label htmlFor={ids.search} className="visually-hidden">
        Search
      </label>
      <input
        className="board-search"
        id={ids.search}
        type="search"
        placeholder="Name, email or phone"
        value={filters.search}
        onChange={(e) => setFilters({ search: e.target.value })}
      />
      <label htmlFor={ids.agent} className="visually-hidden">
        Agent
      </label>
      <select
        className="control-select"
        id={ids.agent}
        value={filters.agentId ?? ''}
        onChange={(e) => setFilters({ agentId: e.target.value || null })}
      >
        <option value="">All agents</option>
        {agents.map((a) => (
          <option key={a.id} value={a.id}>
            {a.full_name}
          </option>
        ))}
      </select>
      <label htmlFor={ids.product} className="visually-hidden">
        Product
      </label>
      <select
        className="control-select"
        id={ids.product}
        value={filters.product ?? ''}
        onChange={(e) => setFilters({ product: isProduct(e.target.value) ? e.target.value : null })}
      >
        <option value="">All products</option>
        {PRODUCTS.map((p) => (
          <option key={p} value={p}>
            {p}
          </option>
        ))}
      </select>
      <span
        className={['board-filters-mine', filters.onlyMine && 'is-on'].filter(Boolean).join(' ')}
      >
        <input
          id={ids.mine}
          type="checkbox"
          checked={filters.onlyMine}
          onChange={(e) => setFilters({ onlyMine: e.target.checked })}
        />
        <label htmlFor={ids.mine}>Only mine</label>
      </span>
      {/* Always in the DOM so screen readers hear the summary change (it is a live region). */}
      <p className="filter-summary" role="status">
        {summary && (
          <>
            <span>{summary}</span>
            <button type="button" className="filter-clear" onClick={resetFilters}>
              Clear filters
            </button>
          </>
        )}
      </p>
    </div>
  );
}
