import { useId } from 'react';
import type { PipelineStatus } from '../../../sync/types.ts';
import { useFormState } from '../hooks/use-form-state.ts';
import {
  statusFields,
  statusFormValues,
  STATUS_LIMITS,
  validateStatus,
  type StatusFormValues,
} from '../lib/form-values.ts';
import type { FormErrors } from '../../../sync/form-errors.ts';
import { ActionTemplateEditor } from './action-template-editor.tsx';
import { ColorField } from './color-field.tsx';
import { errorProps, FieldError } from './field-error.tsx';
import { IconPicker } from './icon-picker.tsx';

export type StatusFields = ReturnType<typeof statusFields>;

type StatusFormProps = {
  /** The status being edited; absent when adding one. */
  status?: PipelineStatus | undefined;
  /** The pipeline's statuses, for the case-insensitive duplicate-name check. */
  siblings: readonly PipelineStatus[];
  onSubmit: (fields: StatusFields) => Promise<void>;
  onCancel: () => void;
};

export function StatusForm({ status, siblings, onSubmit, onCancel }: StatusFormProps) {
  const id = useId();
  const { values, errors, submitting, set, submit } = useFormState<StatusFormValues>(
    () => statusFormValues(status),
    (current) => validateStatus(current, siblings, status?.id),
    (current) => onSubmit(statusFields(current)),
  );
  // Name errors show as soon as the person types: a duplicate is caught before saving.
  const live = validateStatus(values, siblings, status?.id);
  const shown: FormErrors = {
    ...errors,
    name: live.name && values.name ? live.name : errors.name,
  };

  return (
    <form
      aria-label={status ? `Edit status ${status.name}` : 'New status'}
      noValidate
      onSubmit={(event) => void submit(event)}
    >
      <label htmlFor={`${id}-name`}>Status name</label>
      <input
        id={`${id}-name`}
        value={values.name}
        required
        maxLength={STATUS_LIMITS.name}
        {...errorProps(`${id}-name`, shown.name)}
        onChange={(event) => set('name', event.target.value)}
      />
      <FieldError id={`${id}-name`} message={shown.name} />

      <label htmlFor={`${id}-description`}>Status description</label>
      <textarea
        id={`${id}-description`}
        value={values.description}
        rows={2}
        {...errorProps(`${id}-description`, shown.description)}
        onChange={(event) => set('description', event.target.value)}
      />
      <FieldError id={`${id}-description`} message={shown.description} />

      <ColorField
        value={values.color_hex}
        previewText={values.name}
        error={shown.color_hex}
        onChange={(value) => set('color_hex', value)}
      />
      <IconPicker value={values.icon_name} onChange={(value) => set('icon_name', value)} />
      <FieldError id={`${id}-icon`} message={shown.icon_name} />

      <label>
        <input
          type="checkbox"
          checked={values.is_final}
          onChange={(event) => set('is_final', event.target.checked)}
        />{' '}
        Final status (the lead is won or lost)
      </label>

      <ActionTemplateEditor
        value={values.ai_action_template}
        statusName={values.name}
        error={shown.ai_action_template}
        onChange={(value) => set('ai_action_template', value)}
      />

      <FieldError id={`${id}-form`} message={shown.form} />
      <div className="pl-form-actions">
        <button type="submit" disabled={submitting}>
          {status ? 'Save status' : 'Add status'}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
