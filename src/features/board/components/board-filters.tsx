import { useId } from 'react';
import { PRODUCTS, type Product, type Profile } from '../../../sync/types.ts';
import { useBoardUiStore } from '../store/board-ui-store.ts';
import { hasActiveFilters } from '../lib/filter-leads.ts';

type BoardFiltersProps = {
  /** Agents to filter by (profiles with leads or the role agent). */
  agents: readonly Profile[];
};

function isProduct(value: string): value is Product {
  return (PRODUCTS as readonly string[]).includes(value);
}

/** Search and filters; they live in the board's zustand store so columns recompute from them. */
export function BoardFilters({ agents }: BoardFiltersProps) {
  const filters = useBoardUiStore((s) => s.filters);
  const setFilters = useBoardUiStore((s) => s.setFilters);
  const resetFilters = useBoardUiStore((s) => s.resetFilters);
  const ids = { search: useId(), agent: useId(), product: useId(), mine: useId() };

  return (
    <div role="search" className="board-filters" aria-label="Search and filter leads">
      <label htmlFor={ids.search}>Search</label>
      <input
        id={ids.search}
        type="search"
        placeholder="Name, email or phone"
        value={filters.search}
        onChange={(e) => setFilters({ search: e.target.value })}
      />
      <label htmlFor={ids.agent}>Agent</label>
      <select
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
      <label htmlFor={ids.product}>Product</label>
      <select
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
      <span className="board-filters-mine">
        <input
          id={ids.mine}
          type="checkbox"
          checked={filters.onlyMine}
          onChange={(e) => setFilters({ onlyMine: e.target.checked })}
        />
        <label htmlFor={ids.mine}>Only mine</label>
      </span>
      {hasActiveFilters(filters) && (
        <button type="button" onClick={resetFilters}>
          Clear filters
        </button>
      )}
    </div>
  );
}
