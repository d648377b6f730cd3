import { useId, useState } from 'react';
import type { LocalDb } from '../../../sync/local-db.ts';
import type { Pipeline } from '../../../sync/types.ts';
import { changedFields } from '../lib/changed-fields.ts';
import { pipelineDeleteBlocker } from '../lib/delete-rules.ts';
import { plural } from '../lib/format.ts';
import { setDefaultPipeline, updatePipeline } from '../lib/pipeline-actions.ts';
import { DeletePipelineDialog } from './delete-pipeline-dialog.tsx';
import { DialogPanel } from '../../../components/dialog-panel.tsx';
import { PipelineForm } from './pipeline-form.tsx';
import { StatusSection } from './status-section.tsx';

type PipelineDetailsProps = {
  db: LocalDb;
  pipeline: Pipeline;
  pipelines: readonly Pipeline[];
  leadCount: number;
  statusCount: number;
  canManage: boolean;
  onDeleted: () => void;
};

/** The selected pipeline: its details, default/edit/delete actions, and its statuses. */
export function PipelineDetails(props: PipelineDetailsProps) {
  const { db, pipeline, pipelines, leadCount, statusCount, canManage, onDeleted } = props;
  const id = useId();
  const [dialog, setDialog] = useState<'edit' | 'delete' | null>(null);
  const [error, setError] = useState<string>();
  const blocker = pipelineDeleteBlocker(pipeline, pipelines.length);
  const close = () => setDialog(null);

  const makeDefault = async () => {
    try {
      setError(undefined);
      await setDefaultPipeline(db, pipeline.id);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <section aria-labelledby={`${id}-title`} className="pl-pipeline-details">
      <h2 id={`${id}-title`}>
        {pipeline.name} {pipeline.is_default ? <span className="pl-badge">Default</span> : null}
      </h2>
      <p>{pipeline.description || 'No description.'}</p>
      <p>
        {plural(leadCount, 'lead', 'leads')} · {plural(statusCount, 'status', 'statuses')}
      </p>
      {canManage ? (
        <div className="pl-pipeline-actions">
          <button type="button" onClick={() => setDialog('edit')}>
            Edit pipeline
          </button>
          {pipeline.is_default ? null : (
            <button type="button" onClick={() => void makeDefault()}>
              Make default
            </button>
          )}
          <button
            type="button"
            disabled={blocker !== undefined}
            aria-describedby={blocker ? `${id}-blocker` : undefined}
            onClick={() => setDialog('delete')}
          >
            Delete pipeline
          </button>
          {blocker ? <p id={`${id}-blocker`}>{blocker}</p> : null}
          {error ? <p role="alert">{error}</p> : null}
        </div>
      ) : null}

      <StatusSection db={db} pipeline={pipeline} canManage={canManage} />

      {dialog === 'edit' ? (
        <DialogPanel className="pl-dialog" title={`Edit pipeline ${pipeline.name}`} onClose={close}>
          <PipelineForm
            pipeline={pipeline}
            onCancel={close}
            onSubmit={async ({ name, description }) => {
              const patch = changedFields(pipeline, { name, description });
              if (Object.keys(patch).length > 0) await updatePipeline(db, pipeline.id, patch);
              close();
            }}
          />
        </DialogPanel>
      ) : null}
      {dialog === 'delete' ? (
        <DeletePipelineDialog
          db={db}
          pipeline={pipeline}
          pipelines={pipelines}
          leadCount={leadCount}
          statusCount={statusCount}
          onCancel={close}
          onDeleted={() => {
            close();
            onDeleted();
          }}
        />
      ) : null}
    </section>
  );
}
