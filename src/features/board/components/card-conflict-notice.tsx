import { X } from 'lucide-react';
import type { ConflictNotice } from '../../../sync/conflicts/types.ts';

type CardConflictNoticeProps = {
  notice: ConflictNotice;
  onDismiss: (id: string) => void;
};

/**
 * The card's line about a change made while the user was away. It sits outside the card's
 * drag handle (a button cannot hold another button); the whole sentence is its name, and the
 * text is cut to one line on the card (the header's list shows it whole).
 */
export function CardConflictNotice({ notice, onDismiss }: CardConflictNoticeProps) {
  return (
    <div
      className="lead-card-conflict"
      role="note"
      aria-label={notice.message}
      title={notice.message}
    >
      <span className="lead-card-conflict-text" aria-hidden="true">
        {notice.message}
      </span>
      <button
        type="button"
        className="lead-card-conflict-dismiss"
        aria-label={`Dismiss the notice about ${notice.lead_name}`}
        onClick={() => onDismiss(notice.id)}
      >
        <X size={12} aria-hidden="true" />
      </button>
    </div>
  );
}
