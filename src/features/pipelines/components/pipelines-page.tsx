import { useState } from 'react';
import type { LocalDb } from '../../../sync/local-db.ts';
import { usePipelineOverview } from '../hooks/use-pipeline-data.ts';
import { createPipeline, reorderPipelines } from '../lib/pipeline-actions.ts';
import { DialogPanel } from '../../../components/dialog-panel.tsx';
import { PipelineDetails } from './pipeline-details.tsx';
import { PipelineForm } from './pipeline-form.tsx';
import { PipelineList } from './pipeline-list.tsx';
import { RejectedPipelineChanges } from './rejected-pipeline-changes.tsx';
import './pipelines.css';

export type PipelinesPageProps = {
  db: LocalDb;
  user: { role: 'agent' | 'manager' };
};

/** /dashboard/pipelines: the pipelines and their statuses; managers edit, agents read. */
export function PipelinesPage({ db, user }: PipelinesPageProps) {
  const overview = usePipelineOverview(db);
  const [chosenId, setChosenId] = useState<string>();
  const [creating, setCreating] = useState(false);
  const canManage = user.role === 'manager';

  if (!overview) return <p>Loading pipelines…</p>;
  const { pipelines, statusCounts, leadCounts } = overview;
  // The chosen pipeline while it exists, else the default one (e.g. after a delete).
  const selected =
    pipelines.find((p) => p.id === chosenId) ?? pipelines.find((p) => p.is_default) ?? pipelines[0];

  return (
    <div className="pl-pipelines-page">
      <h1>Pipelines</h1>
      {canManage ? null : (
        <p className="pl-read-only-note">
          You can look at pipelines and their statuses, but only a manager can change them. Ask a
          manager if something here needs to change.
        </p>
      )}
      <RejectedPipelineChanges db={db} />
      <div className="pl-pipelines-layout">
        <nav aria-label="Pipeline list" className="pl-pipelines-nav">
          <h2>All pipelines ({pipelines.length})</h2>
          {canManage ? (
            <button type="button" onClick={() => setCreating(true)}>
              New pipeline
            </button>
          ) : null}
          {pipelines.length === 0 ? <p>No pipelines yet.</p> : null}
          <PipelineList
            pipelines={pipelines}
            statusCounts={statusCounts}
            leadCounts={leadCounts}
            selectedId={selected?.id}
            canManage={canManage}
            onSelect={setChosenId}
            onReorder={(ids) => void reorderPipelines(db, ids)}
          />
        </nav>
        {selected ? (
          <PipelineDetails
            key={selected.id}
            db={db}
            pipeline={selected}
            pipelines={pipelines}
            leadCount={leadCounts.get(selected.id) ?? 0}
            statusCount={statusCounts.get(selected.id) ?? 0}
            canManage={canManage}
            onDeleted={() => setChosenId(undefined)}
          />
        ) : null}
      </div>
      {creating ? (
        <DialogPanel className="pl-dialog" title="New pipeline" onClose={() => setCreating(false)}>
          <PipelineForm
            templates={pipelines}
            statusCounts={statusCounts}
            onCancel={() => setCreating(false)}
            onSubmit={async ({ templatePipelineId, ...fields }) => {
              const id = await createPipeline(db, fields, templatePipelineId);
              setCreating(false);
              setChosenId(id);
            }}
          />
        </DialogPanel>
      ) : null}
    </div>
  );
}
