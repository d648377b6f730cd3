import { useId, useState } from 'react';
import type { PipelineStatus } from '../../../sync/types.ts';
import { plural } from '../lib/format.ts';
import { refusalErrors } from '../../../sync/form-errors.ts';
import { DialogPanel } from '../../../components/dialog-panel.tsx';

type DeleteStatusDialogProps = {
  status: PipelineStatus;
  siblings: readonly PipelineStatus[];
  leadCount: number;
  onConfirm: (moveLeadsTo: string | undefined) => Promise<void>;
  onCancel: () => void;
};

/** Deleting a status that holds leads requires choosing the status they move to. */
export function DeleteStatusDialog(props: DeleteStatusDialogProps) {
  const { status, siblings, leadCount, onConfirm, onCancel } = props;
  const id = useId();
  const others = siblings.filter((s) => s.id !== status.id);
  const [target, setTarget] = useState('');
  const [error, setError] = useState<string>();
  const blocked = leadCount > 0 && others.length === 0;
  const ready = leadCount === 0 || target !== '';

  const confirm = async () => {
    try {
      await onConfirm(leadCount > 0 ? target : undefined);
    } catch (e) {
      setError(Object.values(refusalErrors(e)).join(' '));
    }
  };

  return (
    <DialogPanel className="pl-dialog" title={`Delete status ${status.name}`} onClose={onCancel}>
      {blocked ? (
        <p>
          {status.name} has {plural(leadCount, 'lead', 'leads')} and is the only status of this
          pipeline. Add another status first so the leads have somewhere to go.
        </p>
      ) : leadCount > 0 ? (
        <>
          <p>
            {status.name} has {plural(leadCount, 'lead', 'leads')}. Choose the status they move to.
          </p>
          <label htmlFor={`${id}-target`}>Move its leads to</label>
          <select id={`${id}-target`} value={target} onChange={(e) => setTarget(e.target.value)}>
            <option value="">Choose a status</option>
            {others.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </>
      ) : (
        <p>{status.name} has no leads. Delete it?</p>
      )}
      {error ? <p role="alert">{error}</p> : null}
      <div className="pl-form-actions">
        {blocked ? null : (
          <button type="button" disabled={!ready} onClick={() => void confirm()}>
            {leadCount > 0
              ? `Move ${plural(leadCount, 'lead', 'leads')} and delete`
              : 'Delete status'}
          </button>
        )}
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </DialogPanel>
  );
}
