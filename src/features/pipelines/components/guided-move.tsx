import { useId, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { LocalDb } from '../../../sync/local-db.ts';
import type { Pipeline } from '../../../sync/types.ts';
import { plural } from '../lib/format.ts';
import { pipelineStatuses } from '../../../sync/read-models/status-order.ts';
import { leadCountsByStatus } from '../lib/queries.ts';
import {
  prefillStatusMap,
  statusMapForMove,
  totalLeads,
  unmappedStatusIds,
  type StatusMap,
} from '../lib/status-mapping.ts';

type GuidedMoveProps = {
  db: LocalDb;
  pipeline: Pipeline;
  /** Pipelines the leads may move to (every other pipeline). */
  targets: readonly Pipeline[];
  onConfirm: (moveTo: { pipeline_id: string; status_map: StatusMap }) => void;
  onCancel: () => void;
};

/** Deleting a pipeline that has leads: pick where every lead goes, then move and delete at once. */
export function GuidedMove({ db, pipeline, targets, onConfirm, onCancel }: GuidedMoveProps) {
  const id = useId();
  const [targetId, setTargetId] = useState(
    () => (targets.find((p) => p.is_default) ?? targets[0])?.id ?? '',
  );
  // The person's own choices per target pipeline, over the by-name prefill.
  const [choices, setChoices] = useState<Record<string, StatusMap>>({});
  const data = useLiveQuery(async () => {
    const [source, counts, target] = await Promise.all([
      pipelineStatuses(db, pipeline.id),
      leadCountsByStatus(db, pipeline.id),
      targetId ? pipelineStatuses(db, targetId) : Promise.resolve([]),
    ]);
    return { source, counts, target };
  }, [db, pipeline.id, targetId]);

  if (!data) return <p>Loading the statuses…</p>;
  const { source, counts, target } = data;
  const map = { ...prefillStatusMap(source, target), ...choices[targetId] };
  const missing = unmappedStatusIds(map, counts);
  const moving = totalLeads(counts);
  const targetName = targets.find((p) => p.id === targetId)?.name ?? '';

  return (
    <div className="pl-guided-move">
      <p>
        {pipeline.name} has {plural(moving, 'lead', 'leads')}. Choose where they go; then they are
        moved and the pipeline is deleted in one step.
      </p>
      <label htmlFor={`${id}-target`}>Move leads to pipeline</label>
      <select id={`${id}-target`} value={targetId} onChange={(e) => setTargetId(e.target.value)}>
        {targets.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </select>
      {target.length === 0 ? (
        <p role="alert">
          {targetName} has no statuses yet. Add a status to it first, or choose another pipeline.
        </p>
      ) : (
        <table>
          <caption>Status mapping</caption>
          <thead>
            <tr>
              <th scope="col">Status in {pipeline.name}</th>
              <th scope="col">Leads</th>
              <th scope="col">Status in {targetName}</th>
            </tr>
          </thead>
          <tbody>
            {source.map((s) => {
              const n = counts.get(s.id) ?? 0;
              return (
                <tr key={s.id}>
                  <th scope="row">{s.name}</th>
                  <td>{n}</td>
                  <td>
                    {n === 0 ? (
                      'No leads to move'
                    ) : (
                      <select
                        aria-label={`Move leads in ${s.name} to`}
                        value={map[s.id] ?? ''}
                        aria-invalid={map[s.id] ? undefined : true}
                        onChange={(e) =>
                          setChoices((c) => ({
                            ...c,
                            [targetId]: { ...c[targetId], [s.id]: e.target.value },
                          }))
                        }
                      >
                        <option value="">Choose a status</option>
                        {target.map((t) => (
                          <option key={t.id} value={t.id}>
                            {t.name}
                          </option>
                        ))}
                      </select>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <p aria-live="polite">
        {missing.length > 0
          ? `Choose a status in ${targetName} for: ${source
              .filter((s) => missing.includes(s.id))
              .map((s) => s.name)
              .join(', ')}.`
          : `${plural(moving, 'lead', 'leads')} will move to ${targetName}.`}
      </p>
      <div className="pl-form-actions">
        <button
          type="button"
          disabled={!targetId || target.length === 0 || missing.length > 0}
          onClick={() =>
            onConfirm({ pipeline_id: targetId, status_map: statusMapForMove(map, counts) })
          }
        >
          Move {plural(moving, 'lead', 'leads')} and delete {pipeline.name}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}
