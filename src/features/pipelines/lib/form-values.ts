import { isHexColor } from '../../../lib/color-contrast.ts';
import type { PipelineStatus } from '../../../sync/types.ts';
import { findDuplicateName } from './status-names.ts';

// Form state is plain strings; these turn it into mutation fields (blank → null) and check it
// with the same limits as the database, so mistakes show inline before anything is queued.

export type FieldErrors = Partial<Record<string, string>>;

export type PipelineFormValues = { name: string; description: string };

export function validatePipeline(values: PipelineFormValues): FieldErrors {
  const errors: FieldErrors = {};
  const name = values.name.trim();
  if (!name) errors.name = 'Pipeline name is required';
  else if (name.length > 120) errors.name = 'Pipeline name must be at most 120 characters';
  if (values.description.trim().length > 2000)
    errors.description = 'Description must be at most 2000 characters';
  return errors;
}

export type StatusFormValues = {
  name: string;
  description: string;
  color_hex: string;
  icon_name: string;
  is_final: boolean;
  ai_action_template: string;
};

export function statusFormValues(status?: PipelineStatus): StatusFormValues {
  return {
    name: status?.name ?? '',
    description: status?.description ?? '',
    color_hex: status?.color_hex ?? '',
    icon_name: status?.icon_name ?? '',
    is_final: status?.is_final ?? false,
    ai_action_template: status?.ai_action_template ?? '',
  };
}

export function validateStatus(
  values: StatusFormValues,
  siblings: readonly PipelineStatus[],
  exceptId?: string,
): FieldErrors {
  const errors: FieldErrors = {};
  const name = values.name.trim();
  const duplicate = findDuplicateName(siblings, name, exceptId);
  if (!name) errors.name = 'Status name is required';
  else if (name.length > 80) errors.name = 'Status name must be at most 80 characters';
  else if (duplicate)
    errors.name = `This pipeline already has a status called “${duplicate.name}” (names are compared ignoring case)`;
  if (values.color_hex && !isHexColor(values.color_hex))
    errors.color_hex = 'Color must look like #RRGGBB, e.g. #1E40AF';
  if (values.description.trim().length > 2000)
    errors.description = 'Description must be at most 2000 characters';
  if (values.ai_action_template.trim().length > 1000)
    errors.ai_action_template = 'Action template must be at most 1000 characters';
  if (values.icon_name.trim().length > 64) errors.icon_name = 'Icon name is too long';
  return errors;
}

const orNull = (value: string) => (value.trim() === '' ? null : value.trim());

/** The status columns a create/update mutation takes. */
export function statusFields(values: StatusFormValues) {
  return {
    name: values.name.trim(),
    description: orNull(values.description),
    color_hex: values.color_hex ? values.color_hex.toUpperCase() : null,
    icon_name: orNull(values.icon_name),
    is_final: values.is_final,
    ai_action_template: orNull(values.ai_action_template),
  };
}

export function pipelineFields(values: PipelineFormValues) {
  return { name: values.name.trim(), description: orNull(values.description) };
}

export function hasErrors(errors: FieldErrors): boolean {
  return Object.values(errors).some(Boolean);
}

/** Field messages from a MutationValidationError ('patch.name' → 'name'). */
export function errorsFromFieldErrors(fieldErrors: Record<string, string[]>): FieldErrors {
  const errors: FieldErrors = {};
  for (const [path, messages] of Object.entries(fieldErrors)) {
    const field = path.split('.').pop() || 'form';
    errors[field] = messages.join('; ');
  }
  return errors;
}
