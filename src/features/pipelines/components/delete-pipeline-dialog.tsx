import { useState } from 'react';
import type { LocalDb } from '../../../sync/local-db.ts';
import type { Pipeline } from '../../../sync/types.ts';
import { plural } from '../lib/format.ts';
import { deletePipeline } from '../lib/pipeline-actions.ts';
import type { StatusMap } from '../lib/status-mapping.ts';
import { refusalErrors } from '../../../sync/form-errors.ts';
import { DialogPanel } from '../../../components/dialog-panel.tsx';
import { GuidedMove } from './guided-move.tsx';

type DeletePipelineDialogProps = {
  db: LocalDb;
  pipeline: Pipeline;
  pipelines: readonly Pipeline[];
  leadCount: number;
  statusCount: number;
  onDeleted: () => void;
  onCancel: () => void;
};

/** Confirm when the pipeline is empty; a guided move of its leads when it is not. */
export function DeletePipelineDialog(props: DeletePipelineDialogProps) {
  const { db, pipeline, pipelines, leadCount, statusCount, onDeleted, onCancel } = props;
  const [error, setError] = useState<string>();

  const run = async (moveTo?: { pipeline_id: string; status_map: StatusMap }) => {
    try {
      await deletePipeline(db, pipeline.id, moveTo);
      onDeleted();
    } catch (e) {
      setError(Object.values(refusalErrors(e)).join(' '));
    }
  };

  return (
    <DialogPanel
      className="pl-dialog"
      title={`Delete pipeline ${pipeline.name}`}
      onClose={onCancel}
    >
      {leadCount > 0 ? (
        <GuidedMove
          db={db}
          pipeline={pipeline}
          targets={pipelines.filter((p) => p.id !== pipeline.id)}
          onConfirm={(moveTo) => void run(moveTo)}
          onCancel={onCancel}
        />
      ) : (
        <>
          <p>
            {pipeline.name} has no leads. Its {plural(statusCount, 'status', 'statuses')} will be
            deleted with it.
          </p>
          <div className="pl-form-actions">
            <button type="button" onClick={() => void run()}>
              Delete {pipeline.name}
            </button>
            <button type="button" onClick={onCancel}>
              Cancel
            </button>
          </div>
        </>
      )}
      {error ? <p role="alert">{error}</p> : null}
    </DialogPanel>
  );
}
