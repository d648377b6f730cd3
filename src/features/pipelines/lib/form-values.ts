import * as z from 'zod/mini';
import type { FormErrors } from '../../../sync/form-errors.ts';
import { schemaErrors } from '../../../sync/form-errors.ts';
import { createPipeline } from '../../../sync/mutations/create-pipeline.ts';
import { createPipelineStatus } from '../../../sync/mutations/create-pipeline-status.ts';
import { maxLengthOf } from '../../../sync/schema-limits.ts';
import type { PipelineStatus } from '../../../sync/types.ts';
import { findDuplicateName } from './status-names.ts';

// Form state is plain strings; these turn it into mutation fields (blank → null) and check them
// with the mutation's own schema, so the rules, limits and messages are the ones mutate() and
// the database apply, shown inline before anything is queued.

export type PipelineFormValues = { name: string; description: string };

const pipelineSchema = z.pick(createPipeline.args, { name: true, description: true });

/** Input limits, read from the schema (the inputs' maxLength). */
export const PIPELINE_LIMITS = {
  name: maxLengthOf(pipelineSchema.shape.name),
  description: maxLengthOf(pipelineSchema.shape.description),
};

export function validatePipeline(values: PipelineFormValues): FormErrors {
  return schemaErrors(pipelineSchema, pipelineFields(values));
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

const statusSchema = z.pick(createPipelineStatus.args, {
  name: true,
  description: true,
  color_hex: true,
  icon_name: true,
  is_final: true,
  ai_action_template: true,
});

export const STATUS_LIMITS = {
  name: maxLengthOf(statusSchema.shape.name),
  description: maxLengthOf(statusSchema.shape.description),
  icon_name: maxLengthOf(statusSchema.shape.icon_name),
  ai_action_template: maxLengthOf(statusSchema.shape.ai_action_template),
};

/** The schema's rules, plus the case-insensitive duplicate name the form can see locally. */
export function validateStatus(
  values: StatusFormValues,
  siblings: readonly PipelineStatus[],
  exceptId?: string,
): FormErrors {
  const errors = schemaErrors(statusSchema, statusFields(values));
  const duplicate = findDuplicateName(siblings, values.name.trim(), exceptId);
  if (!errors.name && duplicate)
    errors.name = `This pipeline already has a status called “${duplicate.name}” (names are compared ignoring case)`;
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
