import { useId } from 'react';
import type { Pipeline } from '../../../sync/types.ts';

type PipelineSelectorProps = {
  /** Already in display order (default first, see comparePipelines). */
  pipelines: readonly Pipeline[];
  selectedId: string | null;
  onSelect: (pipelineId: string) => void;
};

/** A native select: keyboard, touch and screen readers get the platform's own behaviour. */
export function PipelineSelector({ pipelines, selectedId, onSelect }: PipelineSelectorProps) {
  const id = useId();
  return (
    <div className="pipeline-selector">
      <label htmlFor={id} className="visually-hidden">
        Pipeline
      </label>
      <select
        id={id}
        className="control-select control-select--strong"
        value={selectedId ?? ''}
        disabled={pipelines.length === 0}
        onChange={(event) => onSelect(event.target.value)}
      >
        {pipelines.length === 0 && <option value="">No pipelines yet</option>}
        {pipelines.map((p) => (
          <option key={p.id} value={p.id}>
            {p.is_default ? `${p.name} (default)` : p.name}
          </option>
        ))}
      </select>
    </div>
  );
}
