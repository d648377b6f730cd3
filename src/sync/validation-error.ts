import type * as z from 'zod/mini';

/** A mutation refused on this device before anything was written (bad input or local state). */
export class MutationValidationError extends Error {
  override readonly name = 'MutationValidationError';
  constructor(
    readonly mutation: string,
    /** Messages by argument path, e.g. { 'patch.email': ['Enter a valid email address'] }. */
    readonly fieldErrors: Record<string, string[]>,
  ) {
    super(
      `${mutation}: ${Object.entries(fieldErrors)
        .map(([field, messages]) => `${field || 'args'}: ${messages.join('; ')}`)
        .join(', ')}`,
    );
  }

  /** A zod parse's issues by argument path ('patch.email', '' for the whole object). */
  static messagesByPath(error: z.core.$ZodError): Record<string, string[]> {
    const out: Record<string, string[]> = {};
    for (const issue of error.issues)
      (out[issue.path.map(String).join('.')] ??= []).push(issue.message);
    return out;
  }

  static single(mutation: string, field: string, message: string): MutationValidationError {
    return new MutationValidationError(mutation, { [field]: [message] });
  }
}
