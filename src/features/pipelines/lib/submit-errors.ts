import { MutationValidationError } from '../../../sync/validation-error.ts';
import { errorsFromFieldErrors, type FieldErrors } from './form-values.ts';

/** What a failed submit shows: field messages from the mutation's validation, or one form error. */
export function submitErrors(error: unknown): FieldErrors {
  if (error instanceof MutationValidationError) return errorsFromFieldErrors(error.fieldErrors);
  return { form: error instanceof Error ? error.message : 'The change could not be saved' };
}
