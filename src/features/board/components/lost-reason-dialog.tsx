import { useState, type FormEvent } from 'react';
import { DialogPanel } from '../../../components/dialog-panel.tsx';
import {
  FORM,
  hasErrors,
  refusalErrors,
  schemaErrors,
  type FormErrors,
} from '../../../sync/form-errors.ts';
import { lostReason } from '../../../sync/mutations/fields.ts';
import { maxLengthOf } from '../../../sync/schema-limits.ts';
import { FormField } from './form-field.tsx';

type LostReasonDialogProps = {
  /** The lead's name, or "3 leads" for a bulk move (then `plural`). */
  leadName: string;
  plural?: boolean;
  statusName: string;
  /** Moves the lead, with the reason or without one (null); rejects with a refusal. */
  onMove: (reason: string | null) => Promise<void>;
  onCancel: () => void;
};

const MAX = maxLengthOf(lostReason);

/**
 * Asked when a lead moves into a lost status. The reason is optional: "Skip", Close or Escape
 * moves the lead without one; "Cancel move" leaves it where it was. Focus starts in the field
 * and returns to the card (DialogPanel); a refused reason is shown under the field and announced.
 */
export function LostReasonDialog({
  leadName,
  plural = false,
  statusName,
  onMove,
  onCancel,
}: LostReasonDialogProps) {
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<FormErrors>({});
  const [busy, setBusy] = useState(false);

  const move = async (value: string | null) => {
    setBusy(true);
    try {
      await onMove(value);
    } catch (error) {
      setErrors(refusalErrors(error));
      setBusy(false);
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found = schemaErrors(lostReason, reason);
    if (hasErrors(found)) {
      setErrors({ lost_reason: Object.values(found).join(' ') });
      return;
    }
    void move(reason);
  };
  const skip = () => void move(null);

  return (
    <DialogPanel
      title={`Why ${plural ? 'were' : 'was'} ${leadName} lost?`}
      onClose={skip}
      className="lost-reason-dialog"
    >
      <form onSubmit={submit} noValidate>
        <p>
          Moving {leadName} to {statusName}. A reason is optional; it is kept in{' '}
          {plural ? 'each lead’s' : 'the lead’s'} history.
        </p>
        <FormField
          name="lost_reason"
          label="Lost reason (optional)"
          value={reason}
          error={errors['lost_reason']}
          maxLength={MAX}
          onChange={setReason}
        />
        {errors[FORM] ? <p role="alert">{errors[FORM]}</p> : null}
        <div className="lost-reason-actions">
          <button type="submit" disabled={busy}>
            Move to {statusName}
          </button>
          <button type="button" onClick={skip} disabled={busy}>
            Skip
          </button>
          <button type="button" onClick={onCancel} disabled={busy}>
            Cancel move
          </button>
        </div>
      </form>
    </DialogPanel>
  );
}
