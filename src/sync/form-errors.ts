import type * as z from 'zod/mini';
import { MutationValidationError } from './validation-error.ts';

// One way for every form to show a refusal: messages keyed by the form field they concern (the
// last segment of the argument path: 'patch.email' → 'email'), and 'form' for the rest.

export type FormErrors = Partial<Record<string, string>>;

export const FORM = 'form';

/** MutationValidationError's messages (by argument path) as messages by form field. */
export function errorsByField(fieldErrors: Record<string, string[]>): FormErrors {
  const out: FormErrors = {};
  for (const [path, messages] of Object.entries(fieldErrors)) {
    const field = path.split('.').at(-1) || FORM;
    const message = messages.join(' ');
    out[field] = out[field] ? `${out[field]} ${message}` : message;
  }
  return out;
}

/** What a failed mutate() shows: its field messages, or any other failure as one form message. */
export function refusalErrors(error: unknown): FormErrors {
  if (error instanceof MutationValidationError) return errorsByField(error.fieldErrors);
  return { [FORM]: error instanceof Error ? error.message : 'The change could not be saved' };
}

/** A form's values checked against (part of) a mutation's args schema, before anything is queued. */
export function schemaErrors(schema: z.ZodMiniType, values: unknown): FormErrors {
  const parsed = schema.safeParse(values);
  return parsed.success ? {} : errorsByField(MutationValidationError.messagesByPath(parsed.error));
}

export function hasErrors(errors: FormErrors): boolean {
  return Object.values(errors).some(Boolean);
}

/** Messages that match none of `fields` (shown once, above the form). */
export function otherErrors(errors: FormErrors, fields: readonly string[]): string[] {
  return Object.entries(errors)
    .filter(([field, message]) => message && !fields.includes(field))
    .map(([, message]) => message ?? '');
}
