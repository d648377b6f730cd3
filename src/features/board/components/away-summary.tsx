import { X } from 'lucide-react';
import type { AwaySummary as Summary } from '../../../sync/conflicts/away-changes.ts';
import { useBoardUiStore } from '../store/board-ui-store.ts';
import { formatCount } from '../lib/format.ts';

type AwaySummaryProps = {
  summary: Summary | null;
  onDismiss: () => void;
};

/** "Since you were away: 12 leads changed, 2 of yours." */
export function awaySummaryText(summary: Summary): string {
  const count = summary.changed.length;
  return (
    `Since you were away: ${formatCount(count)} ${count === 1 ? 'lead' : 'leads'} ` +
    `changed, ${formatCount(summary.mine.length)} of yours`
  );
}

/**
 * The header's summary after a time offline. Clicking it narrows the board to those leads (the
 * "changed while away" filter); the chip beside it says the filter is on and clears it.
 */
export function AwaySummary({ summary, onDismiss }: AwaySummaryProps) {
  const active = useBoardUiStore((s) => s.filters.changedWhileAway !== null);
  const setFilters = useBoardUiStore((s) => s.setFilters);
  if (!summary && !active) return null;
  return (
    <div className="away-summary">
      {summary && (
        <>
          <button
            type="button"
            className="away-summary-show"
            aria-pressed={active}
            onClick={() => setFilters({ changedWhileAway: active ? null : summary.changed })}
          >
            {awaySummaryText(summary)}
          </button>
          <button
            type="button"
            className="away-summary-dismiss"
            aria-label="Dismiss the summary of changes while you were away"
            onClick={() => {
              setFilters({ changedWhileAway: null });
              onDismiss();
            }}
          >
            <X size={14} aria-hidden="true" />
          </button>
        </>
      )}
      {active && (
        <button
          type="button"
          className="filter-chip"
          aria-label="Clear the filter: changed while you were away"
          onClick={() => setFilters({ changedWhileAway: null })}
        >
          Changed while away <X size={12} aria-hidden="true" />
        </button>
      )}
    </div>
  );
}
