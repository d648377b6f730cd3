import { useId, useState } from 'react';
import type { Pipeline } from '../../../sync/types.ts';
import { useFormState } from '../hooks/use-form-state.ts';
import {
  PIPELINE_LIMITS,
  pipelineFields,
  validatePipeline,
  type PipelineFormValues,
} from '../lib/form-values.ts';
import { errorProps, FieldError } from './field-error.tsx';

export type PipelineFormResult = ReturnType<typeof pipelineFields> & {
  /** Copy the statuses of this pipeline ("start from a template"); only when creating. */
  templatePipelineId?: string;
};

type PipelineFormProps = {
  /** The pipeline being edited; absent when creating one. */
  pipeline?: Pipeline | undefined;
  /** Pipelines whose statuses a new pipeline may copy, with their status counts. */
  templates?: readonly Pipeline[];
  statusCounts?: ReadonlyMap<string, number>;
  onSubmit: (result: PipelineFormResult) => Promise<void>;
  onCancel: () => void;
};

export function PipelineForm(props: PipelineFormProps) {
  const { pipeline, templates = [], statusCounts, onSubmit, onCancel } = props;
  const id = useId();
  const [template, setTemplate] = useState('');
  const { values, errors, submitting, set, submit } = useFormState<PipelineFormValues>(
    { name: pipeline?.name ?? '', description: pipeline?.description ?? '' },
    validatePipeline,
    async (current) => {
      const fields = pipelineFields(current);
      await onSubmit(template ? { ...fields, templatePipelineId: template } : fields);
    },
  );

  return (
    <form
      aria-label={pipeline ? `Edit pipeline ${pipeline.name}` : 'New pipeline'}
      noValidate
      onSubmit={(event) => void submit(event)}
    >
      <label htmlFor={`${id}-name`}>Pipeline name</label>
      <input
        id={`${id}-name`}
        value={values.name}
        required
        maxLength={PIPELINE_LIMITS.name}
        {...errorProps(`${id}-name`, errors.name)}
        onChange={(event) => set('name', event.target.value)}
      />
      <FieldError id={`${id}-name`} message={errors.name} />

      <label htmlFor={`${id}-description`}>Pipeline description (optional)</label>
      <textarea
        id={`${id}-description`}
        value={values.description}
        rows={2}
        {...errorProps(`${id}-description`, errors.description)}
        onChange={(event) => set('description', event.target.value)}
      />
      <FieldError id={`${id}-description`} message={errors.description} />

      {pipeline ? null : (
        <>
          <label htmlFor={`${id}-template`}>Start with</label>
          <select
            id={`${id}-template`}
            value={template}
            onChange={(event) => setTemplate(event.target.value)}
          >
            <option value="">No statuses (add them later)</option>
            {templates.map((p) => (
              <option key={p.id} value={p.id}>
                Copy the statuses of {p.name} ({statusCounts?.get(p.id) ?? 0})
              </option>
            ))}
          </select>
        </>
      )}

      <FieldError id={`${id}-form`} message={errors.form} />
      <div className="pl-form-actions">
        <button type="submit" disabled={submitting}>
          {pipeline ? 'Save pipeline' : 'Create pipeline'}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
