import { MutationValidationError } from '../../../sync/validation-error.ts';

/** Field messages from a refused mutation; any other failure becomes one form-level message. */
export function mutationFieldErrors(error: unknown): Record<string, string[]> {
  if (error instanceof MutationValidationError) return error.fieldErrors;
  const message = error instanceof Error ? error.message : 'The change could not be saved';
  return { '': [message] };
}
