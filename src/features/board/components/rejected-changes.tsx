import { useId, useState } from 'react';
import type { RejectedMutation } from '../../../sync/types.ts';
import { formatSince } from '../lib/format.ts';

type RejectedChangesProps = {
  rejected: readonly RejectedMutation[];
  /** Lead names by id, so a refusal says which lead it was about. */
  leadName: (leadId: string) => string | null;
  onDismiss: (mutationId: number) => void;
};

function describe(r: RejectedMutation, leadName: RejectedChangesProps['leadName']): string {
  const args = r.args as { id?: unknown; full_name?: unknown } | null;
  const id = typeof args?.id === 'string' ? args.id : null;
  const name =
    (id && leadName(id)) ?? (typeof args?.full_name === 'string' ? args.full_name : null);
  const what = r.name.replaceAll('_', ' ');
  return name ? `${what} (${name})` : what;
}

/** "Rejected changes (n)": a disclosure listing what the server refused and why. */
export function RejectedChanges({ rejected, leadName, onDismiss }: RejectedChangesProps) {
  const [open, setOpen] = useState(false);
  const listId = useId();
  if (rejected.length === 0) return null;
  return (
    <div className="rejected-changes">
      <button
        type="button"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}
      >
        Rejected changes ({rejected.length})
      </button>
      <div id={listId} hidden={!open} className="rejected-popover">
        <ul aria-label="Rejected changes">
          {rejected.map((r) => (
            <li key={r.mutation_id}>
              <strong>{describe(r, leadName)}</strong>: {r.message}{' '}
              <span className="muted">({formatSince(r.rejected_at)})</span>{' '}
              <button
                type="button"
                aria-label={`Dismiss: ${describe(r, leadName)}`}
                onClick={() => onDismiss(r.mutation_id)}
              >
                Dismiss
              </button>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
