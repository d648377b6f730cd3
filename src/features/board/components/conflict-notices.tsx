import { useId, useRef, useState } from 'react';
import type { ConflictNotice } from '../../../sync/conflicts/types.ts';
import { formatSince } from '../lib/format.ts';

type ConflictNoticesProps = {
  notices: readonly ConflictNotice[];
  /** Opens the lead's drawer. */
  onShow: (leadId: string) => void;
  onDismiss: (id: string) => void;
};

export function conflictCountLabel(count: number): string {
  return `${count} ${count === 1 ? 'change' : 'changes'} while you were away`;
}

/**
 * The header's "3 changes while you were away": a disclosure listing each notice in words, with
 * "Show" (opens the lead) and "Dismiss". Escape closes it and puts focus back on the button.
 */
export function ConflictNotices({ notices, onShow, onDismiss }: ConflictNoticesProps) {
  const [open, setOpen] = useState(false);
  const listId = useId();
  const toggle = useRef<HTMLButtonElement>(null);
  if (notices.length === 0) return null;
  const close = () => {
    setOpen(false);
    toggle.current?.focus();
  };
  return (
    <div className="conflict-notices">
      <button
        ref={toggle}
        type="button"
        className="conflict-notices-toggle"
        aria-expanded={open}
        aria-controls={listId}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(e) => e.key === 'Escape' && setOpen(false)}
      >
        {conflictCountLabel(notices.length)}
      </button>
      {/* Escape from anywhere in the list closes it, like the toggle does (a keyboard user's way out). */}
      {/* eslint-disable-next-line jsx-a11y/no-static-element-interactions -- a key handler for the buttons inside, not a control itself */}
      <div
        id={listId}
        hidden={!open}
        className="conflict-popover"
        onKeyDown={(e) => e.key === 'Escape' && close()}
      >
        <ul aria-label="Changes while you were away">
          {notices.map((n) => (
            <li key={n.id}>
              <p>
                {n.message} <span className="muted">({formatSince(n.created_at)})</span>
              </p>
              <span className="conflict-actions">
                {/* A lead that left the device has nothing to show. */}
                {n.kind !== 'lead_removed' && (
                  <button
                    type="button"
                    aria-label={`Show ${n.lead_name}`}
                    onClick={() => {
                      setOpen(false);
                      onShow(n.lead_id);
                    }}
                  >
                    Show
                  </button>
                )}
                <button
                  type="button"
                  aria-label={`Dismiss: ${n.message}`}
                  onClick={() => {
                    onDismiss(n.id);
                    // The entry (and its button) goes away: keep focus on the list's toggle.
                    toggle.current?.focus();
                  }}
                >
                  Dismiss
                </button>
              </span>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
