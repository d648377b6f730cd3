import { useState } from 'react';
import type { LocalDb } from '../../../sync/local-db.ts';
import type { Pipeline, PipelineStatus } from '../../../sync/types.ts';
import { usePipelineStatuses } from '../../../lib/use-pipeline-statuses.ts';
import { useLeadCountsByStatus } from '../hooks/use-pipeline-data.ts';
import { changedFields } from '../lib/changed-fields.ts';
import { plural } from '../lib/format.ts';
import {
  createStatus,
  deleteStatus,
  reorderStatuses,
  updateStatus,
  updateStatusForecast,
} from '../lib/pipeline-actions.ts';
import { forecastSummary } from '../lib/format.ts';
import { StageForecastForm } from './stage-forecast-form.tsx';
import { DeleteStatusDialog } from './delete-status-dialog.tsx';
import { DialogPanel } from '../../../components/dialog-panel.tsx';
import { SortableList } from './sortable-list.tsx';
import { StatusChip } from './status-chip.tsx';
import { StatusForm } from './status-form.tsx';

type Editing =
  { kind: 'add' } | { kind: 'edit' | 'delete' | 'forecast'; status: PipelineStatus } | null;

/** The selected pipeline's statuses: list, add, edit, delete, reorder. */
export function StatusSection({
  db,
  pipeline,
  canManage,
}: {
  db: LocalDb;
  pipeline: Pipeline;
  canManage: boolean;
}) {
  const statuses = usePipelineStatuses(db, pipeline.id);
  const leadCounts = useLeadCountsByStatus(db, pipeline.id);
  const [editing, setEditing] = useState<Editing>(null);
  const close = () => setEditing(null);
  if (!statuses || !leadCounts) return <p>Loading statuses…</p>;

  return (
    <section aria-labelledby="statuses-heading">
      <h3 id="statuses-heading">Statuses of {pipeline.name}</h3>
      {statuses.length === 0 ? (
        <div className="pl-empty-prompt">
          <p>
            {pipeline.name} has no statuses yet. Statuses are the board’s columns: add the first one
            so leads have somewhere to go.
          </p>
          {canManage ? (
            <button type="button" onClick={() => setEditing({ kind: 'add' })}>
              Add the first status
            </button>
          ) : null}
        </div>
      ) : (
        <>
          {canManage ? (
            <button type="button" onClick={() => setEditing({ kind: 'add' })}>
              New status
            </button>
          ) : null}
          <SortableList
            id={`statuses-${pipeline.id}`}
            label={`Statuses of ${pipeline.name}`}
            items={statuses}
            getKey={(s) => s.id}
            getName={(s) => s.name}
            sortable={canManage}
            onReorder={(ordered) =>
              void reorderStatuses(
                db,
                pipeline.id,
                ordered.map((s) => s.id),
              )
            }
            renderItem={(s) => (
              <span className="pl-status-row">
                <StatusChip status={s} />
                {s.is_final ? <span className="pl-badge">Final</span> : null}
                <span>{plural(leadCounts.get(s.id) ?? 0, 'lead', 'leads')}</span>
                <span className="pl-forecast-summary">{forecastSummary(s)}</span>
                {canManage ? (
                  <>
                    <button
                      type="button"
                      aria-label={`Forecast of status ${s.name}`}
                      onClick={() => setEditing({ kind: 'forecast', status: s })}
                    >
                      Forecast
                    </button>
                    <button
                      type="button"
                      aria-label={`Edit status ${s.name}`}
                      onClick={() => setEditing({ kind: 'edit', status: s })}
                    >
                      Edit
                    </button>
                    <button
                      type="button"
                      aria-label={`Delete status ${s.name}`}
                      onClick={() => setEditing({ kind: 'delete', status: s })}
                    >
                      Delete
                    </button>
                  </>
                ) : null}
              </span>
            )}
          />
        </>
      )}

      {editing?.kind === 'add' ? (
        <DialogPanel
          className="pl-dialog"
          title={`Add a status to ${pipeline.name}`}
          onClose={close}
        >
          <StatusForm
            siblings={statuses}
            onCancel={close}
            onSubmit={async (fields) => {
              await createStatus(db, pipeline.id, fields);
              close();
            }}
          />
        </DialogPanel>
      ) : null}
      {editing?.kind === 'edit' ? (
        <DialogPanel
          className="pl-dialog"
          title={`Edit status ${editing.status.name}`}
          onClose={close}
        >
          <StatusForm
            status={editing.status}
            siblings={statuses}
            onCancel={close}
            onSubmit={async (fields) => {
              const patch = changedFields(editing.status, fields);
              if (Object.keys(patch).length > 0) await updateStatus(db, editing.status.id, patch);
              close();
            }}
          />
        </DialogPanel>
      ) : null}
      {editing?.kind === 'forecast' ? (
        <DialogPanel
          className="pl-dialog"
          title={`Forecast of ${editing.status.name}`}
          onClose={close}
        >
          <StageForecastForm
            status={editing.status}
            onCancel={close}
            onSubmit={async (fields) => {
              const patch = changedFields(editing.status, fields);
              if (Object.keys(patch).length > 0) {
                await updateStatusForecast(db, editing.status.id, patch);
              }
              close();
            }}
          />
        </DialogPanel>
      ) : null}
      {editing?.kind === 'delete' ? (
        <DeleteStatusDialog
          status={editing.status}
          siblings={statuses}
          leadCount={leadCounts.get(editing.status.id) ?? 0}
          onCancel={close}
          onConfirm={async (moveTo) => {
            await deleteStatus(db, editing.status.id, moveTo);
            close();
          }}
        />
      ) : null}
    </section>
  );
}
