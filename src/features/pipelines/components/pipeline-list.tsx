import { memo } from 'react';
import type { Pipeline } from '../../../sync/types.ts';
import { plural } from '../lib/format.ts';
import { SortableList } from './sortable-list.tsx';

type PipelineListProps = {
  pipelines: readonly Pipeline[];
  statusCounts: ReadonlyMap<string, number>;
  leadCounts: ReadonlyMap<string, number>;
  selectedId: string | undefined;
  canManage: boolean;
  onSelect: (id: string) => void;
  onReorder: (ids: string[]) => void;
};

// Rows are memoised and their counts come from the page's two aggregated queries, so 200
// pipelines render once and a change re-renders only the rows whose numbers changed.
const PipelineRow = memo(function PipelineRow(props: {
  pipeline: Pipeline;
  statuses: number;
  leads: number;
  selected: boolean;
  onSelect: (id: string) => void;
}) {
  const { pipeline, statuses, leads, selected, onSelect } = props;
  return (
    <button
      type="button"
      className="pl-pipeline-row"
      aria-current={selected ? 'true' : undefined}
      onClick={() => onSelect(pipeline.id)}
    >
      <span className="pl-pipeline-name">{pipeline.name}</span>
      {pipeline.is_default ? <span className="pl-badge">Default</span> : null}
      <span className="pl-pipeline-counts">
        {plural(leads, 'lead', 'leads')} · {plural(statuses, 'status', 'statuses')}
      </span>
    </button>
  );
});

export function PipelineList(props: PipelineListProps) {
  const { pipelines, statusCounts, leadCounts, selectedId, canManage, onSelect, onReorder } = props;
  return (
    <SortableList
      id="pipelines"
      label="Pipelines"
      items={pipelines}
      getKey={(p) => p.id}
      getName={(p) => p.name}
      sortable={canManage}
      onReorder={(ordered) => onReorder(ordered.map((p) => p.id))}
      // The one pipeline order puts the default first (comparePipelines); it is moved there by
      // "Make default", not by dragging.
      fixedCount={pipelines[0]?.is_default ? 1 : 0}
      renderItem={(p) => (
        <PipelineRow
          pipeline={p}
          statuses={statusCounts.get(p.id) ?? 0}
          leads={leadCounts.get(p.id) ?? 0}
          selected={p.id === selectedId}
          onSelect={onSelect}
        />
      )}
    />
  );
}
